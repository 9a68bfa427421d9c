import CursusCore

/// Encodes rows as RFC 4180 CSV in UTF-8 bytes: CRLF line ends, fields quoted when they hold the
/// delimiter, a quote, CR or LF, and quotes doubled.
public struct CSVEncoder: Sendable {
    /// One ASCII byte.
    public var delimiter: UInt8
    /// Prefix cells a spreadsheet would run as a formula with `'`.
    public var neutralizeFormulas: Bool

    /// An encoder with this delimiter; `neutralizeFormulas` puts a `'` before cells a spreadsheet would run.
    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// True for a byte that makes a spreadsheet treat a cell as a formula (OWASP CSV injection):
    /// = + - @ tab CR.
    static func triggersFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
        default: false
        }
    }

    /// Appends one record, cells joined by the delimiter, ending in CRLF.
    public func appendLine(_ cells: [TableCell], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            append(cell, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends one cell: text quoted when it must be, days in ISO form, lists joined losslessly.
    public func append(_ cell: TableCell, to bytes: inout [UInt8]) {
        switch cell {
        case .empty: return
        case .text(let text), .url(let text): append(text, to: &bytes)
        case .list(let items, _): append(DossierTable.joinList(items), to: &bytes)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .day(let day, _):
            if neutralizeFormulas && day.year < 0 { bytes.append(UInt8(ascii: "'")) }
            day.appendISO(to: &bytes)
        }
    }

    /// Appends one text field, quoted and neutralised as needed.
    public func append(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            let prefix = neutralizeFormulas && utf8.first.map(Self.triggersFormula) == true
            let quote = utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            if quote { bytes.append(0x22) }
            if prefix { bytes.append(UInt8(ascii: "'")) }
            if quote {
                for byte in utf8 {
                    bytes.append(byte)
                    if byte == 0x22 { bytes.append(0x22) }
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// One field as text (for messages and tests).
    public func encode(_ field: String) -> String {
        var bytes: [UInt8] = []
        append(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line as text (for tests).
    public func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        appendLine(fields.map(TableCell.text), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
