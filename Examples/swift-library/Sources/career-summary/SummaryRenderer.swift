import CursusCore

/// A renderer written in Swift: a paragraph per person that sums up the career (how many posts,
/// from when, the longest held), in the output's language and date style.
struct SummaryRenderer: Renderer {
    let descriptor = RendererDescriptor(
        name: "summary",
        summary: "A paragraph per person summing up the career",
        fileExtensions: ["txt"],
        options: [])

    func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let dossier = request.dossier
        let words = request.presentation
        var paragraphs: [String] = []
        for person in dossier.people {
            let posts = dossier.chronologicalTenures.filter { $0.person == person.id }
            guard let start = posts.first?.start else { continue }
            // The renderer's own words are English; the dates and counts follow the output's locale.
            var text = "\(person.name) held \(words.words.count("post", posts.count)) from \(words.date(start))"
            let dated = posts.compactMap { post in days(post, asOf: request.asOf).map { (post, $0) } }
            if let (longest, length) = dated.max(by: { $0.1 < $1.1 }) {
                text += "; the longest, for \(length / 365) years: \(longest.office) (\(words.span(longest)))"
            }
            paragraphs.append(text + ".")
        }
        let writer = try output.textWriter()
        writer.write(paragraphs.joined(separator: "\n\n") + "\n")
        try writer.close()
    }

    /// How many days a post lasted, from its earliest start to its latest end (as_of when ongoing).
    private func days(_ tenure: Tenure, asOf: CalendarDay) -> Int? {
        guard let start = tenure.start?.earliest, let end = tenure.ongoing ? asOf : tenure.end?.latest else { return nil }
        return end.daysSinceEpoch - start.daysSinceEpoch + 1
    }
}
