/// A record written as one JSON object inside a table cell (a milestone or a citation with more
/// than its short form holds), read back as the texts of its fields.
enum CellObject {
    /// The fields of the object in `item` as texts: lists joined as a table cell joins them, and
    /// a mapping inside a list (a milestone's citation) as compact JSON, as `CitationItem` writes
    /// it; or the reason `item` is not such an object. `what` names the record for messages.
    static func fields(_ item: String, what: String) -> Result<[String: String], JSONScanner.SyntaxError> {
        let bytes = Array(item.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONScanner.SyntaxError) in try JSONScanner.parse(buffer) }
        }
        switch parsed {
        case .failure(let error): return .failure(error)
        case .success(.object(let entries)):
            var fields: [String: String] = [:]
            for entry in entries {
                switch entry.value {
                case .string(let text), .number(let text): fields[entry.key] = text
                case .array(let items):
                    var texts: [String] = []
                    for item in items {
                        switch item {
                        case .string(let text): texts.append(text)
                        case .object: texts.append(DossierWriter.json(encoded(item), pretty: false))
                        default:
                            return .failure(
                                JSONScanner.SyntaxError(
                                    message: "'\(entry.key)' lists \(item.kindDescription), not text", offset: entry.offset))
                        }
                    }
                    fields[entry.key] = DossierTable.joinList(texts)
                default:
                    return .failure(
                        JSONScanner.SyntaxError(
                            message: "'\(entry.key)' holds \(entry.value.kindDescription), not text", offset: entry.offset))
                }
            }
            return .success(fields)
        case .success(let other):
            return .failure(JSONScanner.SyntaxError(message: "\(what) is an object, found \(other.kindDescription)", offset: 0))
        }
    }

    /// A parsed JSON value as a value to write again.
    private static func encoded(_ value: JSONValue) -> EncodedValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .string(text)
        case .string(let text): return .string(text)
        case .array(let items): return .list(items.map(encoded))
        case .object(let entries): return .map(entries.map { ($0.key, encoded($0.value)) })
        }
    }
}

/// How a citation stands as one item of a `sources` cell, so that a table reads back exactly:
/// the source's id when that is all it holds, else `{"source": "wp", "quote": "…"}`. An id
/// never starts with `{`, so the two forms cannot be confused.
enum CitationItem {
    static func text(_ citation: Citation) -> String {
        citation.isPlain ? citation.source : DossierWriter.json(citation.encoded, pretty: false)
    }

    /// The citation as people read it: `wikipedia: “He was born …” (line 12)`.
    static func reading(_ citation: Citation) -> String {
        var text = citation.source
        if let quote = citation.quote, !quote.isEmpty { text += ": “\(quote)”" }
        if let locator = citation.locator, !locator.isEmpty { text += " (\(locator))" }
        return text
    }
}
