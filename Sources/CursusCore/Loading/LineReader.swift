import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file a line at a time (any length), giving each line's bytes without its line
/// break: the one way streamed inputs and their diagnostics read files.
final class LineReader {
    private let stream: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    /// The number of the line last read (1-based).
    private(set) var number = 0

    /// Opens `path`, or throws what a person should hear: no such file, or it cannot be read.
    init(path: String, what: String) throws(CursusError) {
        guard let stream = fopen(path, "rb") else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CursusError(
                exists ? .failure : .data,
                Diagnostic(.error, exists ? "cannot be read (permission denied?)" : "no such \(what) file; check the path", at: SourceLocation(file: path)))
        }
        self.stream = stream
    }

    deinit {
        free(buffer)
        fclose(stream)
    }

    /// The next line's bytes without LF or CRLF (valid until the next call), or nil at the end.
    func next() -> UnsafeBufferPointer<UInt8>? {
        let length = getline(&buffer, &capacity, stream)
        guard length >= 0, let buffer else { return nil }
        number += 1
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            var count = length
            while count > 0 && (bytes[count - 1] == 0x0A || bytes[count - 1] == 0x0D) { count -= 1 }
            return UnsafeBufferPointer(start: bytes, count: count)
        }
    }

    /// True when reading stopped on an error rather than at the end.
    var failed: Bool { ferror(stream) != 0 }
}
