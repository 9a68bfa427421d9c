import CursusCore

/// The career as TimelineJS3 JSON: a title slide, a slide per post (from its start to its end),
/// per milestone and per event, dates as year, month and day parts at their precision with the
/// reading form as `display_date`, grouped by category, each slide's text citing its sources.
public struct TimelineJSRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// Writes `.json`; takes no options.
    public let descriptor = RendererDescriptor(
        name: "timelinejs",
        summary: "TimelineJS3 JSON: a slide per post, milestone and event, dates at their precision, citing sources",
        fileExtensions: ["json"],
        options: [])

    /// Writes the slides in date order.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let dossier = request.dossier
        let sources = Dictionary(dossier.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func cited(_ citations: [Citation]) -> String {
            let names = citations.compactMap { citation -> String? in
                guard let source = sources[citation.source] else { return nil }
                let title = Escaping.xml(source.title)
                guard let url = source.url, LinkSchemes.isLinkable(url) else { return title }
                return "<a href=\"\(Escaping.xml(url))\">\(title)</a>"
            }
            // The titles are already escaped and linked: the words go in escaped around them.
            let list = request.presentation.words.text(
                "text.sources_list", escapedBy: Escaping.xml, ["sources": names.joined(separator: "; ")])
            return names.isEmpty ? "" : "<p>" + list + "</p>"
        }
        var slides: [(key: EDTF.SortKey, value: EncodedValue)] = []
        func slide(
            _ id: String, start: EDTF, end: EDTF?, headline: String, text: String?, citations: [Citation], group: String?
        ) {
            guard var fields = Self.date(start, in: request.presentation).map({ [("start_date", $0)] }) else { return }
            if let end, let value = Self.date(end, last: true, in: request.presentation) { fields.append(("end_date", value)) }
            let body = [text.map { "<p>\(Escaping.xml($0))</p>" }, cited(citations)].compactMap { $0 }.filter { !$0.isEmpty }.joined()
            fields.append(("text", .map([("headline", .string(Escaping.xml(headline))), ("text", .string(body))])))
            if let group { fields.append(("group", .string(group))) }
            fields.append(("unique_id", .string(id)))
            slides.append((start.sortKey, .map(fields)))
        }
        for tenure in dossier.tenures {
            if let start = tenure.start {
                let place = tenure.place.map { ", \($0)" } ?? ""
                slide(
                    "tenure-\(tenure.id)", start: start, end: tenure.ongoing ? try? EDTF(request.asOf.iso) : tenure.end,
                    headline: tenure.office + place, text: tenure.notes, citations: tenure.sources, group: tenure.category)
            }
            for (index, milestone) in tenure.milestones.enumerated() {
                slide(
                    "tenure-\(tenure.id)-milestone-\(index + 1)", start: milestone.date, end: nil, headline: milestone.title,
                    text: milestone.description, citations: milestone.sources.isEmpty ? tenure.sources : milestone.sources,
                    group: tenure.category)
            }
        }
        for event in dossier.events {
            // An interval's end is its own slide's end.
            let parts = event.date.text.split(separator: "/", omittingEmptySubsequences: false)
            let end = parts.count == 2 ? try? EDTF(String(parts[1])) : nil
            slide(
                "event-\(event.id)", start: event.date, end: end, headline: event.title, text: event.description, citations: event.sources,
                group: event.category)
        }
        let ordered = slides.sortedStably(by: \.key).map(\.value)
        let person = dossier.people.count == 1 ? dossier.people[0] : nil
        let title: EncodedValue = .map([
            (
                "text",
                .map([
                    ("headline", .string(Escaping.xml(request.title ?? person?.name ?? "Careers"))),
                    ("text", .string(person?.nativeName.map { "<p>\(Escaping.xml($0))</p>" } ?? "")),
                ])
            )
        ])
        let document: EncodedValue = .map([("title", title), ("events", .list(ordered))])
        let writer = try output.textWriter()
        writer.write(DossierWriter.json(document) + "\n")
        try writer.close()
    }

    /// A TimelineJS date: year, and month and day when the date has them, with the reading
    /// form; nil for a date with no known day at that end (an open interval's).
    static func date(_ date: EDTF, last: Bool = false, in presentation: Presentation) -> EncodedValue? {
        guard let day = last ? date.latest : date.earliest else { return nil }
        var parts: [(String, EncodedValue)] = [("year", .int(day.year))]
        switch date.precision {
        case .day:
            parts += [("month", .int(day.month)), ("day", .int(day.day))]
        case .month:
            parts.append(("month", .int(day.month)))
        default: break
        }
        parts.append(("display_date", .string(presentation.date(date))))
        return .map(parts)
    }
}
