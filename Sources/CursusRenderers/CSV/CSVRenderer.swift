import CursusCore

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

    /// Streams the table row by row into the file.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = Options(request.options)
        let table = options.table
        let encoder = CSVEncoder(delimiter: options.delimiter, neutralizeFormulas: options.neutralizeFormulas)
        let writer = try output.textWriter()
        var bytes: [UInt8] = options.bom ? [0xEF, 0xBB, 0xBF] : []
        encoder.appendLine(table.columns.map(TableCell.text), to: &bytes)
        var task = request.progress.task(request.outputName, total: table.rowCount(in: request.dossier))
        defer { task.finish() }
        table.forEachRow(of: request.dossier) { row in
            task.advance()
            encoder.appendLine(row, to: &bytes)
            if bytes.count >= 1 << 16 {
                writer.write(bytes: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        writer.write(bytes: bytes)
        try writer.close()
    }
}
