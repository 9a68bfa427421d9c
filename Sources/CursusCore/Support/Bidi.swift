/// Right-to-left text (Hebrew, Arabic, Syriac, Thaana …) inside a label: a date or number set
/// into it is isolated (FSI … PDI, Unicode's bidi isolates) so that it keeps its own order
/// ("6 Oct 1973") instead of being reordered with the words around it.
public enum Bidi {
    /// True when `text` has a letter of a right-to-left script.
    public static func hasRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
            default: return false
            }
        }
    }

    /// `part` isolated for placing into `text` when `text` is right-to-left; else `part` as it is.
    public static func isolated(_ part: String, in text: String) -> String {
        hasRightToLeft(text) ? "\u{2068}" + part + "\u{2069}" : part
    }
}
