import CursusCore
import Foundation

/// Runs Graphviz's `neato -n2` on a DOT file to draw it (positions are already pinned).
enum Graphviz {
    /// The `neato` executable on PATH, or nil when Graphviz is not installed.
    static func neato() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/neato" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Draws the DOT file at `dotPath` as `format` into `output`; Graphviz's warnings and errors
    /// become a Cursus error. `sourceDate` fixes the creation date embedded in PDFs, so files stay
    /// byte-identical.
    static func draw(_ dotPath: String, format: String, dpi: Int, to output: String, sourceDate: CalendarDay) throws {
        guard let neato = neato() else {
            throw CursusError(
                .failure,
                Diagnostic(.error, "Graphviz is not installed, so the chart cannot be drawn as \(format); install the Debian package 'graphviz' (apt-get install graphviz), or drop 'formats' to write the DOT file alone"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: neato)
        process.arguments = ["-n2", "-T\(format)", "-Gdpi=\(dpi)", "-o", output, dotPath]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(sourceDate.daysSinceEpoch * 86_400)
        process.environment = environment
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "cannot run \(neato): \(error.localizedDescription)"))
        }
        // Read to the end first: waiting first could stall on a full pipe.
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, message.isEmpty else {
            throw CursusError(
                .failure,
                Diagnostic(.error, "Graphviz (neato -n2 -T\(format)) failed\(message.isEmpty ? " with status \(process.terminationStatus)" : ": \(message)")"))
        }
        if format == "pdf" { try pinCreationDate(in: output, to: sourceDate) }
    }

    /// cairo before 1.17 ignores SOURCE_DATE_EPOCH and stamps PDFs with the clock: overwrite the
    /// date digits of `/CreationDate (D:…)` with `day` in place (same length, so offsets stay valid).
    static func pinCreationDate(in path: String, to day: CalendarDay) throws {
        guard var data = FileManager.default.contents(atPath: path),
            let marker = data.firstRange(of: Data("/CreationDate (D:".utf8))
        else { return }
        let digits = Data(String(format: "%04d%02d%02d000000", day.year, day.month, day.day).utf8)
        let range = marker.upperBound..<min(marker.upperBound + digits.count, data.endIndex)
        guard range.count == digits.count, data[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return }
        data.replaceSubrange(range, with: digits)
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "cannot finish the PDF: \(error.localizedDescription)"))
        }
    }
}
