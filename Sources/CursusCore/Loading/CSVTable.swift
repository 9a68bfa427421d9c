import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads RFC 4180 CSV a line at a time (quoted fields may hold delimiters, quotes and line
/// breaks), keeping the line each record starts on and where each field starts in it.
struct CSVRecordParser {
    struct Record {
        var fields: [String]
        /// Character offset of each field in the record's first line.
        var offsets: [Int]
        var line: Int
    }

    let delimiter: Character
    private var fields: [String] = []
    private var offsets: [Int] = []
    private var field = ""
    private var inQuotes = false
    private var fieldStarted = false
    private var startLine = 0
    private var position = 0

    init(delimiter: Character) {
        self.delimiter = delimiter
    }

    /// The delimiter a header line uses: comma, semicolon or tab, whichever occurs most.
    static func delimiter(of header: Substring) -> Character {
        [",", ";", "\t"].max { a, b in header.filter { $0 == a }.count < header.filter { $0 == b }.count } ?? ","
    }

    var isInsideQuotes: Bool { inQuotes }

    /// Takes the next line (without its line break); returns a record when one is complete.
    mutating func feed(_ line: Substring, number: Int) -> Record? {
        if !inQuotes {
            startLine = number
            position = 0
            offsets = [0]
        } else {
            field.append("\n")
        }
        var characters = line.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            position += 1
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            if character == "\"" && !fieldStarted {
                inQuotes = true
                fieldStarted = true
            } else if character == delimiter {
                fields.append(field)
                offsets.append(position)
                field = ""
                fieldStarted = false
            } else {
                field.append(character)
                fieldStarted = true
            }
        }
        if inQuotes { return nil }
        fields.append(field)
        defer {
            fields = []
            field = ""
            fieldStarted = false
        }
        if fields.count == 1 && fields[0].isEmpty { return nil }
        return Record(fields: fields, offsets: offsets, line: startLine)
    }
}

/// One row of a Cursus table, read with the dossier's rules: cells are texts, lists split with
/// `DossierTable.splitList`, formula neutralising undone.
struct CSVRecord: RecordFields {
    let values: [String: String]
    /// The keys in the order written.
    var order: [String] = []
    /// Column (1-based, characters) of each field, for diagnostics.
    let columns: [String: Int]
    let what: String
    let context: CSVTableContext
    let line: Int
    /// For a record held inside one cell (a milestone written as JSON): that cell's column, where
    /// its problems are reported, and that its keys are checked (a table's are, at its header).
    var enclosingCell: (column: Int?, checksKeys: Bool) = (nil, false)

    private func cell(_ key: String) -> String? {
        guard let value = values[key], !value.isEmpty else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { cell(key) != nil }
    var keys: [String] { order.isEmpty ? values.keys.sorted() : order }

    func unboundedString(_ key: String, required: Bool) -> String? {
        guard let value = cell(key) else {
            if required { reportHere("\(MappingReader.article(what)) needs '\(key)'") }
            return nil
        }
        return value
    }

    func unboundedStrings(_ key: String) -> [String] { cell(key).map(DossierTable.splitList) ?? [] }

    func bool(_ key: String) -> Bool? {
        guard let value = cell(key) else { return nil }
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default:
            report(key, "'\(key)' of \(MappingReader.article(what)) must be true or false, found '\(value)'")
            return nil
        }
    }

    func int(_ key: String, required: Bool) -> Int? { cell(key).flatMap { Int($0) } }

    func date(_ key: String, required: Bool) -> EDTF? {
        guard let text = string(key, required: required) else { return nil }
        do {
            return try EDTF(text)
        } catch {
            context.report(
                "invalid date '\(text)' for '\(key)': \(error.message)", line: line, column: columns[key].map { $0 + error.offset })
            return nil
        }
    }

    /// Milestones are written as `MilestoneItem` says: `DATE title`, or a JSON object.
    func records(_ key: String, what: String) -> [CSVRecord] {
        strings(key).compactMap { item in
            switch MilestoneItem.fields(item) {
            case .success(let values): return cellRecord(values, key: key, what: what, isObject: item.hasPrefix("{"))
            case .failure(let error):
                report(key, "a milestone in '\(key)' is neither 'DATE title' nor a JSON object: \(error.message)")
                return nil
            }
        }
    }

    /// Citations are written as `CitationItem` says: the id, or a JSON object.
    func unboundedCitations(_ key: String) -> [TextOrRecord<CSVRecord>] {
        unboundedStrings(key).compactMap { item in
            guard item.hasPrefix("{") else { return .text(item) }
            switch CellObject.fields(item, what: "a citation") {
            case .success(let values): return .record(cellRecord(values, key: key, what: "citation", isObject: true))
            case .failure(let error):
                report(key, "a citation in '\(key)' is neither a source id nor a JSON object: \(error.message)")
                return nil
            }
        }
    }

    /// A record held in the cell of `key`, reported at that cell.
    private func cellRecord(_ values: [String: String], key: String, what: String, isObject: Bool) -> CSVRecord {
        var record = CSVRecord(values: values, columns: [:], what: what, context: context, line: line)
        record.enclosingCell = (columns[key], isObject)
        return record
    }

    /// Attributes are written `key: value; key: value`.
    func record(_ key: String, what: String) -> CSVRecord? {
        guard has(key) else { return nil }
        var values: [String: String] = [:]
        var order: [String] = []
        for item in strings(key) {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard !parts[0].isEmpty else {
                report(key, "'\(item)' in '\(key)' has no name; attributes are written 'name: value; name: value'")
                continue
            }
            if values[parts[0]] == nil { order.append(parts[0]) }
            values[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return CSVRecord(values: values, order: order, columns: [:], what: what, context: context, line: line)
    }

    /// A table's columns are checked once, against the header; a record in a cell, here.
    func checkKeys(_ allowed: AllowedKeys) {
        guard enclosingCell.checksKeys else { return }
        for key in values.keys.sorted() where !allowed.contains(key) {
            reportHere("unknown key '\(key)' in \(MappingReader.article(what))\(Suggestion.didYouMean(key, in: allowed.list))")
        }
    }

    func report(_ key: String, _ message: String) { context.report(message, line: line, column: columns[key] ?? enclosingCell.column) }
    func reportHere(_ message: String) { context.report(message, line: line, column: enclosingCell.column) }
    func location(of key: String) -> SourceLocation {
        SourceLocation(source: context.source, line: line, column: columns[key] ?? enclosingCell.column)
    }
    var location: SourceLocation { SourceLocation(source: context.source, line: line, column: enclosingCell.column ?? 1) }
}

/// Where a table's problems go.
final class CSVTableContext {
    let source: SourceFile
    var bag = DiagnosticBag()
    let lines: any LineSource

    init(path: String, lines: any LineSource) {
        source = SourceFile(path)
        self.lines = lines
    }

    func report(_ message: String, line: Int?, column: Int?, severity: Diagnostic.Severity = .error) {
        bag.append(
            Diagnostic(
                severity, message, at: SourceLocation(source: source, line: line, column: column), sourceLine: line.flatMap(lines.line)))
    }
}

/// Reads one table as Cursus writes it (tenures, events, people or sources, told apart by the
/// columns), in any column order, as a stream; `mapping` renames foreign headings (field → heading).
public enum CSVTableLoader {
    /// The table as a dossier file, the problems of its rows in `diagnostics`.
    public static func read(_ path: String, progress: ProgressLine = .silent) throws(CursusError) -> DossierFile {
        try read(path, mapping: [:], strict: true, progress: progress)
    }

    /// With `strict` false (importing), unknown columns are warnings instead of errors.
    public static func read(
        _ path: String, mapping: [String: String], strict: Bool, progress: ProgressLine = .silent
    ) throws(CursusError) -> DossierFile {
        let reader = try LineReader(path: path, what: "table")
        let lines = StreamedLines(path: path)
        let context = CSVTableContext(path: path, lines: lines)
        var parser: CSVRecordParser?
        var table: DossierTable?
        var fieldIndex: [(field: String, index: Int)] = []
        var records = RecordReader()
        var (recordBytes, recordStart) = (0, 1)
        var task = progress.task("reading \((path as NSString).lastPathComponent)", total: nil, unit: "lines")
        defer { task.finish() }
        while let bytes = try reader.next() {
            let number = reader.number
            task.advance()
            var text = String(decoding: bytes, as: UTF8.self)
            if number == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if bytes.contains(0) {
                throw CursusError(
                    .data,
                    Diagnostic(.error, "is not a text table (NUL byte in line \(number))", at: SourceLocation(file: path, line: number)))
            }
            if parser == nil { parser = CSVRecordParser(delimiter: CSVRecordParser.delimiter(of: text[...])) }
            // A record held open by quotes is bounded like a line: an unclosed quote must not read the whole file in.
            if parser!.isInsideQuotes {
                recordBytes += bytes.count
            } else {
                (recordBytes, recordStart) = (bytes.count, number)
            }
            if recordBytes > LineReader.maximumLineLength {
                throw CursusError(
                    .data,
                    Diagnostic(
                        .error,
                        "a quoted field on this line runs on past \(LineReader.maximumLineLength / 1024 / 1024) MiB (to line \(number)); close its quote",
                        at: SourceLocation(file: path, line: recordStart)))
            }
            guard let record = parser!.feed(text[...], number: number) else { continue }
            guard let table else {
                (table, fieldIndex) = try columns(of: record, mapping: mapping, strict: strict, context: context)
                continue
            }
            var values: [String: String] = [:]
            var columns: [String: Int] = [:]
            for (field, index) in fieldIndex where index < record.fields.count {
                values[field] = restore(record.fields[index])
                columns[field] = record.offsets[index] + 1
            }
            let row = CSVRecord(values: values, columns: columns, what: table.recordName, context: context, line: record.line)
            switch table {
            case .tenures: records.readTenure(row, defaultPerson: nil, deferring: true)
            // A table always has the people column: an empty cell means nobody, not "the one person".
            case .events: records.readEvent(row, defaultPerson: nil)
            case .people: records.readPerson(row)
            case .sources: records.readSource(row)
            }
        }
        if parser?.isInsideQuotes == true {
            context.report("a quoted field is never closed before the end of the table", line: reader.number, column: nil)
        }
        if table == nil { context.report("the table is empty", line: nil, column: nil) }
        return records.finish(path: path, lines: lines, bag: context.bag)
    }

    /// Which table the header describes, and the index of each field's column.
    private static func columns(
        of header: CSVRecordParser.Record, mapping: [String: String], strict: Bool, context: CSVTableContext
    ) throws(CursusError) -> (DossierTable, [(String, Int)]) {
        var found: [String: Int] = [:]
        for (index, heading) in header.fields.enumerated() {
            let name = heading.trimmingCharacters(in: .whitespaces)
            let field = mapping.first { $0.value == name }?.key ?? name
            if found[field] == nil { found[field] = index }
        }
        for (field, heading) in mapping.sorted(by: { $0.key < $1.key }) where found[field] == nil || header.fields[found[field]!] != heading
        {
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "--map names the column '\(heading)' for '\(field)', but the table has no such column; it has \(header.fields.joined(separator: ", "))",
                    at: SourceLocation(source: context.source, line: 1)))
        }
        let table: DossierTable
        if found["office"] != nil {
            table = .tenures
        } else if found["date"] != nil && found["title"] != nil {
            table = .events
        } else if found["name"] != nil {
            table = .people
        } else if found["title"] != nil {
            table = .sources
        } else {
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "cannot tell which table this is: a tenures table has 'office', events 'date' and 'title', people 'name', sources 'title'",
                    at: SourceLocation(source: context.source, line: 1), sourceLine: context.lines.line(1)))
        }
        let known = Set(table.columns)
        for (field, index) in found.sorted(by: { $0.value < $1.value }) where !known.contains(field) {
            let column = header.offsets[index] + 1
            context.report(
                "column '\(header.fields[index])' is not a \(table.recordName) field\(Suggestion.didYouMean(field, in: table.columns))\(strict ? "" : "; its values are left out")",
                line: header.line, column: column, severity: strict ? .error : .warning)
        }
        let derived = { (field: String) in field.hasSuffix("_earliest") || field.hasSuffix("_latest") }
        return (table, found.filter { known.contains($0.key) && !derived($0.key) }.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 })
    }

    /// Undoes Cursus's formula neutralising: a `'` put before `= + - @`, tab or CR.
    static func restore(_ value: String) -> String {
        guard value.hasPrefix("'"), let next = value.dropFirst().first, "=+-@\t\r".contains(next) else { return value }
        return String(value.dropFirst())
    }
}
