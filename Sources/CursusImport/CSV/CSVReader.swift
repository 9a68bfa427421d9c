/// Reads RFC 4180 CSV (quoted fields may hold delimiters, quotes and line breaks), keeping the
/// line each record starts on.
struct CSVReader {
    struct Record {
        var fields: [String]
        var line: Int
    }

    struct Malformed: Error {
        var message: String
        var line: Int
    }

    /// The delimiter the header line uses: comma, semicolon or tab, whichever occurs most.
    static func delimiter(of text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return [",", ";", "\t"].max { a, b in header.filter { $0 == a }.count < header.filter { $0 == b }.count } ?? ","
    }

    static func records(_ text: String, delimiter: Character) throws(Malformed) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldStarted = false
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case delimiter:
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(fields: fields, line: recordLine)) }
                fields = []
                field = ""
                fieldStarted = false
                line += 1
                recordLine = line
            default:
                field.append(character)
                fieldStarted = true
            }
        }
        if inQuotes { throw Malformed(message: "a quoted field that starts in this record is never closed", line: recordLine) }
        if fieldStarted || !fields.isEmpty {
            fields.append(field)
            records.append(Record(fields: fields, line: recordLine))
        }
        return records
    }
}
