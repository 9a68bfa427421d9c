import CursusCore

/// What a chronology shows, ready for a template: the career summary, the dated entries
/// (tenure starts and ends, milestones, events) in date order, and numbered sources.
struct Chronology {
    /// Which kinds of entry to include.
    struct Parts: OptionSet {
        let rawValue: Int
        static let tenures = Parts(rawValue: 1)
        static let milestones = Parts(rawValue: 2)
        static let events = Parts(rawValue: 4)
    }

    struct Post {
        /// The tenure's id.
        var tenure: String
        var dates: String
        /// Who held it, when the dossier describes several people.
        var holder: String?
        var office: String
        var place: String?
        var category: String?
    }

    struct Entry {
        enum Kind: String {
            case start, end, milestone, event
        }

        var date: EDTF
        var kind: Kind
        var text: String
        var citations: [Citation]
        var category: String?
        /// Other dates sources give for this one (`disputed`), each with its citations.
        var alternatives: [Dispute] = []
        /// The tenure a start, end or milestone belongs to.
        var tenure: String?
    }

    /// A note: a source, with the passage that one or more entries quote from it (a source cited
    /// without a quote has one note for all its citations).
    struct NumberedSource {
        var number: Int
        var source: Source
        var citation: Citation
    }

    var posts: [Post] = []
    var entries: [Entry] = []
    var sources: [NumberedSource] = []
    /// Citation → note number, in order of first citation; plain citations stand for their source.
    var numbers: [Citation: Int] = [:]

    /// The language and date style entries are written in.
    let presentation: Presentation

    init(_ dossier: Dossier, parts: Parts, presentation: Presentation = .standard) {
        self.presentation = presentation
        let words = presentation.words
        let tenures = dossier.chronologicalTenures
        // With several people, each post and entry says whose it is.
        let names = Dictionary(dossier.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let several = dossier.people.count > 1
        // Posts and entries are written on every core (a career of a million posts is still quick).
        posts = Parallel.map(tenures.count) { index in
            let tenure = tenures[index]
            return Post(
                tenure: tenure.id, dates: presentation.span(tenure), holder: several ? names[tenure.person] : nil, office: tenure.office,
                place: tenure.place ?? tenure.organization, category: tenure.category)
        }
        var entries = Parallel.map(tenures.count) { index -> [Entry] in
            let tenure = tenures[index]
            var entries: [Entry] = []
            let whereHeld = tenure.place ?? tenure.organization
            let place = whereHeld.map { TextMatch.contains(tenure.office, ignoringCase: $0) ? "" : ", \($0)" } ?? ""
            let who = several ? names[tenure.person] : nil
            if parts.contains(.tenures), let start = tenure.start {
                entries.append(
                    Entry(
                        date: start, kind: .start,
                        text: who.map { words.text("text.starts_holder", ["holder": $0, "office": tenure.office + place]) }
                            ?? words.text("text.starts", ["office": tenure.office + place]),
                        citations: tenure.sources,
                        category: tenure.category, alternatives: tenure.disputed.filter { $0.field == "start" }, tenure: tenure.id))
            }
            if parts.contains(.milestones) {
                for milestone in tenure.milestones {
                    var text = [milestone.title, milestone.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ")
                    if let who { text = "\(who): \(text)" }
                    entries.append(
                        Entry(
                            date: milestone.date, kind: .milestone, text: text,
                            citations: milestone.sources.isEmpty ? tenure.sources : milestone.sources, category: tenure.category,
                            alternatives: milestone.disputed.filter { $0.field == "date" }, tenure: tenure.id))
                }
            }
            if parts.contains(.tenures), let end = tenure.end {
                entries.append(
                    Entry(
                        date: end, kind: .end,
                        text: who.map { words.text("text.leaves_holder", ["holder": $0, "office": tenure.office]) }
                            ?? words.text("text.leaves", ["office": tenure.office]),
                        citations: tenure.sources,
                        category: tenure.category, alternatives: tenure.disputed.filter { $0.field == "end" }, tenure: tenure.id))
            }
            return entries
        }.flatMap { $0 }
        if parts.contains(.events) {
            for event in dossier.chronologicalEvents {
                let text = [event.title, event.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ")
                entries.append(
                    Entry(
                        date: event.date, kind: .event, text: text, citations: event.sources, category: event.category,
                        alternatives: event.disputed.filter { $0.field == "date" }))
            }
        }
        // Stable: entries of one date keep tenure order, then events.
        self.entries = entries.sortedStably { $0.date.sortKey }

        var cited: [Citation] = []
        let cites = self.entries.flatMap { $0.citations + $0.alternatives.flatMap(\.sources) }
        for citation in cites + dossier.people.flatMap(\.sources) + dossier.tenures.flatMap(\.sources)
        where numbers[Self.noteKey(citation)] == nil {
            numbers[Self.noteKey(citation)] = numbers.count + 1
            cited.append(Self.noteKey(citation))
        }
        let byID = Dictionary(dossier.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sources = cited.compactMap { citation in
            byID[citation.source].map { NumberedSource(number: numbers[citation]!, source: $0, citation: citation) }
        }
        for source in dossier.sources where numbers[Citation(source.id)] == nil {
            numbers[Citation(source.id)] = numbers.count + 1
            sources.append(NumberedSource(number: numbers[Citation(source.id)]!, source: source, citation: Citation(source.id)))
        }
    }

    /// The note a citation points to: its own when it quotes a passage or gives a place, else its source's.
    static func noteKey(_ citation: Citation) -> Citation { citation.isPlain ? Citation(citation.source) : citation }

    /// "(18 Dec 2016 according to [3]; …) " for an entry's other dates, or ""; `escape` makes
    /// the dates safe for the format, `markers` writes the citations (by default "[3]").
    func alternatives(_ entry: Entry, escape: (String) -> String, markers: (([Citation]) -> String)? = nil) -> String {
        let said = entry.alternatives.map { dispute -> String in
            let date = escape((try? EDTF(dispute.value)).map(presentation.date) ?? dispute.value)
            let markers = markers?(dispute.sources) ?? self.markers(dispute.sources)
            return markers.isEmpty
                ? presentation.text("text.according_other", ["date": date])
                : presentation.text("text.according", ["date": date, "sources": markers])
        }
        return said.isEmpty ? "" : "(" + said.joined(separator: "; ") + ") "
    }

    /// "[1, 2]" for the entry's citations, or "" when it cites none.
    func markers(_ citations: [Citation]) -> String {
        let numbers = noteNumbers(citations)
        return numbers.isEmpty ? "" : "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }

    /// The numbers of the notes `citations` point to, in their order.
    func noteNumbers(_ citations: [Citation]) -> [Int] { citations.compactMap { numbers[Self.noteKey($0)] } }

    /// A note as one line of text: the source's title, author, publisher, dates and quote, then
    /// the passage the citation quotes and where it stands (the URL is the template's).
    func describe(_ source: Source, citing citation: Citation) -> String {
        source.title + details(source, citing: citation)
    }

    /// What follows the title in a note: ". Author. Publisher. 2017. “quote”" and the cited passage.
    func details(_ source: Source, citing citation: Citation) -> String {
        var parts: [String] = []
        if let author = source.author { parts.append(author) }
        if let publisher = source.publisher { parts.append(publisher) }
        if let published = source.published { parts.append(presentation.date(published)) }
        if let accessed = source.accessed { parts.append(presentation.text("text.accessed", ["date": presentation.date(accessed)])) }
        if let quote = source.quote { parts.append("“\(quote)”") }
        var text = parts.map { ". " + $0 }.joined() + "."
        if let quote = citation.quote, !quote.isEmpty { text += " “\(quote)”" }
        if let locator = citation.locator, !locator.isEmpty { text += " (\(locator))" }
        return text
    }
}
