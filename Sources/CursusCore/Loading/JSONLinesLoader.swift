import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a JSON Lines dossier as a stream: one object a line, each with a `type` (`person`,
/// `tenure`, `event`, `source`) and the fields of dossier files. An optional `{"cursus": 1}`
/// line gives the format version. Memory grows with the records, never with the file.
///
/// Lines are read in blocks; each block's records are read on every core at once and then
/// settled in file order, so records, ids and diagnostics are exactly those of a serial read.
enum JSONLinesLoader {
    /// Reading stops after this many errors: the file is likely not JSON Lines at all.
    static let maximumErrors = 100
    /// A block ends at this many lines or bytes, whichever comes first.
    static let blockLines = 4_096
    static let blockBytes = 4 << 20

    /// The file's dossier; with `retaining` false, its records are checked and dropped, so that
    /// memory grows with its ids alone.
    static func read(_ path: String, retaining: Bool = true, progress: ProgressLine = .silent) throws(CursusError) -> DossierFile {
        let lines = try LineReader(path: path, what: "dossier")
        var bag = DiagnosticBag()
        var reader = RecordReader()
        reader.retaining = retaining
        var records = 0
        let source = SourceFile(path)
        var task = progress.task("reading \((path as NSString).lastPathComponent)", total: nil, unit: "lines")
        defer { task.finish() }
        var bytesRead = 0
        func readBlock() throws(CursusError) -> LineBlock {
            let before = lines.number
            var block = LineBlock()
            while block.lines.count < blockLines && block.bytes.count < blockBytes, var bytes = try lines.next() {
                if lines.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                block.append(bytes, line: lines.number)
            }
            task.advance(by: lines.number - before)
            records += block.lines.count
            bytesRead += block.size
            block.end = bytesRead
            return block
        }
        // While the lines of one block are read on every core, this one settles the block
        // before and reads the block after.
        var block = try readBlock()
        var drafted: (lines: [[LineBlock.Drafted]], end: Int, size: Int)?
        while true {
            let full = block
            let drafting = full.lines.isEmpty ? nil : Parallel.start(Parallel.split(full.lines.count)) { full.draft($0, source: source) }
            if let before = drafted {
                if let size = lines.size {
                    let kinds = before.lines.joined().compactMap { $0.draft?.kind }
                    reader.expect(
                        tenures: kinds.count { $0 == .tenure }, events: kinds.count { $0 == .event },
                        scale: Double(size - before.end + before.size) / Double(max(before.size, 1)))
                }
                if settle(before.lines, into: &reader, bag: &bag, path: path) {
                    _ = drafting?.wait()
                    break
                }
            }
            guard let drafting else { break }
            block = try readBlock()
            drafted = (drafting.wait(), full.end, full.size)
        }
        if records == 0 && bag.diagnostics.isEmpty {
            bag.append(
                Diagnostic(
                    .error,
                    "is empty; a JSON Lines dossier has one record a line, e.g. {\"type\": \"person\", \"id\": \"p\", \"name\": \"…\"}",
                    at: SourceLocation(file: path)))
        }
        return reader.finish(path: path, lines: StreamedLines(path: path), bag: bag)
    }

    /// Settles the records read, in file order; true when there were too many errors to go on.
    private static func settle(
        _ drafted: [[LineBlock.Drafted]], into reader: inout RecordReader, bag: inout DiagnosticBag, path: String
    ) -> Bool {
        for part in drafted {
            for line in part {
                bag.append(contentsOf: line.diagnostics)
                if let draft = line.draft { reader.accept(draft) }
                if bag.diagnostics.count >= maximumErrors {
                    bag.append(
                        Diagnostic(.error, "too many errors; stopped reading at line \(line.number)", at: SourceLocation(file: path)))
                    return true
                }
            }
        }
        return false
    }

    /// One line's record read on its own, or nil (a header, or a line with errors), its problems
    /// reported to `context`.
    fileprivate static func draft(_ bytes: UnsafeBufferPointer<UInt8>, context: JSONLineContext) -> RecordDraft? {
        let value: JSONValue
        do {
            value = try JSONScanner.parse(bytes)
        } catch {
            context.report("JSON syntax error: \(error.message)", offset: error.offset)
            return nil
        }
        guard case .object(let entries) = value else {
            context.report("each line is one JSON object, found \(value.kindDescription)", offset: 0)
            return nil
        }
        if entries.contains(where: { $0.key == "cursus" }) {
            let header = JSONRecord(entries: entries, what: "header", offset: 0, context: context)
            header.checkKeys(["cursus"])
            RecordReader.checkVersion(header)
            return nil
        }
        guard let type = entries.first(where: { $0.key == "type" }) else {
            context.report("the record has no 'type' (person, tenure, event or source)", offset: 0)
            return nil
        }
        guard case .string(let name) = type.value, ["person", "tenure", "event", "source"].contains(name) else {
            context.report("'type' must be person, tenure, event or source, found \(type.value.kindDescription)", offset: type.offset)
            return nil
        }
        let record = JSONRecord(entries: entries, what: name, offset: 0, context: context)
        switch name {
        case "person": return .person(record)
        case "tenure": return .tenure(record, defaultPerson: nil, deferring: true)
        case "event": return .event(record, defaultPerson: nil, deferring: true)
        default: return .source(record)
        }
    }
}

/// Lines of a JSON Lines file copied out of the reader, to be read on many cores.
private struct LineBlock {
    /// One line's place in `bytes`, and its number in the file.
    struct Line {
        var start: Int
        var count: Int
        var number: Int
    }

    /// A line read: its record (if it holds one) and its problems.
    struct Drafted: Sendable {
        var number: Int
        var draft: RecordDraft?
        var diagnostics: [Diagnostic]
    }

    var bytes: [UInt8] = []
    var lines: [Line] = []
    /// How many bytes of the file come before the block's end.
    var end = 0
    /// The block's bytes in the file (each line's break counted as one).
    var size: Int { bytes.count + lines.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, line number: Int) {
        lines.append(Line(start: bytes.count, count: line.count, number: number))
        bytes.append(contentsOf: line)
    }

    /// The lines in `range`, each read on its own.
    func draft(_ range: Range<Int>, source: SourceFile) -> [Drafted] {
        let context = JSONLineContext(source: source)
        return bytes.withUnsafeBufferPointer { all in
            range.map { index in
                let line = lines[index]
                context.number = line.number
                context.bytes = UnsafeBufferPointer(rebasing: all[line.start..<(line.start + line.count)])
                let draft = JSONLinesLoader.draft(context.bytes, context: context)
                defer { context.bag = DiagnosticBag() }
                return Drafted(number: line.number, draft: draft, diagnostics: context.bag.diagnostics)
            }
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
