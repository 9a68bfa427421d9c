import Foundation

/// The repository's root, found from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `cursus` binary that `swift build --build-tests` put beside the test bundle.
let cursusBinary: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("cursus")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return repositoryRoot.appendingPathComponent(".build/debug/cursus")
}()

/// What one run of the binary did.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A scratch folder with files in it, where the binary runs.
struct Workspace {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cursus-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    /// A workspace at `url`, created when missing.
    init(existing url: URL) {
        self.url = url
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ name: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(name))
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    /// Every file below the workspace, relative paths sorted (hidden temporary files included).
    func allFiles() -> [String] {
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
    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> CLIResult {
        let process = try start(arguments, environment: environment)
        return process.wait()
    }

    func start(_ arguments: [String], environment: [String: String]? = nil) throws -> RunningCLI {
        try RunningCLI(arguments, in: url, environment: environment)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A `cursus` process that has been started; output is gathered from files to avoid pipe stalls.
struct RunningCLI {
    let process = Process()
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

    func wait() -> CLIResult {
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

/// What a real reader shows of an output (Chromium for SVG, poppler for PDF, LibreOffice Calc for
/// workbooks), through `Tests/Support/readers.py`.
func realReader(_ command: String, _ path: String) throws -> [String: Any] {
    let (status, data) = try python([repositoryRoot.appendingPathComponent("Tests/Support/readers.py").path, command, path])
    guard status == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw RealReaderFailure(command: command, path: path)
    }
    return object
}

/// Runs python3 with `arguments` (a script and its arguments, or `-c` and code) in `folder`;
/// gives its exit status and standard output.
func python(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: Data) {
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

struct RealReaderFailure: Error, CustomStringConvertible {
    let command: String
    let path: String
    var description: String { "readers.py \(command) \(path) failed (are chromium, poppler-utils and libreoffice-calc-nogui installed? make test installs them)" }
}
