import CursusTestSupport
import Foundation
import Testing

/// `make install` into a folder of its own (the debug build `make test` made, with
/// SKIP_BUILD=1: a build from inside the tests would wait for the lock `swift test` holds):
/// a working `cursus`, a manual page `man` reads, completions bash loads; `make uninstall`
/// takes them away.
@Suite struct InstallTests {
    func run(_ command: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let folder = try temporaryFolder("cursus-install-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (out, err) = (folder.appendingPathComponent("out"), folder.appendingPathComponent("err"))
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test func makeInstallGivesACommandAManualAndCompletions() throws {
        let prefix = try temporaryFolder("cursus-prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let installed = try run("make", ["install", "PREFIX=\(prefix.path)", "CONFIGURATION=debug", "SKIP_BUILD=1"])
        #expect(installed.status == 0, "\(installed.stderr)")

        let version = try run(prefix.appendingPathComponent("bin/cursus").path, ["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)

        let manual = prefix.appendingPathComponent("share/man/man1/cursus.1").path
        let page = try run("man", ["-l", manual], environment: ["MANPAGER": "cat", "MANWIDTH": "80"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("render") && page.stdout.contains("validate") && page.stdout.contains("--watch"))

        let completion = prefix.appendingPathComponent("share/bash-completion/completions/cursus").path
        let bash = try run("bash", ["-c", "source '\(completion)'; complete -p cursus"])
        #expect(bash.status == 0 && bash.stdout.contains("cursus"), "\(bash.stderr)")
        for file in ["share/zsh/site-functions/_cursus", "share/fish/vendor_completions.d/cursus.fish"] {
            let text = try String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("cursus") && text.contains("render"), "\(file)")
        }

        #expect(try run("make", ["uninstall", "PREFIX=\(prefix.path)"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/cursus").path))
        #expect(!FileManager.default.fileExists(atPath: manual))
    }
}
