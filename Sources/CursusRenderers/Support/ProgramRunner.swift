import CursusCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program directly (never through a shell): input from a file, output to a file,
/// standard error collected, stopped when it runs past its time.
enum ProgramRunner {
    struct Outcome {
        var status: Int32
        var standardError: String
        var timedOut: Bool
    }

    static func run(
        _ executable: String, arguments: [String], input: String? = nil, output: String? = nil,
        environment: [String: String]? = nil, timeout: Double
    ) throws(CursusError) -> Outcome {
        try CursusError.converting("running \(executable)") {
            try start(executable, arguments: arguments, input: input, output: output, environment: environment, timeout: timeout)
        }
    }

    private static func start(
        _ executable: String, arguments: [String], input: String?, output: String?, environment: [String: String]?, timeout: Double
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = try input.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
        if let output {
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        // Standard error goes to a file of its own: a pipe could fill up and stall the program.
        let errorPath = NSTemporaryDirectory() + "cursus-stderr-\(getpid())-\(UUID().uuidString)"
        return try InterruptCleanup.shared.withScratchFile(errorPath) { () throws -> Outcome in
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
            return try wait(for: process, executable: executable, timeout: timeout, errorPath: errorPath)
        }
    }

    private static func wait(for process: Process, executable: String, timeout: Double, errorPath: String) throws -> Outcome {
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "cannot run \(executable): \(error.localizedDescription)"))
        }
        // Foundation starts the program as the leader of a process group of its own, which an
        // interrupt stops with everything the program started.
        InterruptCleanup.shared.register(processGroup: process.processIdentifier)
        defer { InterruptCleanup.shared.unregister(processGroup: process.processIdentifier) }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            // The program leads a process group of its own: stop the whole group, so that children
            // it started (a shell's `sleep`) do not keep it from ending.
            timedOut = true
            InterruptCleanup.stopProcessGroups([process.processIdentifier], grace: 2)
            finished.wait()
        }
        let standardError = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Outcome(
            status: process.terminationStatus, standardError: standardError.trimmingCharacters(in: .whitespacesAndNewlines),
            timedOut: timedOut)
    }

    /// The first executable called `name` on PATH.
    static func onPath(_ name: String) -> String? {
        searchPath().map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func searchPath() -> [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    }
}
