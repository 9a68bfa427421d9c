import CursusTestSupport
import Foundation
import Testing

@Suite struct ChronologyCLITests {
    func kislyakWorkspace(_ files: [String: String] = [:]) throws -> Workspace {
        let workspace = try Workspace(files)
        try workspace.write("kislyak.yml", try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml")))
        return workspace
    }

    func manifest(_ outputs: String) -> String {
        "cursus: 1\ntitle: Sergey Kislyak — career\ninputs: [kislyak.yml]\nas_of: 2026-11-22\noutputs:\n" + outputs
    }

    /// The chronology at widths 60, 80 and 100 and paginated matches Tests/Golden/chronology.
    /// Greek, Hebrew and Arabic wrap by characters as Latin does, and a chart of them draws
    /// (through Graphviz) with the dates in right-to-left labels isolated.
    @Test func otherScriptsWrapAndDraw() throws {
        let workspace = try Workspace([
            "cursus.yml": """
            cursus: 1
            inputs: [d.yml]
            as_of: 2026-01-01
            outputs:
              - {renderer: chronology, path: c.txt, locale: ru, options: {width: 40}}
              - {renderer: gantt, path: chart.dot, options: {formats: [svg]}}
            """,
            "d.yml": """
            cursus: 1
            people: [{id: p, name: "Γιώργος Παπανδρέου"}]
            tenures:
              - {id: a, person: p, office: "ראש ממשלת ישראל ושר הביטחון של מדינת ישראל", start: 1969-03-17, end: 1974-06-03}
              - {id: b, person: p, office: "Πρωθυπουργός της Ελληνικής Δημοκρατίας και αρχηγός της κυβέρνησης", start: 2009-10-06, end: 2011-11-11}
              - {id: c, person: p, office: "وزير الخارجية في جمهورية مصر العربية", start: 1995, end: 2001}
            events:
              - {id: e, date: 1973-10-06, title: "מלחמת יום הכיפורים פורצת", people: [p]}
            """,
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = String(decoding: try workspace.read("out/c.txt"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines.filter { $0.count > 40 })")
        #expect(text.contains("Πρωθυπουργός") && text.contains("ראש ממשלת") && text.contains("وزير الخارجية"))
        let svg = String(decoding: try workspace.read("out/chart.svg"), as: UTF8.self)
        #expect(svg.contains("מלחמת יום הכיפורים פורצת, \u{2068}6 Oct 1973\u{2069}"))
    }

    @Test func goldensAtThreeWidthsAndPaginated() throws {
        let golden = repositoryRoot.appendingPathComponent("Tests/Golden/chronology")
        let workspace = try kislyakWorkspace()
        defer { workspace.remove() }
        var manifest = try String(contentsOf: golden.appendingPathComponent("cursus.yml"), encoding: .utf8)
        manifest = manifest.replacingOccurrences(of: "../../../Examples/kislyak/kislyak.yml", with: "kislyak.yml")
            .replacingOccurrences(of: "output_dir: .", with: "output_dir: out")
        try workspace.write("cursus.yml", manifest)
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        for (name, width) in [("kislyak-60.txt", 60), ("kislyak-80.txt", 80), ("kislyak-100.txt", 100), ("kislyak-paged.txt", 70)] {
            let rendered = try workspace.read("out/" + name)
            #expect(
                rendered == (try Data(contentsOf: golden.appendingPathComponent(name))), "\(name): run `make examples` and review the diff")
            let lines = String(decoding: rendered, as: UTF8.self).split(separator: "\n").map { $0.drop { $0 == "\u{0C}" } }
            #expect(lines.allSatisfy { $0.count <= width }, "\(name) stays within \(width) characters")
        }
    }

    @Test func aUserTemplateByPathWithFilters() throws {
        let template = """
            {{ person.name }} ({{ entries.count }} entries)
            {% for entry in entries %}
            {% if entry.kind == "event" %}
            {{ entry.date|pad:14 }}{{ entry.cited|wrap:14 }}
            {% endif %}
            {% endfor %}
            """
        let workspace = try kislyakWorkspace([
            "templates/events.stencil": template,
            "cursus.yml": manifest(
                "  - {renderer: chronology, path: events.txt, options: {template: templates/events.stencil, width: 50, include: [events]}}\n"
            ),
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = String(decoding: try workspace.read("out/events.txt"), as: UTF8.self)
        #expect(
            text.hasPrefix(
                "Sergey Kislyak (25 entries)\n1973          Graduates from the Moscow\n              Engineering Physics Institute [1]\n"))
        #expect(!text.contains("Starts as"), "tenures left out by include")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 50 })
    }

    @Test func dossierTextIsInsertedAsTextNeverAsTemplateCode() throws {
        let workspace = try Workspace([
            "d.yml": """
            cursus: 1
            person: {id: p, name: "{{ title }} {% include 'd.yml' %} *bold* <b>x</b>"}
            events:
              - {id: e, date: 2001, title: "[link](javascript:x) | pipe \\u001b[31m"}
            """,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: chronology, path: c.txt}\n  - {renderer: chronology, path: c.md}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = String(decoding: try workspace.read("out/c.txt"), as: UTF8.self)
        #expect(text.contains("{{ title }} {% include 'd.yml' %} *bold* <b>x</b> — CHRONOLOGY".uppercased()))
        #expect(text.contains("[link](javascript:x) | pipe [31m"), "the escape character becomes a space")
        let markdown = String(decoding: try workspace.read("out/c.md"), as: UTF8.self)
        #expect(markdown.contains(#"\{\{ title \}\} \{% include 'd.yml' %\} \*bold\* \<b\>x\</b\>"#))
        #expect(markdown.contains(#"\[link\](javascript:x) \| pipe"#))
    }

    @Test func templateSyntaxErrorPointsIntoTheTemplate() throws {
        let workspace = try kislyakWorkspace([
            "bad.stencil": "Title {{ title }}\n{% for e in entries %}\n{{ e.date }}\n{% endfor %}\n{% if x %}\nnever closed\n",
            "cursus.yml": manifest("  - {renderer: chronology, path: c.txt, options: {template: bad.stencil}}\n"),
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 65)
        #expect(result.stderr == "bad.stencil:5:4: error: [chronology] template error: `endif` was not found.\n{% if x %}\n   ^\n")
        #expect(!workspace.exists("out"))
    }

    @Test func unknownFilterIsASyntaxError() throws {
        let workspace = try kislyakWorkspace([
            "t/bad.stencil": "{{ title|shout }}\n",
            "cursus.yml": manifest("  - {renderer: chronology, path: c.txt, options: {template: t/bad.stencil}}\n"),
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix("t/bad.stencil:1:4: error: [chronology] template error: Unknown filter 'shout'."),
            "Stencil points at the variable")
    }

    @Test func missingTemplateNamesWhereCursusLooked() throws {
        let workspace = try kislyakWorkspace([
            "cursus.yml": manifest("  - {renderer: chronology, path: c.txt, options: {template: mine.stencil}}\n")
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "cursus.yml:6:5: error: [chronology] template 'mine.stencil' not found: it is not a built-in template (chronology, chronology-md) and there is no file mine.stencil inside the manifest's folder"
            ))
    }

    @Test(arguments: ["../outside.stencil", "/etc/passwd"])
    func templatesCannotReachOutsideTheManifestFolder(_ name: String) throws {
        let outer = try Workspace(["outside.stencil": "secret\n"])
        defer { outer.remove() }
        let inner = outer.url.appendingPathComponent("project")
        let workspace = Workspace(existing: inner)
        try workspace.write("kislyak.yml", try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml")))
        try workspace.write("inc.stencil", "{% include \"\(name)\" %}\n")
        try workspace.write(
            "cursus.yml",
            manifest(
                "  - {renderer: chronology, path: a.txt, options: {template: inc.stencil}}\n  - {renderer: chronology, path: b.txt, options: {template: \"\(name)\"}}\n"
            ))
        let include = try workspace.run(["render", "--only", "a.txt"])
        #expect(include.status == 65)
        #expect(include.stderr.contains("inc.stencil:1:4: error: [chronology] template error: Template named `\(name)` does not exist"))
        let direct = try workspace.run(["render", "--only", "b.txt"])
        #expect(direct.status == 65)
        #expect(direct.stderr.contains("template '\(name)' not found"))
        #expect(!workspace.exists("out"))
    }

    @Test func pageLengthIsForTextOnly() throws {
        let workspace = try kislyakWorkspace([
            "cursus.yml": manifest("  - {renderer: chronology, path: c.md, options: {page_length: 40}}\n")
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "cursus.yml:6:5: error: [chronology] option 'page_length' paginates text output; a Markdown file has no pages"))
    }
}

@Suite struct ChronologyEdgeTests {
    /// Only http, https and mailto URLs become Markdown links; any other scheme is escaped text.
    @Test func markdownLinksOnlySafeSchemes() throws {
        let workspace = try Workspace([
            "d.yml": """
            cursus: 1
            person: {id: p, name: P}
            sources:
              - {id: a, title: Evil, url: "javascript:alert(1)"}
              - {id: b, title: Data, url: "data:text/html,<b>x</b>"}
              - {id: c, title: Good, url: "https://example.org/a"}
              - {id: d, title: Mail, url: "mailto:desk@example.org"}
            events:
              - {id: e, date: 2001, title: E, sources: [a, b, c, d]}
            """,
            "cursus.yml": "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: chronology, path: c.md}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = String(decoding: try workspace.read("out/c.md"), as: UTF8.self)
        #expect(markdown.contains("<https://example.org/a>") && markdown.contains("<mailto:desk@example.org>"))
        #expect(!markdown.contains("<javascript:") && markdown.contains("javascript:alert(1)"), "\(markdown)")
        #expect(!markdown.contains("<data:") && markdown.contains(#"data:text/html,\<b\>x\</b\>"#))
    }

    /// A section with nothing in it is left out, heading and all: events alone have no CAREER,
    /// and a dossier that cites nothing has no SOURCES.
    @Test(arguments: [
        ("events:\n  - {id: e, date: 2001, title: E}\n", ["CHRONOLOGY"], ["CAREER", "SOURCES"]),
        ("tenures:\n  - {id: t, office: O, start: 2001, end: 2002}\n", ["CAREER", "CHRONOLOGY"], ["SOURCES"]),
    ])
    func emptySectionsAreLeftOut(_ records: String, _ present: [String], _ absent: [String]) throws {
        let workspace = try Workspace([
            "d.yml": "cursus: 1\nperson: {id: p, name: P}\n" + records,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: chronology, path: c.txt}\n  - {renderer: chronology, path: c.md}\n",
        ])
        defer { workspace.remove() }
        #expect(try workspace.run(["render"]).status == 0)
        let text = String(decoding: try workspace.read("out/c.txt"), as: UTF8.self)
        let markdown = String(decoding: try workspace.read("out/c.md"), as: UTF8.self)
        for heading in present {
            #expect(text.contains("\n\(heading)\n") && markdown.contains("## \(heading.capitalized)\n"))
        }
        for heading in absent {
            #expect(!text.contains(heading) && !markdown.contains("## \(heading.capitalized)"), "no empty \(heading)")
        }
    }
}
