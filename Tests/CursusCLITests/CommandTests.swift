import CursusTestSupport
import Foundation
import Testing

@Suite struct CommandTests {
    @Test func initWritesAStarterThatRendersAndNeverOverwrites() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let created = try workspace.run(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "cursus.yml\ndossier.yml\n")
        #expect(try workspace.run(["validate"]).status == 0)
        #expect(created.stderr.components(separatedBy: "as_of is today").count == 2, "said once: \(created.stderr)")
        let today = try #require(
            String(decoding: try workspace.read("cursus.yml"), as: UTF8.self).firstMatch(of: /as_of: (\d{4}-\d\d-\d\d)/))
        #expect(created.stderr.contains("as_of is today, \(today.output.1)"))
        let rendered = try workspace.run(["render"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let written = rendered.stdout.split(separator: "\n").map(String.init)
        #expect(written.allSatisfy(workspace.exists))
        // Every built-in renderer, each named once in the starter manifest.
        let manifest = String(decoding: try workspace.read("cursus.yml"), as: UTF8.self)
        let named = Set(manifest.matches(of: /renderer: ([a-z]+)/).map { String($0.output.1) })
        let builtIn = try workspace.run(["renderers"]).stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(named == Set(builtIn.filter { !$0.isEmpty }), "\(named) against \(builtIn)")
        #expect(written.contains("out/career.svg") && written.contains("out/career.png"), "Graphviz is installed here: the chart's images")
        for file in ["out/career.html", "out/career.xlsx", "out/career.sqlite", "out/chronology.txt"] { #expect(written.contains(file)) }

        // Without Graphviz on PATH, the chart is DOT alone, and a note says how to get the images.
        let bare = try Workspace()
        defer { bare.remove() }
        let withoutGraphviz = try bare.run(["init"], environment: ["PATH": "/nonexistent"])
        #expect(withoutGraphviz.status == 0)
        #expect(withoutGraphviz.stderr.contains("Graphviz is not installed"))
        #expect(String(decoding: try bare.read("cursus.yml"), as: UTF8.self).contains("{renderer: gantt, path: career.dot}\n"))

        try workspace.write("cursus.yml", "mine\n")
        let again = try workspace.run(["init"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("cursus.yml: error: already exists; 'cursus init' never overwrites a file"))
        #expect(try workspace.read("cursus.yml") == Data("mine\n".utf8))
    }

    @Test func renderersListsAndDescribes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let list = try workspace.run(["renderers"])
        #expect(list.status == 0)
        let names = list.stdout.split(separator: "\n").map { $0.prefix { $0 != " " } }
        #expect(names.starts(with: ["csv", "chronology", "gantt", "json", "xlsx"]), "built-ins first, in registry order")
        // Summaries start in one column, after the longest name.
        let columns = Set(
            list.stdout.split(separator: "\n").prefix(5).map { line -> Int in
                let name = line.prefix { $0 != " " }
                return name.count + line.dropFirst(name.count).prefix { $0 == " " }.count
            })
        #expect(columns.count == 1, "summaries aligned")
        #expect(list.stdout.contains("An Excel workbook"))
        let xlsx = try workspace.run(["renderers", "xlsx"])
        #expect(xlsx.stdout.contains("  sheets <list of tenures|events|people|sources> (default: [tenures, events, people, sources])"))
        let csv = try workspace.run(["renderers", "csv"])
        #expect(csv.stdout.contains("  table <tenures|events|people|sources> (default: tenures)"))
        #expect(csv.stdout.contains("  neutralize_formulas <bool> (default: true)"))
    }
}

@Suite struct CommandLineEdgeTests {
    @Test func renderWithoutAManifestSaysHowToStartOne() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for command in [["render"], ["validate"]] {
            let result = try workspace.run(command)
            #expect(result.status == 65)
            #expect(
                result.stderr.contains("cursus.yml: error: no such ") && result.stderr.contains("start one here with 'cursus init'"),
                "\(result.stderr)")
        }
    }

    @Test func importRefusesToOverwriteUnlessForced() throws {
        let wikitext = "{{Infobox officeholder\n| name = Ada Example\n| office = Consul\n| term_start = 2001\n| term_end = 2004\n}}\n"
        let workspace = try Workspace(["page.wiki": wikitext, "ada.yml": "mine\n"])
        defer { workspace.remove() }
        let refused = try workspace.run(["import", "infobox", "page.wiki", "-o", "ada.yml"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "ada.yml: error: already exists; add --force to overwrite it\n")
        #expect(try workspace.read("ada.yml") == Data("mine\n".utf8))
        let forced = try workspace.run(["import", "infobox", "page.wiki", "-o", "ada.yml", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(String(decoding: try workspace.read("ada.yml"), as: UTF8.self).contains("office: Consul"))
    }

    @Test func helpListsEveryExitCode() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let help = try workspace.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        for code in ["0 success", "64 bad command line", "65 bad input", "1 anything else", "130 interrupted", "143 stopped"] {
            #expect(help.contains(code), "\(code)")
        }
    }

    /// A suggestion only for a likely slip: 'cvs' is 'csv', 'jpg' is no 'svg'.
    @Test func didYouMeanOnlyForCloseMatches() throws {
        let workspace = try Workspace(["d.yml": goodDossier])
        defer { workspace.remove() }
        try workspace.write(
            "m.yml",
            goodManifest.replacingOccurrences(
                of: "{renderer: csv, path: tenures.csv}",
                with: "{renderer: gantt, path: c.dot, options: {formats: [jpg]}}\n  - {renderer: cvs, path: t.csv}"))
        let result = try workspace.run(["validate", "m.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("option 'formats' takes items from svg, png, pdf, found 'jpg'\n"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown renderer 'cvs' (did you mean 'csv'?)"))
    }
}
