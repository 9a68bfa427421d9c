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
    static let maximumLineLength = 16 * 1024 * 1024

    static func load(_ path: String, progress: Progress = .silent) throws(CursusError) -> DossierFile {
        guard let stream = fopen(path, "rb") else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CursusError(exists ? .failure : .data, Diagnostic(.error, exists ? "cannot be read (permission denied?)" : "no such dossier file; check the path", at: SourceLocation(file: path)))
        }
        defer { fclose(stream) }
        let context = JSONLineContext(path: path)
        var reader = RecordReader()
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var records = 0
        var task = progress.task("reading \((path as NSString).lastPathComponent)", total: nil, unit: "lines")
        defer { task.finish() }
        while true {
            let length = getline(&buffer, &capacity, stream)
            guard length >= 0, let buffer else { break }
            task.advance()
            context.number += 1
            var count = length
            buffer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
                while count > 0 && (bytes[count - 1] == 0x0A || bytes[count - 1] == 0x0D) { count -= 1 }
                var start = 0
                if context.number == 1 && count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
                context.bytes = UnsafeBufferPointer(start: bytes + start, count: count - start)
                if context.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                if count > maximumLineLength {
                    context.report("the line is longer than \(maximumLineLength / 1024 / 1024) MiB; one record a line", offset: nil)
                    return
                }
                records += 1
                read(context.bytes, context: context, into: &reader)
            }
            if context.bag.diagnostics.count >= maximumErrors {
                context.bag.append(Diagnostic(.error, "too many errors; stopped reading at line \(context.number)", at: SourceLocation(file: path)))
                break
            }
        }
        if ferror(stream) != 0 {
            throw CursusError(.failure, Diagnostic(.error, "cannot be read: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)))
        }
        if records == 0 && context.bag.diagnostics.isEmpty {
            context.bag.append(Diagnostic(.error, "is empty; a JSON Lines dossier has one record a line, e.g. {\"type\": \"person\", \"id\": \"p\", \"name\": \"…\"}", at: SourceLocation(file: path)))
        }
        reader.settleOwners { message, location in
            context.bag.append(Diagnostic(.error, message, at: location, sourceLine: location.line.flatMap(StreamedLines(path: path).line)))
        }
        reader.reportDuplicates { diagnostic in
            var diagnostic = diagnostic
            diagnostic.sourceLine = diagnostic.location?.line.flatMap(StreamedLines(path: path).line)
            context.bag.append(diagnostic)
        }
        try context.bag.throwIfErrors()
        return DossierFile(
            path: path, dossier: reader.dossier, references: reader.references, warnings: context.bag.diagnostics,
            lines: StreamedLines(path: path), ids: reader.ids)
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
        guard let stream = fopen(path, "rb") else { return nil }
        defer { fclose(stream) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var current = 0
        while getline(&buffer, &capacity, stream) >= 0, let buffer {
            current += 1
            if current == number { return Self.text(buffer, length: strlen(buffer)) }
        }
        return nil
    }

    /// A line from `getline` as text, without its line break (LF or CRLF; a CRLF is one
    /// Character in Swift, so the bytes are trimmed, not the string).
    static func text(_ buffer: UnsafeMutablePointer<CChar>, length: Int) -> String {
        buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var count = length
            while count > 0 && (bytes[count - 1] == 0x0A || bytes[count - 1] == 0x0D) { count -= 1 }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }
}
