import CursusCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the dossier tables as an Excel workbook through libxlsxwriter, in constant-memory mode.
public struct XLSXRenderer: Renderer {
    /// Data rows a sheet holds below its header (Excel's 1,048,576 rows less one).
    public static let maximumDataRows = 1_048_575

    let rowsPerSheet: Int

    /// A renderer whose sheets hold as many rows as Excel's.
    public init() {
        self.init(rowsPerSheet: Self.maximumDataRows)
    }

    /// A renderer that continues on a new sheet after `rowsPerSheet` rows (tests use small numbers).
    init(rowsPerSheet: Int) {
        self.rowsPerSheet = rowsPerSheet
    }

    /// What the manifest may say about a workbook.
    public struct Options: RendererOptions {
        /// The tables written, each on a sheet of its own, in this order.
        public var sheets = DossierTable.allCases
        /// The paper the sheets print on.
        public var page = PaperSize.a4

        /// The defaults, as the descriptor lists them.
        public init() {}

        /// Every option, declared once.
        public static let specs: [OptionSpec<Options>] = [
            .choices("sheets", \.sheets, help: "Which tables to write, each on its own sheet, in this order"),
            .choice(
                "page", \.page,
                help: "The paper sheets print on: landscape, one page wide, the header row repeated, page numbers in the footer"),
        ]
    }

    /// Writes `.xlsx`.
    public let descriptor = RendererDescriptor(
        name: "xlsx",
        summary: "An Excel workbook: sheets Tenures, Events, People, Sources with real dates, filters and links",
        fileExtensions: ["xlsx"],
        options: Options.declared)

    /// Excel's codes for the paper sizes.
    static func paperCode(_ paper: PaperSize) -> UInt8 {
        switch paper {
        case .letter: return 1
        case .a3: return 8
        case .a4: return 9
        }
    }

    /// At least one sheet is asked for.
    public func check(_ request: RenderRequest) throws(CursusError) {
        _ = try tables(Options(request.options))
    }

    /// The tables the `sheets` option names, in order; at least one.
    private func tables(_ options: Options) throws(CursusError) -> [DossierTable] {
        guard !options.sheets.isEmpty else {
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "option 'sheets' lists no table; name at least one of \(DossierTable.allCases.map(\.rawValue).joined(separator: ", "))")
            )
        }
        return options.sheets
    }

    /// Streams each table onto its sheets, then has libxlsxwriter assemble and compress the workbook.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = Options(request.options)
        let tables = try tables(options)
        let paper = options.page
        do {
            let workbook = try Workbook(path: output.temporaryPath, constantMemory: true)
            try workbook.setProperties(title: request.title, created: time_t(request.asOf.daysSinceEpoch) * 86_400)
            let styles = SheetStyles(workbook)
            var whole = request.progress.task(request.outputName, total: nil)
            defer { whole.finish() }
            for table in tables {
                var task = request.progress.task("\(request.outputName) (\(table.rawValue))", total: table.rowCount(in: request.dossier))
                defer { task.finish() }
                let sheets = TableSheets(
                    table: table, styles: styles, rowsPerSheet: rowsPerSheet,
                    printing: SheetPrinting(paper: Self.paperCode(paper), words: request.presentation.words),
                    dates: request.presentation.dates)
                let count = try sheets.write(request.dossier, into: workbook) { task.advance() }
                if count > 1 {
                    request.note(
                        "\(sheets.sheetName) has more rows than a sheet holds (\(Counting.grouped(rowsPerSheet))); they continue on '\(sheets.sheetName) (2)'\(count > 2 ? " to '\(sheets.sheetName) (\(count))'" : "")"
                    )
                }
            }
            // Assembling and compressing a big workbook takes a while after the last row.
            whole.say("compressing")
            try workbook.close()
        } catch let error as XLSXError {
            throw CursusError(.failure, Diagnostic(.error, error.description))
        } catch let error as CursusError {
            throw error
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "writing the workbook failed: \(error)"))
        }
    }
}

/// The formats every sheet shares.
struct SheetStyles {
    let header: CellFormat
    /// Every data cell stands at the top of its row (rows grow for cells of several lines).
    let text: CellFormat
    let link: CellFormat
    /// TRUE and FALSE, in every reader (LibreOffice shows a boolean without it as 0 or 1).
    let bool: CellFormat
    /// A list, one item a line.
    let lines: CellFormat
    let dates: [EDTFDate.Precision: CellFormat]

    init(_ workbook: Workbook) {
        header = workbook.addFormat { format in
            format.bold()
            format.fill(0xD9E1F2)
            format.bottomBorder()
        }
        text = workbook.addFormat { $0.topAligned() }
        link = workbook.addFormat { format in
            format.fontColor(0x0563C1)
            format.underline()
            format.topAligned()
        }
        bool = workbook.addFormat { format in
            format.numberFormat("\"TRUE\";\"TRUE\";\"FALSE\"")
            format.topAligned()
        }
        lines = workbook.addFormat { format in
            format.wrapText()
            format.topAligned()
        }
        var dates: [EDTFDate.Precision: CellFormat] = [:]
        var byPattern: [String: CellFormat] = [:]
        for precision in EDTFDate.Precision.allCases {
            let pattern = ExcelDate.numberFormat(for: precision)
            if byPattern[pattern] == nil {
                byPattern[pattern] = workbook.addFormat { format in
                    format.numberFormat(pattern)
                    format.topAligned()
                }
            }
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
    /// The paper the sheets print on, and their footer.
    let printing: SheetPrinting
    /// How dates written for people (in milestone cells) read.
    let dates: DateWriter

    /// Excel's limits, checked before libxlsxwriter would warn on stderr.
    static let maximumCellLength = 32_767
    static let maximumURLLength = 2_079
    static let maximumURLsPerSheet = 65_530
    static let maximumColumnWidth = 60.0
    /// The height of one line of text in the default font, and the most Excel allows a row, in points.
    static let lineHeight = 15.0
    static let maximumRowHeight = 409.0

    var sheetName: String { table.rawValue.prefix(1).uppercased() + table.rawValue.dropFirst() }

    /// Rows made at once, on another core, while the rows before them are written.
    static let rowsPerChunk = 4_096

    /// A row ready to write: its cells as people read them, and how wide and tall each is.
    struct PreparedRow: Sendable {
        var cells: [TableCell]
        var measures: [Measure]
    }

    /// How wide a cell's longest line is, in characters, and how many lines it takes.
    struct Measure: Sendable {
        var width: Double
        var lines: Int
    }

    /// Writes the table's rows in its order, starting a new sheet each `rowsPerSheet` rows, while
    /// the next rows are made on another core; returns how many sheets it took.
    @discardableResult
    func write(_ dossier: Dossier, into workbook: Workbook, eachRow: () -> Void = {}) throws -> Int {
        var sheet = try SheetInProgress(table.columns, named: sheetName, into: workbook, styles: styles, printing: printing)
        var part = 1
        let rows = table.rows(of: dossier, dates: dates)
        let chunks = Parallel.chunks(of: rows.count, size: Self.rowsPerChunk)
        let prepare = { (range: Range<Int>) in Parallel.start([range]) { range in range.map { Self.prepared(rows[$0]) } } }
        var next = chunks.first.map(prepare)
        for index in chunks.indices {
            let prepared = next!.wait()[0]
            next = index + 1 < chunks.count ? prepare(chunks[index + 1]) : nil
            for row in prepared {
                eachRow()
                if sheet.rows == rowsPerSheet {
                    try sheet.finish()
                    part += 1
                    sheet = try SheetInProgress(
                        table.columns, named: "\(sheetName) (\(part))", into: workbook, styles: styles, printing: printing)
                }
                sheet.rows += 1
                let lines = row.measures.map(\.lines).max() ?? 1
                if lines > 1 { try sheet.sheet.setRowHeight(sheet.rows, min(Self.maximumRowHeight, Self.lineHeight * Double(lines))) }
                for (column, cell) in row.cells.enumerated() {
                    try write(
                        cell, wrapped: row.measures[column].lines > 1, row: sheet.rows, column: column, sheet: sheet.sheet,
                        links: &sheet.links, record: row.cells.first)
                    sheet.widths[column] = max(sheet.widths[column], row.measures[column].width)
                }
            }
        }
        try sheet.finish()
        return part
    }

    /// A row's cells as people read them (lists one item a line) and their measures: a row is as
    /// tall as its longest cell, since no reader makes it so by itself.
    static func prepared(_ cells: [TableCell]) -> PreparedRow {
        let cells = cells.map(\.forReading)
        return PreparedRow(cells: cells, measures: cells.map(measure))
    }

    /// A sheet being written: its header, the rows so far, and the widths its columns need.
    struct SheetInProgress {
        let sheet: Worksheet
        var widths: [Double]
        var rows = 0
        var links = 0

        init(_ columns: [String], named name: String, into workbook: Workbook, styles: SheetStyles, printing: SheetPrinting) throws {
            sheet = try workbook.addWorksheet(named: name)
            try sheet.setUpPrinting(printing, headerRows: 1)
            widths = columns.map { Double($0.count) }
            for (column, title) in columns.enumerated() {
                try sheet.write(string: title, row: 0, column: column, format: styles.header)
            }
        }

        func finish() throws {
            sheet.freezeRows(1)
            try sheet.autofilter(lastRow: rows, lastColumn: widths.count - 1)
            // Every text cell is text on purpose: an EDTF year such as 1981 is not a number.
            if rows > 0 { try sheet.ignoreNumbersStoredAsText(firstRow: 1, lastRow: rows, lastColumn: widths.count - 1) }
            for (column, width) in widths.enumerated() {
                try sheet.setColumnWidth(column, min(width + 2, TableSheets.maximumColumnWidth))
            }
        }
    }

    /// How wide a cell shows (its longest line, in characters) and in how many lines, once
    /// lines longer than a column holds wrap.
    static func measure(_ cell: TableCell) -> Measure {
        switch cell {
        case .empty: return Measure(width: 0, lines: 1)
        case .bool: return Measure(width: 5, lines: 1)
        case .day(let day, _): return Measure(width: ExcelDate.serial(day) == nil ? Double(day.iso.count) : 10, lines: 1)
        case .url(let url): return Measure(width: Double(url.count), lines: 1)
        case .text(let text): return measure(text)
        case .list: return measure(cell.forReading)
        }
    }

    /// Writes one cell, `wrapped` in lines when it has several.
    private func write(
        _ cell: TableCell, wrapped: Bool, row: Int, column: Int, sheet: Worksheet, links: inout Int, record: TableCell?
    ) throws {
        switch cell {
        case .empty:
            return
        case .bool(let value):
            try sheet.write(bool: value, row: row, column: column, format: styles.bool)
        case .list:
            try write(cell.forReading, wrapped: true, row: row, column: column, sheet: sheet, links: &links, record: record)
        case .day(let day, let precision):
            guard let serial = ExcelDate.serial(day) else {
                // Dates that not every reader shows as the same day (before March 1900, after 9999) stay ISO text.
                try sheet.write(string: day.iso, row: row, column: column, format: styles.text)
                return
            }
            try sheet.write(number: serial, row: row, column: column, format: styles.dates[precision])
        case .url(let url):
            if LinkSchemes.isLinkable(url) && Self.escapedLength(url) <= Self.maximumURLLength && links < Self.maximumURLsPerSheet {
                try sheet.write(url: url, row: row, column: column, format: styles.link)
                links += 1
            } else {
                try writeText(url, row: row, column: column, sheet: sheet, record: record, format: styles.text)
            }
        case .text(let text):
            try writeText(text, row: row, column: column, sheet: sheet, record: record, format: wrapped ? styles.lines : styles.text)
        }
    }

    /// The URL's length once libxlsxwriter has %-escaped it (what Excel's limit applies to).
    static func escapedLength(_ url: String) -> Int {
        url.utf8.reduce(0) { length, byte in
            let plain = (byte >= 0x21 && byte <= 0x7E) && !"\"<>[]^`{}|\\ %".utf8.contains(byte)
            return length + (plain ? 1 : 3)
        }
    }

    /// The longest line of `text` in characters (Unicode scalars, counted from UTF-8 bytes), and
    /// its lines once each wraps at the widest column.
    static func measure(_ text: String) -> Measure {
        let perLine = Int(maximumColumnWidth) - 2
        var longest = 0
        var count = 0
        var lines = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                lines += max(1, (count + perLine - 1) / perLine)
                count = 0
            } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                count += 1
                longest = max(longest, count)
            }
        }
        lines += max(1, (count + perLine - 1) / perLine)
        return Measure(width: Double(longest), lines: lines)
    }

    private func writeText(
        _ text: String, row: Int, column: Int, sheet: Worksheet, record: TableCell?, format: CellFormat? = nil
    ) throws {
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
        try sheet.write(string: text, row: row, column: column, format: format)
    }
}
