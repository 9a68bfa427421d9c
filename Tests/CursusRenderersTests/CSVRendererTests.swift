import CursusCore
import Foundation
import Testing

@testable import CursusRenderers

@Suite struct CSVEncoderTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("crlf\r\ninside", "\"crlf\r\ninside\""),
        ("Сергей Кисляк", "Сергей Кисляк"),
        ("", ""),
    ])
    func quotesPerRFC4180(_ field: String, _ encoded: String) {
        #expect(CSVEncoder().encode(field) == encoded)
    }

    @Test(arguments: ["=1+2", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\r\nx", "=HYPERLINK(\"http://evil\",\"x\")"])
    func neutralisesFormulaTriggers(_ field: String) {
        let encoded = CSVEncoder().encode(field)
        let unquoted = encoded.hasPrefix("\"") ? String(encoded.dropFirst()) : encoded
        #expect(unquoted.hasPrefix("'"), "\(encoded)")
        #expect(CSVEncoder(neutralizeFormulas: false).encode(field).hasPrefix("'") == false)
    }

    @Test func lineEndsWithCRLFAndUsesTheDelimiter() {
        #expect(CSVEncoder(delimiter: ";").line(["a", "b;c", "d"]) == "a;\"b;c\";d\r\n")
        #expect(CSVEncoder().line(["a", "b;c"]) == "a,b;c\r\n")
    }
}

@Suite struct CSVRendererTests {
    let dossier: Dossier = {
        var dossier = Dossier()
        dossier.people = [Person(id: "p", name: "Сергей")]
        dossier.tenures = [
            Tenure(id: "later", person: "p", office: "Senator", start: try! EDTF("2017-09-20"), ongoing: true),
            Tenure(
                id: "earlier", person: "p", office: "Envoy, \"special\"", start: try! EDTF("1998"), end: try! EDTF("2003-05"),
                servedUnder: ["A", "B"]),
        ]
        dossier.events = [
            Event(id: "b", date: try! EDTF("2016-23"), title: "=cmd|' /C calc'!A0", people: ["p"]),
            Event(id: "a", date: try! EDTF("2016-12-29"), title: "Calls", people: ["p"]),
        ]
        dossier.sources = [Source(id: "s", title: "A source", url: "https://example.org/a")]
        return dossier
    }()

    func render(_ options: [String: OptionValue]) throws -> String {
        String(decoding: try renderBytes(options), as: UTF8.self)
    }

    func renderBytes(_ options: [String: OptionValue], of dossier: Dossier? = nil) throws -> Data {
        let renderer = CSVRenderer()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cursus-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transaction = OutputTransaction()
        let output = transaction.add(folder.appendingPathComponent("t.csv").path)
        let request = RenderRequest(
            dossier: dossier ?? self.dossier, options: RenderOptions(options, defaults: renderer.descriptor),
            asOf: CalendarDay(year: 2026, month: 1, day: 1), title: nil, baseDirectory: folder.path)
        try renderer.render(request, to: output)
        try transaction.commit()
        return try Data(contentsOf: folder.appendingPathComponent("t.csv"))
    }

    /// Rows are made in chunks on every core; the file is byte for byte what a row-by-row write
    /// gives, for a table of several chunks whose order differs from the dossier's.
    @Test func chunkedRowsWriteTheSameBytesAsOneByOne() throws {
        var big = Dossier(people: [Person(id: "p", name: "P")])
        let count = CSVRenderer.rowsPerChunk * 2 + 123
        big.tenures = (0..<count).map { index in
            Tenure(
                id: "t\(index)", person: "p", office: "Office \(index), \"\(index % 7)\"",
                start: try! EDTF(String(format: "%04d", 1000 + (index * 7919) % 1000)), end: nil, ongoing: index % 3 == 0)
        }
        let written = try renderBytes([:], of: big)
        var expected: [UInt8] = []
        let encoder = CSVEncoder()
        encoder.appendLine(DossierTable.tenures.columns.map(TableCell.text), to: &expected)
        DossierTable.tenures.forEachRow(of: big) { encoder.appendLine($0, to: &expected) }
        #expect(written == Data(expected))
        #expect(String(decoding: written, as: UTF8.self).components(separatedBy: "\r\n").count == count + 2)
    }

    @Test func tenuresHaveTheDocumentedColumnsInChronologicalOrder() throws {
        let lines = try render([:]).components(separatedBy: "\r\n")
        #expect(
            lines[0].hasPrefix(
                "id,person,office,role,organization,place,country,category,start,start_earliest,start_latest,end,end_earliest,end_latest,ongoing,predecessor,successor,sources"
            ))
        #expect(
            lines[1].hasPrefix(
                "earlier,p,\"Envoy, \"\"special\"\"\",,,,,,1998,1998-01-01,1998-12-31,2003-05,2003-05-01,2003-05-31,false,,,,,A; B,"),
            "empty sources and appointed_by, then served_under")
        #expect(lines[2].hasPrefix("later,p,Senator,,,,,,2017-09-20,2017-09-20,2017-09-20,,,,true,"), "an ongoing tenure has an empty end")
        #expect(lines.count == 4 && lines[3].isEmpty)
    }

    @Test func eventsAreChronologicalAndFormulasNeutralised() throws {
        let lines = try render(["table": .string("events")]).components(separatedBy: "\r\n")
        #expect(lines[0] == "id,date,date_earliest,date_latest,title,description,people,category,tenure,sources,disputed")
        #expect(lines[1] == "b,2016-23,2016-09-01,2016-11-30,'=cmd|' /C calc'!A0,,p,,,,")
        #expect(lines[2].hasPrefix("a,2016-12-29,"))
    }

    @Test func formulasStayAsWrittenWhenAskedTo() throws {
        let text = try render(["table": .string("events"), "neutralize_formulas": .bool(false)])
        #expect(text.contains(",=cmd|' /C calc'!A0,"))
    }

    @Test func bomAndDelimiterOptions() throws {
        let bytes = try renderBytes(["table": .string("people"), "bom": .bool(true), "delimiter": .string(";")])
        #expect(Array(bytes.prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "i")])
        #expect(String(decoding: bytes, as: UTF8.self).contains("p;Сергей;"))
        #expect(try renderBytes(["table": .string("people")]).first == UInt8(ascii: "i"))
    }

    @Test func sourcesTableKeepsUrls() throws {
        let lines = try render(["table": .string("sources")]).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "id,title,kind,author,publisher,url,published,published_earliest,published_latest,accessed,accessed_earliest,accessed_latest,quote"
        )
        #expect(lines[1] == "s,A source,,,,https://example.org/a,,,,,,,")
    }

    /// The manifest refuses such a delimiter at its place (BadInputTests); this is the rule it uses.
    @Test func aQuoteOrALineBreakIsNoDelimiter() {
        let rule = CSVRenderer.Options.delimiterRule
        #expect(["\"", "'", "\n", "\r", "é"].allSatisfy { !rule.accepts($0) })
        #expect([",", ";", "\t", "|"].allSatisfy(rule.accepts))
    }
}
