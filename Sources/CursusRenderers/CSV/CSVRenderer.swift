import CursusCore

/// Writes one dossier table as RFC 4180 CSV in UTF-8.
public struct CSVRenderer: Renderer {
    public init() {}

    public let descriptor = RendererDescriptor(
        name: "csv",
        summary: "One table (tenures, events, people or sources) as RFC 4180 CSV, UTF-8",
        fileExtensions: ["csv", "tsv"],
        options: [
            RendererOption("table", .choice(DossierTable.allCases.map(\.rawValue)), default: .string("tenures"), help: "Which table to write"),
            RendererOption("bom", .bool, default: .bool(false), help: "Start with a UTF-8 byte order mark (helps old Excel versions detect UTF-8)"),
            RendererOption("delimiter", .character, default: .string(","), help: "Field separator: one ASCII character other than a quote or line break"),
            RendererOption(
                "neutralize_formulas", .bool, default: .bool(true),
                help: "Prefix cells starting with = + - @, tab or CR with ' so spreadsheets never run them as formulas"),
        ])

    public func check(_ request: RenderRequest) throws {
        _ = try delimiter(request.options)
    }

    /// The `delimiter` option: one ASCII character that cannot be mistaken for quoting or a line end.
    private func delimiter(_ options: RenderOptions) throws -> Character {
        let delimiter = Character(options.string("delimiter") ?? ",")
        if delimiter == "\"" || delimiter == "\n" || delimiter == "\r" || delimiter == "'" || !delimiter.isASCII {
            throw CursusError(.data, Diagnostic(.error, "the delimiter must be one ASCII character other than a quote or a line break"))
        }
        return delimiter
    }

    public func render(_ request: RenderRequest, to output: OutputFile) throws {
        let options = request.options
        let delimiter = try delimiter(options)
        let table = DossierTable(rawValue: options.string("table") ?? "tenures") ?? .tenures
        let encoder = CSVEncoder(delimiter: delimiter, neutralizeFormulas: options.bool("neutralize_formulas") ?? true)
        let writer = try output.textWriter()
        var bytes: [UInt8] = options.bool("bom") == true ? [0xEF, 0xBB, 0xBF] : []
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
