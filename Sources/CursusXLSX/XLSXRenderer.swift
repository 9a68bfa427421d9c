import CursusCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the dossier tables as an Excel workbook through libxlsxwriter, in constant-memory mode.
public struct XLSXRenderer: Renderer {
    /// Data rows a sheet holds below its header (Excel's 1,048,576 rows less one).
    public static let maximumDataRows = 1_048_575

    let rowsPerSheet: Int

    public init() {
        self.init(rowsPerSheet: Self.maximumDataRows)
    }

    /// A renderer that continues on a new sheet after `rowsPerSheet` rows (tests use small numbers).
    init(rowsPerSheet: Int) {
        self.rowsPerSheet = rowsPerSheet
    }

    public let descriptor = RendererDescriptor(
        name: "xlsx",
        summary: "An Excel workbook: sheets Tenures, Events, People, Sources with real dates, filters and links",
        fileExtension: "xlsx",
        options: [
            RendererOption(
                "sheets", .choices(DossierTable.allCases.map(\.rawValue)),
                default: .strings(DossierTable.allCases.map(\.rawValue)),
                help: "Which tables to write, each on its own sheet, in this order")
        ])

    public func render(_ request: RenderRequest, to output: OutputFile) throws {
        let tables = (request.options.strings("sheets") ?? []).compactMap(DossierTable.init(rawValue:))
        guard !tables.isEmpty else {
            throw CursusError(.data, Diagnostic(.error, "option 'sheets' lists no table; name at least one of \(DossierTable.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        do {
            let workbook = try Workbook(path: output.temporaryPath, constantMemory: true)
            try workbook.setProperties(title: request.title, created: time_t(request.asOf.daysSinceEpoch) * 86_400)
            let styles = SheetStyles(workbook)
            for table in tables {
                var task = request.progress.task("\(request.outputName) (\(table.rawValue))", total: table.rowCount(in: request.dossier))
                defer { task.finish() }
                try TableSheets(table: table, styles: styles, rowsPerSheet: rowsPerSheet)
                    .write(request.dossier, into: workbook) { task.advance() }
            }
            try workbook.close()
        } catch let error as XLSXError {
            throw CursusError(.failure, Diagnostic(.error, error.description))
        }
    }
}

/// The formats every sheet shares.
struct SheetStyles {
    let header: CellFormat
    let link: CellFormat
    let dates: [EDTFDate.Precision: CellFormat]

    init(_ workbook: Workbook) {
        header = workbook.addFormat { format in
            format.bold()
            format.fill(0xD9E1F2)
            format.bottomBorder()
        }
        link = workbook.addFormat { format in
            format.fontColor(0x0563C1)
            format.underline()
        }
        var dates: [EDTFDate.Precision: CellFormat] = [:]
        var byPattern: [String: CellFormat] = [:]
        for precision in EDTFDate.Precision.allCases {
            let pattern = ExcelDate.numberFormat(for: precision)
            if byPattern[pattern] == nil { byPattern[pattern] = workbook.addFormat { $0.numberFormat(pattern) } }
            dates[precision] = byPattern[pattern]
        }
        self.dates = dates
    }
}

/// Writes one table onto as many sheets as its rows need: `Tenures`, then `Tenures (2)` …
struct TableSheets {
    let table: DossierTable
    let styles: SheetStyles
    let rowsPerSheet: Int

    /// Excel's limits, checked before libxlsxwriter would warn on stderr.
    static let maximumCellLength = 32_767
    static let maximumURLLength = 2_079
    static let maximumURLsPerSheet = 65_530
    static let maximumColumnWidth = 60.0

    var sheetName: String { table.rawValue.prefix(1).uppercased() + table.rawValue.dropFirst() }

    /// Writes the table's rows as they are made, starting a new sheet each `rowsPerSheet` rows.
    func write(_ dossier: Dossier, into workbook: Workbook, eachRow: () -> Void = {}) throws {
        var sheet = try SheetInProgress(table.columns, named: sheetName, into: workbook, styles: styles)
        var part = 1
        try table.forEachRow(of: dossier) { cells in
            eachRow()
            if sheet.rows == rowsPerSheet {
                try sheet.finish()
                part += 1
                sheet = try SheetInProgress(table.columns, named: "\(sheetName) (\(part))", into: workbook, styles: styles)
            }
            sheet.rows += 1
            for (column, cell) in cells.enumerated() {
                let length = try write(cell, row: sheet.rows, column: column, sheet: sheet.sheet, links: &sheet.links, record: cells.first)
                sheet.widths[column] = max(sheet.widths[column], length)
            }
        }
        try sheet.finish()
    }

    /// A sheet being written: its header, the rows so far, and the widths its columns need.
    struct SheetInProgress {
        let sheet: Worksheet
        var widths: [Double]
        var rows = 0
        var links = 0

        init(_ columns: [String], named name: String, into workbook: Workbook, styles: SheetStyles) throws {
            sheet = try workbook.addWorksheet(named: name)
            widths = columns.map { Double($0.count) }
            for (column, title) in columns.enumerated() {
                try sheet.write(string: title, row: 0, column: column, format: styles.header)
            }
        }

        func finish() throws {
            sheet.freezeRows(1)
            try sheet.autofilter(lastRow: rows, lastColumn: widths.count - 1)
            for (column, width) in widths.enumerated() {
                try sheet.setColumnWidth(column, min(width + 2, TableSheets.maximumColumnWidth))
            }
        }
    }

    /// Writes one cell; returns how wide it shows, in characters.
    private func write(
        _ cell: TableCell, row: Int, column: Int, sheet: Worksheet, links: inout Int, record: TableCell?
    ) throws -> Double {
        switch cell {
        case .empty:
            return 0
        case .bool(let value):
            try sheet.write(bool: value, row: row, column: column)
            return 5
        case .day(let day, let precision):
            guard let serial = ExcelDate.serial(day) else {
                // Excel has no dates before 1900 or after 9999: keep the ISO day as text.
                try sheet.write(string: day.iso, row: row, column: column)
                return Double(day.iso.count)
            }
            try sheet.write(number: serial, row: row, column: column, format: styles.dates[precision])
            return 10
        case .url(let url):
            let isLinkable = ["http://", "https://", "ftp://", "mailto:"].contains { url.lowercased().hasPrefix($0) }
            if isLinkable && Self.escapedLength(url) <= Self.maximumURLLength && links < Self.maximumURLsPerSheet {
                try sheet.write(url: url, row: row, column: column, format: styles.link)
                links += 1
            } else {
                try writeText(url, row: row, column: column, sheet: sheet, record: record)
            }
            return Double(url.count)
        case .text(let text):
            try writeText(text, row: row, column: column, sheet: sheet, record: record)
            return Self.width(of: text)
        }
    }

    /// The URL's length once libxlsxwriter has %-escaped it (what Excel's limit applies to).
    static func escapedLength(_ url: String) -> Int {
        url.utf8.reduce(0) { length, byte in
            let plain = (byte >= 0x21 && byte <= 0x7E) && !"\"<>[]^`{}|\\ %".utf8.contains(byte)
            return length + (plain ? 1 : 3)
        }
    }

    /// How many characters the first line of `text` shows (Unicode scalars, counted from UTF-8 bytes).
    static func width(of text: String) -> Double {
        var count = 0
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D { break }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return Double(count)
    }

    private func writeText(_ text: String, row: Int, column: Int, sheet: Worksheet, record: TableCell?) throws {
        // UTF-8 bytes bound the character count from above: count characters only for long texts.
        let length = text.utf8.count <= Self.maximumCellLength ? 0 : text.unicodeScalars.count
        if length > Self.maximumCellLength {
            let id = record?.text ?? "row \(row)"
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "'\(table.columns[column])' of \(table.recordName) '\(id)' has \(length) characters; an Excel cell holds at most 32,767 (shorten it, or render this table as CSV)"
                ))
        }
        try sheet.write(string: text, row: row, column: column)
    }
}
