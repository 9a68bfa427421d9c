import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What every test target shares: the repository's root, scratch folders, the built `cursus`
/// binary and the real readers (through Python), and a recorder for what renders say.

/// The repository's root, found from this file's place in it.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A folder of its own under the system's temporary folder, removed by the caller.
public func temporaryFolder(_ prefix: String = "cursus-tests") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// What a render said, in order: its notes, or what its progress line drew.
public final class Transcript: @unchecked Sendable {
    private let lock = NSLock()
    private var said: [String] = []

    /// An empty transcript.
    public init() {}

    /// Records one thing said.
    @Sendable public func append(_ part: String) { lock.withLock { said.append(part) } }
    /// Everything said, in order.
    public var parts: [String] { lock.withLock { said } }
    /// Everything said, as one text.
    public var text: String { parts.joined() }
}

/// The `cursus` binary that `swift build --build-tests` put beside the test bundle.
public let cursusBinary: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("cursus")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return repositoryRoot.appendingPathComponent(".build/debug/cursus")
}()

/// What one run of the binary did.
public struct CLIResult {
    /// The exit status.
    public var status: Int32
    /// What it printed on standard output.
    public var stdout: String
    /// What it printed on standard error.
    public var stderr: String
}

/// A scratch folder with files in it, where the binary runs.
public struct Workspace {
    /// The folder.
    public let url: URL

    /// A new workspace holding `files` (path → text).
    public init(_ files: [String: String] = [:]) throws {
        url = try temporaryFolder("cursus-cli")
        for (name, text) in files { try write(name, text) }
    }

    /// A workspace at `url`, created when missing.
    public init(existing url: URL) {
        self.url = url
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name`, making folders as needed.
    public func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    /// Writes `data` to `name`, making folders as needed.
    public func write(_ name: String, _ data: Data) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// The bytes of `name`.
    public func read(_ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    /// True when `name` exists.
    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    /// Every file below the workspace, relative paths sorted (hidden temporary files included).
    public func allFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// Runs `cursus` with `arguments` in the workspace and waits for it.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String]? = nil) throws -> CLIResult {
        let process = try start(arguments, environment: environment)
        return process.wait()
    }

    /// Starts `cursus` with `arguments` in the workspace, without waiting.
    public func start(_ arguments: [String], environment: [String: String]? = nil) throws -> RunningCLI {
        try RunningCLI(arguments, in: url, environment: environment)
    }

    /// Removes the workspace.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A `cursus` process that has been started; output is gathered from files to avoid pipe stalls.
public struct RunningCLI {
    /// The running process.
    public let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    init(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws {
        stdoutURL = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        stderrURL = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = cursusBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        if let environment { process.environment = environment }
        try process.run()
    }

    /// Waits for the process to end; what it did.
    public func wait() -> CLIResult {
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        let stdout = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        return CLIResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// A `cursus` process whose standard output is read line by line as it comes (for commands
/// that go on, like `render --watch`): reading blocks on the pipe until the line is there.
public final class StreamingCLI {
    /// The running process.
    public let process = Process()
    private let output = Pipe()
    private var pending = Data()
    /// Every line read so far.
    public private(set) var lines: [String] = []

    /// Starts `cursus` with `arguments` in `folder`; standard error goes to `stderr` there.
    public init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = cursusBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = output
        let errors = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Reads until a line that contains `text`, and returns it; nil when the output ends first.
    public func line(containing text: String) -> String? {
        while true {
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                lines.append(line)
                if line.contains(text) { return line }
            }
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { return nil }
            pending.append(data)
        }
    }

    /// Sends `signal` (SIGINT is Ctrl-C) and waits for the process to end; its exit status, or
    /// 128 + the signal when the signal ended it.
    public func stop(with signal: Int32 = SIGINT) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}

/// What a real reader shows of an output (Chromium for SVG, poppler for PDF, LibreOffice Calc for
/// workbooks), through `Tests/Support/readers.py`.
public func realReader(_ command: String, _ path: String) throws -> [String: Any] {
    let (status, data) = try python([repositoryRoot.appendingPathComponent("Tests/Support/readers.py").path, command, path])
    guard status == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw RealReaderFailure(command: command, path: path)
    }
    return object
}

/// Opens the page at `path` in headless Chromium through `Tests/Support/page.py` (with scripts
/// off when asked), leaving its screenshot and PDFs in `folder`; gives the report.
public func chromiumPage(_ path: String, folder: URL, scripts: Bool = true) throws -> [String: Any] {
    let script = repositoryRoot.appendingPathComponent("Tests/Support/page.py").path
    let (status, data) = try python([script] + (scripts ? [] : ["--no-scripts"]) + [path, folder.path])
    guard status == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw RealReaderFailure(command: "page.py", path: path)
    }
    return object
}

/// Runs python3 with `arguments` (a script and its arguments, or `-c` and code) in `folder`;
/// gives its exit status and standard output.
public func python(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}

/// A reader that could not be run, or answered nothing usable.
public struct RealReaderFailure: Error, CustomStringConvertible {
    let command: String
    let path: String
    /// What failed, and what to install.
    public var description: String {
        "\(command.hasSuffix(".py") ? command : "readers.py " + command) \(path) failed (are chromium, poppler-utils and libreoffice-calc-nogui installed? make test installs them)"
    }
}

extension Workspace {
    /// Writes an executable plug-in script at `path`: it prints `describe` when asked with
    /// `--describe`, and runs `body` (sh) to render.
    public func writePlugin(_ path: String, describe: String, body: String) throws {
        try write(
            path,
            """
            #!/bin/sh
            if [ "$1" = "--describe" ]; then
              cat <<'JSON'
            \(describe)
            JSON
              exit 0
            fi
            \(body)

            """)
        chmod(url.appendingPathComponent(path).path, 0o755)
    }

    /// A named pipe at `name`, through which a program the test starts says when it has got
    /// somewhere: the test waits on the pipe, not on the clock.
    public func makePipe(_ name: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        guard mkfifo(path, 0o600) == 0 else { throw RealReaderFailure(command: "mkfifo", path: path) }
        return path
    }
}

/// The first line written to the named pipe at `path`, or nil when `process` ends without
/// writing one (the wait then ends too).
public func firstLine(fromPipe path: String, unless process: Process) -> String? {
    DispatchQueue.global().async {
        process.waitUntilExit()
        // Unblock the reader: open the pipe for writing ourselves and close it at once.
        let descriptor = open(path, O_WRONLY | O_NONBLOCK)
        if descriptor >= 0 { close(descriptor) }
    }
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init)
}

/// Waits until process `pid` (not necessarily a child of ours) has ended, or `seconds` have
/// passed: through a pidfd, which tells when the process ends. True when it ended.
public func waitForEnd(of pid: Int32, seconds: Double) throws -> Bool {
    let script = """
        import os, select, sys
        try:
            fd = os.pidfd_open(int(sys.argv[1]))
        except ProcessLookupError:
            sys.exit(0)
        ready, _, _ = select.select([fd], [], [], float(sys.argv[2]))
        sys.exit(0 if ready else 1)
        """
    return try python(["-c", script, String(pid), String(seconds)]).status == 0
}

/// The stand-in for the MediaWiki and Wikibase APIs (`Tests/Support/api_server.py`), a real HTTP
/// server on 127.0.0.1 serving the answers in `folder`; stopped by `stop()`.
public final class APIServer: @unchecked Sendable {
    /// The folder of recorded answers (`pages/`, `entities/`) and the request log.
    public let folder: URL
    /// `http://127.0.0.1:PORT`.
    public let base: String
    private let process = Process()
    private let input = Pipe()

    /// Starts a server over `folder`.
    public init(folder: URL) throws {
        self.folder = folder
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/Support/api_server.py").path, folder.path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is the port, printed once the server listens.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
        base = "http://127.0.0.1:" + String(decoding: line, as: UTF8.self)
    }

    /// The requests served so far: path and query, User-Agent, Accept-Encoding.
    public var requests: [[String]] {
        let log = (try? String(contentsOf: folder.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Stops the server and waits for it.
    public func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
