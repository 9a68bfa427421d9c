import Foundation

/// A text input read whole (dossier or manifest), with the limits that keep hostile
/// files from exhausting memory, and its lines kept for diagnostics.
public struct InputFile: Sendable {
    /// Largest YAML or JSON file read whole; bigger data belongs in JSON Lines or CSV.
    public static let maximumSize = 64 * 1024 * 1024
    /// The longest text one field of a dossier may hold, in UTF-8 bytes: far beyond any real note,
    /// and small enough that no single value can stall a renderer.
    public static let maximumFieldLength = 1 << 20

    /// The path as the user gave it (used in diagnostics).
    public let path: String
    /// The path numbered, for the locations of what is read from it.
    let source: SourceFile
    /// The whole text.
    public let text: String
    let lines: [Substring]

    /// A file at `path` (for messages) with this text, read already.
    public init(path: String, text: String) {
        self.path = path
        source = SourceFile(path)
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Reads a file, refusing missing, empty, oversized and binary files with a clear message;
    /// `whenMissing` says what to do about a missing one.
    public static func read(_ path: String, what: String, whenMissing: String = "check the path") throws(CursusError) -> InputFile {
        let location = SourceLocation(file: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CursusError(.data, Diagnostic(.error, "no such \(what) file; \(whenMissing)", at: location))
        }
        if isDirectory.boolValue {
            throw CursusError(.data, Diagnostic(.error, "is a folder, not a \(what) file", at: location))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CursusError(.failure, Diagnostic(.error, "cannot be read (permission denied?)", at: location))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "cannot be read: \(error.localizedDescription)", at: location))
        }
        if data.count > maximumSize {
            throw CursusError(
                .data,
                Diagnostic(
                    .error, "is larger than \(maximumSize / 1024 / 1024) MiB; split it, or give bulk data as JSON Lines (.jsonl)",
                    at: location))
        }
        return try decode(data, path: path, what: what)
    }

    /// Checks that `data` is non-empty UTF-8 text and wraps it.
    public static func decode(_ data: Data, path: String, what: String) throws(CursusError) -> InputFile {
        let location = SourceLocation(file: path)
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            throw CursusError(
                .data,
                Diagnostic(
                    .error, "is not a text file (NUL byte at offset \(nul - data.startIndex)); give \(Self.expected(what))", at: location))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CursusError(.data, Diagnostic(.error, "is not UTF-8 text; save it as UTF-8", at: location))
        }
        if text.allSatisfy(\.isWhitespace) {
            throw CursusError(
                .data,
                Diagnostic(
                    .error, what == "article" ? "is empty; give the article's text" : "is empty; a \(what) starts with 'cursus: 1'",
                    at: location))
        }
        return InputFile(path: path, text: text)
    }

    /// What a file read as `what` should hold, for messages.
    static func expected(_ what: String) -> String {
        what == "article" ? "the article as plain text, Markdown, wikitext or HTML" : "a YAML or JSON \(what)"
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }

    /// A diagnostic at a line and column of this file, quoting the line.
    public func diagnostic(
        _ message: String, line: Int?, column: Int?, severity: Diagnostic.Severity = .error, scope: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            severity, message, at: SourceLocation(source: source, line: line, column: column), scope: scope,
            sourceLine: line.flatMap { self.line($0) })
    }
}
