import CursusTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct RenderTests {
    /// A copy of the Kislyak example (dossier and manifest) in a fresh workspace.
    func exampleWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        for name in ["cursus.yml", "kislyak.yml"] {
            try workspace.write(name, try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/\(name)")))
        }
        return workspace
    }

    /// The committed outputs under each example's out/ are the golden files: a render must
    /// reproduce them byte for byte.
    @Test(arguments: [
        ("kislyak", ["cursus.yml", "kislyak.yml"]), ("succession", ["cursus.yml", "ambassadors.yml"]),
        ("roman", ["cursus.yml", "cicero.yml"]),
    ])
    func exampleRendersToTheCommittedGoldenFiles(_ example: String, _ files: [String]) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for name in files {
            try workspace.write(name, try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(example)/\(name)")))
        }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        // Notes only: the Roman example's calendar and Mermaid chart cannot hold years BC, and say so.
        #expect(!result.stderr.contains("warning:") && !result.stderr.contains("error:"), "\(result.stderr)")
        #expect(result.stderr.isEmpty == (example != "roman"), "\(result.stderr)")
        let written = result.stdout.split(separator: "\n").map(String.init)
        let committed = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Examples/\(example)/out").path)
        #expect(Set(written) == Set(committed.map { "out/" + $0 }), "every output is committed, and only outputs")
        #expect(written.count >= 7)
        for path in written {
            let golden = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(example)/" + path))
            #expect(
                try workspace.read(path) == golden,
                "\(path) differs from Examples/\(example)/\(path); run `make examples` and review the diff")
        }
    }

    /// The Kislyak chronology and chart in English (en-US, AP style), German, Russian and ISO
    /// dates: the committed outputs under Tests/Golden/locales/out are their golden files.
    @Test func localesAndDateStylesRenderToTheirGoldenFiles() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let golden = "Tests/Golden/locales/"
        try workspace.write(golden + "cursus.yml", try Data(contentsOf: repositoryRoot.appendingPathComponent(golden + "cursus.yml")))
        try workspace.write(
            "Examples/kislyak/kislyak.yml", try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml")))
        let result = try workspace.run(["render", golden + "cursus.yml"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let written = result.stdout.split(separator: "\n").map(String.init)
        let committed = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Tests/Golden/locales/out").path)
        #expect(Set(written) == Set(committed.map { golden + "out/" + $0 }))
        for path in written {
            let expected = try Data(contentsOf: repositoryRoot.appendingPathComponent(path))
            #expect(try workspace.read(path) == expected, "\(path) differs; run `make examples` and review the diff")
        }
        let german = String(decoding: try workspace.read(golden + "out/chronology-de.txt"), as: UTF8.self)
        #expect(german.contains("Seite 1 von ") && german.contains("\nLAUFBAHN\n") && german.contains("26. Juli 2008 – 21. Aug. 2017"))
        let russian = String(decoding: try workspace.read(golden + "out/chronology-ru.txt"), as: UTF8.self)
        #expect(russian.contains("\nХРОНОЛОГИЯ\n") && russian.contains("около 31 июля 2017\u{202F}г."))
        let ap = String(decoding: try workspace.read(golden + "out/chronology-en-US-ap.txt"), as: UTF8.self)
        #expect(ap.contains("July 26, 2008 – Aug. 21, 2017") && ap.contains("about July 31, 2017"))
    }

    @Test func localeAndDateStyleAreCheckedWhereTheyAreWritten() throws {
        let workspace = try Workspace([
            "cursus.yml": """
            cursus: 1
            inputs: [d.yml]
            locale: "en US"
            outputs:
              - {renderer: csv, path: t.csv, date_style: fancy}
              - {renderer: chronology, path: c.txt, locale: tlh}
            """,
            "d.yml": "cursus: 1\npeople: [{id: p, name: P}]\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("cursus.yml:3:9: error: 'en US' is not a BCP 47 language tag"), "\(result.stderr)")
        #expect(
            result.stderr.contains("cursus.yml:5:")
                && result.stderr.contains("'date_style' must be one of reading, long, medium, iso, ap, chicago, found 'fancy'"))
        try workspace.write("cursus.yml", "cursus: 1\ninputs: [d.yml]\noutputs:\n  - {renderer: chronology, path: c.txt, locale: tlh}\n")
        let fallback = try workspace.run(["render"])
        #expect(fallback.status == 0)
        #expect(
            fallback.stderr.contains("cursus.yml:4:") && fallback.stderr.contains("warning: no words for locale 'tlh': writing English"),
            "\(fallback.stderr)")
    }

    /// Outputs render at once (`--jobs`), with the same bytes and the same list as one at a time.
    @Test func outputsRenderedAtOnceAreTheSameAsOneAtATime() throws {
        var listings: [String] = []
        var bytes: [[String: Data]] = []
        for jobs in ["1", "4"] {
            let workspace = try exampleWorkspace()
            defer { workspace.remove() }
            let result = try workspace.run(["render", "--jobs", jobs])
            #expect(result.status == 0, "\(result.stderr)")
            listings.append(result.stdout)
            bytes.append(
                Dictionary(
                    uniqueKeysWithValues: try result.stdout.split(separator: "\n").map { (String($0), try workspace.read(String($0))) }))
        }
        #expect(listings[0] == listings[1], "files listed in manifest order")
        #expect(bytes[0] == bytes[1])
    }

    /// A calendar event says how precisely a single date is known; a span or a set says itself.
    @Test func calendarDescriptionsReadEachKindOfDate() throws {
        let workspace = try Workspace([
            "cursus.yml": "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: ics, path: c.ics}\n",
            "d.yml": """
            cursus: 1
            person: {id: p, name: P}
            events:
              - {id: month, date: 2012-03, title: A month}
              - {id: span, date: 2012-03/2012-05, title: A span}
              - {id: set, date: "[2012-03-01, 2013..2014]", title: A set}
            """,
        ])
        defer { workspace.remove() }
        #expect(try workspace.run(["render"]).status == 0)
        let calendar = String(decoding: try workspace.read("out/c.ics"), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("DESCRIPTION:Known to the month: Mar 2012 (EDTF 2012-03)"))
        #expect(calendar.contains("DESCRIPTION:Mar 2012 – May 2012 (EDTF 2012-03/2012-05)"))
        #expect(calendar.contains(#"DESCRIPTION:1 Mar 2012 or 2013–2014 (EDTF [2012-03-01\, 2013..2014])"#))
    }

    /// Notes given by outputs rendered at once are told in manifest order; a failure among them
    /// leaves nothing written and names every output that failed.
    @Test func notesKeepManifestOrderAndFailuresWriteNothing() throws {
        let workspace = try Workspace([
            "cursus.yml": """
            cursus: 1
            inputs: [d.yml]
            as_of: 2026-01-01
            outputs:
              - {renderer: mermaid, path: early.md}
              - {renderer: ics, path: early.ics}
              - {renderer: csv, path: t.csv}
            """,
            "d.yml": "cursus: 1\npeople: [{id: p, name: P}]\ntenures: [{id: t, person: p, office: Consul, start: '-0063', end: '-0062'}]\n",
        ])
        defer { workspace.remove() }
        for _ in 0..<3 {
            let result = try workspace.run(["render", "--jobs", "3"])
            #expect(result.status == 0, "\(result.stderr)")
            let mermaid = try #require(result.stderr.range(of: "Mermaid draws"))
            let calendar = try #require(result.stderr.range(of: "left out"))
            #expect(mermaid.lowerBound < calendar.lowerBound, "\(result.stderr)")
        }
        try workspace.writePlugin(
            "fail", describe: #"{"name": "fail", "summary": "Fails", "extension": "txt", "options": []}"#, body: "exit 3")
        try workspace.write(
            "broken.yml",
            "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutput_dir: broken\noutputs:\n  - {renderer: ./fail, path: a.txt}\n  - {renderer: csv, path: t.csv}\n  - {renderer: ./fail, path: b.txt}\n"
        )
        let failed = try workspace.run(["render", "--jobs", "2", "broken.yml"])
        #expect(failed.status != 0)
        let first = try #require(failed.stderr.range(of: "broken.yml:6:"))
        let second = try #require(failed.stderr.range(of: "broken.yml:8:"))
        #expect(first.lowerBound < second.lowerBound, "\(failed.stderr)")
        #expect(!workspace.exists("broken"), "nothing written: \(workspace.allFiles())")
        #expect(try workspace.run(["render", "--jobs", "0"]).status == 64)
    }

    /// A dossier built from two disagreeing sources shows the disagreement in every renderer:
    /// the committed outputs under Tests/Golden/disputes/out are its golden files.
    @Test func disagreementsShowInEveryRenderer() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for name in ["cursus.yml", "antonov.yml"] {
            try workspace.write(name, try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Golden/disputes/\(name)")))
        }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        for path in result.stdout.split(separator: "\n").map(String.init) {
            let written = try workspace.read(path)
            #expect(written == (try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Golden/disputes/" + path))), "\(path)")
            // A workbook's sheets are compressed: read their XML as LibreOffice would find it.
            let text =
                path.hasSuffix(".xlsx")
                ? String(
                    decoding: try python(
                        [
                            "-c",
                            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(''.join(z.read(n).decode() for n in z.namelist()))",
                            path,
                        ],
                        in: workspace.url
                    ).output, as: UTF8.self)
                : String(decoding: written, as: UTF8.self)
            let shown = text.contains("2016-12-18") || text.contains("18 Dec 2016")
            #expect(shown, "\(path) shows the other report's date")
        }
    }

    /// Renders of one manifest started together each replace whole files: whichever finishes
    /// last, every output is a complete, golden file and no temporary file is left.
    @Test func concurrentRendersOfOneManifestLeaveNoCorruptFile() throws {
        let workspace = try exampleWorkspace()
        defer { workspace.remove() }
        for round in 0..<3 {
            let runs = try (0..<3).map { _ in try workspace.start(["render", "--quiet"]) }
            for (index, result) in runs.map({ $0.wait() }).enumerated() {
                #expect(result.status == 0, "round \(round), render \(index): \(result.stderr)")
            }
            for name in try FileManager.default.contentsOfDirectory(
                atPath: repositoryRoot.appendingPathComponent("Examples/kislyak/out").path)
            {
                let golden = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/out/" + name))
                #expect(try workspace.read("out/" + name) == golden, "round \(round): out/\(name)")
            }
            #expect(!workspace.allFiles().contains { $0.contains(".cursus-tmp-") })
        }
    }

    /// The workbook's sheet XML, unzipped, matches the reviewable goldens in Tests/Golden.
    @Test func exampleWorkbookSheetsMatchTheXMLGoldens() throws {
        let workspace = try exampleWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run(["render", "--only", "xlsx"]).status == 0)
        let extracted = workspace.url.appendingPathComponent("unzipped")
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = [
            "python3", repositoryRoot.appendingPathComponent("Tests/Support/xlsx.py").path, "extract",
            workspace.url.appendingPathComponent("out/kislyak.xlsx").path, extracted.path,
        ]
        try unzip.run()
        unzip.waitUntilExit()
        let golden = repositoryRoot.appendingPathComponent("Tests/Golden/kislyak.xlsx")
        let parts = try FileManager.default.subpathsOfDirectory(atPath: golden.path).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(parts.count >= 6, "sheets, workbook and core properties")
        for part in parts {
            let rendered = try Data(contentsOf: extracted.appendingPathComponent(part))
            #expect(
                rendered == (try Data(contentsOf: golden.appendingPathComponent(part))),
                "\(part) differs from Tests/Golden; run `make examples` and review the diff")
        }
    }

    @Test func twoRendersAreByteIdentical() throws {
        let workspace = try exampleWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run(["render"]).status == 0)
        let first = try workspace.allFiles().filter { $0.hasPrefix("out/") }.map { try workspace.read($0) }
        #expect(try workspace.run(["render", "--quiet"]).stdout.isEmpty)
        let second = try workspace.allFiles().filter { $0.hasPrefix("out/") }.map { try workspace.read($0) }
        #expect(first.count >= 10)
        #expect(first == second)
    }

    @Test func onlyRendersTheNamedOutputs() throws {
        let workspace = try exampleWorkspace()
        defer { workspace.remove() }
        let byPath = try workspace.run(["render", "--only", "events.csv"])
        #expect(byPath.stdout == "out/events.csv\n")
        let byRenderer = try workspace.run(["render", "--only", "csv"])
        #expect(byRenderer.stdout.split(separator: "\n").count == 4)
        #expect(try workspace.run(["render", "--only", "xlsx"]).stdout == "out/kislyak.xlsx\n")
    }

    @Test func aFailingOutputLeavesEarlierOutputsUntouched() throws {
        let workspace = try Workspace([
            "d.yml": goodDossier,
            "m.yml": goodManifest + "  - {renderer: csv, path: blocked/events.csv, options: {table: events}}\n",
            "out/tenures.csv": "earlier output\n",
            "out/blocked": "a file where a folder should be\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "m.yml:7:5: error: [csv] cannot create the folder 'blocked' of 'blocked/events.csv': a file of that name is in the way"))
        #expect(try workspace.read("out/tenures.csv") == Data("earlier output\n".utf8))
        #expect(workspace.allFiles() == ["d.yml", "m.yml", "out/blocked", "out/tenures.csv"])
    }

    @Test func missingAsOfFallsBackToTodayWithANote() throws {
        let workspace = try Workspace([
            "d.yml": goodDossier, "m.yml": goodManifest.replacingOccurrences(of: "as_of: 2026-01-01\n", with: ""),
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("m.yml: note: no 'as_of' in the manifest, so \"present\" is today"))
        #expect(result.stderr.components(separatedBy: "note:").count == 2, "said once")
    }

    /// An interrupt while outputs are being written removes their temporary files, keeps the
    /// earlier outputs byte for byte, and exits 128 + the signal number. The last output is a
    /// plug-in that says through a pipe when it runs: the CSV outputs before it are written to
    /// temporary files by then, and the test interrupts at that moment, without guessing when.
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptRemovesTemporaryFilesAndKeepsEarlierOutputs(_ signalNumber: Int32, _ expectedStatus: Int32) throws {
        let workspace = try Workspace([
            "d.yml": goodDossier,
            "m.yml": """
            cursus: 1
            inputs: [d.yml]
            as_of: 2026-01-01
            outputs:
              - {renderer: csv, path: people.csv, options: {table: people}}
              - {renderer: csv, path: events.csv, options: {table: events}}
              - {renderer: bin/wait, path: w.txt}

            """,
            "out/people.csv": "earlier people\n",
            "out/events.csv": "earlier output\n",
        ])
        defer { workspace.remove() }
        let pipe = try workspace.makePipe("running")
        try workspace.writePlugin(
            "bin/wait", describe: #"{"name": "wait", "summary": "Waits", "extension": "txt"}"#,
            body: "echo running > \"$(dirname \"$0\")/../running\"\nsleep 60")
        let running = try workspace.start(["render", "m.yml"])
        let said = firstLine(fromPipe: pipe, unless: running.process)
        let temporaries = workspace.allFiles().filter { $0.contains(".cursus-tmp-") }
        kill(running.process.processIdentifier, signalNumber)
        let result = running.wait()
        #expect(said == "running", "the plug-in ran: \(result.stderr)")
        #expect(temporaries.count >= 2, "the CSV outputs were being written: \(temporaries)")
        #expect(result.status == expectedStatus)
        #expect(!workspace.allFiles().contains { $0.contains(".cursus-tmp-") })
        #expect(try workspace.read("out/people.csv") == Data("earlier people\n".utf8))
        #expect(try workspace.read("out/events.csv") == Data("earlier output\n".utf8))
        #expect(!workspace.exists("out/w.txt"))
    }
}
