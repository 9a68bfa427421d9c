import CursusCore
import Foundation

/// Merges an import into a dossier someone keeps: what is already there is matched, not
/// duplicated; what is new is added; what the dossier says is never changed. Where the import
/// says otherwise (another start, another successor), its value is kept as a dispute with its
/// source. Records keep their order; new ones follow.
public struct DossierMerge {
    /// What the merge did, a line each, for `--dry-run` and for the terminal.
    public struct Report: Sendable {
        /// "person 'ada'", "tenure 'envoy-1998'" …
        public var added: [String] = []
        /// "tenure 'envoy' (imported 'russian-ambassador-1998')"
        public var matched: [String] = []
        /// "tenure 'envoy' start: 1998-02-25 here, 1998-02-24 according to 'wikidata'"
        public var disputed: [String] = []

        /// The report as lines of text.
        public var lines: [String] {
            added.map { "added: \($0)" } + matched.map { "matched: \($0)" } + disputed.map { "disputed: \($0)" }
        }
    }

    /// The merged dossier.
    public private(set) var dossier: Dossier
    /// What was added, matched and disputed.
    public private(set) var report = Report()

    private var sourceIDs: [String: String] = [:]
    private var personIDs: [String: String] = [:]
    private var tenureIDs: [String: String] = [:]
    private var ids = IDMaker()

    /// Merges `imported` into `existing`.
    public init(_ imported: Dossier, into existing: Dossier) {
        dossier = existing
        for id in existing.people.map(\.id) + existing.tenures.map(\.id) + existing.events.map(\.id) + existing.sources.map(\.id) {
            ids.reserve(id)
        }
        for source in imported.sources { mergeSource(source) }
        for person in imported.people { mergePerson(person) }
        for tenure in imported.tenures { mergeTenure(tenure) }
        for event in imported.events { mergeEvent(event) }
    }

    // MARK: - Records

    /// A source with the same URL, or the same title where one of them has no URL, is the same source.
    private mutating func mergeSource(_ source: Source) {
        if let found = dossier.sources.first(where: {
            ($0.url != nil && $0.url == source.url)
                || (($0.url == nil || source.url == nil) && TextMatch.normalized($0.title) == TextMatch.normalized(source.title))
        }) {
            sourceIDs[source.id] = found.id
            return
        }
        var added = source
        added.id = ids.unique(source.id)
        added.location = nil
        sourceIDs[source.id] = added.id
        dossier.sources.append(added)
        report.added.append("source '\(added.id)'")
    }

    /// The same external id, else the same name.
    private mutating func mergePerson(_ person: Person) {
        let index =
            dossier.people.firstIndex { sharesID($0.ids, person.ids) }
            ?? dossier.people.firstIndex { TextMatch.normalized($0.name) == TextMatch.normalized(person.name) }
        guard let index else {
            var added = cited(person)
            added.id = ids.unique(person.id)
            added.disputed = added.disputed.map(cited)
            added.location = nil
            personIDs[person.id] = added.id
            dossier.people.append(added)
            report.added.append("person '\(added.id)'")
            return
        }
        personIDs[person.id] = dossier.people[index].id
        var here = dossier.people[index]
        let label = "person '\(here.id)'"
        let citations = person.sources.map(cited)
        here.ids = Self.union(here.ids, person.ids)
        for (key, value) in [("born", person.born?.text), ("died", person.died?.text)] {
            guard let value else { continue }
            let path: WritableKeyPath<Person, EDTF?> = key == "born" ? \.born : \.died
            mergeDate(&here, path, key, value, citations: citations, label: label)
        }
        for path in [\Person.birthPlace, \.deathPlace, \.nationality] {
            if here[keyPath: path] == nil { here[keyPath: path] = person[keyPath: path] }
        }
        if here.nativeName == nil {
            here.nativeName = person.nativeName
            here.nativeLanguage = person.nativeLanguage
        }
        here.sources = Self.adding(citations, to: here.sources)
        dossier.people[index] = here
        report.matched.append("\(label) (imported '\(person.id)')")
    }

    /// The same external id; else the same person, an office of the same telling words and
    /// dates that overlap.
    private mutating func mergeTenure(_ tenure: Tenure) {
        let person = personIDs[tenure.person] ?? tenure.person
        let index = dossier.tenures.firstIndex { sharesID($0.ids, tenure.ids) } ?? bestMatch(for: tenure, person: person)
        let citations = tenure.sources.map(cited)
        guard let index else {
            var added = tenure
            added.id = ids.unique(tenure.id)
            added.person = person
            added.sources = citations
            added.milestones = tenure.milestones.map { milestone in
                var milestone = milestone
                milestone.sources = milestone.sources.map(cited)
                return milestone
            }
            added.disputed = tenure.disputed.map(cited)
            added.location = nil
            tenureIDs[tenure.id] = added.id
            dossier.tenures.append(added)
            report.added.append("tenure '\(added.id)'")
            return
        }
        var here = dossier.tenures[index]
        tenureIDs[tenure.id] = here.id
        let label = "tenure '\(here.id)'"
        here.ids = Self.union(here.ids, tenure.ids)
        if let start = tenure.start?.text { mergeDate(&here, \.start, "start", start, citations: citations, label: label) }
        if let end = tenure.end?.text, !here.ongoing { mergeDate(&here, \.end, "end", end, citations: citations, label: label) }
        for (key, path) in [("predecessor", \Tenure.predecessor), ("successor", \.successor)] {
            guard let value = tenure[keyPath: path] else { continue }
            guard let current = here[keyPath: path] else {
                here[keyPath: path] = value
                continue
            }
            if TextMatch.normalized(current) != TextMatch.normalized(value) {
                dispute(&here, key, value, citations: citations, label: label, current: current)
            }
        }
        for path in [\Tenure.role, \.organization, \.place, \.country] where here[keyPath: path] == nil {
            here[keyPath: path] = tenure[keyPath: path]
        }
        here.sources = Self.adding(citations, to: here.sources)
        dossier.tenures[index] = here
        report.matched.append("\(label) (imported '\(tenure.id)')")
    }

    /// The same date and a title of nearly the same words.
    private mutating func mergeEvent(_ event: Event) {
        let citations = event.sources.map(cited)
        if let index = dossier.events.firstIndex(where: {
            $0.date.text == event.date.text && TextMatch.similarTitles($0.title, event.title)
        }) {
            dossier.events[index].sources = Self.adding(citations, to: dossier.events[index].sources)
            report.matched.append("event '\(dossier.events[index].id)' (imported '\(event.id)')")
            return
        }
        var added = event
        added.id = ids.unique(event.id)
        added.people = event.people.map { personIDs[$0] ?? $0 }
        added.tenure = event.tenure.map { tenureIDs[$0] ?? $0 }
        added.sources = citations
        added.disputed = event.disputed.map(cited)
        added.location = nil
        dossier.events.append(added)
        report.added.append("event '\(added.id)'")
    }

    /// The tenure of `person` that is the same post as `tenure`: an office of the same telling
    /// words, dates that overlap, and at least one end that agrees where both are dated (posts
    /// held one after the other share a boundary year, not their dates); the closest if several.
    private func bestMatch(for tenure: Tenure, person: String) -> Int? {
        var best: (index: Int, score: Int)?
        for (index, candidate) in dossier.tenures.enumerated()
        where candidate.person == person && Self.sameOffice(candidate.office, tenure.office) && Self.overlap(candidate, tenure) {
            var agreeing = 0
            var dated = 0
            for (a, b) in [(candidate.start, tenure.start), (candidate.end, tenure.end)] {
                guard let a, let b else { continue }
                dated += 1
                if Self.agree(a, b) { agreeing += 1 }
            }
            guard dated == 0 || agreeing > 0 else { continue }
            let score = agreeing * 10 + ArticleMerge.words(candidate.office).intersection(ArticleMerge.words(tenure.office)).count
            if best.map({ score > $0.score }) ?? true { best = (index, score) }
        }
        return best?.index
    }

    // MARK: - Fields

    /// Fills an empty date; keeps the dossier's where the import's agrees (one lies within the
    /// other); else records the import's as a dispute.
    private mutating func mergeDate<Record: Disputable>(
        _ record: inout Record, _ path: WritableKeyPath<Record, EDTF?>, _ key: String, _ value: String, citations: [Citation], label: String
    ) {
        guard let imported = try? EDTF(value) else { return }
        guard let current = record[keyPath: path] else {
            record[keyPath: path] = imported
            return
        }
        if Self.agree(current, imported) { return }
        dispute(&record, key, value, citations: citations, label: label, current: current.text)
    }

    private mutating func dispute<Record: Disputable>(
        _ record: inout Record, _ key: String, _ value: String, citations: [Citation], label: String, current: String
    ) {
        if let index = record.disputed.firstIndex(where: { $0.field == key && $0.value == value }) {
            record.disputed[index].sources = Self.adding(citations, to: record.disputed[index].sources)
            return
        }
        record.disputed.append(Dispute(field: key, value: value, sources: citations))
        let according = citations.first.map { " according to '\($0.source)'" } ?? ""
        report.disputed.append("\(label) \(key): \(current) here, \(value)\(according)")
    }

    // MARK: - Helpers

    private func cited(_ citation: Citation) -> Citation {
        var citation = citation
        citation.source = sourceIDs[citation.source] ?? citation.source
        return citation
    }

    private func cited(_ dispute: Dispute) -> Dispute {
        var dispute = dispute
        dispute.sources = dispute.sources.map(cited)
        return dispute
    }

    private func cited(_ person: Person) -> Person {
        var person = person
        person.sources = person.sources.map(cited)
        return person
    }

    private func sharesID(_ a: [(key: String, value: String)], _ b: [(key: String, value: String)]) -> Bool {
        a.contains { mine in b.contains { $0.key == mine.key && $0.value.caseInsensitiveCompare(mine.value) == .orderedSame } }
    }

    static func union(_ a: [(key: String, value: String)], _ b: [(key: String, value: String)]) -> [(key: String, value: String)] {
        a + b.filter { new in !a.contains { $0.key == new.key } }
    }

    static func adding(_ citations: [Citation], to existing: [Citation]) -> [Citation] {
        existing + citations.filter { new in !existing.contains(new) }
    }

    /// Two dates agree when one lies within the other ("2008" and "2008-07-26").
    static func agree(_ a: EDTF, _ b: EDTF) -> Bool {
        guard let a1 = a.earliest, let a2 = a.latest, let b1 = b.earliest, let b2 = b.latest else { return a.text == b.text }
        return (!(b1 < a1) && !(a2 < b2)) || (!(a1 < b1) && !(b2 < a2))
    }

    /// True when the spans of two tenures share a day, or either is undated.
    static func overlap(_ a: Tenure, _ b: Tenure) -> Bool {
        let aStart = a.start?.earliest
        let bStart = b.start?.earliest
        let aEnd = a.ongoing ? nil : a.end?.latest
        let bEnd = b.ongoing ? nil : b.end?.latest
        if aStart == nil && aEnd == nil || bStart == nil && bEnd == nil { return true }
        if let aEnd, let bStart, aEnd < bStart { return false }
        if let bEnd, let aStart, bEnd < aStart { return false }
        return true
    }

    static func sameOffice(_ a: String, _ b: String) -> Bool {
        let wordsA = ArticleMerge.words(a)
        let wordsB = ArticleMerge.words(b)
        let shared = wordsA.intersection(wordsB).count
        return shared > 0 && Double(shared) >= 0.6 * Double(max(1, min(wordsA.count, wordsB.count)))
    }

}

/// A record that keeps disputes.
protocol Disputable {
    var disputed: [Dispute] { get set }
}

extension Person: Disputable {}
extension Tenure: Disputable {}
