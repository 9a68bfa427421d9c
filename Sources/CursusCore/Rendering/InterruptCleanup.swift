import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What must not outlive an interrupted run: temporary files, folders made for outputs, and the
/// process groups of programs Cursus started (plug-ins, Graphviz). On SIGINT or SIGTERM the
/// working thread is parked first, so that it cannot create a file behind the cleanup's back;
/// then the groups are stopped, the files and folders removed, and the process exits 130 or 143.
public final class InterruptCleanup: Sendable {
    /// The one cleanup of this process.
    public static let shared = InterruptCleanup()

    private struct State {
        var files: Set<String> = []
        var folders: [String] = []
        var processGroups: Set<Int32> = []
        /// Set once an interrupt is being handled: nothing new may be registered after that.
        var interrupted = false
    }

    private let state = Mutex(State())
    private let interruptLock = NSLock()
    private let installed = Mutex(false)
    /// The handlers and the thread that runs the commands, written once, under `installed`.
    private nonisolated(unsafe) var signalSources: [DispatchSourceSignal] = []
    private nonisolated(unsafe) var workingThread: pthread_t?
    /// Sent to the working thread to park it; set by it once parked.
    private static let parkSignal = SIGUSR2
    private static let parked = Atomic<Bool>(false)
    /// A progress line stands on the terminal: an interrupt erases it before exiting.
    private static let progressLine = Atomic<Bool>(false)

    /// A temporary file: removed on interrupt.
    public func register(file path: String) { register { $0.files.insert(path) } }
    /// The file is finished or gone: no longer removed on interrupt.
    public func unregister(file path: String) { state.withLock { _ = $0.files.remove(path) } }
    /// A folder made for outputs: removed on interrupt if nothing else is in it by then.
    func register(folder path: String) { register { $0.folders.append(path) } }
    func unregister(folder path: String) { state.withLock { $0.folders.removeAll { $0 == path } } }
    /// Whether a progress line is on the terminal now.
    func progressLineShown(_ shown: Bool) { Self.progressLine.store(shown, ordering: .relaxed) }
    /// A started program that leads a process group of its own.
    public func register(processGroup leader: Int32) { register { $0.processGroups.insert(leader) } }
    /// The program has ended: its group is no longer stopped on interrupt.
    public func unregister(processGroup leader: Int32) { state.withLock { _ = $0.processGroups.remove(leader) } }

    /// Adds to what an interrupt cleans up; once an interrupt is being handled, the caller waits
    /// for the exit instead (what it would add could not be cleaned up any more).
    private func register(_ add: (inout State) -> Void) {
        let accepted = state.withLock { state in
            if !state.interrupted { add(&state) }
            return !state.interrupted
        }
        if !accepted { Self.park() }
    }

    /// Runs `body` with a scratch file at `path` holding `contents`, which an interrupt removes
    /// too; removes it when `body` ends.
    public func withScratchFile<T>(_ path: String, contents: Data = Data(), _ body: () throws -> T) throws -> T {
        register(file: path)
        defer {
            unlink(path)
            unregister(file: path)
        }
        guard FileManager.default.createFile(atPath: path, contents: contents) else {
            throw CursusError(
                .failure,
                Diagnostic(.error, "cannot write a scratch file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)))
        }
        return try body()
    }

    /// Holds interrupts off until `releaseInterrupts()`, so that a commit is never cut in half.
    func holdInterrupts() { interruptLock.lock() }
    func releaseInterrupts() { interruptLock.unlock() }

    /// Installs the SIGINT/SIGTERM handlers (once, however often it is called), from the thread
    /// that runs the command.
    public func installSignalHandlers() {
        guard
            installed.withLock({ installed in
                defer { installed = true }
                return !installed
            })
        else { return }
        workingThread = pthread_self()
        signal(Self.parkSignal) { _ in InterruptCleanup.park() }
        // A parent may hand its blocked signals down (test runners do): the park must get through.
        var parkOnly = sigset_t()
        sigemptyset(&parkOnly)
        sigaddset(&parkOnly, Self.parkSignal)
        pthread_sigmask(SIG_UNBLOCK, &parkOnly, nil)
        for (signalNumber, exitCode) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in cleanUp(exitCode: exitCode) }
            source.resume()
            signalSources.append(source)
        }
    }

    private func cleanUp(exitCode: Int32) -> Never {
        interruptLock.lock()
        let found = state.withLock { state in
            state.interrupted = true
            return state
        }
        // C strings made now: the parked thread may hold the allocator's lock.
        let files = found.files.map { Array($0.utf8CString) }
        let folders = found.folders.reversed().map { Array($0.utf8CString) }
        let leaders = Array(found.processGroups)
        let clearLine = Array(ProgressLine.clearLine.utf8)
        // Park the working thread (for at most a second), so that nothing it writes appears after the cleanup.
        if let workingThread, pthread_kill(workingThread, Self.parkSignal) == 0 {
            for _ in 0..<100 where !Self.parked.load(ordering: .acquiring) { usleep(10_000) }
        }
        Self.stopProcessGroups(leaders)
        for path in files { unlink(path) }
        for folder in folders { rmdir(folder) }
        if Self.progressLine.load(ordering: .relaxed) {
            _ = clearLine.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        _exit(exitCode)
    }

    /// Stops the calling thread for good: the process is about to exit.
    private static func park() -> Never {
        parked.store(true, ordering: .releasing)
        while true { pause() }
    }

    /// Asks the process groups led by `leaders` to stop, and kills whatever is still in them after
    /// `grace` seconds (a program, or one it started, may have SIGTERM blocked or ignored).
    public static func stopProcessGroups(_ leaders: [Int32], grace: Double = 1) {
        for leader in leaders { kill(-leader, SIGTERM) }
        for _ in 0..<Int(grace * 100) where leaders.contains(where: { kill(-$0, 0) == 0 }) { usleep(10_000) }
        for leader in leaders { kill(-leader, SIGKILL) }
    }
}
