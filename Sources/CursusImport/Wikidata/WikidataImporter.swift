import CursusCore
import Foundation

/// Imports people's positions held (P39) from Wikidata: an entity document (as
/// `Special:EntityData` or `wbgetentities` serve it, in the current JSON shape or the old one
/// whose item values carry only a `numeric-id`), or a JSON dump (one entity a line, plain,
/// `.gz` or `.bz2`), read as a stream.
public enum WikidataImporter {
    static let circa = "Q5727902"
    /// Qualifiers of a P39 statement that Cursus reads; others are named in a warning.
    static let knownQualifiers: Set<String> = [
        "P580", "P582", "P1365", "P1366", "P748", "P642", "P768", "P1480", "P1319", "P1326", "P2937", "P4100", "P1545",
    ]

    /// The career in `file` (an entity document): of the entities in `wanted`, or of the one with
    /// positions held; labels in `language`.
    public static func `import`(_ file: InputFile, entities wanted: [String], language: String) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: file, scope: "wikidata")
        let root = try parse(Array(file.text.utf8)) { error throws(CursusError) in
            let (line, column) = position(ofByte: error.offset, in: file.text)
            throw warnings.error("not valid JSON: \(error.message)", line: line, column: column)
        }
        guard let object = root as? [String: Any] else { throw warnings.error("expected a JSON object with \"entities\"", line: 1) }
        let entities = (object["entities"] as? [String: Any] ?? (object["id"] != nil ? [object["id"] as? String ?? "": object] : [:]))
            .compactMapValues { $0 as? [String: Any] }
        guard !entities.isEmpty else { throw warnings.error("no entities found; expected {\"entities\": {\"Q…\": {…}}}", line: 1) }

        var catalog = Catalog(language: language)
        for entity in entities.values { catalog.add(entity) }
        let people: [String]
        if !wanted.isEmpty {
            for id in wanted where entities[id] == nil {
                throw warnings.error("no entity \(id) in this file; it has \(entities.keys.sorted().joined(separator: ", "))", line: nil)
            }
            people = wanted
        } else {
            let candidates = entities.keys.sorted().filter { !claims(entities[$0]!, "P39").isEmpty }
            guard let first = candidates.first else {
                throw warnings.error("no entity has positions held (P39); name the person with --entity", line: nil)
            }
            if candidates.count > 1 {
                warnings.warn(
                    "several entities hold positions (\(candidates.joined(separator: ", "))); importing \(first) (choose with --entity)",
                    line: nil)
            }
            people = [first]
        }
        var reader = Reader(catalog: catalog, several: people.count > 1)
        for id in people {
            reader.add(entities[id]!, warnings: &warnings) { statement in line(of: statement, in: file.text) }
        }
        return ImportResult(dossier: reader.dossier, warnings: warnings.diagnostics)
    }

    /// The careers in a Wikidata JSON dump at `path` (one entity a line, each but the last ending
    /// in a comma, inside `[` … `]`; `.gz` and `.bz2` are decompressed as they are read): of the
    /// entities in `wanted`, or of every entity with positions held. Two passes, a line at a
    /// time: the first learns the labels and the terms' dates, the second reads the people, so
    /// memory grows with the labels, not with the dump.
    public static func importDump(_ path: String, entities wanted: [String], language: String) throws(CursusError) -> ImportResult {
        let lines = DumpLines(path: path)
        var warnings = ImportWarnings(file: InputFile(path: path, text: ""), scope: "wikidata")
        var catalog = Catalog(language: language)
        try lines.forEachEntity(warnings: &warnings) { entity, _, _ in catalog.add(entity) }
        let chosen = Set(wanted)
        var reader = Reader(catalog: catalog, several: wanted.count != 1)
        try lines.forEachEntity(warnings: &warnings) { entity, line, warnings in
            guard let id = entity["id"] as? String else { return }
            guard chosen.isEmpty ? !claims(entity, "P39").isEmpty : chosen.contains(id) else { return }
            reader.add(entity, warnings: &warnings) { _ in line }
        }
        for id in wanted.sorted() where !reader.imported.contains(id) {
            warnings.warn("no entity \(id) in this dump", line: nil)
        }
        if reader.dossier.people.isEmpty {
            throw warnings.error(
                chosen.isEmpty ? "no entity in this dump has positions held (P39)" : "none of the entities asked for is in this dump",
                line: nil)
        }
        return ImportResult(dossier: reader.dossier, warnings: warnings.diagnostics)
    }

    /// True when the file at `path` is a dump rather than one document: compressed, JSON Lines,
    /// or a JSON array.
    public static func isDump(_ path: String) -> Bool {
        let lowered = path.lowercased()
        if [".gz", ".bz2", ".jsonl", ".ndjson"].contains(where: lowered.hasSuffix) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "[")
    }

    /// A JSON text as Foundation-like values (Core's scanner, so that errors carry their offset).
    static func parse(_ bytes: [UInt8], failure: (JSONScanner.SyntaxError) throws(CursusError) -> Never) throws(CursusError) -> Any {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONScanner.SyntaxError) in try JSONScanner.parse(buffer) }
        }
        switch parsed {
        case .success(let value): return value.foundationValue
        case .failure(let error): try failure(error)
        }
    }

    static func claims(_ entity: [String: Any], _ property: String) -> [[String: Any]] {
        ((entity["claims"] as? [String: Any])?[property] as? [[String: Any]]) ?? []
    }

    /// The id of the entity a value names: `id`, or, in the old JSON shape, `numeric-id` with its
    /// entity type.
    static func entityID(_ value: Any?) -> String? {
        guard let value = value as? [String: Any] else { return nil }
        if let id = value["id"] as? String { return id }
        guard let number = value["numeric-id"] as? Int else { return nil }
        return (value["entity-type"] as? String == "property" ? "P" : "Q") + String(number)
    }

    /// The value of a statement's main snak.
    static func value(of statement: [String: Any]) -> Any? {
        ((statement["mainsnak"] as? [String: Any])?["datavalue"] as? [String: Any])?["value"]
    }

    /// The line and column (in characters) of byte `offset` of `text`.
    static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.utf8.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// The line where a statement's unique id stands in `text`, for warnings.
    static func line(of statement: [String: Any], in text: String) -> Int? {
        (statement["id"] as? String).flatMap { lineOf(string: $0, in: text) }
    }

    /// The line where the JSON string `value` first stands in `text`.
    static func lineOf(string value: String, in text: String) -> Int? {
        guard let range = text.range(of: "\"\(value)\"") else { return nil }
        return text[..<range.lowerBound].count { $0 == "\n" } + 1
    }

    /// A Wikidata time value as EDTF, at its precision: 11 day, 10 month, 9 year, 8 decade
    /// (`197X`), 7 century (`19XX`); nil, with the reason, for anything else.
    static func time(_ value: Any?, approximate: Bool = false) -> Result<EDTF, TimeProblem> {
        guard let value = value as? [String: Any], let time = value["time"] as? String, let precision = value["precision"] as? Int,
            let (negative, year, month, day) = parts(of: time)
        else { return .failure(TimeProblem(message: "a time value Cursus cannot read")) }
        var digits = String(format: "%04d", year)
        var text: String
        switch precision {
        case 11...: text = "\(digits)-\(month)-\(day)"
        case 10: text = "\(digits)-\(month)"
        case 9: text = digits
        case 8:
            digits.removeLast()
            text = digits + "X"
        case 7:
            digits.removeLast(2)
            text = digits + "XX"
        default:
            return .failure(TimeProblem(message: "a date of precision \(precision) (coarser than a century) is left out"))
        }
        if year > 9999 { text = "Y" + text }
        if negative { text = text.hasPrefix("Y") ? "Y-" + text.dropFirst() : "-" + text }
        if approximate { text += "~" }
        do {
            return .success(try EDTF(text))
        } catch {
            return .failure(TimeProblem(message: "the date \(time) is not a calendar date (\(error.message)); left out"))
        }
    }

    /// The sign, year, month and day digits of a Wikidata time (`+2008-07-26T00:00:00Z`), read
    /// by hand: a dump holds millions of them.
    static func parts(of time: String) -> (negative: Bool, year: Int, month: Substring, day: Substring)? {
        let bytes = time.utf8
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let rest = time.dropFirst()
        let pieces = rest.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, let year = Int(pieces[0]), pieces[1].count == 2, pieces[1].allSatisfy(\.isASCIIDigit) else { return nil }
        let day = pieces[2].prefix(2)
        guard day.count == 2, day.allSatisfy(\.isASCIIDigit), pieces[2].dropFirst(2).first == "T" else { return nil }
        return (sign == UInt8(ascii: "-"), year, pieces[1], day)
    }

    /// Why a time value gave no date.
    struct TimeProblem: Error {
        let message: String
    }
}

/// What is known of every entity in the input, beyond the people imported: its label (in the
/// language asked for, else English, else any), and for a term (a legislature's, say) its
/// start and end, which date the posts held only "during the 19th Bundestag".
struct Catalog {
    let language: String
    private(set) var labels: [String: String] = [:]
    private(set) var periods: [String: (start: EDTF?, end: EDTF?)] = [:]

    init(language: String) {
        self.language = language
    }

    mutating func add(_ entity: [String: Any]) {
        guard let id = entity["id"] as? String else { return }
        let labels = entity["labels"] as? [String: Any] ?? [:]
        let chosen = [language, "en", "mul"].lazy.compactMap { labels[$0] }.first ?? labels.keys.sorted().first.flatMap { labels[$0] }
        if let label = (chosen as? [String: Any])?["value"] as? String { self.labels[id] = label }
        let start = WikidataImporter.claims(entity, "P580").first.flatMap {
            try? WikidataImporter.time(WikidataImporter.value(of: $0)).get()
        }
        let end = WikidataImporter.claims(entity, "P582").first.flatMap { try? WikidataImporter.time(WikidataImporter.value(of: $0)).get() }
        if start != nil || end != nil { periods[id] = (start, end) }
    }
}

/// Turns people's entities into a dossier, one person and their positions held at a time.
struct Reader {
    let catalog: Catalog
    /// More than one person may be imported: each gets a source of their own.
    let several: Bool
    private(set) var dossier = Dossier()
    private(set) var imported: Set<String> = []
    private var ids = IDMaker()
    /// Ids already said to have no label, so that each is said once.
    private var unlabelled: Set<String> = []

    init(catalog: Catalog, several: Bool) {
        self.catalog = catalog
        self.several = several
    }

    /// The label of `id`, or the id itself with a warning (once).
    mutating func label(_ id: String, warnings: inout ImportWarnings, line: Int?) -> String {
        if let label = catalog.labels[id] { return label }
        if unlabelled.insert(id).inserted {
            warnings.warn(
                "\(id) has no label in this file, so it stands as its id; import it with its labels (from a file that has them, or wbgetentities)",
                line: line)
        }
        return id
    }

    /// Adds the person `entity` and their positions held; `line` says where a statement stands.
    mutating func add(_ entity: [String: Any], warnings: inout ImportWarnings, line: ([String: Any]) -> Int?) {
        guard let id = entity["id"] as? String else { return }
        imported.insert(id)
        let name = label(id, warnings: &warnings, line: nil)
        var person = Person(id: ids.make(name), name: name, ids: [("wikidata", id)])
        func date(_ property: String) -> EDTF? {
            guard let statement = WikidataImporter.claims(entity, property).first else { return nil }
            return checked(WikidataImporter.time(WikidataImporter.value(of: statement)), warnings: &warnings, line: line(statement))
        }
        person.born = date("P569")
        person.died = date("P570")
        if let native = WikidataImporter.claims(entity, "P1559").first.flatMap({ WikidataImporter.value(of: $0) as? [String: Any] }) {
            person.nativeName = native["text"] as? String
            person.nativeLanguage = native["language"] as? String
        }
        if let country = WikidataImporter.claims(entity, "P27").first.flatMap({ WikidataImporter.entityID(WikidataImporter.value(of: $0)) })
        {
            person.nationality = label(country, warnings: &warnings, line: nil)
        }
        let source = Source(
            id: several ? "wikidata-\(id.lowercased())" : "wikidata", title: "Wikidata: \(name) (\(id))", kind: "database",
            url: "https://www.wikidata.org/wiki/\(id)")
        person.sources = [Citation(source.id)]

        var tenures: [Tenure] = []
        for statement in WikidataImporter.claims(entity, "P39") {
            let at = line(statement)
            if statement["rank"] as? String == "deprecated" {
                warnings.warn("a deprecated position held (\(statement["id"] as? String ?? "?")) is skipped", line: at)
                continue
            }
            guard let office = WikidataImporter.entityID(WikidataImporter.value(of: statement)) else {
                warnings.warn("a position held with no known value (\(statement["id"] as? String ?? "?")) is skipped", line: at)
                continue
            }
            var held = tenure(statement, office: office, person: person, source: source.id, warnings: &warnings, line: at)
            if let statementID = statement["id"] as? String { held.ids = [("wikidata", statementID)] }
            tenures.append(held)
        }
        dossier.people.append(person)
        dossier.sources.append(source)
        dossier.tenures += Dossier(tenures: tenures).chronologicalTenures
    }

    private func checked(_ result: Result<EDTF, WikidataImporter.TimeProblem>, warnings: inout ImportWarnings, line: Int?) -> EDTF? {
        switch result {
        case .success(let date): return date
        case .failure(let problem):
            warnings.warn(problem.message, line: line)
            return nil
        }
    }

    private mutating func tenure(
        _ statement: [String: Any], office: String, person: Person, source: String, warnings: inout ImportWarnings, line: Int?
    ) -> Tenure {
        let qualifiers = statement["qualifiers"] as? [String: [[String: Any]]] ?? [:]
        for property in qualifiers.keys.sorted() where !WikidataImporter.knownQualifiers.contains(property) {
            warnings.warn("qualifier \(property) of a position held is not read", line: line)
        }
        func first(_ property: String) -> [String: Any]? { qualifiers[property]?.first }
        func value(_ snak: [String: Any]) -> Any? { (snak["datavalue"] as? [String: Any])?["value"] }
        func entities(_ property: String) -> [String] { (qualifiers[property] ?? []).compactMap { WikidataImporter.entityID(value($0)) } }
        func labels(_ property: String) -> [String] { entities(property).map { label($0, warnings: &warnings, line: line) } }
        let approximate = (qualifiers["P1480"] ?? []).contains { WikidataImporter.entityID(value($0)) == WikidataImporter.circa }
        /// nil: no such qualifier; .some(nil): one whose value is unknown (somevalue) or unreadable.
        func date(_ property: String) -> EDTF?? {
            guard let snak = first(property) else { return nil }
            guard snak["snaktype"] as? String == "value" else { return .some(nil) }
            return .some(checked(WikidataImporter.time(value(snak), approximate: approximate), warnings: &warnings, line: line))
        }
        var start = date("P580") ?? nil
        var endQualifier = date("P582")
        if start == nil, first("P580") == nil, first("P1319") != nil || first("P1326") != nil {
            let earliest = (date("P1319") ?? nil)?.text ?? ""
            let latest = (date("P1326") ?? nil)?.text ?? ""
            start = try? EDTF("\(earliest)/\(latest)")
        }
        // Dated only through the term it was held in (P2937): the term's own dates, when the input has them.
        var notes: [String] = []
        if let term = entities("P2937").first, first("P580") == nil, first("P582") == nil {
            let termLabel = label(term, warnings: &warnings, line: line)
            if let period = catalog.periods[term] {
                start = period.start
                if period.end != nil { endQualifier = .some(period.end) }
            } else {
                warnings.warn(
                    "a position held during \(termLabel) (\(term)) is dated only by that term, whose dates this file does not hold; left undated",
                    line: line)
            }
            notes.append("Term: \(termLabel)")
        }
        if let group = labels("P4100").first { notes.append("Parliamentary group: \(group)") }
        if let ordinal = first("P1545").flatMap({ value($0) as? String }) { notes.append("Order: \(ordinal)") }
        // No end means the post is still held, unless the person has died; with no date at all, the data says neither.
        let dated = start != nil || endQualifier != nil
        let ongoing = dated && endQualifier == nil && person.died == nil
        if !dated {
            warnings.warn(
                "a position held (\(statement["id"] as? String ?? "?")) has no dates; imported undated, not as ongoing", line: line)
        }
        let end = warnings.end(endQualifier ?? nil, after: start, line: line)
        let officeLabel = label(office, warnings: &warnings, line: line)
        return Tenure(
            id: ids.make(officeLabel, suffix: start?.earliest.map { String($0.year) }), person: person.id, office: officeLabel,
            organization: labels("P642").first, place: labels("P768").first, start: start, end: end, ongoing: ongoing,
            predecessor: labels("P1365").first, successor: labels("P1366").first, appointedBy: labels("P748"),
            notes: notes.isEmpty ? nil : notes.joined(separator: "; "), sources: [Citation(source)])
    }
}

/// A dump read a line at a time, through `gzip` or `bzip2` when it is compressed.
struct DumpLines {
    let path: String
    /// What the file is, for messages.
    var what = "Wikidata dump"

    /// Calls `body` with each entity and its line; a line that is not one is a warning there.
    func forEachEntity(
        warnings: inout ImportWarnings, _ body: ([String: Any], Int, inout ImportWarnings) throws(CursusError) -> Void
    ) throws(CursusError) {
        let (reader, decompressor) = try open()
        defer {
            if let decompressor, decompressor.isRunning { decompressor.terminate() }
        }
        while let line = try reader.next() {
            var bytes = Array(line)
            while let last = bytes.last, last == UInt8(ascii: ",") || last == 0x20 || last == 0x0D || last == 0x09 { bytes.removeLast() }
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
            if reader.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.isEmpty || bytes == [UInt8(ascii: "[")] || bytes == [UInt8(ascii: "]")] { continue }
            let number = reader.number
            let parsed = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONScanner.SyntaxError) in try JSONScanner.parse(buffer) }
            }
            switch parsed {
            case .success(let value):
                guard let entity = value.foundationValue as? [String: Any] else {
                    warnings.warn("line \(number) is not an entity (a JSON object); left out", line: number)
                    continue
                }
                try body(entity, number, &warnings)
            case .failure(let error):
                warnings.warn("line \(number) is not valid JSON (\(error.message)); left out", line: number)
            }
        }
        if let decompressor {
            decompressor.waitUntilExit()
            if decompressor.terminationStatus != 0 {
                throw warnings.error(
                    "the compressed dump could not be read to its end (\(decompressor.executableURL?.lastPathComponent ?? "") exited with \(decompressor.terminationStatus))",
                    line: reader.number)
            }
        }
    }

    /// The lines of the dump, and the program decompressing it, if any.
    private func open() throws(CursusError) -> (LineReader, Process?) {
        let lowered = path.lowercased()
        let program = lowered.hasSuffix(".gz") ? "gzip" : lowered.hasSuffix(".bz2") ? "bzip2" : nil
        guard let program else { return (try LineReader(path: path, what: what), nil) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CursusError(.data, Diagnostic(.error, "no such \(what) file; check the path", at: SourceLocation(file: path)))
        }
        guard let executable = ["/usr/bin/", "/bin/"].map({ $0 + program }).first(where: FileManager.default.isExecutableFile) else {
            throw CursusError(
                .failure,
                Diagnostic(
                    .error, "reading a .\(program == "gzip" ? "gz" : "bz2") dump needs \(program); install the Debian package '\(program)'",
                    at: SourceLocation(file: path)))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CursusError(
                .failure, Diagnostic(.error, "cannot run \(program): \(error.localizedDescription)", at: SourceLocation(file: path)))
        }
        // The pipe's reading end, opened as a file, so that the dump streams through the one line reader.
        let reader = try LineReader(path: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)", what: what)
        return (reader, process)
    }
}

extension JSONValue {
    /// The value as Foundation's JSON reader gives it (objects as dictionaries, the last of a
    /// repeated key winning; whole numbers as Int), which the importer walks.
    var foundationValue: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let value): return value
        case .number(let text):
            if let whole = Int(text) { return whole }
            return Double(text) ?? 0
        case .string(let text): return text
        case .array(let items): return items.map(\.foundationValue)
        case .object(let members):
            var object: [String: Any] = [:]
            for member in members { object[member.key] = member.value.foundationValue }
            return object
        }
    }
}
