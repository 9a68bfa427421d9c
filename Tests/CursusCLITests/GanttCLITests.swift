import CursusTestSupport
import Foundation
import Testing

@Suite struct GanttCLITests {
    let hostile = #"Envoy "quoted" \N \G <b>&amp; {x|y} ]] -->"#

    /// Runs python3 with `script` on `argument`, returning stdout.
    func python(_ script: String, _ argument: String) throws -> String {
        String(decoding: try CursusTestSupport.python(["-c", script, argument]).output, as: UTF8.self)
    }

    /// Every text of an SVG, one a line, read with a real XML parser.
    func svgTexts(_ path: String) throws -> [String] {
        let script = """
            import sys, xml.etree.ElementTree as ET
            for e in ET.parse(sys.argv[1]).iter():
                if e.tag.endswith('}text') or e.tag.endswith('}title'):
                    print(''.join(e.itertext()))
            """
        return try python(script, path).split(separator: "\n").map(String.init)
    }

    @Test func hostileLabelsAreDrawnLiterally() throws {
        let workspace = try Workspace([
            "d.yml": """
            cursus: 1
            person: {id: p, name: "Сергей \\"Кисляк\\" <i>"}
            tenures:
              - {id: t, office: \(try jsonString(hostile)), role: \(try jsonString(hostile)), place: "A\\u0007B", start: 2001-02-03, end: 2004}
            events:
              - {id: e, date: 2002-06-01, title: \(try jsonString(hostile))}
            """,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: gantt, path: c.dot, options: {formats: [svg]}}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "Graphviz gave no warning")
        let texts = try svgTexts(workspace.url.appendingPathComponent("out/c.svg").path)
        #expect(texts.contains(hostile), "row label, as written")
        #expect(
            texts.contains {
                $0.hasPrefix(#"Envoy "quoted" \N \G <b>&amp; {x|y} ]] -->, 1 Jun 2002"#) || $0.hasPrefix(#"Envoy "quoted" \N"#)
            })
        #expect(texts.contains { $0.contains(#"Сергей "Кисляк" <i>"#) }, "title in Cyrillic, literally")
        #expect(texts.contains { $0.hasPrefix(hostile + "\n") || $0 == hostile }, "tooltip keeps the text")
        #expect(texts.contains("A B"), "control characters become spaces")
    }

    @Test func theChartFontHasCyrillic() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-list", ":lang=ru", "family"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let families = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(families.contains("DejaVu Sans"), "install fonts-dejavu-core")
    }

    @Test func aThousandTenuresDrawWithoutWarnings() throws {
        var tenures: [String] = []
        for index in 0..<1_000 {
            let year = 1900 + index % 110
            tenures.append(
                "{\"id\": \"t\(index)\", \"person\": \"p\(index % 50)\", \"office\": \"Office \(index % 200)\", \"category\": \"c\(index % 7)\", \"start\": \"\(year)-03-01\", \"end\": \"\(year + 1 + index % 9)\"}"
            )
        }
        let people = (0..<50).map { "{\"id\": \"p\($0)\", \"name\": \"Person \($0)\"}" }.joined(separator: ", ")
        let workspace = try Workspace([
            "d.json": "{\"cursus\": 1, \"people\": [\(people)], \"tenures\": [\(tenures.joined(separator: ",\n"))]}",
            "cursus.yml":
                "cursus: 1\ninputs: [d.json]\nas_of: 2026-01-01\noutputs:\n  - {renderer: gantt, path: offices.dot, options: {formats: [svg, png]}}\n  - {renderer: gantt, path: people.dot, options: {rows: person, formats: [svg]}}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.split(separator: "\n").count == 5)
    }

    @Test func pdfIsByteIdenticalAcrossRuns() throws {
        let workspace = try Workspace([
            "d.yml": goodDossier,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: gantt, path: c.dot, options: {formats: [pdf]}}\n",
        ])
        defer { workspace.remove() }
        #expect(try workspace.run(["render"]).status == 0)
        let first = try workspace.read("out/c.pdf")
        // No clock in the file: its one date is as_of's.
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20260101000000Z)") && !text.contains("/ModDate"))
        #expect(try workspace.run(["render"]).status == 0)
        #expect(try workspace.read("out/c.pdf") == first)
        #expect(first.starts(with: Data("%PDF".utf8)))
    }

    @Test func withoutGraphvizTheErrorNamesThePackageAndNothingIsWritten() throws {
        let workspace = try Workspace([
            "d.yml": goodDossier,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: csv, path: t.csv}\n  - {renderer: gantt, path: c.dot, options: {formats: [svg]}}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "cursus.yml:6:5: error: [gantt] Graphviz is not installed, so the chart cannot be drawn as svg; install the Debian package 'graphviz'"
            ))
        #expect(!workspace.exists("out"))
        let dotOnly = try workspace.run(["render", "--only", "t.csv"], environment: ["PATH": "/nonexistent"])
        #expect(dotOnly.status == 0)
        let checked = try workspace.run(["validate"], environment: ["PATH": "/nonexistent"])
        #expect(checked.status == 65, "validate finds it too")
        #expect(checked.stderr.hasPrefix("cursus.yml:6:5: error: [gantt] Graphviz is not installed"))
    }

    @Test(arguments: [
        // Each at the option's own place in the manifest (line 5, the column of the value).
        ("{colors: {home: \"red;evil\"}}", "cursus.yml:5:61: error: 'red;evil' for 'home' is not a colour: #RRGGBB or a CSS colour name"),
        ("{colors: {home: notacolour}}", "cursus.yml:5:61: error: 'notacolour' for 'home' is not a colour"),
        ("{from: banana}", "cursus.yml:5:52: error: invalid date 'banana' for 'from'"),
        ("{from: 2010-13}", "cursus.yml:5:57: error: invalid date '2010-13' for 'from': there is no month 13"),
        (
            "{rows: offices}",
            "cursus.yml:5:52: error: option 'rows' must be one of office, organization, person, category, found 'offices' (did you mean 'office'?)"
        ),
        ("{dpi: 5}", "cursus.yml:5:51: error: option 'dpi' must be between 36 and 600, found 5"),
        // Two options together: at the output.
        ("{from: 2010, to: 2001}", "cursus.yml:5:5: error: [gantt] option 'to' (2001-12-31) is before 'from' (2010-01-01)"),
    ])
    func badOptionsAreDataErrors(_ options: String, _ message: String) throws {
        let workspace = try Workspace([
            "d.yml": goodDossier,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: gantt, path: c.dot, options: \(options)}\n",
        ])
        defer { workspace.remove() }
        for command in ["render", "validate"] {
            let result = try workspace.run([command])
            #expect(result.status == 65)
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
        }
        #expect(!workspace.exists("out"))
    }

    private func jsonString(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}
