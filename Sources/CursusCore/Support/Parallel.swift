import Dispatch
import Foundation
import Synchronization

/// Work spread over every core, its results given back in order: the one way Cursus runs a
/// loop on many cores, so that what it writes never depends on which core finished first.
package enum Parallel {
    /// The cores one piece of work spreads over: all of them, or its share while several
    /// outputs render at once (see `sharingCores`), so that an output whose writer runs on one
    /// core (XLSX) is not slowed by the others' helpers.
    package static var cores: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, sharing.load(ordering: .relaxed)))
    }

    /// How many pieces of work share the cores now.
    private static let sharing = Atomic<Int>(0)

    /// Runs `body` as one of the pieces of work that share the cores: while it runs, work
    /// spread over cores takes its share of them (what is written never depends on it).
    package static func sharingCores<Result>(_ body: () throws(CursusError) -> Result) throws(CursusError) -> Result {
        sharing.add(1, ordering: .relaxed)
        defer { sharing.subtract(1, ordering: .relaxed) }
        return try body()
    }

    /// `body` run on each range at once, one range a core; the results in the ranges' order.
    package static func map<Result: Sendable>(_ ranges: [Range<Int>], _ body: @escaping @Sendable (Range<Int>) -> Result) -> [Result] {
        start(ranges, body).wait()
    }

    /// `transform` of each index in `0..<count`, in order (see `rounds`).
    package static func map<Result: Sendable>(_ count: Int, chunk: Int = 4_096, _ transform: @escaping @Sendable (Int) -> Result)
        -> [Result]
    {
        var results: [Result] = []
        results.reserveCapacity(count)
        rounds(count, chunk: chunk, { $0.map(transform) }, consume: { parts, _ in for part in parts { results += part } })
        return results
    }

    /// `body` of each chunk of `0..<count`, in rounds of a chunk a core (the cores counted again
    /// each round); each round's results go to `consume` in order, on this thread, with the
    /// indices the round covered: a long job streams its results and shows its progress.
    package static func rounds<Result: Sendable>(
        _ count: Int, chunk: Int, _ body: @escaping @Sendable (Range<Int>) -> Result, consume: ([Result], Range<Int>) -> Void
    ) {
        let all = chunks(of: count, size: chunk)
        var next = 0
        while next < all.count {
            let round = Array(all[next..<min(all.count, next + cores)])
            consume(map(round, body), round[0].lowerBound..<round[round.count - 1].upperBound)
            next += round.count
        }
    }

    /// Starts `body` on each range at once and returns at once: the caller does other work
    /// meanwhile, then waits for the results.
    package static func start<Result: Sendable>(
        _ ranges: [Range<Int>], _ body: @escaping @Sendable (Range<Int>) -> Result
    ) -> Pending<Result> {
        Pending(ranges, body)
    }

    /// `0..<count` cut into consecutive ranges of at most `size` items.
    package static func chunks(of count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// `0..<count` cut into one range a core, of near-equal size (none empty).
    package static func split(_ count: Int) -> [Range<Int>] {
        chunks(of: count, size: max(1, (count + cores - 1) / cores))
    }

    /// Work started on many cores, whose results are waited for.
    package final class Pending<Result: Sendable>: Sendable {
        private let group = DispatchGroup()
        private let results: Mutex<[Int: Result]> = Mutex([:])
        private let count: Int

        fileprivate init(_ ranges: [Range<Int>], _ body: @escaping @Sendable (Range<Int>) -> Result) {
            count = ranges.count
            for (index, range) in ranges.enumerated() {
                DispatchQueue.global().async(group: group) {
                    let result = body(range)
                    self.results.withLock { $0[index] = result }
                }
            }
        }

        /// The results, in the ranges' order, once all are done.
        package func wait() -> [Result] {
            group.wait()
            let done = results.withLock { $0 }
            return (0..<count).map { done[$0]! }
        }
    }
}
