import ArgumentParser
import CursusCore
import Foundation

/// Printing for commands: diagnostics to stderr, paths relative to the working folder.
enum Console {
    /// Prints diagnostics on standard error, in the one form Cursus prints everywhere.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8)) }
    }

    /// Runs a command body, turning Cursus errors into printed diagnostics and the right exit code.
    static func run(_ body: () throws -> Void) throws {
        InterruptCleanup.shared.installSignalHandlers()
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            // Only Foundation or a library throws anything but a CursusError: a failure, in its words.
            let failure = error as? CursusError ?? CursusError(.failure, Diagnostic(.error, "\(error)"))
            report(failure.diagnostics)
            throw ExitCode(failure.exitCode)
        }
    }

    /// `path` relative to the working folder when it lies below it.
    static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
