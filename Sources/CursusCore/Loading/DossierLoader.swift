import Foundation
import Yams

/// A reference from one record to another, kept with its place for validation.
public struct Reference: Sendable {
    /// What a reference points to.
    public enum Kind: String, Sendable, CaseIterable {
        case person, tenure, event, source
    }

    /// The kind of record referred to.
    public var kind: Kind
    /// The id referred to.
    public var id: String
    /// "tenure 'us-ambassador'" — who refers.
    public var from: String
    /// Where the reference is written.
    public var location: SourceLocation
}

/// One dossier file read and checked on its own; cross-file checks are `DossierValidator`'s.
public struct DossierFile: Sendable {
    /// The file, as named in messages.
    public var path: String
    /// The records the file holds (those with errors left out).
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

    /// Reads a JSON Lines dossier at `path`, whatever its name ends in.
    public static func readJSONLines(_ path: String) throws(CursusError) -> DossierFile {
        try JSONLinesLoader.read(path)
    }

    /// Checks the JSON Lines dossier at `path` as `cursus validate` would, keeping none of its
    /// records (memory grows with its ids alone); throws every problem found.
    public static func checkJSONLines(_ path: String) throws(CursusError) {
        let file = try JSONLinesLoader.read(path, retaining: false)
        do {
            _ = try DossierValidator.merge([file])
        } catch {
            // Every problem at once: the file's own and its dangling references.
            throw CursusError(.data, file.diagnostics.filter { $0.severity == .error } + error.diagnostics)
        }
        _ = try file.checked()
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
    /// False to check records without keeping them (a big file's check, in the memory of its ids).
    var retaining = true
    /// The people read, kept or not, and the first one's id (who owns records that name no person).
    private var peopleRead = 0
    private var firstPerson: String?
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

    /// The record's id when it is a usable identifier (one the field table read); else nil,
    /// reported. A usable id is defined at once, even when the record is dropped, so that
    /// references to it raise no second error.
    private mutating func checkedID<R: RecordFields>(_ id: String, _ kind: Reference.Kind, in reader: R) -> String? {
        guard !id.isEmpty else { return nil }
        guard Self.isWord(id) else {
            reader.report("id", "the id '\(id)' contains spaces; ids are single words like 'us-ambassador'")
            return nil
        }
        define(kind, id, in: reader)
        return id
    }

    /// A reference met while reading a record that nothing read so far settles: kept until the
    /// record is known to be kept.
    private struct Unsettled {
        var kind: Reference.Kind
        var id: String
        var location: SourceLocation
        /// Made by one of a tenure's milestones, not by the tenure itself.
        var ofMilestone = false
    }

    /// The reference to `id` when no record read so far settles it; an id that can never be
    /// defined is reported here rather than as "unknown id" later.
    private func unsettled<R: RecordFields>(_ kind: Reference.Kind, _ id: String, key: String, in reader: R) -> Unsettled? {
        guard !id.isEmpty, !(ids[kind]?.contains(id) ?? false) else { return nil }
        guard Self.isWord(id) else {
            reader.report(key, "'\(id)' is not an id: ids are single words like 'us-ambassador'")
            return nil
        }
        return Unsettled(kind: kind, id: id, location: reader.location(of: key))
    }

    /// Keeps the references of a record that is kept, made `from` it.
    private mutating func keep(_ unsettled: [Unsettled], from: String) {
        for reference in unsettled {
            references.append(
                Reference(
                    kind: reference.kind, id: reference.id, from: reference.ofMilestone ? "a milestone of \(from)" : from,
                    location: reference.location))
        }
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
            report(
                Diagnostic(
                    .error, "duplicate \(duplicate.kind.rawValue) id '\(duplicate.id)'; it is first defined at \(place)",
                    at: duplicate.location))
        }
    }

    mutating func readPerson<R: RecordFields>(_ reader: R) {
        var person = Person(id: "", name: "")
        var found: [Unsettled] = []
        let complete = Person.fields.read(
            reader, into: &person,
            reference: { kind, id, key in
                if let reference = unsettled(kind, id, key: key, in: reader) { found.append(reference) }
            })
        guard let id = checkedID(person.id, .person, in: reader), complete else { return }
        keep(found, from: "person '\(id)'")
        person.location = reader.location(of: "id")
        peopleRead += 1
        if firstPerson == nil { firstPerson = person.id }
        if retaining { dossier.people.append(person) }
    }

    mutating func readSource<R: RecordFields>(_ reader: R) {
        var source = Source(id: "", title: "")
        let complete = Source.fields.read(reader, into: &source)
        guard checkedID(source.id, .source, in: reader) != nil, complete else { return }
        source.location = reader.location(of: "id")
        if retaining { dossier.sources.append(source) }
    }

    /// With `deferring`, a tenure that names no person is kept with an empty owner until the
    /// whole stream has been read (JSON Lines may list the person last).
    mutating func readTenure<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool) {
        var tenure = Tenure(id: "", person: "", office: "")
        var found: [Unsettled] = []
        let complete = Tenure.fields.read(reader, into: &tenure) { reader, key in
            reader.records(key, what: "milestone").compactMap { milestoneReader in
                var milestone = Milestone(date: Milestone.undated, title: "")
                var ofMilestone: [Unsettled] = []
                let complete = Milestone.fields.read(
                    milestoneReader, into: &milestone,
                    reference: { kind, id, key in
                        if var reference = unsettled(kind, id, key: key, in: milestoneReader) {
                            reference.ofMilestone = true
                            ofMilestone.append(reference)
                        }
                    })
                guard complete else { return nil }
                found += ofMilestone
                return milestone
            }
        } reference: { kind, id, key in
            if let reference = unsettled(kind, id, key: key, in: reader) { found.append(reference) }
        }
        let id = checkedID(tenure.id, .tenure, in: reader)
        let named = reader.has("person")
        if !named, let defaultPerson { tenure.person = defaultPerson }
        if !named && defaultPerson == nil && !deferring {
            reader.reportHere("a tenure needs 'person' (a person id) unless the dossier has exactly one person")
        }
        if let start = tenure.start, let end = tenure.end, Tenure.endsBeforeStart(start, end) {
            reader.report("end", "the tenure ends (\(end.text)) before it starts (\(start.text)); check both dates")
        }
        if tenure.ongoing && tenure.end != nil {
            reader.report("ongoing", "an ongoing tenure has no end; remove 'end' or set 'ongoing: false'")
        }
        guard let id, complete, named || defaultPerson != nil || deferring else { return }
        // Only a tenure that is kept waits for its owner (found by fuzzing: a dropped one left a stale index).
        if !named && defaultPerson == nil { ownerless.append((dossier.tenures.count, true, reader.location)) }
        keep(found, from: "tenure '\(id)'")
        tenure.location = reader.location(of: "id")
        if retaining { dossier.tenures.append(tenure) }
    }

    mutating func readEvent<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool = false) {
        var event = Event(id: "", date: Milestone.undated, title: "")
        var found: [Unsettled] = []
        let complete = Event.fields.read(
            reader, into: &event,
            reference: { kind, id, key in
                if let reference = unsettled(kind, id, key: key, in: reader) { found.append(reference) }
            })
        let named = reader.has("people")
        if !named { event.people = defaultPerson.map { [$0] } ?? [] }
        guard let id = checkedID(event.id, .event, in: reader), complete else { return }
        if deferring && !named { ownerless.append((dossier.events.count, false, reader.location)) }
        keep(found, from: "event '\(id)'")
        event.location = reader.location(of: "id")
        if retaining { dossier.events.append(event) }
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
        guard peopleRead == 1, let owner = firstPerson else {
            for entry in ownerless {
                report(
                    "\(MappingReader.article(entry.isTenure ? "tenure" : "event")) with no 'person' needs the file to describe exactly one person (it describes \(peopleRead))",
                    entry.location)
            }
            return
        }
        for entry in ownerless where retaining {
            if entry.isTenure { dossier.tenures[entry.index].person = owner } else { dossier.events[entry.index].people = [owner] }
        }
        ownerless = []
    }
}
