import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file a line at a time, giving each line's bytes without its line break: the one way
/// streamed inputs and their diagnostics read files. A line may be long, but not unbounded, so
/// that a file without line breaks cannot fill the memory.
package final class LineReader {
    /// The longest line read, in bytes: far beyond any real record.
    static let maximumLineLength = 16 * 1024 * 1024
    private static let chunkSize = 1 << 16

    private let path: String
    private let stream: UnsafeMutablePointer<FILE>
    /// What was read from the file and not yet given out: `chunk[start..<end]`.
    private let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: LineReader.chunkSize)
    private var start = 0
    private var end = 0
    /// The line being given out, when it spans chunks: `line[0..<lineCount]`.
    private var line: UnsafeMutablePointer<UInt8>?
    private var lineCount = 0
    private var lineCapacity = 0
    /// The number of the line last read (1-based).
    package private(set) var number = 0
    /// The file's size in bytes, when it is a regular file (not a pipe).
    package let size: Int?

    /// Opens `path`, or throws what a person should hear: no such file, or it cannot be read.
    package init(path: String, what: String) throws(CursusError) {
        guard let stream = fopen(path, "rb") else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CursusError(
                exists ? .failure : .data,
                Diagnostic(
                    .error, exists ? "cannot be read (permission denied?)" : "no such \(what) file; check the path",
                    at: SourceLocation(file: path)))
        }
        self.path = path
        self.stream = stream
        var status = stat()
        size = fstat(fileno(stream), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    deinit {
        chunk.deallocate()
        free(line)
        fclose(stream)
    }

    /// The next line's bytes without LF or CRLF (valid until the next call), or nil at the end.
    /// Throws when the line is longer than `maximumLineLength`, or the file cannot be read.
    package func next() throws(CursusError) -> UnsafeBufferPointer<UInt8>? {
        lineCount = 0
        var spansChunks = false
        while true {
            if start == end {
                end = fread(chunk, 1, Self.chunkSize, stream)
                start = 0
                if end == 0 {
                    if ferror(stream) != 0 {
                        throw CursusError(
                            .failure,
                            Diagnostic(.error, "cannot be read: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)))
                    }
                    guard spansChunks else { return nil }
                    break
                }
            }
            if let found = memchr(chunk + start, 0x0A, end - start) {
                let newline = chunk.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if !spansChunks {
                    // The usual case: the whole line is in the chunk, handed out without a copy.
                    number += 1
                    defer { start = newline + 1 }
                    return Self.trimmed(UnsafeBufferPointer(start: chunk + start, count: newline - start))
                }
                try append(newline - start)
                start = newline + 1
                number += 1
                return Self.trimmed(UnsafeBufferPointer(start: line, count: lineCount))
            }
            try append(end - start)
            start = end
            spansChunks = true
        }
        number += 1
        return Self.trimmed(UnsafeBufferPointer(start: line, count: lineCount))
    }

    /// Adds `count` bytes from the chunk to the line, refusing a line that grows too long.
    private func append(_ count: Int) throws(CursusError) {
        guard lineCount + count <= Self.maximumLineLength else {
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "line \(number + 1) is longer than \(Self.maximumLineLength / 1024 / 1024) MiB; is this a text file with one record a line?",
                    at: SourceLocation(file: path, line: number + 1)))
        }
        if lineCount + count > lineCapacity {
            lineCapacity = max(lineCount + count, lineCapacity * 2, 1 << 12)
            guard let grown = realloc(line, lineCapacity) else { fatalError("out of memory for a \(lineCapacity)-byte line") }
            line = grown.assumingMemoryBound(to: UInt8.self)
        }
        (line! + lineCount).update(from: chunk + start, count: count)
        lineCount += count
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var count = bytes.count
        while count > 0 && (bytes[count - 1] == 0x0A || bytes[count - 1] == 0x0D) { count -= 1 }
        return UnsafeBufferPointer(start: bytes.baseAddress, count: count)
    }
}
