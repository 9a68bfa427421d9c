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
        let rendered = try workspace.run(["render"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stdout == "out/tenures.csv\nout/events.csv\n")

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
        #expect(list.stdout.contains("xlsx        An Excel workbook"), "summaries aligned")
        let xlsx = try workspace.run(["renderers", "xlsx"])
        #expect(xlsx.stdout.contains("  sheets <list of tenures|events|people|sources> (default: [tenures, events, people, sources])"))
        let csv = try workspace.run(["renderers", "csv"])
        #expect(csv.stdout.contains("  table <tenures|events|people|sources> (default: tenures)"))
        #expect(csv.stdout.contains("  neutralize_formulas <bool> (default: true)"))
    }
}
