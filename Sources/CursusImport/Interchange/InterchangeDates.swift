import CursusCore

/// Dates as the interchange formats write them (ISO 8601 at any precision: `2008`, `2008-07`,
/// `2008-07-26`, with or without a time), as EDTF at their stated precision.
enum InterchangeDates {
    static func edtf(_ text: String?, field: String, warnings: inout ImportWarnings, line: Int?) -> EDTF? {
        guard var text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let time = text.firstIndex(of: "T") { text = String(text[..<time]) }
        do {
            return try EDTF(text)
        } catch {
            warnings.warn("\(field) '\(text)' is not a date (\(error.message)); left out", line: line)
            return nil
        }
    }
}
