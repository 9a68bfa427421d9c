import Synchronization

/// An input file's name, numbered once per run: a location holds the number, four bytes no core
/// has to count references to, where a name would be a string shared by a million records.
public struct SourceFile: Sendable, Hashable {
    private let number: UInt32

    private static let registry = Mutex<(numbers: [String: UInt32], names: [String])>(([:], []))

    /// The file named `name` (the same number for the same name).
    public init(_ name: String) {
        number = Self.registry.withLock { registry in
            if let number = registry.numbers[name] { return number }
            let number = UInt32(registry.names.count)
            registry.names.append(name)
            registry.numbers[name] = number
            return number
        }
    }

    /// The name, as messages give it.
    public var name: String { Self.registry.withLock { $0.names[Int(number)] } }
}

/// A position in an input file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable {
    /// The file.
    public var source: SourceFile
    // Every record read keeps its place: 32 bits a number keep millions of them small.
    private var storedLine: Int32
    private var storedColumn: Int32
    private static let unknown = Int32.min

    /// The file, as messages name it.
    public var file: String {
        get { source.name }
        set { source = SourceFile(newValue) }
    }

    /// The 1-based line, when known.
    public var line: Int? {
        get { storedLine == Self.unknown ? nil : Int(storedLine) }
        set { storedLine = Self.stored(newValue) }
    }

    /// The 1-based column in Unicode scalars, when known.
    public var column: Int? {
        get { storedColumn == Self.unknown ? nil : Int(storedColumn) }
        set { storedColumn = Self.stored(newValue) }
    }

    /// A place in the file named `file`.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.init(source: SourceFile(file), line: line, column: column)
    }

    /// A place in `source` (readers of many records number their file once).
    public init(source: SourceFile, line: Int? = nil, column: Int? = nil) {
        self.source = source
        storedLine = Self.stored(line)
        storedColumn = Self.stored(column)
    }

    private static func stored(_ number: Int?) -> Int32 {
        number.map { Int32(clamping: $0) } ?? unknown
    }
}

/// One problem found in the input, printed as `FILE:LINE:COL: error: [renderer] message`.
public struct Diagnostic: Sendable, Hashable, Error {
    /// How bad it is: an error stops the run, a warning or a note does not.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// How bad it is.
    public var severity: Severity
    /// Where it is, when known.
    public var location: SourceLocation?
    /// The renderer (or importer) the problem belongs to, shown in brackets.
    public var scope: String?
    /// What is wrong and what to do, in a sentence.
    public var message: String
    /// The offending line of the input, shown under the message with a caret.
    public var sourceLine: String?

    /// A diagnostic saying `message`, at `location`.
    public init(
        _ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil,
        scope: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.scope = scope
        self.sourceLine = sourceLine
    }

    /// The diagnostic in the one form Cursus prints everywhere.
    public var formatted: String {
        var head = ""
        if let location {
            head = location.file.terminalSafe()
            if let line = location.line {
                head += ":\(line)"
                if let column = location.column { head += ":\(column)" }
            }
            head += ": "
        }
        head += "\(severity.rawValue): "
        if let scope { head += "[\(scope)] " }
        head += message.terminalSafe(keepingLineBreaks: true)
        guard let sourceLine, let column = location?.column, column >= 1 else { return head }
        var scalars = Array(sourceLine.terminalSafe().unicodeScalars)
        var caret = min(column - 1, scalars.count)
        // Show a window of very long lines around the caret.
        let window = 120
        if scalars.count > window {
            let start = max(0, min(caret - window / 2, scalars.count - window))
            let end = min(scalars.count, start + window)
            scalars = (start > 0 ? ["…"] : []) + scalars[start..<end] + (end < sourceLine.unicodeScalars.count ? ["…"] : [])
            caret = caret - start + (start > 0 ? 1 : 0)
        }
        var printable = ""
        printable.unicodeScalars.append(contentsOf: scalars)
        let caretOffset = String(printable.unicodeScalars.prefix(caret)).count
        return head + "\n" + printable + "\n" + String(repeating: " ", count: caretOffset) + "^"
    }
}

extension String {
    /// The text with no control characters left to act on a terminal (escape sequences, carriage
    /// returns): a tab becomes a space, the rest their visible pictures (␍, ␛) or `�`, one scalar
    /// for one so that carets stay aligned. Messages keep their line breaks (a plug-in's own
    /// error output, say); a quoted source line has none.
    fileprivate func terminalSafe(keepingLineBreaks: Bool = false) -> String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return self }
        var safe = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLineBreaks: safe.append(scalar)
            case 0x09: safe.append(" ")
            case 0..<0x20: safe.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: safe.append("\u{2421}")
            case 0x80...0x9F: safe.append("\u{FFFD}")
            default: safe.append(scalar)
            }
        }
        return String(safe)
    }
}

/// What went wrong, with the exit code the command line should return.
public struct CursusError: Error, Sendable {
    /// What kind of problem stopped the run, which decides the exit code.
    public enum Kind: Sendable {
        /// Bad input data or manifest (exit 65).
        case data
        /// A command line that asks for something there is not (exit 64).
        case usage
        /// Anything else: I/O, a failing external tool (exit 1).
        case failure
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// Every problem found, with the warnings met on the way.
    public var diagnostics: [Diagnostic]

    /// An error of `kind` with these diagnostics.
    public init(_ kind: Kind = .data, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// An error of `kind` with one diagnostic.
    public init(_ kind: Kind = .data, _ diagnostic: Diagnostic) {
        self.init(kind, [diagnostic])
    }

    /// Exit code per the Cursus convention: 65 for bad data, 1 otherwise.
    /// Runs `body`, passing Cursus's own errors through and turning any other (from Foundation or
    /// a library) into a failure that says what was being done.
    public static func converting<T>(_ doing: @autoclosure () -> String, _ body: () throws -> T) throws(CursusError) -> T {
        do {
            return try body()
        } catch let error as CursusError {
            throw error
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "\(doing()) failed: \(error)"))
        }
    }

    /// The exit code the command ends with: 65, 64 or 1.
    public var exitCode: Int32 {
        switch kind {
        case .data: return 65
        case .usage: return 64
        case .failure: return 1
        }
    }
}

/// Collects diagnostics so that a validation pass reports every problem at once.
public struct DiagnosticBag: Sendable {
    /// Everything collected, in order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The kind of the first error collected from a throw (a failure to write is not bad data).
    private var firstKind: CursusError.Kind?

    /// An empty bag.
    public init() {}

    /// True when anything collected is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Adds these diagnostics, in order.
    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Runs `body`, keeping what it throws as diagnostics; returns nil when it threw.
    @discardableResult
    public mutating func collect<T>(_ body: () throws(CursusError) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            if firstKind == nil { firstKind = error.kind }
            return nil
        }
    }

    /// Throws the collected errors (with any warnings) when there is at least one error, as
    /// `kind`, else as the kind of the first error collected, else as bad data.
    public func throwIfErrors(_ kind: CursusError.Kind? = nil) throws(CursusError) {
        if hasErrors { throw CursusError(kind ?? firstKind ?? .data, diagnostics) }
    }
}
