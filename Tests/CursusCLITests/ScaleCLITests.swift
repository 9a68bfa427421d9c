import CursusTestSupport
import Foundation
import Testing

@Suite struct ScaleCLITests {
    /// A JSON Lines dossier of `count` events for one person.
    func eventsJSONL(_ count: Int) -> String {
        var lines = ["{\"cursus\": 1}", "{\"type\": \"person\", \"id\": \"p\", \"name\": \"P\"}"]
        for index in 0..<count {
            lines.append(
                "{\"type\": \"event\", \"id\": \"e\(index)\", \"date\": \"\(1900 + index % 120)-0\(1 + index % 9)\", \"title\": \"Event \(index)\"}"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func jsonLinesAndCSVTablesAreInputs() throws {
        let workspace = try Workspace([
            "people.jsonl":
                "{\"type\": \"person\", \"id\": \"p\", \"name\": \"P\"}\n{\"type\": \"source\", \"id\": \"s\", \"title\": \"S\"}\n",
            "tenures.csv": "id,person,office,start,end,sources\nt1,p,Envoy,2001,2004,s\nt2,p,\"Consul, general\",1995,1999,s\n",
            "m.yml": "cursus: 1\ninputs: [people.jsonl, tenures.csv]\nas_of: 2026-01-01\noutputs:\n  - {renderer: csv, path: t.csv}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = String(decoding: try workspace.read("out/t.csv"), as: UTF8.self)
        #expect(text.contains("\r\nt2,p,\"Consul, general\",") && text.contains("\r\nt1,p,Envoy,"), "both rows, in date order")
        #expect(text.range(of: "t2,p")!.lowerBound < text.range(of: "t1,p")!.lowerBound)
    }

    @Test func jsonLinesErrorsNameTheirLine() throws {
        let workspace = try Workspace([
            "d.jsonl": """
            {"cursus": 1}
            {"type": "person", "id": "p", "name": "P"}
            {"type": "tenure", "id": "t", "office": "X", "start": "2016-02-30"}
            {"type": "tenure", "id": "u", "ofice": "Y"}
            {"type": "event", "id": "e", "date": 2001, "title": "T", "tenure": "nope"}
            {"type": "tenure", "id": "t", "office": "Z"}
            not json
            {"type": "gadget"}

            """,
            "m.yml": "cursus: 1\ninputs: [d.jsonl]\nas_of: 2026-01-01\noutputs:\n  - {renderer: csv, path: t.csv}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        for expected in [
            "d.jsonl:3:64: error: invalid date '2016-02-30' for 'start': 2016-02-30 is not a calendar date: February 2016 has 29 days",
            "d.jsonl:4:31: error: unknown key 'ofice' in a tenure (did you mean 'office'?)",
            "d.jsonl:7:1: error: JSON syntax error: expected 'null'",
            "d.jsonl:8:10: error: 'type' must be person, tenure, event or source, found text 'gadget'",
            "d.jsonl:6:26: error: duplicate tenure id 't'; it is first defined at d.jsonl:3",
        ] {
            #expect(result.stderr.contains(expected), "expected «\(expected)» in:\n\(result.stderr)")
        }
        // With the file's own errors fixed, what it refers to is checked.
        try workspace.write(
            "d.jsonl",
            "{\"type\": \"person\", \"id\": \"p\", \"name\": \"P\"}\n{\"type\": \"event\", \"id\": \"e\", \"date\": 2001, \"title\": \"T\", \"tenure\": \"nope\"}\n"
        )
        let second = try workspace.run(["render", "m.yml"])
        #expect(second.status == 65)
        #expect(
            second.stderr.hasPrefix("d.jsonl:2:68: error: event 'e' refers to tenure 'nope', which no input defines"), "\(second.stderr)")
        #expect(!workspace.exists("out"))
    }

    /// A workspace whose manifest renders `count` events from JSON Lines to CSV.
    func eventsWorkspace(_ count: Int) throws -> Workspace {
        try Workspace([
            "big.jsonl": eventsJSONL(count),
            "m.yml":
                "cursus: 1\ninputs: [big.jsonl]\nas_of: 2026-01-01\noutputs:\n  - {renderer: csv, path: events.csv, options: {table: events}}\n",
        ])
    }

    /// Ctrl-C while a progress line shows: the line is erased, the exit is 130, nothing is written.
    @Test func anInterruptClearsTheProgressLine() throws {
        let workspace = try eventsWorkspace(100_000)
        defer { workspace.remove() }
        // The line shows at once (CURSUS_PROGRESS_AFTER=0), so Ctrl-C comes while it stands.
        let (_, data) = try python(
            [
                repositoryRoot.appendingPathComponent("Tests/Support/terminal.py").path, "--interrupt-after", " lines, ", "--",
                "env", "CURSUS_PROGRESS_AFTER=0", cursusBinary.path, "render", "m.yml",
            ],
            in: workspace.url)
        let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let shown = run["output"] as? String ?? ""
        #expect(run["interrupted"] as? Bool == true, "a progress line showed before the end: \(shown.suffix(300))")
        #expect(run["status"] as? Int == 130)
        #expect(shown.hasSuffix("\r\u{1B}[K"), "the last thing shown erases the line: \(shown.suffix(120).debugDescription)")
        #expect(!workspace.exists("out"))
    }

    /// The progress line appears on a terminal (a pseudo-terminal made by `script`), is cleared at
    /// the end, and never appears when standard error is a file or with --quiet.
    @Test func progressShowsOnATerminalOnly() throws {
        let workspace = try eventsWorkspace(5_000)
        defer { workspace.remove() }
        func onTerminal(_ arguments: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            // The line shows at once, not after a second: nothing here depends on how fast the machine is.
            process.arguments = ["-qec", "env CURSUS_PROGRESS_AFTER=0 \(cursusBinary.path) \(arguments)", "/dev/null"]
            process.currentDirectoryURL = workspace.url
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        let shown = try onTerminal("render m.yml")
        #expect(shown.contains(" lines, ") || shown.contains(" records, "), "a progress line: \(shown.prefix(300))")
        #expect(shown.contains("\r\u{1B}[K"), "the line is cleared")
        #expect(shown.hasSuffix("out/events.csv\r\n"))
        let quiet = try onTerminal("render --quiet m.yml")
        #expect(!quiet.contains("records") && !quiet.contains("lines,"))
        let piped = try workspace.run(
            ["render", "m.yml"], environment: ProcessInfo.processInfo.environment.merging(["CURSUS_PROGRESS_AFTER": "0"]) { $1 })
        #expect(piped.stderr.isEmpty, "no progress when standard error is not a terminal")
    }
}
