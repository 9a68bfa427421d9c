import CursusCore

/// Writes one dossier table as RFC 4180 CSV in UTF-8.
public struct CSVRenderer: Renderer {
    public init() {}

    public let descriptor = RendererDescriptor(
        name: "csv",
        summary: "One table (tenures, events, people or sources) as RFC 4180 CSV, UTF-8",
        fileExtension: "csv",
        options: [
            RendererOption("table", .choice(DossierTable.allCases.map(\.rawValue)), default: .string("tenures"), help: "Which table to write"),
            RendererOption("bom", .bool, default: .bool(false), help: "Start with a UTF-8 byte order mark (helps old Excel versions detect UTF-8)"),
            RendererOption("delimiter", .character, default: .string(","), help: "Field separator: one character other than a quote or line break"),
            RendererOption(
                "neutralize_formulas", .bool, default: .bool(true),
                help: "Prefix cells starting with = + - @, tab or CR with ' so spreadsheets never run them as formulas"),
        ])

    public func render(_ request: RenderRequest, to output: OutputFile) throws {
        let options = request.options
        let delimiter = Character(options.string("delimiter") ?? ",")
        if delimiter == "\"" || delimiter == "\n" || delimiter == "\r" || delimiter == "'" {
            throw CursusError(.data, Diagnostic(.error, "the delimiter cannot be a quote or a line break"))
        }
        let table = DossierTable(rawValue: options.string("table") ?? "tenures") ?? .tenures
        let encoder = CSVEncoder(delimiter: delimiter, neutralizeFormulas: options.bool("neutralize_formulas") ?? true)
        let writer = try output.textWriter()
        if options.bool("bom") == true { writer.write("\u{FEFF}") }
        writer.write(encoder.line(table.columns))
        for row in table.rows(of: request.dossier) {
            writer.write(encoder.line(row.map(\.text)))
        }
        try writer.close()
    }
}
