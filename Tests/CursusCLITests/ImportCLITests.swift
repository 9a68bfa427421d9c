import CursusTestSupport
import Foundation
import Testing

@Suite struct ImportCLITests {
    let fixtures = repositoryRoot.appendingPathComponent("Tests/CursusImportTests/Fixtures")

    @Test(arguments: [
        ("infobox", "kislyak-infobox.txt"), ("infobox", "officeholder.wiki"), ("wikidata", "entity.json"), ("popolo", "popolo.json"),
        ("ftm", "ftm.jsonl"), ("article", "article.html"), ("article", "obituary.txt"),
    ])
    func importsWriteADossierThatValidates(_ kind: String, _ name: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(name, try Data(contentsOf: fixtures.appendingPathComponent(name)))
        for format in ["yaml", "json"] {
            let output = "d.\(format == "yaml" ? "yml" : "json")"
            let result = try workspace.run(["import", kind, name, "-o", output, "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty, "with -o, the dossier goes to the file")
            let validated = try workspace.run(["validate", output])
            #expect(validated.status == 0, "\(validated.stderr)")
        }
        let stdout = try workspace.run(["import", kind, name])
        #expect(stdout.stdout.hasPrefix("cursus: 1\n"))
    }

    /// Every table Cursus writes for the example reads back and renders to the same bytes.
    @Test(arguments: ["tenures", "events", "people", "sources"])
    func csvTablesRoundTrip(_ table: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let original = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/out/\(table).csv"))
        try workspace.write("in.csv", original)
        let imported = try workspace.run(["import", "csv", "in.csv", "-o", "d.yml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        try workspace.write(
            "m.yml",
            "cursus: 1\ninputs: [d.yml]\nas_of: 2026-11-22\noutputs:\n  - {renderer: csv, path: out.csv, options: {table: \(table)}}\n")
        #expect(try workspace.run(["render", "m.yml"]).status == 0)
        #expect(try workspace.read("out/out.csv") == original)
    }

    @Test func malformedInputExits65AtItsPlaceAndWritesNothing() throws {
        let workspace = try Workspace([
            "bad.json": "{\"entities\": {\n  \"Q1\": [1, 2,,]\n}}",
            "bad.wiki": "{{Infobox officeholder\n| name = X\n",
            "bad.csv": "id,office\nt,\"open\n",
        ])
        defer { workspace.remove() }
        let cases = [
            ("wikidata", "bad.json", "bad.json:2:15: error: [wikidata] not valid JSON: unexpected character ','"),
            ("infobox", "bad.wiki", "bad.wiki:1: error: [infobox] a template that starts here is never closed with '}}'"),
            ("csv", "bad.csv", "bad.csv:2: error: [csv] a quoted field is never closed before the end of the table"),
        ]
        for (kind, file, message) in cases {
            let result = try workspace.run(["import", kind, file, "-o", "out.yml"])
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
            #expect(!workspace.exists("out.yml"))
        }
        #expect(try workspace.run(["import", "rss", "bad.json"]).status == 64)
        #expect(try workspace.run(["import", "csv", "bad.csv", "--map", "office"]).status == 65)
    }

    @Test func warningsNameTheirLine() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("o.wiki", try Data(contentsOf: fixtures.appendingPathComponent("officeholder.wiki")))
        let result = try workspace.run(["import", "infobox", "o.wiki"])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "o.wiki:26: warning: [infobox] the template {{frobnicate}} in 'term_start4' is not understood and was left out"))
    }
}

@Suite struct DumpImportCLITests {
    /// A compressed dump through the command line: the people asked for, as a dossier Cursus reads.
    @Test func aCompressedDumpImportsThePeopleAskedFor() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let fragment = repositoryRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/fixtures/real/wikidata/dump-fragment-Q23-Q306.jsonl")
        try workspace.write("dump.json", "[\n" + (try String(contentsOf: fragment, encoding: .utf8)) + "\n]\n")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", workspace.url.appendingPathComponent("dump.json").path]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try workspace.run(["import", "wikidata", "dump.json.gz", "--entity", "Q306", "-o", "p.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        let dossier = String(decoding: try workspace.read("p.yml"), as: UTF8.self)
        #expect(dossier.contains("name: Sebastián Piñera") && !dossier.contains("George Washington"))
        #expect(try workspace.run(["validate", "p.yml"]).status == 0)
        // JSON Lines, for big imports: the same dossier, one record a line.
        let lines = try workspace.run(["import", "wikidata", "dump.json.gz", "--format", "jsonl", "-o", "all.jsonl"])
        #expect(lines.status == 0, "\(lines.stderr)")
        let records = String(decoding: try workspace.read("all.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(records.first == #"{"cursus":1}"#)
        #expect(records.filter { $0.hasPrefix(#"{"type":"person""#) }.count == 2)
        let checked = try workspace.run(["validate", "all.jsonl"])
        #expect(checked.status == 0 && checked.stdout.contains("2 people"), "\(checked.stdout)\(checked.stderr)")
    }
}
