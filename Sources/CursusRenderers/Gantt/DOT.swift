import CursusCore

/// Escaping and number formatting for Graphviz DOT, so that whatever a dossier says is drawn literally.
enum DOT {
    /// `text` as a DOT quoted string: backslashes doubled (so `\N`, `\G`, `\l` are not expanded),
    /// quotes escaped, control characters turned into spaces. Line breaks become `\n` (tooltips keep them).
    static func quoted(_ text: String) -> String {
        "\"" + Escaping.escape(text, ["\\": "\\\\", "\"": "\\\"", "\n": "\\n"], control: Escaping.space) + "\""
    }

    /// `text` for an HTML-like label: `& < > " '` as entities, control characters as spaces, and
    /// backslashes doubled, because Graphviz expands `\N`, `\G` … even inside HTML-like labels.
    static func html(_ text: String) -> String {
        Escaping.escape(text, htmlReplacements, control: Escaping.space)
    }

    private static let htmlReplacements = Escaping.markup.merging(["\\": "\\\\"]) { $1 }

    /// A number in points with two decimals, the same on every run and machine.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Points as inches (Graphviz sizes nodes in inches).
    static func inches(_ points: Double) -> String { number(points / 72) }
}
