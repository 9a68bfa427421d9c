import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Progress of long work on a terminal: after about a second (`delay`), one line on standard error
/// ("tenures.csv: 412,000 of 1,000,000 records, 205,000/s"), redrawn at most ten times a second
/// and cleared when the work is done. Silent when standard error is not a terminal.
public final class ProgressLine: @unchecked Sendable {
    /// Progress that shows nothing.
    public static let silent = ProgressLine(enabled: false)
    let enabled: Bool
    /// Seconds of work before the line first shows (so quick work shows none).
    let delay: Double
    /// Where the line goes: standard error, or a test's record of it.
    let output: @Sendable (String) -> Void

    /// What time it is (tests give a clock of their own).
    let clock: @Sendable () -> Date

    /// Progress shown when `enabled`, after `delay` seconds of work, through `output`, by `clock`.
    public init(
        enabled: Bool, delay: Double = 1, output: @escaping @Sendable (String) -> Void = ProgressLine.standardError,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.enabled = enabled
        self.delay = delay
        self.output = output
        self.clock = clock
    }

    /// Writes to standard error.
    public static let standardError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    /// Progress shown only where a person watches: standard error is a terminal, and not `quiet`.
    /// `CURSUS_PROGRESS_AFTER` (seconds) changes how long work runs before the line shows.
    public static func forTerminal(quiet: Bool) -> ProgressLine {
        let delay = ProcessInfo.processInfo.environment["CURSUS_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        return ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1, delay: max(0, delay))
    }

    /// A piece of work of `total` units (nil when unknown), named `name` on the line.
    public func task(_ name: String, total: Int?, unit: String = "records") -> Task {
        Task(progress: self, name: name, total: total, unit: unit)
    }

    /// One piece of work; call `advance` as it goes and `finish` at the end.
    public struct Task {
        let progress: ProgressLine
        let name: String
        let total: Int?
        let unit: String
        private var done = 0
        private var nextCheck = 1024
        private let started: Date
        private var lastDrawn: Date?

        init(progress: ProgressLine, name: String, total: Int?, unit: String) {
            self.progress = progress
            self.name = name
            self.total = total
            self.unit = unit
            started = progress.clock()
        }

        /// Counts `count` more units done; redraws the line when it is due.
        public mutating func advance(by count: Int = 1) {
            done += count
            guard progress.enabled, done >= nextCheck else { return }
            nextCheck = done + 1024
            let now = progress.clock()
            guard now.timeIntervalSince(started) >= progress.delay, lastDrawn.map({ now.timeIntervalSince($0) >= 0.1 }) ?? true else {
                return
            }
            lastDrawn = now
            let rate = Int(Double(done) / now.timeIntervalSince(started))
            let of = total.map { " of \(Counting.grouped($0))" } ?? ""
            progress.draw("\(name): \(Counting.grouped(done))\(of) \(unit), \(Counting.grouped(rate))/s")
        }

        /// Shows what the work is doing now ("compressing"), once it has taken a second: for a
        /// last phase that reports no units.
        public mutating func say(_ status: String) {
            let now = progress.clock()
            guard progress.enabled, now.timeIntervalSince(started) >= progress.delay else { return }
            lastDrawn = now
            progress.draw("\(name): \(status)")
        }

        /// Clears the line, when one was drawn.
        public func finish() {
            if lastDrawn != nil { progress.draw("") }
        }
    }

    /// Whether a progress line stands on the terminal now.
    private var lineShown = false

    /// Rewrites the current terminal line; an interrupt clears a line left drawn.
    func draw(_ line: String) {
        lineShown = !line.isEmpty
        InterruptCleanup.shared.progressLineShown(lineShown)
        output(Self.clearLine + line)
    }

    /// Writes `message` as a line of its own on standard error, first clearing a progress line
    /// that stands there (the next update draws it again).
    public func interject(_ message: String) {
        if lineShown { draw("") }
        output(message + "\n")
    }

    /// Back to the start of the line, and erase it.
    static let clearLine = "\r\u{1B}[K"
}
