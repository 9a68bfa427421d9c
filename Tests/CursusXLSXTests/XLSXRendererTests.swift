import CursusCore
import CursusTestSupport
import Foundation
import Testing

@testable import CursusXLSX

/// Renders `dossier` to a real workbook through libxlsxwriter and reads it back with `Tests/Support/xlsx.py`.
struct RenderedWorkbook {
    let folder: URL
    let path: String
    /// The notes the renderer gave.
    let notes = Transcript()

    init(
        _ dossier: Dossier, renderer: XLSXRenderer = XLSXRenderer(), options: [String: OptionValue] = [:], title: String? = "A title",
        progress: ProgressLine = .silent, presentation: Presentation = .standard
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cursus-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("w.xlsx").path
        let transaction = OutputTransaction()
        let output = transaction.add(path)
        let request = RenderRequest(
            dossier: dossier, options: RenderOptions(options, defaults: renderer.descriptor),
            asOf: CalendarDay(year: 2026, month: 11, day: 22), title: title, baseDirectory: folder.path, progress: progress,
            outputName: "w.xlsx", presentation: presentation, note: notes.append)
        do {
            try renderer.render(request, to: output)
            try transaction.commit()
        } catch {
            transaction.rollback()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func read(_ command: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/Support/xlsx.py").path, command, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "xlsx.py \(command) failed")
        return try JSONSerialization.jsonObject(with: data)
    }

    /// openpyxl's view: title, created, and per sheet its settings and cells.
    func describe() throws -> [String: Any] { try read("describe") as! [String: Any] }

    func sheet(_ name: String) throws -> [String: Any] {
        let sheets = try describe()["sheets"] as! [[String: Any]]
        return try #require(sheets.first { $0["name"] as? String == name })
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Cells of a described sheet, by row, as [value, type, format, link].
    var cells: [[[String: Any]]] { self["rows"] as! [[[String: Any]]] }

    func cell(_ row: Int, _ column: String) -> [String: Any] {
        let header = cells[0].map { $0["value"] as? String }
        let index = header.firstIndex(of: column)!
        return cells[row][index]
    }
}

func sampleDossier() throws -> Dossier {
    var dossier = Dossier()
    dossier.people = [Person(id: "kislyak", name: "Sergey Kislyak", nativeName: "Сергей Иванович Кисляк", born: try EDTF("1950-09-07"))]
    dossier.sources = [
        Source(id: "wp", title: "Sergey Kislyak", url: "https://en.wikipedia.org/wiki/Sergey_Kislyak"),
        Source(id: "bad-link", title: "@SUM(A1)", url: "javascript:alert(1)"),
    ]
    dossier.tenures = [
        Tenure(
            id: "senator", person: "kislyak",
            office: "Senator of the Federation Council " + String(repeating: "from the Republic of Mordovia ", count: 3),
            start: try EDTF("2017-09-20"), ongoing: true),
        Tenure(id: "un", person: "kislyak", office: "=1+2", start: try EDTF("1981"), end: try EDTF("1985-07")),
    ]
    dossier.events = [
        Event(id: "old", date: try EDTF("1850-06"), title: "-2+3", people: ["kislyak"]),
        Event(id: "fall", date: try EDTF("2016-23"), title: "Successors considered", people: ["kislyak"]),
    ]
    return dossier
}

@Suite struct XLSXRendererTests {
    @Test func workbookReadsBackWithRealDatesFormatsAndLinks() throws {
        let workbook = try RenderedWorkbook(try sampleDossier())
        defer { workbook.remove() }
        let described = try workbook.describe()
        #expect(described["title"] as? String == "A title")
        #expect(described["created"] as? String == "2026-11-22T00:00:00")
        let sheets = described["sheets"] as! [[String: Any]]
        #expect(sheets.map { $0["name"] as! String } == ["Tenures", "Events", "People", "Sources"])
        for sheet in sheets {
            #expect(sheet["freeze"] as? String == "A2", "header frozen on \(sheet["name"]!)")
            #expect(sheet["header_bold"] as? Bool == true)
            #expect((sheet["autofilter"] as? String)?.hasPrefix("A1:") == true)
        }

        let tenures = try workbook.sheet("Tenures")
        // The filter covers every column of the table (fewer than 27: one letter) and both rows.
        let lastColumn = Character(UnicodeScalar(UInt8(64 + DossierTable.tenures.columns.count)))
        #expect(tenures["autofilter"] as? String == "A1:\(lastColumn)3")
        #expect(tenures.cell(1, "id")["value"] as? String == "un", "chronological")
        #expect(tenures.cell(1, "start")["value"] as? String == "1981")
        #expect(tenures.cell(1, "start_earliest")["value"] as? String == "1981-01-01")
        #expect(tenures.cell(1, "start_earliest")["type"] as? String == "d")
        #expect(tenures.cell(1, "start_earliest")["format"] as? String == "yyyy")
        #expect(tenures.cell(1, "end_latest")["value"] as? String == "1985-07-31")
        #expect(tenures.cell(1, "end_latest")["format"] as? String == "yyyy-mm")
        #expect(tenures.cell(2, "start_earliest")["format"] as? String == "yyyy-mm-dd")
        #expect(tenures.cell(2, "end")["value"] is NSNull, "an ongoing tenure has an empty end")
        #expect(tenures.cell(2, "ongoing")["value"] as? Bool == true)
        #expect(tenures.cell(2, "ongoing")["type"] as? String == "b")
        #expect(tenures.cell(1, "office")["value"] as? String == "=1+2")
        #expect(tenures.cell(1, "office")["type"] as? String == "s", "a formula-like title stays text")
        let widths = tenures["widths"] as! [String: Double]
        // libxlsxwriter stores a width of n characters as n + 0.71.
        #expect(abs(widths["A"]! - 9.71) < 0.01, "'senator' (7) + 2")
        #expect(abs(widths["C"]! - 60.71) < 0.01, "long text capped at 60")

        let people = try workbook.sheet("People")
        #expect(people.cell(1, "native_name")["value"] as? String == "Сергей Иванович Кисляк")

        let sources = try workbook.sheet("Sources")
        #expect(sources.cell(1, "url")["link"] as? String == "https://en.wikipedia.org/wiki/Sergey_Kislyak")
        #expect(sources.cell(2, "url")["link"] is NSNull, "only web and mail links become hyperlinks")
        #expect(sources.cell(2, "title")["value"] as? String == "@SUM(A1)")
        #expect(sources.cell(2, "title")["type"] as? String == "s")

        let events = try workbook.sheet("Events")
        #expect(events.cell(1, "date_earliest")["value"] as? String == "1850-06-01", "before 1900: ISO text")
        #expect(events.cell(1, "date_earliest")["type"] as? String == "s")
        #expect(events.cell(1, "title")["value"] as? String == "-2+3")
        #expect(events.cell(2, "date_earliest")["value"] as? String == "2016-09-01")
        #expect(events.cell(2, "date_latest")["value"] as? String == "2016-11-30")
        #expect(events.cell(2, "date_latest")["format"] as? String == "yyyy-mm", "a season shows its month")
    }

    /// The texts a workbook writes for people follow the output's language: the printed footer
    /// and the dates of milestones; the date columns stay real dates and EDTF.
    @Test func footerAndMilestoneTextsFollowTheLocale() throws {
        var dossier = try sampleDossier()
        dossier.tenures[0].milestones = [Milestone(date: try EDTF("2017-09-20"), title: "Vereidigt")]
        let (german, _) = try Presentation.resolve(locale: "de", style: .long, directory: nil)
        let workbook = try RenderedWorkbook(dossier, presentation: german)
        defer { workbook.remove() }
        let tenures = try workbook.sheet("Tenures")
        #expect(tenures["footer"] as? String == "Seite &P von &N")
        let senator = try #require(tenures.cells.firstIndex { $0.first?["value"] as? String == "senator" })
        #expect(tenures.cell(senator, "milestones")["value"] as? String == "20. September 2017: Vereidigt")
        #expect(tenures.cell(senator, "start")["value"] as? String == "2017-09-20")
        let english = try RenderedWorkbook(dossier)
        defer { english.remove() }
        #expect(try english.sheet("Tenures")["footer"] as? String == "Page &P of &N")
    }

    @Test func sheetsOptionChoosesAndOrders() throws {
        let workbook = try RenderedWorkbook(try sampleDossier(), options: ["sheets": .strings(["sources", "events"])])
        defer { workbook.remove() }
        let sheets = try workbook.describe()["sheets"] as! [[String: Any]]
        #expect(sheets.map { $0["name"] as! String } == ["Sources", "Events"])
    }

    @Test func rowsPastTheSheetLimitContinueOnNewSheets() throws {
        var dossier = Dossier(people: [Person(id: "p", name: "P")])
        dossier.events = (0..<7).map { Event(id: "e\($0)", date: try! EDTF("2000-01-0\($0 + 1)"), title: "T\($0)") }
        let workbook = try RenderedWorkbook(dossier, renderer: XLSXRenderer(rowsPerSheet: 3), options: ["sheets": .strings(["events"])])
        defer { workbook.remove() }
        let sheets = try workbook.describe()["sheets"] as! [[String: Any]]
        #expect(sheets.map { $0["name"] as! String } == ["Events", "Events (2)", "Events (3)"])
        let ids = sheets.flatMap { sheet in sheet.cells.dropFirst().map { $0[0]["value"] as! String } }
        #expect(ids == (0..<7).map { "e\($0)" }, "every row, once, in order")
        #expect(sheets.allSatisfy { $0.cells[0][0]["value"] as? String == "id" }, "each sheet has the header")
        let lastColumn = Character(UnicodeScalar(UInt8(64 + DossierTable.events.columns.count)))
        #expect(sheets.map { $0["autofilter"] as! String } == ["A1:\(lastColumn)4", "A1:\(lastColumn)4", "A1:\(lastColumn)2"])
        #expect(workbook.notes.parts == ["Events has more rows than a sheet holds (3); they continue on 'Events (2)' to 'Events (3)'"])
    }

    /// After the last row, a big workbook still has to be compressed: the progress line says so.
    @Test func theLastPhaseShowsOnTheProgressLine() throws {
        let shown = Transcript()
        var dossier = Dossier(people: [Person(id: "p", name: "P")])
        dossier.events = (0..<2_000).map { Event(id: "e\($0)", date: try! EDTF("2000-01-01"), title: "T") }
        let workbook = try RenderedWorkbook(
            dossier, options: ["sheets": .strings(["events"])], progress: ProgressLine(enabled: true, delay: 0, output: shown.append))
        defer { workbook.remove() }
        #expect(shown.text.contains("w.xlsx (events): 1,024 of 2,000 records, "), "\(shown.text)")
        #expect(shown.text.contains("w.xlsx: compressing"))
        #expect(shown.text.hasSuffix("\r\u{1B}[K"), "cleared at the end")
    }

    /// The real limit: one row more than a sheet holds lands on a second sheet, and nothing is lost.
    @Test func aMillionRowsSplitAtExcelsRealLimit() throws {
        let count = XLSXRenderer.maximumDataRows + 2
        let date = try EDTF("2000-01-01")
        var dossier = Dossier(people: [Person(id: "p", name: "P")])
        // Equal dates order by id, so the ids are zero-padded to keep that order numeric.
        func id(_ number: Int) -> String { String(format: "e%07d", number) }
        dossier.events = (0..<count).map { Event(id: id($0), date: date, title: "T") }
        let workbook = try RenderedWorkbook(dossier, options: ["sheets": .strings(["events"])])
        defer { workbook.remove() }
        let parts = try workbook.read("count") as! [[String: Any]]
        #expect(parts.map { $0["rows"] as! Int } == [1_048_576, 3], "header + 1,048,575 rows, then header + 2")
        #expect(parts[0]["first"] as? String == "id")
        #expect(parts[0]["last"] as? String == id(1_048_574))
        #expect(parts[1]["first"] as? String == "id")
        #expect(parts[1]["last"] as? String == id(1_048_576))
    }

    @Test func aCellLongerThanExcelAllowsIsAnError() throws {
        var dossier = try sampleDossier()
        dossier.tenures[0].notes = String(repeating: "é", count: 32_768)
        #expect {
            _ = try RenderedWorkbook(dossier)
        } throws: { error in
            (error as? CursusError)?.diagnostics.first?.message
                == "'notes' of tenure 'senator' has 32768 characters; an Excel cell holds at most 32,767 (shorten it, or render this table as CSV)"
        }
    }

    /// No clock in the file: its dates are as_of (the document's) and 1980-01-01 (the zip entries'),
    /// so two renders are byte-identical whenever they run.
    @Test func twoRendersAreByteIdentical() throws {
        let first = try RenderedWorkbook(try sampleDossier())
        defer { first.remove() }
        let described = try first.describe()
        #expect(described["created"] as? String == "2026-11-22T00:00:00" && described["modified"] as? String == "2026-11-22T00:00:00")
        #expect(described["zip_dates"] as? [String] == ["1980-01-01T00:00:00"])
        let second = try RenderedWorkbook(try sampleDossier())
        defer { second.remove() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path)) == Data(contentsOf: URL(fileURLWithPath: second.path)))
    }

    @Test func linksPastExcelsLengthStayText() throws {
        var dossier = try sampleDossier()
        let long = "https://example.org/" + String(repeating: "a b", count: 700)
        dossier.sources = [Source(id: "long", title: "T", url: long)]
        #expect(TableSheets.escapedLength(long) > TableSheets.maximumURLLength)
        let workbook = try RenderedWorkbook(dossier, options: ["sheets": .strings(["sources"])])
        defer { workbook.remove() }
        let sources = try workbook.sheet("Sources")
        #expect(sources.cell(1, "url")["value"] as? String == long)
        #expect(sources.cell(1, "url")["link"] is NSNull)
    }

    @Test func excelSerialsFollowThe1900DateSystem() {
        // Excel and LibreOffice read serials 1–59 as different days: such days are written as text.
        #expect(ExcelDate.serial(CalendarDay(year: 1900, month: 1, day: 1)) == nil)
        #expect(ExcelDate.serial(CalendarDay(year: 1900, month: 2, day: 28)) == nil)
        #expect(ExcelDate.serial(CalendarDay(year: 1900, month: 3, day: 1)) == 61)
        #expect(ExcelDate.serial(CalendarDay(year: 2008, month: 7, day: 26)) == 39_655)
        #expect(ExcelDate.serial(CalendarDay(year: 1899, month: 12, day: 31)) == nil)
        #expect(ExcelDate.serial(CalendarDay(year: 10_000, month: 1, day: 1)) == nil)
    }
}
