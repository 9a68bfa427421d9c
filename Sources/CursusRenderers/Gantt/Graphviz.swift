import CursusCore
import Foundation

/// Runs Graphviz's `neato -n2` on a DOT file to draw it (positions are already pinned).
enum Graphviz {
    /// Draws the DOT file at `dotPath` as `format` into `output`, with `graphAttributes` over the
    /// file's own (`dpi` for bitmaps, `viewport` for a page); Graphviz's warnings and errors become
    /// a Cursus error. `sourceDate` fixes the creation date embedded in PDFs, so files stay
    /// byte-identical.
    static func draw(
        _ dotPath: String, format: String, graphAttributes: KeyValuePairs<String, String>, to output: String, sourceDate: CalendarDay
    ) throws(CursusError) {
        let neato = try neato(for: format)
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(sourceDate.daysSinceEpoch * 86_400)
        let outcome = try ProgramRunner.run(
            neato, arguments: ["-n2", "-T\(format)"] + graphAttributes.map { "-G\($0.key)=\($0.value)" } + ["-o", output, dotPath],
            environment: environment, timeout: 600)
        guard outcome.status == 0, outcome.standardError.isEmpty, !outcome.timedOut else {
            let reason =
                outcome.timedOut
                ? " (stopped after 10 minutes)"
                : outcome.standardError.isEmpty ? " with status \(outcome.status)" : ": \(outcome.standardError)"
            throw CursusError(.failure, Diagnostic(.error, "Graphviz (neato -n2 -T\(format)) failed\(reason)"))
        }
        if format == "pdf" { try pinCreationDate(in: output, to: sourceDate) }
    }

    /// The path of `neato`, or an error saying how to install it to draw `format`.
    static func neato(for format: String) throws(CursusError) -> String {
        guard let neato = ProgramRunner.onPath("neato") else {
            throw CursusError(
                .failure,
                Diagnostic(
                    .error,
                    "Graphviz is not installed, so the chart cannot be drawn as \(format); install the Debian package 'graphviz' (apt-get install graphviz), or drop 'formats' to write the DOT file alone"
                ))
        }
        return neato
    }

    /// cairo before 1.17 ignores SOURCE_DATE_EPOCH and stamps PDFs with the clock: overwrite the
    /// date digits of `/CreationDate (D:…)` with `day` in place (same length, so offsets stay valid).
    static func pinCreationDate(in path: String, to day: CalendarDay) throws(CursusError) {
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
