import Yams

/// A reference from one record to another, kept with its place for validation.
public struct Reference: Sendable {
    public enum Kind: String, Sendable {
        case person, tenure, source
    }

    public var kind: Kind
    public var id: String
    /// "tenure 'us-ambassador'" — who refers.
    public var from: String
    public var location: SourceLocation
    public var sourceLine: String?
}

/// One dossier file read and checked on its own; cross-file checks are `DossierValidator`'s.
public struct DossierFile: Sendable {
    public var path: String
    public var dossier: Dossier
    public var references: [Reference]
    /// Warnings met while reading (nothing that stops a render).
    public var warnings: [Diagnostic]
    /// The text read, for quoting lines in later diagnostics.
    public var input: InputFile
}

/// Reads dossier files (YAML or JSON, same schema).
public enum DossierLoader {
    /// The dossier format versions this build reads.
    public static let supportedVersions = [1]

    static let topKeys = ["$schema", "cursus", "person", "people", "sources", "tenures", "events"]
    static let personKeys = [
        "id", "name", "native_name", "native_language", "born", "died", "birth_place", "death_place", "nationality",
        "attributes", "notes", "sources",
    ]
    static let tenureKeys = [
        "id", "person", "office", "role", "organization", "place", "country", "category", "start", "end", "ongoing",
        "predecessor", "successor", "appointed_by", "served_under", "alongside", "milestones", "notes", "sources",
    ]
    static let milestoneKeys = ["date", "title", "description", "sources"]
    static let eventKeys = ["id", "date", "title", "description", "people", "category", "tenure", "sources"]
    static let sourceKeys = ["id", "title", "kind", "author", "publisher", "url", "published", "accessed", "quote"]

    /// Reads and checks one file; throws every problem found in it at once.
    public static func load(_ path: String) throws(CursusError) -> DossierFile {
        let file = try InputFile.read(path, what: "dossier")
        return try decode(file)
    }

    /// Decodes an already-read file.
    public static func decode(_ file: InputFile) throws(CursusError) -> DossierFile {
        let tree = try YAMLTree(file)
        var reader = Reader(file: file)
        reader.read(tree.root)
        let bag = reader.problems.bag
        try bag.throwIfErrors()
        return DossierFile(
            path: file.path, dossier: reader.dossier, references: reader.references, warnings: bag.diagnostics,
            input: file)
    }

    private struct Reader {
        let file: InputFile
        let problems = ReadProblems()
        var dossier = Dossier()
        var references: [Reference] = []

        mutating func read(_ root: Node) {
            guard let top = MappingReader(root, what: "dossier", file: file, problems: problems) else { return }
            top.checkKeys(DossierLoader.topKeys)
            checkVersion(top)

            var defaultPerson: String?
            if top.has("person") && top.has("people") {
                top.report("people", "a dossier has either 'person' (one) or 'people' (a list), not both")
            }
            if let reader = top.mapping("person", what: "person"), let person = readPerson(reader) {
                dossier.people.append(person)
            }
            for node in top.sequence("people") {
                if let reader = MappingReader(node, what: "person", file: file, problems: problems), let person = readPerson(reader) {
                    dossier.people.append(person)
                }
            }
            if dossier.people.count == 1 { defaultPerson = dossier.people[0].id }

            for node in top.sequence("sources") {
                if let reader = MappingReader(node, what: "source", file: file, problems: problems), let source = readSource(reader) {
                    dossier.sources.append(source)
                }
            }
            for node in top.sequence("tenures") {
                guard let reader = MappingReader(node, what: "tenure", file: file, problems: problems) else { continue }
                if let tenure = readTenure(reader, defaultPerson: defaultPerson) { dossier.tenures.append(tenure) }
            }
            for node in top.sequence("events") {
                guard let reader = MappingReader(node, what: "event", file: file, problems: problems) else { continue }
                if let event = readEvent(reader, defaultPerson: defaultPerson) { dossier.events.append(event) }
            }
        }

        private func checkVersion(_ top: MappingReader) {
            guard top.has("cursus") else {
                problems.bag.append(
                    file.diagnostic(at: top.node, "a dossier starts with 'cursus: 1' (the format version); add it as the first line"))
                return
            }
            guard let version = top.int("cursus") else { return }
            if !DossierLoader.supportedVersions.contains(version) {
                top.report(
                    "cursus",
                    "unsupported dossier format version \(version); this Cursus reads version \(DossierLoader.supportedVersions.map(String.init).joined(separator: ", "))"
                )
            }
        }

        /// Reads `id`, checking that it is a usable identifier.
        private func id(_ reader: MappingReader) -> String? {
            guard let id = reader.string("id", required: true) else { return nil }
            if id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
                reader.report("id", "the id '\(id)' contains spaces; ids are single words like 'us-ambassador'")
                return nil
            }
            return id
        }

        private mutating func refer(_ kind: Reference.Kind, _ ids: [String], key: String, from: String, in reader: MappingReader) {
            let location = reader.location(of: key)
            for id in ids {
                references.append(
                    Reference(kind: kind, id: id, from: from, location: location, sourceLine: location.line.flatMap(file.line)))
            }
        }

        private mutating func readPerson(_ reader: MappingReader) -> Person? {
            reader.checkKeys(DossierLoader.personKeys)
            let id = id(reader)
            let name = reader.string("name", required: true)
            var attributes: [(key: String, value: String)] = []
            if let map = reader.mapping("attributes", what: "attributes mapping") {
                for key in map.keys {
                    if let value = map.string(key) { attributes.append((key, value)) }
                }
            }
            let sources = reader.strings("sources")
            guard let id, let name else { return nil }
            refer(.source, sources, key: "sources", from: "person '\(id)'", in: reader)
            return Person(
                id: id, name: name, nativeName: reader.string("native_name"),
                nativeLanguage: reader.string("native_language"), born: reader.date("born"), died: reader.date("died"),
                birthPlace: reader.string("birth_place"), deathPlace: reader.string("death_place"),
                nationality: reader.string("nationality"), attributes: attributes, notes: reader.string("notes"),
                sources: sources, location: reader.location(of: "id"))
        }

        private mutating func readSource(_ reader: MappingReader) -> Source? {
            reader.checkKeys(DossierLoader.sourceKeys)
            guard let id = id(reader), let title = reader.string("title", required: true) else { return nil }
            return Source(
                id: id, title: title, kind: reader.string("kind"), author: reader.string("author"),
                publisher: reader.string("publisher"), url: reader.string("url"), published: reader.date("published"),
                accessed: reader.date("accessed"), quote: reader.string("quote"), location: reader.location(of: "id"))
        }

        private mutating func readTenure(_ reader: MappingReader, defaultPerson: String?) -> Tenure? {
            reader.checkKeys(DossierLoader.tenureKeys)
            let id = id(reader)
            let office = reader.string("office", required: true)
            let start = reader.date("start")
            let end = reader.date("end")
            let ongoing = reader.bool("ongoing") ?? false
            let person = reader.string("person") ?? defaultPerson
            if person == nil && reader.has("person") == false {
                problems.bag.append(
                    file.diagnostic(at: reader.node, "a tenure needs 'person' (a person id) unless the dossier has exactly one person"))
            }
            if let start, let end, let first = start.earliest, let last = end.latest, last < first {
                reader.report("end", "the tenure ends (\(end.text)) before it starts (\(start.text)); check both dates")
            }
            if ongoing && end != nil {
                reader.report("ongoing", "an ongoing tenure has no end; remove 'end' or set 'ongoing: false'")
            }
            var milestones: [Milestone] = []
            var milestoneSources: [(MappingReader, [String])] = []
            for node in reader.sequence("milestones") {
                guard let milestone = MappingReader(node, what: "milestone", file: file, problems: problems) else { continue }
                milestone.checkKeys(DossierLoader.milestoneKeys)
                let date = milestone.date("date", required: true)
                let title = milestone.string("title", required: true)
                let sources = milestone.strings("sources")
                milestoneSources.append((milestone, sources))
                if let date, let title {
                    milestones.append(
                        Milestone(date: date, title: title, description: milestone.string("description"), sources: sources))
                }
            }
            let sources = reader.strings("sources")
            guard let id, let office, let person else { return nil }
            let from = "tenure '\(id)'"
            refer(.source, sources, key: "sources", from: from, in: reader)
            for (milestone, sources) in milestoneSources {
                refer(.source, sources, key: "sources", from: "a milestone of \(from)", in: milestone)
            }
            refer(.person, [person], key: "person", from: from, in: reader)
            return Tenure(
                id: id, person: person, office: office, role: reader.string("role"),
                organization: reader.string("organization"), place: reader.string("place"),
                country: reader.string("country"), category: reader.string("category"), start: start, end: end,
                ongoing: ongoing, predecessor: reader.string("predecessor"), successor: reader.string("successor"),
                appointedBy: reader.strings("appointed_by"), servedUnder: reader.strings("served_under"),
                alongside: reader.strings("alongside"), milestones: milestones, notes: reader.string("notes"),
                sources: sources, location: reader.location(of: "id"))
        }

        private mutating func readEvent(_ reader: MappingReader, defaultPerson: String?) -> Event? {
            reader.checkKeys(DossierLoader.eventKeys)
            let id = id(reader)
            let date = reader.date("date", required: true)
            let title = reader.string("title", required: true)
            let people = reader.has("people") ? reader.strings("people") : defaultPerson.map { [$0] } ?? []
            let tenure = reader.string("tenure")
            let sources = reader.strings("sources")
            guard let id, let date, let title else { return nil }
            let from = "event '\(id)'"
            refer(.person, people, key: "people", from: from, in: reader)
            if let tenure { refer(.tenure, [tenure], key: "tenure", from: from, in: reader) }
            refer(.source, sources, key: "sources", from: from, in: reader)
            return Event(
                id: id, date: date, title: title, description: reader.string("description"), people: people,
                category: reader.string("category"), tenure: tenure, sources: sources,
                location: reader.location(of: "id"))
        }
    }
}

extension MappingReader {
    /// The keys of the mapping, in file order.
    var keys: [String] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { key, _ in key.scalar?.string }
    }
}
