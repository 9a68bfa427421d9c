import CursusTestSupport
import Foundation
import Testing

/// `cursus import article` as people run it: on the seeds, on standard input, and on the bad
/// inputs the issue names, each a clear message, exit 65 and nothing written.
@Suite struct ArticleCLITests {
    let seeds = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    /// Each seed imports to a dossier that `cursus validate` accepts, in YAML and in JSON.
    @Test(arguments: [
        ("004_c8d21a3f9913e109.txt", [String]()), ("000_599169268d1e5d02.txt", ["--published", "2017-06-26", "--kind", "news"]),
    ])
    func seedsImportToDossiersThatValidate(_ name: String, _ flags: [String]) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(name, try Data(contentsOf: seeds.appendingPathComponent(name)))
        for format in ["yaml", "json"] {
            let output = "d.\(format == "yaml" ? "yml" : "json")"
            let result = try workspace.run(["import", "article", name, "-o", output, "--format", format] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            let validated = try workspace.run(["validate", output])
            #expect(validated.status == 0, "\(validated.stderr)")
        }
        // Each fact quotes its sentence: the chronology prints the quotes in its notes.
        try workspace.write(
            "m.yml",
            "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: chronology, path: c.txt, options: {width: 100}}\n")
        let rendered = try workspace.run(["render", "m.yml"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let chronology = String(decoding: try workspace.read("out/c.txt"), as: UTF8.self)
        #expect(chronology.contains("(line "), "the notes give each quote's line")
    }

    @Test func standardInputIsRead() throws {
        let workspace = try Workspace(["a.txt": "Ivan Petrov became ambassador to Canada on 2 May 1998.\n"])
        defer { workspace.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(cursusBinary.path)' import article - --person 'Ivan Petrov' --title Note < a.txt"]
        process.currentDirectoryURL = workspace.url
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("start: 1998-05-02") || text.contains("start: \"1998-05-02\""))
        #expect(text.contains("quote: Ivan Petrov became ambassador to Canada on 2 May 1998."))
    }

    /// The issue's bad inputs: exit 65, a message naming the file, and no output file.
    @Test(arguments: [
        ("binary.txt", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]), "binary.txt: error: is not a text file"),
        ("empty.txt", Data("  \n".utf8), "empty.txt: error: is empty; give the article's text"),
        (
            "undated.txt", Data("Ivan Petrov is a diplomat. He likes tea.\n".utf8),
            "undated.txt: error: [article] has no sentence with a date"
        ),
        (
            "page.html", Data("<html><body><nav><p>Home</p></nav><script>x()</script></body></html>".utf8),
            "page.html: error: [article] the HTML page has no article text"
        ),
    ])
    func badInputsWriteNothing(_ name: String, _ contents: Data, _ message: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(name, contents)
        let result = try workspace.run(["import", "article", name, "-o", "d.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!workspace.exists("d.yml"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func aTextOver64MiBIsRefused() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let line = String(repeating: "Ivan Petrov became ambassador in 1998. ", count: 1000) + "\n"
        let handle = try FileHandle(
            forWritingTo: {
                let url = workspace.url.appendingPathComponent("big.txt")
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                return url
            }())
        for _ in 0..<(64 * 1024 * 1024 / line.utf8.count + 2) { handle.write(Data(line.utf8)) }
        try handle.close()
        let result = try workspace.run(["import", "article", "big.txt", "-o", "d.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("big.txt: error: is larger than 64 MiB"), "\(result.stderr)")
        #expect(!workspace.exists("d.yml"))
    }

    /// "31 February 2017" is a warning at its line, not a crash and not a date.
    @Test func anImpossibleDayIsAWarningAtItsLine() throws {
        let workspace = try Workspace(["a.txt": "Ivan Petrov is a diplomat.\n\nPetrov resigned on 31 February 2017. He arrived in 1990.\n"])
        defer { workspace.remove() }
        let result = try workspace.run(["import", "article", "a.txt", "--person", "Ivan Petrov"])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains("a.txt:3: warning: [article] 'on 31 February 2017' is not a date the calendar has"), "\(result.stderr)")
        #expect(!result.stdout.contains("2017-02"))
    }

    /// When nothing usable came out, the warnings that say why come with the error.
    @Test func nothingUsableShowsWhy() throws {
        let workspace = try Workspace(["a.txt": "Ivan Petrov left his post on Sunday.\n"])
        defer { workspace.remove() }
        let result = try workspace.run(["import", "article", "a.txt", "-o", "d.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("a.txt:1: warning: [article] 'on Sunday' counts from the day of publication"), "\(result.stderr)")
        #expect(result.stderr.contains("a.txt: error: [article] has no sentence with a date"), "\(result.stderr)")
        #expect(!workspace.exists("d.yml"))
    }

    @Test func aBadPublicationDateIsAUsageError() throws {
        let workspace = try Workspace(["a.txt": "Ivan Petrov arrived in 1990.\n"])
        defer { workspace.remove() }
        let result = try workspace.run(["import", "article", "a.txt", "--published", "June 2017"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--published takes a day as YYYY-MM-DD"), "\(result.stderr)")
    }
}
