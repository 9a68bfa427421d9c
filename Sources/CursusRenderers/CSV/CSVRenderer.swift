import CursusCore
import Foundation

/// Writes one dossier table as RFC 4180 CSV in UTF-8.
public struct CSVRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// What the manifest may say about a CSV output.
    public struct Options: RendererOptions {
        /// Which table the file holds.
        public var table = DossierTable.tenures
        /// Start with a UTF-8 byte order mark.
        public var bom = false
        /// What separates fields.
        public var delimiter: Character = ","
        /// Put a `'` before cells a spreadsheet would run as formulas.
        public var neutralizeFormulas = true

        /// The defaults, as the descriptor lists them.
        public init() {}

        /// Every option, declared once.
        public static let specs: [OptionSpec<Options>] = [
            .choice("table", \.table, help: "Which table to write"),
            .bool("bom", \.bom, help: "Start with a UTF-8 byte order mark (helps old Excel versions detect UTF-8)"),
            .character(
                "delimiter", \.delimiter, rule: delimiterRule, help: "Field separator: one ASCII character other than a quote or line break"
            ),
            .bool(
                "neutralize_formulas", \.neutralizeFormulas,
                help: "Prefix cells starting with = + - @, tab or CR with ' so spreadsheets never run them as formulas"),
        ]

        /// A delimiter cannot be mistaken for quoting (or for the ' that neutralises formulas) or a line end.
        static let delimiterRule = ValueRule(expected: "one ASCII character other than a quote or a line break") { text in
            text.unicodeScalars.allSatisfy { $0.isASCII && !["\"", "'", "\r", "\n"].contains($0) }
        }
    }

    /// Writes `.csv` (or `.tsv`).
    public let descriptor = RendererDescriptor(
        name: "csv",
        summary: "One table (tenures, events, people or sources) as RFC 4180 CSV, UTF-8",
        fileExtensions: ["csv", "tsv"],
        options: Options.declared)

    /// Rows made and encoded at once per chunk; chunks are written in order.
    static let rowsPerChunk = 8_192

    /// Streams the table into the file: chunks of rows are made and encoded on every core at
    /// once, and written in the table's order, so the bytes are those of a row-by-row write.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = Options(request.options)
        let table = options.table
        let encoder = CSVEncoder(delimiter: options.delimiter, neutralizeFormulas: options.neutralizeFormulas)
        let writer = try output.textWriter()
        var header: [UInt8] = options.bom ? [0xEF, 0xBB, 0xBF] : []
        encoder.appendLine(table.columns.map(TableCell.text), to: &header)
        writer.write(bytes: header)
        let rows = table.rows(of: request.dossier, dates: request.presentation.dates)
        var task = request.progress.task(request.outputName, total: rows.count)
        defer { task.finish() }
        // Chunks of rows made on every core at once, written in order.
        Parallel.rounds(rows.count, chunk: Self.rowsPerChunk) { rowRange in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(rowRange.count * 160)
            for index in rowRange { encoder.appendLine(rows[index], to: &bytes) }
            return bytes
        } consume: { encoded, written in
            for bytes in encoded { writer.write(bytes: bytes) }
            task.advance(by: written.count)
        }
        try writer.close()
    }
}
