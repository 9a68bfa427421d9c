/// Writes JSON text by hand, so that key order (and so the output) is fixed.
public enum JSONText {
    /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
    public static func quote(_ text: String) -> String {
        "\""
            + Escaping.escape(text, replacements) { scalar in
                let hex = String(scalar.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } + "\""
    }

    private static let replacements: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{2028}": "\\u2028", "\u{2029}": "\\u2029",
    ]

    /// A JSON object from pairs already encoded as JSON values, in the given order.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A quoted string, or `null` for none.
    public static func optional(_ text: String?) -> String {
        text.map(quote) ?? "null"
    }
}
