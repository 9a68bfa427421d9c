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

/// A FollowTheMoney extract to JSON Lines is written as it is read, and checked without being
/// held: the same records as the import held in memory, in file order.
@Suite struct StreamedImportTests {
    @Test func aStreamedImportHasTheRecordsOfAHeldOne() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(
            "peps.jsonl", try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/CursusImportTests/Fixtures/ftm.jsonl")))
        let streamed = try workspace.run(["import", "ftm", "peps.jsonl", "--format", "jsonl", "-o", "streamed.jsonl"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(streamed.stderr.contains("peps.jsonl:6: warning: [ftm] the occupancy occ-3 is held by NK-zed"), "\(streamed.stderr)")
        #expect(streamed.stderr.components(separatedBy: "line 7 is not valid JSON").count == 2, "each warning once: \(streamed.stderr)")
        let held = try workspace.run(["import", "ftm", "peps.jsonl", "--format", "jsonl"])
        #expect(held.status == 0)
        // The held import leaves out the person of a one-person dossier; the streamed one cannot know it has one.
        let lines = Set(
            String(decoding: try workspace.read("streamed.jsonl"), as: UTF8.self).replacingOccurrences(
                of: #""person":"ada-example","#, with: ""
            )
            .split(separator: "\n"))
        #expect(lines == Set(held.stdout.split(separator: "\n")))
        #expect(try workspace.run(["validate", "streamed.jsonl"]).status == 0)
    }
}

/// `cursus import … --into DOSSIER`: the file rewritten whole, its top comments kept.
@Suite struct MergeCLITests {
    static let dossier = """
        # My notes on Ada Example.
        # Kept by hand.
        cursus: 1
        person: {id: ada, name: Ada Example, ids: {popolo: b7c1e0f2-ada-example}}
        sources:
          - {id: notes, title: My notes}
        tenures:
          # the speakership, from the assembly's records
          - {id: speaker, office: Speaker of the Assembly, start: 2016-03, end: 2018, sources: [notes]}

        """

    func workspace() throws -> Workspace {
        let workspace = try Workspace(["ada.yml": Self.dossier])
        try workspace.write(
            "popolo.json", try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/CursusImportTests/Fixtures/popolo.json")))
        return workspace
    }

    @Test func anImportMergesIntoTheDossier() throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["import", "popolo", "popolo.json", "--into", "ada.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ada.yml: 4 added, 2 matched, 1 disputed"), "\(result.stderr)")
        #expect(result.stderr.contains("ada.yml: warning: 1 comment line inside the dossier is not kept"), "\(result.stderr)")
        let text = String(decoding: try workspace.read("ada.yml"), as: UTF8.self)
        #expect(text.hasPrefix("# My notes on Ada Example.\n# Kept by hand.\ncursus: 1\n"))
        #expect(text.contains("- field: end\n    value: \"2017\""), "the import's other end, disputed: \(text)")
        #expect(try workspace.run(["validate", "ada.yml"]).status == 0)
        // The same import again: nothing more to add.
        let again = try workspace.run(["import", "popolo", "popolo.json", "--into", "ada.yml"])
        #expect(again.stderr.contains("ada.yml: 0 added, 5 matched, 0 disputed"), "\(again.stderr)")
        #expect(String(decoding: try workspace.read("ada.yml"), as: UTF8.self) == text)
    }

    @Test func aDryRunSaysWhatWouldChangeAndWritesNothing() throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["import", "popolo", "popolo.json", "--into", "ada.yml", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("matched: person 'ada' (imported 'ada-example')"), "\(result.stdout)")
        #expect(result.stdout.contains("disputed: tenure 'speaker' end: 2018 here, 2017 according to 'popolo'"), "\(result.stdout)")
        #expect(result.stdout.contains("added: person 'bob-other'"))
        #expect(String(decoding: try workspace.read("ada.yml"), as: UTF8.self) == Self.dossier)
    }

    @Test func aBrokenDossierIsNotMergedInto() throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let broken = Self.dossier.replacingOccurrences(of: "start: 2016-03", with: "start: 2016-13")
        try workspace.write("ada.yml", broken)
        let result = try workspace.run(["import", "popolo", "popolo.json", "--into", "ada.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("ada.yml:9:"), "\(result.stderr)")
        #expect(String(decoding: try workspace.read("ada.yml"), as: UTF8.self) == broken)
        let both = try workspace.run(["import", "popolo", "popolo.json", "--into", "ada.yml", "-o", "x.yml"])
        #expect(both.status == 64)
    }
}
