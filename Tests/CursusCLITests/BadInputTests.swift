import CursusTestSupport
import Foundation
import Testing

/// A valid dossier and manifest that each case below spoils in one way.
let goodDossier = """
    cursus: 1
    person: {id: p, name: Ada Example}
    sources:
      - {id: s, title: A source}
    tenures:
      - id: t
        office: Consul
        start: 2001
        end: 2004
        sources: [s]
    events:
      - {id: e, date: 2002-05-01, title: An event, tenure: t, sources: [s]}

    """

let goodManifest = """
    cursus: 1
    inputs: [d.yml]
    as_of: 2026-01-01
    output_dir: out
    outputs:
      - {renderer: csv, path: tenures.csv}

    """

/// One spoilt input: the files that differ from the good ones, and what Cursus must say.
struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    /// Lines (or line starts) stderr must contain, location first.
    var expected: [String]
    var status: Int32 = 65

    var testDescription: String { name }
}

let badInputs: [BadInput] = [
    BadInput(
        name: "YAML syntax error",
        files: ["d.yml": "cursus: 1\nperson: {id: p, name: Ada\ntenures: []\n"],
        expected: ["d.yml:3:8: error: YAML syntax error: did not find expected ',' or '}'"]),
    BadInput(
        name: "impossible date",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "start: 2001", with: "start: 2016-02-30")],
        expected: [
            "d.yml:8:20: error: invalid date '2016-02-30' for 'start': 2016-02-30 is not a calendar date: February 2016 has 29 days",
            "    start: 2016-02-30", "                   ^",
        ]),
    BadInput(
        name: "end before start",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "end: 2004", with: "end: 1999-06")],
        expected: ["d.yml:9:10: error: the tenure ends (1999-06) before it starts (2001); check both dates", "    end: 1999-06"]),
    BadInput(
        name: "unknown key with suggestion",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "office: Consul", with: "offce: Consul")],
        expected: [
            "d.yml:7:5: error: unknown key 'offce' in a tenure (did you mean 'office'?)",
            "d.yml:6:5: error: a tenure needs 'office'",
        ]),
    BadInput(
        name: "wrong type",
        files: [
            "d.yml": goodDossier.replacingOccurrences(
                of: "    sources: [s]\nevents", with: "    sources: [s]\n    ongoing: perhaps\nevents")
        ],
        expected: ["d.yml:11:14: error: 'ongoing' of a tenure must be true or false, found text 'perhaps'"]),
    BadInput(
        name: "list where a mapping belongs",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "person: {id: p, name: Ada Example}", with: "person: [p, Ada]")],
        expected: ["d.yml:2:9: error: a person must be a mapping of keys to values, found a list"]),
    BadInput(
        name: "duplicate id across inputs",
        files: [
            "m.yml": goodManifest.replacingOccurrences(of: "inputs: [d.yml]", with: "inputs: [d.yml, more.yml]"),
            "more.yml": "cursus: 1\npeople: []\ntenures:\n  - {id: t, person: p, office: Envoy}\n",
        ],
        expected: ["more.yml:4:10: error: duplicate tenure id 't'; it is first defined at d.yml:6"]),
    BadInput(
        name: "duplicate id within one file",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "events:\n", with: "  - {id: t, office: Envoy}\nevents:\n")],
        expected: ["d.yml:11:10: error: duplicate tenure id 't'; it is first defined at d.yml:6", "  - {id: t, office: Envoy}"]),
    BadInput(
        name: "dangling tenure reference",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "tenure: t,", with: "tenure: tt,")],
        expected: ["d.yml:12:56: error: event 'e' refers to tenure 'tt', which no input defines (did you mean 't'?)"]),
    BadInput(
        name: "dangling source reference",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "    sources: [s]\nevents", with: "    sources: [sx]\nevents")],
        expected: ["d.yml:10:14: error: tenure 't' refers to source 'sx', which no input defines (did you mean 's'?)"]),
    BadInput(
        name: "dangling person reference",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "    office: Consul", with: "    person: q\n    office: Consul")],
        expected: ["d.yml:7:13: error: tenure 't' refers to person 'q', which no input defines (did you mean 'p'?)"]),
    BadInput(
        name: "empty file",
        files: ["d.yml": "\n  \n"],
        expected: ["d.yml: error: is empty; a dossier starts with 'cursus: 1'"]),
    BadInput(
        name: "binary file",
        files: ["d.yml": "cursus: 1\n\u{0}\u{1}\u{2}binary"],
        expected: ["d.yml: error: is not a text file (NUL byte at offset 10); give a YAML or JSON dossier"]),
    BadInput(
        name: "unsupported version",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "cursus: 1", with: "cursus: 7")],
        expected: ["d.yml:1:9: error: unsupported dossier format version 7; this Cursus reads version 1"]),
    BadInput(
        name: "missing version",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "cursus: 1\n", with: "")],
        expected: ["d.yml:1:1: error: a dossier starts with 'cursus: 1' (the format version); add it as the first line"]),
    BadInput(
        name: "unknown renderer with suggestion",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "renderer: csv", with: "renderer: cvs")],
        expected: [
            "m.yml:6:16: error: unknown renderer 'cvs' (did you mean 'csv'?); it is not built in (csv, ",
            "and there is no program cursus-render-cvs on PATH",
        ]),
    BadInput(
        name: "unknown renderer option with suggestion",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv}", with: "path: tenures.csv, options: {tabel: events}}")],
        expected: [
            "m.yml:6:57: error: unknown option 'tabel' for renderer 'csv' (did you mean 'table'?); its options: table, bom, delimiter, neutralize_formulas"
        ]),
    BadInput(
        name: "option value not allowed",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv}", with: "path: tenures.csv, options: {table: tenure}}")],
        expected: [
            "m.yml:6:57: error: option 'table' must be one of tenures, events, people, sources, found 'tenure' (did you mean 'tenures'?)"
        ]),
    BadInput(
        name: "a quote as CSV delimiter",
        files: [
            "m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv}", with: "path: tenures.csv, options: {delimiter: '\"'}}")
        ],
        expected: ["m.yml:6:61: error: '\"' for 'delimiter' is not one ASCII character other than a quote or a line break"]),
    BadInput(
        name: "a workbook with no sheets",
        files: [
            "m.yml": goodManifest.replacingOccurrences(
                of: "{renderer: csv, path: tenures.csv}", with: "{renderer: xlsx, path: w.xlsx, options: {sheets: []}}")
        ],
        expected: ["m.yml:6:5: error: [xlsx] option 'sheets' lists no table; name at least one of tenures, events, people, sources"]),
    BadInput(
        name: "output escaping output_dir",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv", with: "path: ../escaped.csv")],
        expected: ["m.yml:6:5: error: [csv] the output path '../escaped.csv' climbs out of output_dir with '..'; outputs stay inside it"]),
    BadInput(
        name: "absolute output path",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv", with: "path: /tmp/cursus-absolute.csv")],
        expected: [
            "m.yml:6:5: error: [csv] the output path '/tmp/cursus-absolute.csv' is absolute; output paths are relative to output_dir"
        ]),
    BadInput(
        name: "missing input file",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "inputs: [d.yml]", with: "inputs: [d.yml, missing.yml]")],
        expected: ["m.yml:2:17: error: input '", "missing.yml' does not exist; fix the path in 'inputs'"]),
    BadInput(
        name: "manifest without outputs",
        files: ["m.yml": goodManifest.components(separatedBy: "outputs:")[0]],
        expected: ["m.yml:1:1: error: a manifest needs 'outputs': a list of {renderer, path} entries; nothing would be rendered"]),
    BadInput(
        name: "manifest with an empty output list",
        files: ["m.yml": goodManifest.components(separatedBy: "outputs:")[0] + "outputs: []\n"],
        expected: ["m.yml:5:10: error: a manifest needs 'outputs'"]),
    BadInput(
        name: "as_of that is not a day",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "as_of: 2026-01-01", with: "as_of: 2026-02-30")],
        expected: ["m.yml:3:8: error: 'as_of' must be a calendar day written YYYY-MM-DD, found '2026-02-30'"]),
    BadInput(
        name: "YAML alias bomb",
        files: [
            "d.yml":
                "cursus: 1\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        ],
        expected: ["d.yml: error: YAML aliases expand this document to more than 10000 nodes; refusing to expand it"]),
    BadInput(
        name: "nesting too deep",
        files: ["d.yml": "cursus: 1\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"],
        expected: [
            "d.yml:2:5: error: nesting deeper than 1000 levels; refusing to read it",
            "x: " + String(repeating: "[", count: 117) + "…",
        ]),
    BadInput(
        name: "a field longer than 1 MiB",
        files: [
            "d.yml": goodDossier.replacingOccurrences(
                of: "office: Consul", with: "office: Consul\n    notes: " + String(repeating: "x", count: (1 << 20) + 1))
        ],
        expected: ["d.yml:8:12: error: 'notes' holds 1048577 bytes, more than Cursus takes in one field (1048576); shorten it"]),
    BadInput(
        name: "terminal escape in an id",
        files: ["d.yml": goodDossier.replacingOccurrences(of: "tenure: t,", with: "tenure: \"t\\e[2J\\r\",")],
        expected: ["error: 't␛[2J␍' is not an id: ids are single words"]),
    BadInput(
        name: "filter naming an unknown person",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv}", with: "path: tenures.csv, filter: {people: [pp]}}")],
        expected: ["m.yml:6:5: error: [csv] the filter names person 'pp', whom no input defines (did you mean 'p'?)"]),
    BadInput(
        name: "a chart path ending in .svg",
        files: [
            "m.yml": goodManifest.replacingOccurrences(
                of: "{renderer: csv, path: tenures.csv}", with: "{renderer: gantt, path: career.svg}")
        ],
        expected: [
            "m.yml:6:29: error: the path 'career.svg' ends in .svg, but renderer 'gantt' writes .dot or .gv files; name it 'career.dot' (the DOT file is the chart's source; for SVG, PNG or PDF add them to the option formats"
        ]),
    BadInput(
        name: "a CSV path ending in .xlsx",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv", with: "path: oops.xlsx")],
        expected: [
            "m.yml:6:27: error: the path 'oops.xlsx' ends in .xlsx, but renderer 'csv' writes .csv or .tsv files; name it 'oops.csv'"
        ]),
    BadInput(
        name: "a workbook path ending in .csv",
        files: ["m.yml": goodManifest.replacingOccurrences(of: "renderer: csv,", with: "renderer: xlsx,")],
        expected: ["m.yml:6:28: error: the path 'tenures.csv' ends in .csv, but renderer 'xlsx' writes .xlsx files; name it 'tenures.xlsx'"]
    ),
    BadInput(
        name: "a missing template",
        files: [
            "m.yml": goodManifest.replacingOccurrences(
                of: "{renderer: csv, path: tenures.csv}", with: "{renderer: chronology, path: c.txt, options: {template: mine.stencil}}")
        ],
        expected: [
            "m.yml:6:5: error: [chronology] template 'mine.stencil' not found: it is not a built-in template (chronology, chronology-md) and there is no file mine.stencil inside the manifest's folder"
        ]),
    BadInput(
        name: "a template that does not parse",
        files: [
            "m.yml": goodManifest.replacingOccurrences(
                of: "{renderer: csv, path: tenures.csv}", with: "{renderer: chronology, path: c.txt, options: {template: mine.stencil}}"),
            "mine.stencil": "{{ title }}\n{% for entry in entries %}\n",
        ],
        expected: ["mine.stencil:2:4: error: [chronology] template error: `endfor` was not found."]),
    BadInput(
        name: "chart options that contradict each other",
        files: [
            "m.yml": goodManifest.replacingOccurrences(
                of: "{renderer: csv, path: tenures.csv}", with: "{renderer: gantt, path: c.dot, options: {from: 2010, to: 2001}}")
        ],
        expected: ["m.yml:6:5: error: [gantt] option 'to' (2001-12-31) is before 'from' (2010-01-01)"]),
    BadInput(
        name: "a bad date, an unknown key and dangling references, all at once",
        files: [
            "d.yml":
                goodDossier
                .replacingOccurrences(of: "start: 2001", with: "start: 2016-02-30\n    colour: red")
                .replacingOccurrences(of: "tenure: t, sources: [s]}", with: "tenure: tt, people: [q], sources: [s]}")
        ],
        expected: [
            "d.yml:9:5: error: unknown key 'colour' in a tenure",
            "d.yml:8:20: error: invalid date '2016-02-30' for 'start'",
            "d.yml:13:68: error: event 'e' refers to person 'q', which no input defines",
            "d.yml:13:56: error: event 'e' refers to tenure 'tt', which no input defines",
        ]),
    BadInput(
        name: "inputs and outputs wrong together",
        files: [
            "d.yml": goodDossier.replacingOccurrences(of: "start: 2001", with: "start: 2016-02-30"),
            "m.yml": goodManifest.replacingOccurrences(
                of: "path: tenures.csv}",
                with:
                    "path: tenures.csv, filter: {people: [pp]}}\n  - {renderer: chronology, path: c.txt, options: {template: gone.stencil}}"
            ),
        ],
        expected: [
            "d.yml:8:20: error: invalid date '2016-02-30' for 'start'",
            "m.yml:7:5: error: [chronology] template 'gone.stencil' not found",
        ]),
]

@Suite struct BadInputTests {
    /// Runs `command` over the good files with `bad`'s changes, and checks what it says.
    func run(_ command: String, _ bad: BadInput, then check: (Workspace, CLIResult) throws -> Void) throws {
        var files = ["d.yml": goodDossier, "m.yml": goodManifest]
        files.merge(bad.files) { _, new in new }
        let workspace = try Workspace(files)
        defer { workspace.remove() }
        let result = try workspace.run([command, "m.yml"])
        #expect(result.status == bad.status, "stderr: \(result.stderr)")
        for line in bad.expected {
            #expect(result.stderr.contains(line), "expected «\(line)» in:\n\(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal error"))
        try check(workspace, result)
    }

    @Test(arguments: badInputs)
    func badInputIsReportedAtItsPlaceAndWritesNothing(_ bad: BadInput) throws {
        try run("render", bad) { workspace, result in
            #expect(result.stdout.isEmpty)
            #expect(!workspace.allFiles().contains { $0.hasPrefix("out/") }, "nothing may be written")
        }
    }

    /// Everything `render` refuses before rendering, `validate` refuses too, with the same words.
    @Test(arguments: badInputs)
    func validateFindsWhatRenderFinds(_ bad: BadInput) throws {
        try run("validate", bad) { _, result in #expect(!result.stdout.contains("ok:")) }
    }

    @Test func oversizedDossierIsRefusedUnread() throws {
        let big = "cursus: 1\nnotes: |\n" + String(repeating: "  " + String(repeating: "x", count: 1021) + "\n", count: 65 * 1024)
        let workspace = try Workspace(["d.yml": big, "m.yml": goodManifest])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("d.yml: error: is larger than 64 MiB; split it, or give bulk data as JSON Lines (.jsonl)"))
    }

    /// Streamed inputs are read a line at a time, and a line (or a CSV record held open by a
    /// quote) is bounded, so that a file with no line breaks cannot fill the memory.
    @Test(arguments: [
        (
            "big.jsonl", "{\"type\": \"person\", \"id\": \"p\", \"name\": \"P\"}\n{\"notes\": \"",
            "big.jsonl:2: error: line 2 is longer than 16 MiB"
        ),
        ("big.csv", "id,name\np,P\nq,\"", "big.csv:3: error: a quoted field on this line runs on past 16 MiB (to line 7); close its quote"),
    ])
    func anUnboundedLineIsRefused(_ name: String, _ head: String, _ expected: String) throws {
        var data = Data(head.utf8)
        let filler = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for index in 0..<17 {
            data.append(filler)
            if name.hasSuffix(".csv") && index % 4 == 0 { data.append(0x0A) }  // lines inside the quotes
        }
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(name, data)
        let result = try workspace.run(["validate", name])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr.prefix(500))")
    }

    @Test func goodInputsRender() throws {
        let workspace = try Workspace(["d.yml": goodDossier, "m.yml": goodManifest])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "out/tenures.csv\n")
    }

    @Test func validateChecksWithoutWriting() throws {
        let workspace = try Workspace(["d.yml": goodDossier, "m.yml": goodManifest])
        defer { workspace.remove() }
        let result = try workspace.run(["validate", "m.yml", "d.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok: m.yml (1 output; 1 person, 1 tenure, 1 event, 1 source)"))
        #expect(!workspace.exists("out"))

        try workspace.write("d.yml", goodDossier.replacingOccurrences(of: "end: 2004", with: "end: 1999"))
        let bad = try workspace.run(["validate", "d.yml"])
        #expect(bad.status == 65)
        #expect(bad.stderr.components(separatedBy: "error: the tenure ends").count == 2, "reported once: \(bad.stderr)")
    }

    @Test func outputThroughASymlinkThatLeavesOutputDirIsRefused() throws {
        let workspace = try Workspace([
            "d.yml": goodDossier,
            "m.yml": goodManifest.replacingOccurrences(of: "path: tenures.csv", with: "path: link/tenures.csv"),
        ])
        defer { workspace.remove() }
        let outside = try Workspace()
        defer { outside.remove() }
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: workspace.url.appendingPathComponent("out/link"), withDestinationURL: outside.url)
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "m.yml:6:5: error: [csv] the output path 'link/tenures.csv' goes through 'link', a link that leads out of output_dir"))
        #expect(outside.allFiles().isEmpty)
    }

    /// An output that is itself a link is refused, wherever it leads: the target is untouched.
    @Test func anOutputThatIsALinkIsRefused() throws {
        let workspace = try Workspace(["d.yml": goodDossier, "m.yml": goodManifest])
        defer { workspace.remove() }
        let outside = try Workspace(["precious.txt": "do not overwrite\n"])
        defer { outside.remove() }
        try FileManager.default.createDirectory(at: workspace.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        let link = workspace.url.appendingPathComponent("out/tenures.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside.url.appendingPathComponent("precious.txt"))
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "m.yml:6:5: error: [csv] the output 'tenures.csv' is a symbolic link; Cursus does not write through links"))
        #expect(try outside.read("precious.txt") == Data("do not overwrite\n".utf8))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == outside.url.appendingPathComponent("precious.txt").path)
    }

    @Test(arguments: [["render", "--bogus"], ["frobnicate"], ["date"], ["renderers", "cvs"]])
    func badCommandLineExits64(_ arguments: [String]) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func onlyWithNoMatchExits64() throws {
        let workspace = try Workspace(["d.yml": goodDossier, "m.yml": goodManifest])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml", "--only", "tenures.cvs"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no output of m.yml has the path or renderer 'tenures.cvs' (did you mean 'tenures.csv'?)"))
    }
}

extension BadInputTests {
    /// A renderer's own refusal names the renderer and the manifest line, and leaves no file.
    @Test func xlsxRefusalLeavesNoWorkbook() throws {
        let longNotes = String(repeating: "word ", count: 7_000)
        let workspace = try Workspace([
            "d.yml": goodDossier.replacingOccurrences(
                of: "    sources: [s]\nevents", with: "    sources: [s]\n    notes: \(longNotes)\nevents"),
            "m.yml": goodManifest + "  - {renderer: xlsx, path: book.xlsx}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "m.yml:7:5: error: [xlsx] 'notes' of tenure 't' has 34999 characters; an Excel cell holds at most 32,767"),
            "YAML drops the trailing space: 34,999")
        #expect(workspace.allFiles() == ["d.yml", "m.yml"], "neither the CSV nor the workbook is written")
    }
}
