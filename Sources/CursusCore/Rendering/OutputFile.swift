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
    public func textWriter() throws(CursusError) -> TextWriter {
        try TextWriter(path: temporaryPath, finalPath: path)
    }
}

/// Buffered UTF-8 output to a file through stdio.
public final class TextWriter {
    private let stream: UnsafeMutablePointer<FILE>
    private let finalPath: String
    private var closed = false

    init(path: String, finalPath: String) throws(CursusError) {
        guard let stream = fopen(path, "wb") else {
            throw CursusError(
                .failure,
                Diagnostic(.error, "cannot create the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: finalPath)))
        }
        setvbuf(stream, nil, _IOFBF, 1 << 16)
        self.stream = stream
        self.finalPath = finalPath
    }

    deinit {
        if !closed { fclose(stream) }
    }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, stream) }
    }

    /// Writes these bytes.
    public func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, stream) }
    }

    /// Flushes and closes; throws when the disk refused the data.
    public func close() throws(CursusError) {
        closed = true
        let failed = ferror(stream) != 0
        if fclose(stream) != 0 || failed {
            throw CursusError(
                .failure,
                Diagnostic(.error, "cannot write the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: finalPath)))
        }
    }
}

/// The outputs of one run: all are written to temporary files first and renamed into place
/// together on `commit()`; `rollback()` (or an interrupt) removes them and leaves earlier files untouched.
public final class OutputTransaction: Sendable {
    private let files = Mutex<[OutputFile]>([])
    private let folders = Mutex<[String]>([])
    private let serial = Atomic<Int>(0)

    /// An empty transaction.
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
                throw CursusError(
                    .failure, Diagnostic(.error, "cannot move the finished file into place: \(reason)", at: SourceLocation(file: file.path))
                )
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

extension OutputTransaction {
    /// Throws for the first of `paths` that exists, with `whenExists` saying what to do.
    public static func refuseExisting(_ paths: [String], _ whenExists: String) throws(CursusError) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            throw CursusError(.failure, Diagnostic(.error, "already exists; \(whenExists)", at: SourceLocation(file: path)))
        }
    }

    /// Writes each text to its path, all or nothing (for commands that write a few small files);
    /// refuses, before writing any, a path that exists, with `whenExists` saying what to do.
    /// Returns the paths written.
    @discardableResult
    public static func write(_ files: [(path: String, text: String)], whenExists: String?) throws(CursusError) -> [String] {
        if let whenExists { try refuseExisting(files.map(\.path), whenExists) }
        let transaction = OutputTransaction()
        do {
            for file in files {
                let writer = try transaction.add(file.path).textWriter()
                writer.write(file.text)
                try writer.close()
            }
            return try transaction.commit()
        } catch {
            transaction.rollback()
            throw error
        }
    }
}
