import CursusCore

/// Category colours: Paul Tol's colour-blind-safe "light" scheme, light enough for black text,
/// given to categories in order of first appearance, so the same chart always gets the same colours.
enum Palette {
    static let light = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"]
    /// For tenures without a category.
    static let uncategorised = "#CCCCCC"

    /// A darker shade of `color` for outlines (each channel at 55 %).
    static func outline(_ color: String) -> String {
        guard let rgb = rgb(color) else { return "#555555" }
        let dark = rgb.map { Int(Double($0) * 0.55) }
        return "#" + dark.map { hex2($0) }.joined()
    }

    /// `#RRGGBB` as channels, nil for anything else.
    static func rgb(_ color: String) -> [Int]? {
        guard color.count == 7, color.first == "#", let value = Int(color.dropFirst(), radix: 16) else { return nil }
        return [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
    }

    /// `color` as `#RRGGBB`: itself, or the value of a CSS colour name (any case); nil for
    /// anything else.
    static func resolved(_ color: String) -> String? {
        if rgb(color) != nil { return color.uppercased() }
        return NamedColors.hex[color.lowercased()]
    }

    /// What `colors` takes, checked where the manifest says it.
    static let rule = ValueRule(expected: "a colour: #RRGGBB or a CSS colour name such as steelblue") { resolved($0) != nil }

    private static func hex2(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
