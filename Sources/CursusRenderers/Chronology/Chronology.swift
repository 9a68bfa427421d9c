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
        var dates: String
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
        var sourceIDs: [String]
        var category: String?
    }

    struct NumberedSource {
        var number: Int
        var source: Source
    }

    var posts: [Post] = []
    var entries: [Entry] = []
    var sources: [NumberedSource] = []
    /// Source id → note number, in order of first citation.
    var numbers: [String: Int] = [:]

    init(_ dossier: Dossier, parts: Parts) {
        let tenures = dossier.chronologicalTenures
        posts = tenures.map { tenure in
            Post(dates: Self.span(tenure), office: tenure.office, place: tenure.place ?? tenure.organization, category: tenure.category)
        }
        var entries: [Entry] = []
        for tenure in tenures {
            let whereHeld = tenure.place ?? tenure.organization
            let place = whereHeld.map { tenure.office.localizedCaseInsensitiveContains($0) ? "" : ", \($0)" } ?? ""
            if parts.contains(.tenures), let start = tenure.start {
                entries.append(
                    Entry(
                        date: start, kind: .start, text: "Starts as \(tenure.office)\(place)", sourceIDs: tenure.sources,
                        category: tenure.category))
            }
            if parts.contains(.milestones) {
                for milestone in tenure.milestones {
                    let text = [milestone.title, milestone.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ")
                    entries.append(
                        Entry(
                            date: milestone.date, kind: .milestone, text: text,
                            sourceIDs: milestone.sources.isEmpty ? tenure.sources : milestone.sources, category: tenure.category))
                }
            }
            if parts.contains(.tenures), let end = tenure.end {
                entries.append(
                    Entry(
                        date: end, kind: .end, text: "Leaves the post of \(tenure.office)", sourceIDs: tenure.sources,
                        category: tenure.category))
            }
        }
        if parts.contains(.events) {
            for event in dossier.chronologicalEvents {
                let text = [event.title, event.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ")
                entries.append(Entry(date: event.date, kind: .event, text: text, sourceIDs: event.sources, category: event.category))
            }
        }
        // Stable: entries of one date keep tenure order, then events.
        let keys = entries.map(\.date.sortKey)
        self.entries = entries.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { entries[$0] }

        var cited: [String] = []
        for id in self.entries.flatMap(\.sourceIDs) + dossier.people.flatMap(\.sources) + dossier.tenures.flatMap(\.sources)
        where numbers[id] == nil {
            numbers[id] = numbers.count + 1
            cited.append(id)
        }
        let byID = Dictionary(dossier.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sources = cited.compactMap { id in byID[id].map { NumberedSource(number: numbers[id]!, source: $0) } }
        for source in dossier.sources where numbers[source.id] == nil {
            numbers[source.id] = numbers.count + 1
            sources.append(NumberedSource(number: numbers[source.id]!, source: source))
        }
    }

    /// "[1, 2]" for the entry's sources, or "" when it cites none.
    func markers(_ ids: [String]) -> String {
        let numbers = ids.compactMap { self.numbers[$0] }
        return numbers.isEmpty ? "" : "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }

    /// "Jul 2008 – Aug 2017", "Sep 2017 – present", "1998 – ?".
    static func span(_ tenure: Tenure) -> String {
        let start = tenure.start?.display ?? "?"
        let end = tenure.ongoing ? "present" : (tenure.end?.display ?? "?")
        return "\(start) – \(end)"
    }

    /// A source as one line of text: title, author, publisher, dates, quote (the URL is the template's).
    static func describe(_ source: Source) -> String {
        var parts = [source.title]
        if let author = source.author { parts.append(author) }
        if let publisher = source.publisher { parts.append(publisher) }
        if let published = source.published { parts.append(published.display) }
        if let accessed = source.accessed { parts.append("Accessed \(accessed.display)") }
        if let quote = source.quote { parts.append("“\(quote)”") }
        return parts.joined(separator: ". ") + "."
    }
}
