import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a JSON Lines dossier as a stream: one object a line, each with a `type` (`person`,
/// `tenure`, `event`, `source`) and the fields of dossier files. An optional `{"cursus": 1}`
/// line gives the format version. Memory grows with the records, never with the file.
enum JSONLinesLoader {
    /// Reading stops after this many errors: the file is likely not JSON Lines at all.
    static let maximumErrors = 100

    /// The file's dossier; with `retaining` false, its records are checked and dropped, so that
    /// memory grows with its ids alone.
    static func read(_ path: String, retaining: Bool = true, progress: ProgressLine = .silent) throws(CursusError) -> DossierFile {
        let lines = try LineReader(path: path, what: "dossier")
        let context = JSONLineContext(path: path)
        var reader = RecordReader()
        reader.retaining = retaining
        var records = 0
        var task = progress.task("reading \((path as NSString).lastPathComponent)", total: nil, unit: "lines")
        defer { task.finish() }
        while var bytes = try lines.next() {
            task.advance()
            context.number = lines.number
            if lines.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            context.bytes = bytes
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            records += 1
            read(bytes, context: context, into: &reader)
            if context.bag.diagnostics.count >= maximumErrors {
                context.bag.append(
                    Diagnostic(.error, "too many errors; stopped reading at line \(lines.number)", at: SourceLocation(file: path)))
                break
            }
        }
        if records == 0 && context.bag.diagnostics.isEmpty {
            context.bag.append(
                Diagnostic(
                    .error,
                    "is empty; a JSON Lines dossier has one record a line, e.g. {\"type\": \"person\", \"id\": \"p\", \"name\": \"…\"}",
                    at: SourceLocation(file: path)))
        }
        return reader.finish(path: path, lines: StreamedLines(path: path), bag: context.bag)
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, context: JSONLineContext, into reader: inout RecordReader) {
        let value: JSONValue
        do {
            value = try JSONScanner.parse(bytes)
        } catch {
            context.report("JSON syntax error: \(error.message)", offset: error.offset)
            return
        }
        guard case .object(let entries) = value else {
            context.report("each line is one JSON object, found \(value.kindDescription)", offset: 0)
            return
        }
        if entries.contains(where: { $0.key == "cursus" }) {
            let header = JSONRecord(entries: entries, what: "header", offset: 0, context: context)
            header.checkKeys(["cursus"])
            reader.checkVersion(header)
            return
        }
        guard let type = entries.first(where: { $0.key == "type" }) else {
            context.report("the record has no 'type' (person, tenure, event or source)", offset: 0)
            return
        }
        guard case .string(let name) = type.value, ["person", "tenure", "event", "source"].contains(name) else {
            context.report("'type' must be person, tenure, event or source, found \(type.value.kindDescription)", offset: type.offset)
            return
        }
        let record = JSONRecord(entries: entries, what: name, offset: 0, context: context)
        switch name {
        case "person": reader.readPerson(record)
        case "tenure": reader.readTenure(record, defaultPerson: nil, deferring: true)
        case "event": reader.readEvent(record, defaultPerson: nil, deferring: true)
        default: reader.readSource(record)
        }
    }
}

/// The lines of a file read as a stream, found again on demand (only diagnostics need them).
struct StreamedLines: LineSource {
    let path: String

    func line(_ number: Int) -> String? {
        guard let lines = try? LineReader(path: path, what: "dossier") else { return nil }
        while let bytes = try? lines.next() {
            if lines.number == number { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }
}
