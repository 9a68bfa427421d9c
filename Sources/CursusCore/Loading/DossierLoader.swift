import Foundation
import Yams

/// A reference from one record to another, kept with its place for validation.
public struct Reference: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case person, tenure, event, source
    }

    public var kind: Kind
    public var id: String
    /// "tenure 'us-ambassador'" — who refers.
    public var from: String
    public var location: SourceLocation
}

/// One dossier file read and checked on its own; cross-file checks are `DossierValidator`'s.
public struct DossierFile: Sendable {
    public var path: String
    public var dossier: Dossier
    /// References whose target this file did not define (another input may).
    public var references: [Reference]
    /// What reading found, errors and warnings, in the order met.
    public var diagnostics: [Diagnostic]
    /// The file's lines, for quoting them in later diagnostics.
    public var lines: any LineSource
    /// The ids the file defines, by kind (each checked unique within the file).
    public var ids: [Reference.Kind: Set<String>]

    /// Warnings met while reading (nothing that stops a render).
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity != .error } }

    /// The file, or every problem in it when it has errors.
    public func checked() throws(CursusError) -> DossierFile {
        if diagnostics.contains(where: { $0.severity == .error }) { throw CursusError(.data, diagnostics) }
        return self
    }
}

/// Reads dossier files: YAML or JSON (one schema), and JSON Lines (`.jsonl`) or CSV tables
/// (as Cursus writes them) as streams.
public enum DossierLoader {
    /// The dossier format versions this build reads.
    public static let supportedVersions = [1]

    static let topKeys: AllowedKeys = ["$schema", "cursus", "person", "people", "sources", "tenures", "events"]
    static let personKeys: AllowedKeys = [
        "id", "name", "native_name", "native_language", "born", "died", "birth_place", "death_place", "nationality",
        "attributes", "notes", "sources",
    ]
    static let tenureKeys: AllowedKeys = [
        "id", "person", "office", "role", "organization", "place", "country", "category", "start", "end", "ongoing",
        "predecessor", "successor", "appointed_by", "served_under", "alongside", "milestones", "notes", "sources",
    ]
    static let milestoneKeys: AllowedKeys = ["date", "title", "description", "sources"]
    static let eventKeys: AllowedKeys = ["id", "date", "title", "description", "people", "category", "tenure", "sources"]
    static let sourceKeys: AllowedKeys = ["id", "title", "kind", "author", "publisher", "url", "published", "accessed", "quote"]

    /// Reads and checks one file, choosing the reader by its extension; throws every problem found in it at once.
    public static func load(_ path: String, progress: ProgressLine = .silent) throws(CursusError) -> DossierFile {
        try read(path, progress: progress).checked()
    }

    /// Reads one file, keeping the problems of its records in `diagnostics` (so that checks
    /// across files still run and every problem is reported at once); throws only when the file
    /// cannot be read as a dossier at all.
    public static func read(_ path: String, progress: ProgressLine = .silent) throws(CursusError) -> DossierFile {
        if isStreamed(path) { return try readStreamed(path, progress: progress) }
        return try read(try InputFile.read(path, what: "dossier"))
    }

    /// True for the inputs read as streams: JSON Lines (`.jsonl`, `.ndjson`) and CSV tables.
    public static func isStreamed(_ path: String) -> Bool {
        ["jsonl", "ndjson", "csv"].contains((path as NSString).pathExtension.lowercased())
    }

    private static func readStreamed(_ path: String, progress: ProgressLine) throws(CursusError) -> DossierFile {
        (path as NSString).pathExtension.lowercased() == "csv"
            ? try CSVTableLoader.read(path, progress: progress) : try JSONLinesLoader.read(path, progress: progress)
    }

    /// Decodes an already-read YAML or JSON file; throws every problem found in it at once.
    public static func decode(_ file: InputFile) throws(CursusError) -> DossierFile {
        try read(file).checked()
    }

    /// Decodes an already-read YAML or JSON file, keeping the problems of its records in `diagnostics`.
    public static func read(_ file: InputFile) throws(CursusError) -> DossierFile {
        let tree = try YAMLTree(file)
        let problems = ReadProblems()
        var reader = RecordReader()
        if let top = MappingReader(tree.root, what: "dossier", file: file, problems: problems) {
            reader.read(top)
        }
        return reader.finish(path: file.path, lines: file, bag: problems.bag)
    }
}

/// Turns records into the model, checking each: the one home of the dossier's field rules,
/// whatever syntax the records come in.
struct RecordReader {
    var dossier = Dossier()
    /// References to ids not (yet) defined; those defined earlier in the file are settled at once.
    private(set) var references: [Reference] = []
    /// The ids defined so far, by kind.
    private(set) var ids: [Reference.Kind: Set<String>] = [:]
    /// Ids defined a second time, and where.
    private var duplicates: [(kind: Reference.Kind, id: String, location: SourceLocation)] = []
    /// Tenures and events that name no person, waiting to learn whether the file has exactly one.
    private(set) var ownerless: [(index: Int, isTenure: Bool, location: SourceLocation)] = []

    /// A whole dossier document: `cursus`, `person` or `people`, `sources`, `tenures`, `events`.
    mutating func read<R: RecordFields>(_ top: R) {
        top.checkKeys(DossierLoader.topKeys)
        checkVersion(top)
        if top.has("person") && top.has("people") {
            top.report("people", "a dossier has either 'person' (one) or 'people' (a list), not both")
        }
        for person in [top.record("person", what: "person")].compactMap({ $0 }) + top.records("people", what: "person") {
            readPerson(person)
        }
        for source in top.records("sources", what: "source") { readSource(source) }
        let owner = dossier.people.count == 1 ? dossier.people[0].id : nil
        for tenure in top.records("tenures", what: "tenure") { readTenure(tenure, defaultPerson: owner, deferring: false) }
        for event in top.records("events", what: "event") { readEvent(event, defaultPerson: owner) }
    }

    func checkVersion<R: RecordFields>(_ top: R) {
        guard top.has("cursus") else {
            top.reportHere("a dossier starts with 'cursus: 1' (the format version); add it as the first line")
            return
        }
        guard let version = top.int("cursus", required: false) else { return }
        if !DossierLoader.supportedVersions.contains(version) {
            top.report(
                "cursus",
                "unsupported dossier format version \(version); this Cursus reads version \(DossierLoader.supportedVersions.map(String.init).joined(separator: ", "))"
            )
        }
    }

    /// Reads `id`, checking that it is a usable identifier.
    private func id<R: RecordFields>(_ reader: R) -> String? {
        guard let id = reader.string("id", required: true) else { return nil }
        guard Self.isWord(id) else {
            reader.report("id", "the id '\(id)' contains spaces; ids are single words like 'us-ambassador'")
            return nil
        }
        return id
    }

    /// True for a usable id: no spaces or control characters.
    private static func isWord(_ id: String) -> Bool {
        // Most ids are ASCII: check bytes, and Unicode properties only when there is more.
        id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            || !id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value <= 0x20 || $0.value == 0x7F })
    }

    private mutating func define<R: RecordFields>(_ kind: Reference.Kind, _ id: String, in reader: R) {
        if !ids[kind, default: []].insert(id).inserted {
            duplicates.append((kind, id, reader.location(of: "id")))
        }
    }

    /// Reports each id defined twice in the file, saying where it was first defined.
    private func reportDuplicates(_ report: (Diagnostic) -> Void) {
        for duplicate in duplicates {
            let first = dossier.firstLocation(of: duplicate.id, kind: duplicate.kind)
            let place = first.map { "\($0.file):\($0.line ?? 0)" } ?? "earlier"
            report(Diagnostic(.error, "duplicate \(duplicate.kind.rawValue) id '\(duplicate.id)'; it is first defined at \(place)", at: duplicate.location))
        }
    }

    private mutating func refer<R: RecordFields>(_ kind: Reference.Kind, _ targets: [String], key: String, from: @autoclosure () -> String, in reader: R) {
        for id in targets where !(ids[kind]?.contains(id) ?? false) {
            // Such an id can never be defined; say so here rather than "unknown id" later.
            guard Self.isWord(id) else {
                reader.report(key, "'\(id)' is not an id: ids are single words like 'us-ambassador'")
                continue
            }
            references.append(Reference(kind: kind, id: id, from: from(), location: reader.location(of: key)))
        }
    }

    mutating func readPerson<R: RecordFields>(_ reader: R) {
        reader.checkKeys(DossierLoader.personKeys)
        let id = id(reader)
        // Defined even when the record is dropped, so that references to it raise no second error.
        if let id { define(.person, id, in: reader) }
        let name = reader.string("name", required: true)
        var attributes: [(key: String, value: String)] = []
        if let map = reader.record("attributes", what: "attributes mapping") {
            for key in map.keys {
                if let value = map.string(key) { attributes.append((key, value)) }
            }
        }
        let sources = reader.strings("sources")
        guard let id, let name else { return }
        refer(.source, sources, key: "sources", from: "person '\(id)'", in: reader)
        dossier.people.append(Person(
            id: id, name: name, nativeName: reader.string("native_name"), nativeLanguage: reader.string("native_language"),
            born: reader.date("born"), died: reader.date("died"), birthPlace: reader.string("birth_place"),
            deathPlace: reader.string("death_place"), nationality: reader.string("nationality"), attributes: attributes,
            notes: reader.string("notes"), sources: sources, location: reader.location(of: "id")))
    }

    mutating func readSource<R: RecordFields>(_ reader: R) {
        reader.checkKeys(DossierLoader.sourceKeys)
        let id = id(reader)
        if let id { define(.source, id, in: reader) }
        guard let id, let title = reader.string("title", required: true) else { return }
        dossier.sources.append(Source(
            id: id, title: title, kind: reader.string("kind"), author: reader.string("author"),
            publisher: reader.string("publisher"), url: reader.string("url"), published: reader.date("published"),
            accessed: reader.date("accessed"), quote: reader.string("quote"), location: reader.location(of: "id")))
    }

    /// With `deferring`, a tenure that names no person is kept with an empty owner until the
    /// whole stream has been read (JSON Lines may list the person last).
    mutating func readTenure<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool) {
        reader.checkKeys(DossierLoader.tenureKeys)
        let id = id(reader)
        if let id { define(.tenure, id, in: reader) }
        let office = reader.string("office", required: true)
        let start = reader.date("start")
        let end = reader.date("end")
        let ongoing = reader.bool("ongoing") ?? false
        var person = reader.string("person") ?? defaultPerson
        if person == nil && !reader.has("person") && !deferring {
            reader.reportHere("a tenure needs 'person' (a person id) unless the dossier has exactly one person")
        }
        if let start, let end, Tenure.endsBeforeStart(start, end) {
            reader.report("end", "the tenure ends (\(end.text)) before it starts (\(start.text)); check both dates")
        }
        if ongoing && end != nil {
            reader.report("ongoing", "an ongoing tenure has no end; remove 'end' or set 'ongoing: false'")
        }
        var milestones: [Milestone] = []
        var milestoneReaders: [(R, [String])] = []
        for milestone in reader.records("milestones", what: "milestone") {
            milestone.checkKeys(DossierLoader.milestoneKeys)
            let date = milestone.date("date", required: true)
            let title = milestone.string("title", required: true)
            let sources = milestone.strings("sources")
            milestoneReaders.append((milestone, sources))
            if let date, let title {
                milestones.append(Milestone(date: date, title: title, description: milestone.string("description"), sources: sources))
            }
        }
        let sources = reader.strings("sources")
        guard let id, let office else { return }
        // Only a tenure that is kept waits for its owner (found by fuzzing: a dropped one left a stale index).
        if person == nil && deferring && !reader.has("person") {
            person = ""
            ownerless.append((dossier.tenures.count, true, reader.location))
        }
        guard let person else { return }
        refer(.source, sources, key: "sources", from: "tenure '\(id)'", in: reader)
        for (milestone, sources) in milestoneReaders {
            refer(.source, sources, key: "sources", from: "a milestone of tenure '\(id)'", in: milestone)
        }
        if !person.isEmpty { refer(.person, [person], key: "person", from: "tenure '\(id)'", in: reader) }
        dossier.tenures.append(Tenure(
            id: id, person: person, office: office, role: reader.string("role"), organization: reader.string("organization"),
            place: reader.string("place"), country: reader.string("country"), category: reader.string("category"),
            start: start, end: end, ongoing: ongoing, predecessor: reader.string("predecessor"),
            successor: reader.string("successor"), appointedBy: reader.strings("appointed_by"),
            servedUnder: reader.strings("served_under"), alongside: reader.strings("alongside"), milestones: milestones,
            notes: reader.string("notes"), sources: sources, location: reader.location(of: "id")))
    }

    mutating func readEvent<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool = false) {
        reader.checkKeys(DossierLoader.eventKeys)
        let id = id(reader)
        if let id { define(.event, id, in: reader) }
        let date = reader.date("date", required: true)
        let title = reader.string("title", required: true)
        let people = reader.has("people") ? reader.strings("people") : defaultPerson.map { [$0] } ?? []
        let tenure = reader.string("tenure")
        let sources = reader.strings("sources")
        guard let id, let date, let title else { return }
        if deferring && !reader.has("people") { ownerless.append((dossier.events.count, false, reader.location)) }
        refer(.person, people, key: "people", from: "event '\(id)'", in: reader)
        if let tenure { refer(.tenure, [tenure], key: "tenure", from: "event '\(id)'", in: reader) }
        refer(.source, sources, key: "sources", from: "event '\(id)'", in: reader)
        dossier.events.append(Event(
            id: id, date: date, title: title, description: reader.string("description"), people: people,
            category: reader.string("category"), tenure: tenure, sources: sources, location: reader.location(of: "id")))
    }

    /// Ends a file: settles records that named no person, reports duplicate ids, and gives the
    /// file with everything `bag` and these checks found.
    mutating func finish(path: String, lines: any LineSource, bag: DiagnosticBag) -> DossierFile {
        var bag = bag
        var found = DiagnosticBag()
        settleOwners { message, location in
            found.append(Diagnostic(.error, message, at: location, sourceLine: location.line.flatMap(lines.line)))
        }
        reportDuplicates { diagnostic in
            var diagnostic = diagnostic
            diagnostic.sourceLine = diagnostic.location?.line.flatMap(lines.line)
            found.append(diagnostic)
        }
        bag.append(contentsOf: found.diagnostics)
        return DossierFile(path: path, dossier: dossier, references: references, diagnostics: bag.diagnostics, lines: lines, ids: ids)
    }

    /// Gives the records that named no person the file's one person, or reports them.
    private mutating func settleOwners(report: (String, SourceLocation) -> Void) {
        guard !ownerless.isEmpty else { return }
        guard dossier.people.count == 1 else {
            for entry in ownerless {
                report("\(MappingReader.article(entry.isTenure ? "tenure" : "event")) with no 'person' needs the file to describe exactly one person (it describes \(dossier.people.count))", entry.location)
            }
            return
        }
        let owner = dossier.people[0].id
        for entry in ownerless {
            if entry.isTenure { dossier.tenures[entry.index].person = owner } else { dossier.events[entry.index].people = [owner] }
        }
        ownerless = []
    }
}
