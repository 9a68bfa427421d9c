/// Encodes rows as RFC 4180 CSV: CRLF line ends, fields quoted when they hold the
/// delimiter, a quote, CR or LF, and quotes doubled.
public struct CSVEncoder: Sendable {
    public var delimiter: Character
    /// Prefix cells a spreadsheet would run as a formula with `'`.
    public var neutralizeFormulas: Bool

    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    public func line(_ fields: [String]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(delimiter) }
            line += encode(field)
        }
        return line + "\r\n"
    }

    public func encode(_ field: String) -> String {
        var field = field
        if neutralizeFormulas, let first = field.first, Self.formulaTriggers.contains(first) {
            field = "'" + field
        }
        let needsQuotes = field.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
