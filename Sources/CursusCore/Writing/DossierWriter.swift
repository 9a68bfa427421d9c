import Yams

/// Prints encoded dossiers as YAML or JSON, byte-identical for equal input.
public enum DossierWriter {
    /// The two syntaxes of dossier files.
    public enum Format: String, Sendable, CaseIterable {
        /// One file, for people to read and edit.
        case yaml
        case json
        /// One record a line, read back as a stream: for dossiers too big to edit by hand.
        case jsonl
    }

    /// The dossier as a file in `format`, the same bytes for the same dossier.
    public static func write(_ dossier: Dossier, as format: Format) -> String {
        switch format {
        case .json: return json(DossierEncoding.encode(dossier), indent: "") + "\n"
        case .yaml: return yaml(DossierEncoding.encode(dossier))
        case .jsonl:
            let single = dossier.people.count == 1 ? dossier.people[0].id : nil
            var text = JSONLinesRecord.header
            for person in dossier.people { text += JSONLinesRecord.line(person) }
            for source in dossier.sources { text += JSONLinesRecord.line(source) }
            for tenure in dossier.tenures { text += JSONLinesRecord.line(tenure, single: single) }
            for event in dossier.events { text += JSONLinesRecord.line(event, single: single) }
            return text
        }
    }

    /// JSON with two-space indentation and keys in schema order.
    public static func json(_ value: EncodedValue, indent: String = "", pretty: Bool = true) -> String {
        let inner = indent + "  "
        let newline = pretty ? "\n" : ""
        let separator = pretty ? ",\n" : ","
        switch value {
        case .null: return "null"
        case .string(let text): return JSONText.quote(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .list(let items):
            if items.isEmpty { return "[]" }
            let body = items.map { (pretty ? inner : "") + json($0, indent: inner, pretty: pretty) }.joined(separator: separator)
            return "[" + newline + body + newline + (pretty ? indent : "") + "]"
        case .map(let pairs):
            if pairs.isEmpty { return "{}" }
            let colon = pretty ? ": " : ":"
            let body = pairs.map { (pretty ? inner : "") + JSONText.quote($0.0) + colon + json($0.1, indent: inner, pretty: pretty) }
                .joined(separator: separator)
            return "{" + newline + body + newline + (pretty ? indent : "") + "}"
        }
    }

    /// YAML through Yams' emitter, quoting every string a YAML reader would take for something else.
    public static func yaml(_ value: EncodedValue) -> String {
        (try? Yams.serialize(node: node(value), width: -1, allowUnicode: true)) ?? json(value) + "\n"
    }

    private static func node(_ value: EncodedValue) -> Node {
        switch value {
        case .null: return Node("null", Tag(.null))
        case .string(let text):
            let plainWouldChange = text.isEmpty || Resolver.default.resolveTag(of: Node(text)) != .str
            return Node(text, Tag(.str), plainWouldChange ? .doubleQuoted : .any)
        case .bool(let flag): return Node(flag ? "true" : "false", Tag(.bool))
        case .int(let number): return Node(String(number), Tag(.int))
        case .list(let items): return Node(items.map(node))
        case .map(let pairs): return Node(pairs.map { (Node($0.0), node($0.1)) })
        }
    }
}
