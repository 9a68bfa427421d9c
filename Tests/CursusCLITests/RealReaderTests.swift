import CursusTestSupport
import Foundation
import Testing

/// The outputs as people see them: the chart in Chromium and through poppler, the workbook in
/// LibreOffice Calc. Each test fails on a bug these programs showed.
@Suite struct RealReaderTests {
    /// The Kislyak example in a fresh workspace, its chart drawn as `formats`, with `chartOptions`.
    func example(formats: String, chartOptions: String = "") throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write("kislyak.yml", try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml")))
        try workspace.write(
            "cursus.yml",
            """
            cursus: 1
            inputs: [kislyak.yml]
            as_of: 2026-11-22
            outputs:
              - {renderer: gantt, path: career.dot, options: {formats: [\(formats)]\(chartOptions)}}

            """)
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        return workspace
    }

    @Test func chromiumShowsTheWholeChart() throws {
        let workspace = try example(formats: "svg")
        defer { workspace.remove() }
        let shown = try realReader("svg", workspace.url.appendingPathComponent("out/career.svg").path)
        let viewBox = try #require(shown["viewbox"] as? [Double])
        #expect(shown["outside_count"] as? Int == 0, "shapes drawn outside the viewBox: \(shown["outside"] ?? "")")
        #expect(shown["scale"] as? [Double] == [1, 1], "no scale beyond the viewBox's own")
        #expect(abs((shown["width_pt"] as? Double ?? 0) - viewBox[2]) < 1 && abs((shown["height_pt"] as? Double ?? 0) - viewBox[3]) < 1)
        let fill = try #require(shown["rightmost_fill"] as? String)
        #expect(shown["rightmost_shown"] as? String == fill, "Chromium shows the rightmost bar (the senator's) in its colour")
    }

    @Test func onlyMarksWithATooltipHaveATitle() throws {
        let workspace = try example(formats: "svg")
        defer { workspace.remove() }
        let shown = try realReader("svg", workspace.url.appendingPathComponent("out/career.svg").path)
        let titles = try #require(shown["titles"] as? [String])
        let tooltips = Set(try #require(shown["tooltips"] as? [String]))
        #expect(!titles.isEmpty)
        #expect(
            titles.allSatisfy(tooltips.contains), "every title is a mark's tooltip: \(titles.filter { !tooltips.contains($0) }.prefix(5))")
        #expect(titles.contains { $0.hasPrefix("Senator of the Federation Council") })
        #expect(shown["role"] as? String == "img")
        #expect((shown["label"] as? String)?.hasPrefix("Sergey Kislyak") == true)
        let families = try #require(shown["font_families"] as? [String])
        #expect(!families.isEmpty && families.allSatisfy { $0.hasSuffix(",sans-serif") }, "a generic fallback: \(families)")
    }

    @Test(arguments: [("", 841.89, 595.28), (", page: letter", 792, 612), (", page: a3", 1190.55, 841.89)])
    func pdfChartsArePrintablePages(_ option: String, _ width: Double, _ height: Double) throws {
        let workspace = try example(formats: "pdf", chartOptions: option)
        defer { workspace.remove() }
        let page = try realReader("pdf", workspace.url.appendingPathComponent("out/career.pdf").path)
        #expect(page["pages"] as? Int == 1)
        #expect(
            abs((page["width_pt"] as? Double ?? 0) - width) < 1 && abs((page["height_pt"] as? Double ?? 0) - height) < 1,
            "\(page["width_pt"] ?? "") × \(page["height_pt"] ?? "")")
        let colours = try #require(page["colours"] as? [String: Double])
        for colour in ["#ffaabb", "#77aadd"] {
            #expect((colours[colour] ?? 0) > 0, "poppler draws \(colour) (the senator's bar, the postings abroad) on the page")
        }
    }

    @Test func aPDFAtTheChartsOwnSizeWhenAsked() throws {
        let workspace = try example(formats: "pdf, svg", chartOptions: ", page: chart")
        defer { workspace.remove() }
        let page = try realReader("pdf", workspace.url.appendingPathComponent("out/career.pdf").path)
        let svg = try realReader("svg", workspace.url.appendingPathComponent("out/career.svg").path)
        #expect(abs((page["width_pt"] as? Double ?? 0) - (svg["width_pt"] as? Double ?? 0)) <= 1)
        #expect(abs((page["height_pt"] as? Double ?? 0) - (svg["height_pt"] as? Double ?? 0)) <= 1)
    }

    /// Days around Excel's fictitious 29 February 1900, text that looks like Excel's escapes, and
    /// booleans: LibreOffice must read every cell as Cursus meant it, which the CSV of the same
    /// dossier says.
    @Test func libreOfficeReadsEveryCellAsMeant() throws {
        let starts = [
            "1899-12-31", "1900-01-01", "1900-02-28", "1900-03-01", "1900", "1900-02", "1950-09-07", "2008-07", "2016-23", "1981",
        ]
        var dossier = "cursus: 1\nperson: {id: p, name: P}\ntenures:\n"
        for (index, start) in starts.enumerated() {
            let ongoing = index % 2 == 0 ? ", ongoing: true" : ", end: 2020"
            dossier += "  - {id: t\(index), office: \"Post _x000D_ _x0041_ \(index)\", start: \(start)\(ongoing)}\n"
        }
        let workspace = try Workspace([
            "d.yml": dossier,
            "cursus.yml":
                "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: xlsx, path: w.xlsx, options: {sheets: [tenures]}}\n  - {renderer: csv, path: t.csv}\n",
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let sheets = try realReader("workbook", workspace.url.appendingPathComponent("out/w.xlsx").path)
        let shown = try #require(sheets["Tenures"] as? [[String]])
        let meant = try csvRows(workspace.url.appendingPathComponent("out/t.csv"))
        #expect(shown.first == meant.first, "the same columns")
        let columns = meant[0]
        #expect(shown.count == meant.count)
        for (row, expected) in zip(shown.dropFirst(), meant.dropFirst()) {
            for (column, name) in columns.enumerated() {
                let cell = row[column]
                let want = expected[column]
                if name.hasSuffix("_earliest") || name.hasSuffix("_latest") {
                    #expect(Self.isoDay(cell) == want, "\(expected[0]) \(name): LibreOffice reads \(cell), Cursus meant \(want)")
                } else if name == "ongoing" {
                    #expect(cell == want.uppercased(), "\(expected[0]) ongoing: \(cell)")
                } else {
                    #expect(cell == want, "\(expected[0]) \(name)")
                }
            }
        }
    }

    /// Each sheet of the example prints on landscape pages of the paper asked for, one page wide,
    /// with its name and the page number in the footer.
    @Test(arguments: [("", 841.89, 595.28), (", options: {page: letter}", 792, 612)])
    func libreOfficePrintsSheetsLandscapeAndOnePageWide(_ options: String, _ width: Double, _ height: Double) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("kislyak.yml", try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml")))
        try workspace.write(
            "cursus.yml", "cursus: 1\ninputs: [kislyak.yml]\nas_of: 2026-11-22\noutputs:\n  - {renderer: xlsx, path: k.xlsx\(options)}\n")
        #expect(try workspace.run(["render"]).status == 0)
        let printed = try realReader("workbook-pdf", workspace.url.appendingPathComponent("out/k.xlsx").path)
        #expect(printed["pages"] as? Int == 4, "one page a sheet: the example's tables fit one page wide and tall")
        #expect(abs((printed["width_pt"] as? Double ?? 0) - width) < 1 && abs((printed["height_pt"] as? Double ?? 0) - height) < 1)
        let text = try #require(printed["text"] as? String)
        for (index, sheet) in ["Tenures", "Events", "People", "Sources"].enumerated() {
            #expect(text.range(of: "\(sheet) +Page \(index + 1) of 4", options: .regularExpression) != nil, "footer of \(sheet)")
        }
        #expect(text.contains("Returns to Moscow"), "a milestone, printed")
    }

    /// LibreOffice writes a day's value as ISO or as M/D/YYYY, by the cell's format.
    static func isoDay(_ cell: String) -> String {
        let parts = cell.split(separator: "/")
        guard parts.count == 3, let month = Int(parts[0]), let day = Int(parts[1]) else { return cell }
        return "\(parts[2])-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The rows of a CSV file, read by Python's csv module.
    func csvRows(_ url: URL) throws -> [[String]] {
        let (_, data) = try python([
            "-c", "import csv, json, sys; json.dump(list(csv.reader(open(sys.argv[1], newline=''))), sys.stdout)", url.path,
        ])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    }
}
