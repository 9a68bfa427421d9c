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
        Self.checkVersion(top)
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

    static func checkVersion<R: RecordFields>(_ top: R) {
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

    /// Settles a record read on its own against the ids read before it, and keeps it when it
    /// is whole: its id is defined (a second definition is kept for `finish` to report), the
    /// references no earlier record settles are kept for the checks across files.
    mutating func accept(_ draft: RecordDraft) {
        let kind = draft.kind
        let unsettled = draft.references.filter { !(ids[$0.kind]?.contains($0.id) ?? false) }
        if let id = draft.id, !ids[kind, default: []].insert(id).inserted {
            duplicates.append((kind, id, draft.idLocation))
        }
        guard let id = draft.id, draft.isKept else { return }
        for reference in unsettled {
            let from = "\(kind.rawValue) '\(id)'"
            references.append(
                Reference(
                    kind: reference.kind, id: reference.id, from: reference.ofMilestone ? "a milestone of \(from)" : from,
                    location: reference.location))
        }
        switch draft.record {
        case .person(let person):
            peopleRead += 1
            if firstPerson == nil { firstPerson = person.id }
            if retaining { dossier.people.append(person) }
        case .tenure(let tenure):
            if draft.awaitsOwner { ownerless.append((dossier.tenures.count, true, draft.location)) }
            if retaining { dossier.tenures.append(tenure) }
        case .event(let event):
            if draft.awaitsOwner { ownerless.append((dossier.events.count, false, draft.location)) }
            if retaining { dossier.events.append(event) }
        case .source(let source):
            if retaining { dossier.sources.append(source) }
        }
    }

    /// Makes room for the tenures and events still to come, projected from a block of the file
    /// that held `tenures` and `events` as if `scale` more such blocks follow: one allocation
    /// where doubling would copy a million records several times, and hold two copies at once.
    mutating func expect(tenures: Int, events: Int, scale: Double) {
        /// Grows `capacity` to the projection when it falls short; nil when it does not.
        func room(_ count: Int, inBlock: Int, capacity: Int) -> Int? {
            guard inBlock > 0 && scale.isFinite else { return nil }
            let expected = count + Int(Double(inBlock) * scale)
            let projected = expected + expected / 32
            return projected > capacity ? max(projected, capacity * 3 / 2) : nil
        }
        if retaining, let room = room(dossier.tenures.count, inBlock: tenures, capacity: dossier.tenures.capacity) {
            dossier.tenures.reserveCapacity(room)
        }
        if retaining, let room = room(dossier.events.count, inBlock: events, capacity: dossier.events.capacity) {
            dossier.events.reserveCapacity(room)
        }
        for (kind, inBlock) in [(Reference.Kind.tenure, tenures), (.event, events)] {
            let known = ids[kind, default: []]
            if let room = room(known.count, inBlock: inBlock, capacity: known.capacity) { ids[kind, default: []].reserveCapacity(room) }
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

    mutating func readPerson<R: RecordFields>(_ reader: R) { accept(.person(reader)) }

    mutating func readSource<R: RecordFields>(_ reader: R) { accept(.source(reader)) }

    /// With `deferring`, a tenure that names no person is kept with an empty owner until the
    /// whole stream has been read (JSON Lines may list the person last).
    mutating func readTenure<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool) {
        accept(.tenure(reader, defaultPerson: defaultPerson, deferring: deferring))
    }

    mutating func readEvent<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool = false) {
        accept(.event(reader, defaultPerson: defaultPerson, deferring: deferring))
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
