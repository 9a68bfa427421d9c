import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file being written: the renderer writes to `temporaryPath`, beside the final
/// `path`, and the transaction renames it into place only when every output is complete.
public final class OutputFile: Sendable {
    /// Where the file will be once committed.
    public let path: String
    /// Where the renderer writes now (same folder, so the final rename is atomic).
    public let temporaryPath: String
    private let transaction: OutputTransaction

    init(path: String, transaction: OutputTransaction) {
        self.path = path
        self.transaction = transaction
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        self.temporaryPath = folder + "/." + url.lastPathComponent + ".cursus-tmp-\(getpid())-\(transaction.nextSerial())"
        InterruptCleanup.shared.register(file: temporaryPath)
    }

    /// A second file committed with this one, `path` with its extension replaced (a chart's SVG beside its DOT).
    public func companion(extension newExtension: String) -> OutputFile {
        let url = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension(newExtension)
        return transaction.add(url.path)
    }

    /// A buffered text writer on the temporary file.
    public func textWriter() throws -> TextWriter {
        try TextWriter(path: temporaryPath, finalPath: path)
    }
}

/// Buffered UTF-8 output to a file through stdio.
public final class TextWriter {
    private let stream: UnsafeMutablePointer<FILE>
    private let finalPath: String
    private var closed = false

    init(path: String, finalPath: String) throws {
        guard let stream = fopen(path, "wb") else {
            throw CursusError(.failure, Diagnostic(.error, "cannot create the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: finalPath)))
        }
        setvbuf(stream, nil, _IOFBF, 1 << 16)
        self.stream = stream
        self.finalPath = finalPath
    }

    deinit {
        if !closed { fclose(stream) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, stream) }
    }

    public func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, stream) }
    }

    /// Flushes and closes; throws when the disk refused the data.
    public func close() throws {
        closed = true
        let failed = ferror(stream) != 0
        if fclose(stream) != 0 || failed {
            throw CursusError(.failure, Diagnostic(.error, "cannot write the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: finalPath)))
        }
    }
}

/// The outputs of one run: all are written to temporary files first and renamed into place
/// together on `commit()`; `rollback()` (or an interrupt) removes them and leaves earlier files untouched.
public final class OutputTransaction: Sendable {
    private let files = Mutex<[OutputFile]>([])
    private let folders = Mutex<[String]>([])
    private let serial = Atomic<Int>(0)

    public init() {}

    /// A new output that will land at `path` (already checked to lie inside the output folder).
    public func add(_ path: String) -> OutputFile {
        let file = OutputFile(path: path, transaction: self)
        files.withLock { $0.append(file) }
        return file
    }

    /// Notes a folder made for this run's outputs, removed again on rollback if still empty.
    public func created(folder: String) {
        folders.withLock { $0.append(folder) }
        InterruptCleanup.shared.register(folder: folder)
    }

    func nextSerial() -> Int { serial.add(1, ordering: .relaxed).newValue }

    /// Renames every written temporary file into place; returns the final paths in order.
    @discardableResult
    public func commit() throws(CursusError) -> [String] {
        let files = self.files.withLock { $0 }
        let temporaries = InterruptCleanup.shared
        temporaries.holdInterrupts()
        defer { temporaries.releaseInterrupts() }
        var committed: [String] = []
        for file in files where FileManager.default.fileExists(atPath: file.temporaryPath) {
            guard rename(file.temporaryPath, file.path) == 0 else {
                let reason = String(cString: strerror(errno))
                throw CursusError(.failure, Diagnostic(.error, "cannot move the finished file into place: \(reason)", at: SourceLocation(file: file.path)))
            }
            temporaries.unregister(file: file.temporaryPath)
            committed.append(file.path)
        }
        for folder in folders.withLock({ $0 }) { temporaries.unregister(folder: folder) }
        return committed
    }

    /// Removes every temporary file of this transaction, and the folders it made for them.
    public func rollback() {
        for file in files.withLock({ $0 }) {
            unlink(file.temporaryPath)
            InterruptCleanup.shared.unregister(file: file.temporaryPath)
        }
        for folder in folders.withLock({ $0 }).reversed() {
            rmdir(folder)
            InterruptCleanup.shared.unregister(folder: folder)
        }
    }
}

/// What must not outlive an interrupted run: temporary files, and the process groups of programs
/// Cursus started (plug-ins, Graphviz). On SIGINT or SIGTERM the groups are stopped and the files
/// removed before exiting 130 or 143.
public final class InterruptCleanup: Sendable {
    public static let shared = InterruptCleanup()
    private let paths = Mutex<Set<String>>([])
    private let processGroups = Mutex<Set<Int32>>([])
    private let folders = Mutex<[String]>([])
    private let interruptLock = NSLock()
    private let installed = Mutex(false)
    /// The handlers, kept alive for the life of the process; written once, under `installed`.
    private nonisolated(unsafe) var signalSources: [DispatchSourceSignal] = []

    public func register(file path: String) { paths.withLock { _ = $0.insert(path) } }
    public func unregister(file path: String) { paths.withLock { _ = $0.remove(path) } }
    /// A folder made for outputs: removed on interrupt if nothing else is in it by then.
    func register(folder path: String) { folders.withLock { $0.append(path) } }
    func unregister(folder path: String) { folders.withLock { $0.removeAll { $0 == path } } }
    /// A started program that leads a process group of its own.
    public func register(processGroup leader: Int32) { processGroups.withLock { _ = $0.insert(leader) } }
    public func unregister(processGroup leader: Int32) { processGroups.withLock { _ = $0.remove(leader) } }

    /// Asks every started program's group to stop, and kills what is still there after a second
    /// (a program may have SIGTERM blocked or ignored).
    private func stopProcessGroups() {
        let leaders = processGroups.withLock { $0 }
        for leader in leaders { kill(-leader, SIGTERM) }
        for _ in 0..<100 where leaders.contains(where: { kill(-$0, 0) == 0 }) { usleep(10_000) }
        for leader in leaders { kill(-leader, SIGKILL) }
    }

    /// Runs `body` with a scratch file at `path` holding `contents`, which an interrupt removes
    /// too; removes it when `body` ends.
    public func withScratchFile<T>(_ path: String, contents: Data = Data(), _ body: () throws -> T) throws -> T {
        guard FileManager.default.createFile(atPath: path, contents: contents) else {
            throw CursusError(.failure, Diagnostic(.error, "cannot write a scratch file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)))
        }
        register(file: path)
        defer {
            unlink(path)
            unregister(file: path)
        }
        return try body()
    }

    /// Holds interrupts off until `releaseInterrupts()`, so that a commit is never cut in half.
    func holdInterrupts() { interruptLock.lock() }
    func releaseInterrupts() { interruptLock.unlock() }

    /// Installs the SIGINT/SIGTERM handlers (once, however often it is called).
    public func installSignalHandlers() {
        guard installed.withLock({ installed in defer { installed = true }; return !installed }) else { return }
        for (signalNumber, exitCode) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                interruptLock.lock()
                stopProcessGroups()
                for path in paths.withLock({ $0 }) { unlink(path) }
                for folder in folders.withLock({ $0 }).reversed() { rmdir(folder) }
                _exit(exitCode)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
