/// How wide Graphviz draws text in the chart's font (DejaVu Sans through pango), so that labels
/// fit their boxes without warnings and can be shortened or moved when they would not. The
/// per-character widths were measured with `dot -Tjson`; pango snaps font sizes to whole pixels,
/// so measured widths run up to 8 % over the table, and `safety` covers that.
enum TextMetrics {
    /// Widths in ems: regular and bold, by character.
    private static let widths: [(characters: String, regular: Double, bold: Double)] = [
        ("'", 0.3, 0.3), (",./:;IJijl|’ \\", 0.3, 0.375), ("f", 0.338, 0.413), ("!()-[]t", 0.375, 0.45),
        ("r", 0.375, 0.525), ("\"", 0.45, 0.525), ("*_`", 0.525, 0.525), ("?Lcszç", 0.525, 0.6), ("“”–", 0.525, 0.675),
        ("$0123456789EFSTaehknouvxy{}éüñø", 0.6, 0.675), ("PYbdgpqß", 0.6, 0.75), ("ABCKRVXZ", 0.675, 0.75),
        ("DGHNOQU", 0.75, 0.825), ("&", 0.75, 0.9), ("#+<=>^~", 0.825, 0.825), ("w", 0.825, 0.9), ("M", 0.9, 0.975),
        ("%@—…", 0.975, 0.975), ("m", 0.975, 1.05), ("W", 0.975, 1.125),
    ]

    private static let table: [Character: (Double, Double)] = {
        var table: [Character: (Double, Double)] = [:]
        for (characters, regular, bold) in widths {
            for character in characters { table[character] = (regular, bold) }
        }
        return table
    }()

    static let safety = 1.1

    /// Width in points of `text` at `size`: never less than Graphviz measures.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            if let known = table[character] {
                ems += bold ? known.1 : known.0
            } else if character.isUppercase {
                ems += bold ? 0.825 : 0.75
            } else if character.unicodeScalars.first.map({ $0.value >= 0x1100 }) ?? false {
                ems += bold ? 1.1 : 1.0
            } else {
                ems += bold ? 0.75 : 0.675
            }
        }
        return (ems * size + 1) * safety
    }

    /// `text` cut to fit `limit` points, with an ellipsis when cut.
    static func truncated(_ text: String, size: Double, bold: Bool = false, to limit: Double) -> String {
        guard width(text, size: size, bold: bold) > limit else { return text }
        var cut = text
        while !cut.isEmpty && width(cut + "…", size: size, bold: bold) > limit { cut.removeLast() }
        while cut.last == " " { cut.removeLast() }
        return cut.isEmpty ? "" : cut + "…"
    }
}
