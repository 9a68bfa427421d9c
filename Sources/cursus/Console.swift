import ArgumentParser
import CursusCore
import Foundation

/// Printing for commands: diagnostics to stderr, paths relative to the working folder.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.formatted) }
    }

    /// Runs a command body, turning Cursus errors into printed diagnostics and the right exit code.
    static func run(_ body: () throws -> Void) throws {
        InterruptCleanup.shared.installSignalHandlers()
        do {
            try body()
        } catch let error as CursusError {
            report(error.diagnostics)
            throw ExitCode(error.exitCode)
        } catch let error as ExitCode {
            throw error
        } catch {
            self.error("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// `path` relative to the working folder when it lies below it.
    static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
