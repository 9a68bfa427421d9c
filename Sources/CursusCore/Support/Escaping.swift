/// The one loop behind every escaper (JSON, DOT, HTML-like labels, Markdown): replace the
/// characters a format gives meaning to, and neutralise control characters.
public enum Escaping {
    /// `text` with each scalar found in `replacements` replaced, and every other control
    /// character replaced by what `control` returns for it.
    public static func escape(
        _ text: String, _ replacements: [Unicode.Scalar: String], control: (Unicode.Scalar) -> String
    ) -> String {
        // Most texts need nothing: their bytes hold no control character (C1 ones start with
        // 0xC2) and none of the table's characters, which are ASCII but for a few tables.
        let asciiKeys = replacements.keys.compactMap { $0.isASCII ? UInt8($0.value) : nil }
        if asciiKeys.count == replacements.count,
            !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || asciiKeys.contains($0) })
        {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] {
                result += replacement
            } else if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) {  // Cc, without a table lookup
                result += control(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The characters XML and HTML give meaning to, as entities.
    public static let markup: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    /// `text` for XML or HTML content and attribute values; control characters become spaces.
    public static func xml(_ text: String) -> String { escape(text, markup, control: space) }

    /// `text` for XML or HTML, its line breaks kept as `&#10;` (a tooltip's lines); other control
    /// characters become spaces.
    public static func xmlKeepingLines(_ text: String) -> String { escape(text, markupAndLines, control: space) }

    private static let markupAndLines = markup.merging(["\n": "&#10;"]) { $1 }

    /// For formats where a control character has no place: it becomes a space.
    public static func space(_ scalar: Unicode.Scalar) -> String { " " }
}
