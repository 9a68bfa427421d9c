import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches files for changes by looking at each path's size, modification time and inode a few
/// times a second: an editor that saves by writing a new file and renaming it over the old one
/// is seen as well as one that writes in place, and a file that appears or goes too.
struct FileWatcher {
    /// What a path looked like: nil when it does not exist.
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    /// The paths watched.
    private(set) var paths: [String] = []
    private var stamps: [String: Stamp?] = [:]

    /// Watches `paths` from now on.
    mutating func watch(_ paths: [String]) {
        self.paths = Array(Set(paths)).sorted()
        stamps = Dictionary(uniqueKeysWithValues: self.paths.map { ($0, Self.stamp($0)) })
    }

    /// Waits until some paths change and then stay unchanged for `settle` seconds (an editor's
    /// save can take several writes); returns them.
    mutating func waitForChange(poll: Double = 0.2, settle: Double = 0.3) -> [String] {
        while true {
            Thread.sleep(forTimeInterval: poll)
            let changed = paths.filter { Self.stamp($0) != stamps[$0] ?? nil }
            guard !changed.isEmpty else { continue }
            var now = current()
            while true {
                Thread.sleep(forTimeInterval: settle)
                let later = current()
                if later == now { break }
                now = later
            }
            let settled = paths.filter { now[$0] ?? nil != stamps[$0] ?? nil }
            stamps = now
            if !settled.isEmpty { return settled }
        }
    }

    private func current() -> [String: Stamp?] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, Self.stamp($0)) })
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(
            size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }
}
