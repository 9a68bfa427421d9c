import CursusCore
import Foundation

/// Turns a wikitext value into plain text: links to their labels, references and comments
/// dropped, `<br>` and list templates to line breaks, date templates to ISO dates. Templates it
/// does not know are dropped and named, so the importer can warn about them.
struct WikiCleaner {
    /// Names of templates met and dropped because their meaning is unknown.
    private(set) var unknownTemplates: [String] = []

    static let listTemplates: Set<String> = [
        "plainlist", "flatlist", "unbulleted list", "ubl", "hlist", "bulleted list", "blist", "collapsible list", "plain list",
    ]
    static let wrapperTemplates: Set<String> = ["nowrap", "small", "nobold", "nowraplinks", "nobr", "big", "noitalic", "nbsp"]
    static let dateTemplates: Set<String> = [
        "start date", "end date", "birth date", "death date", "birth date and age", "death date and age", "start date and age",
        "end date and age", "dts", "date", "start and end dates",
    ]
    static let silentTemplates: Set<String> = [
        "efn", "sfn", "refn", "citation needed", "cn", "ref", "r", "snd", "·", "dot", "flagicon", "sfnp", "lang-en",
    ]

    mutating func clean(_ value: String) -> String {
        var remarks: [String]?
        return clean(value, remarks: &remarks)
    }

    /// `value` cleaned, with what stands in small print (`<small>…</small>`, `{{small|…}}`)
    /// taken out into `remarks`: beside a name, it is a remark about the name, not part of it.
    mutating func clean(_ value: String, remarks: inout [String]) -> String {
        var found: [String]? = []
        let text = clean(value, remarks: &found)
        remarks += found ?? []
        return text
    }

    /// With `remarks` nil, small print is kept as text.
    private mutating func clean(_ value: String, remarks: inout [String]?) -> String {
        var text = value
        if remarks != nil {
            var found: [String] = []
            text = text.replacing(#/(?i)<small>([\s\S]*?)<\/small>/#) { match in
                found.append(String(match.output.1))
                return ""
            }
            text = text.replacing(#/(?i)\{\{\s*small\s*\|([^{}]*)\}\}/#) { match in
                found.append(String(match.output.1))
                return ""
            }
            var inner = WikiCleaner()
            remarks = found.map { inner.clean($0) }.filter { !$0.isEmpty }
        }
        text = text.replacing(#/<!--[\s\S]*?-->/#, with: "")
        text = text.replacing(#/(?i)<ref[^>]*\/>/#, with: "")
        text = text.replacing(#/(?i)<ref[^>]*>[\s\S]*?<\/ref>/#, with: "")
        text = text.replacing(#/(?i)<br\s*\/?>/#, with: "\n")
        text = expandTemplates(text)
        text = text.replacing(#/\[\[(?i:file|image|category):[^\]]*\]\]/#, with: "")
        text = text.replacing(#/\[\[([^\]|]*\|)?([^\]]*)\]\]/#) { String($0.output.2) }
        text = text.replacing(#/\[(https?:\/\/[^\s\]]+)\s+([^\]]+)\]/#) { String($0.output.2) }
        text = text.replacing(#/\[(https?:\/\/[^\s\]]+)\]/#) { String($0.output.1) }
        text = text.replacingOccurrences(of: "'''", with: "").replacingOccurrences(of: "''", with: "")
        text = text.replacing(#/<\/?[a-zA-Z][^>]*>/#, with: "")
        for (entity, character) in [
            ("&nbsp;", " "), ("&ndash;", "–"), ("&mdash;", "—"), ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"),
            ("&gt;", ">"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(separator: "\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .map { $0.hasPrefix("* ") ? String($0.dropFirst(2)) : $0 }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    private mutating func expandTemplates(_ text: String) -> String {
        guard text.contains("{{"), let templates = try? Wikitext.templates(in: text), !templates.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        for template in templates.reversed() {
            var replacement = ""
            replacement.unicodeScalars.append(contentsOf: render(template).unicodeScalars)
            scalars.replaceSubrange(template.range, with: Array(replacement.unicodeScalars))
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    private mutating func render(_ template: WikiTemplate) -> String {
        let name = template.normalizedName
        let positional = template.positional
        if name == "lang", positional.count >= 2 { return clean(positional[1]) }
        if name.hasPrefix("lang-"), let first = positional.first { return clean(first) }
        if Self.wrapperTemplates.contains(name) { return positional.first.map { clean($0) } ?? "" }
        if Self.listTemplates.contains(name) {
            let items =
                name == "plainlist" || name == "flatlist" || name == "plain list"
                ? (positional.first ?? "").split(separator: "\n").map(String.init) : positional
            return items.map { clean($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
        if Self.dateTemplates.contains(name) {
            let numbers = positional.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch numbers.count {
            case 0: return positional.first.map { clean($0) } ?? ""
            case 1: return String(format: "%04d", numbers[0])
            case 2: return String(format: "%04d-%02d", numbers[0], numbers[1])
            default: return String(format: "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2])
            }
        }
        if name == "circa" || name == "c." || name == "c", let year = positional.first { return "c. " + clean(year) }
        if name == "flag" || name == "flagcountry" || name == "marriage", let first = positional.first { return clean(first) }
        if Self.silentTemplates.contains(name) || name.hasPrefix("cite ") { return "" }
        unknownTemplates.append(template.name)
        return ""
    }
}

/// Dates as infoboxes write them: "26 July 2008", "July 26, 2008", "February 2011", "2003",
/// "c. 1850", ISO dates (from date templates), "present".
enum WikiDate {
    enum Parsed: Equatable {
        case date(String)
        case present
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    static func parse(_ text: String) -> Parsed? {
        var words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return nil }
        if words.count == 1, ["present", "incumbent", "current", "ongoing"].contains(words[0]) { return .present }
        var approximate = false
        if let first = words.first, ["c.", "c", "ca.", "ca", "circa", "approx.", "about"].contains(first) {
            approximate = true
            words.removeFirst()
        } else if let first = words.first, first.hasPrefix("c."), first.count > 2 {
            approximate = true
            words[0] = String(first.dropFirst(2))
        }
        guard let date = exact(words) else { return nil }
        guard (try? EDTF(date)) != nil else { return nil }
        return .date(approximate ? date + "~" : date)
    }

    private static func exact(_ words: [String]) -> String? {
        func month(_ word: String) -> Int? {
            months.firstIndex { $0 == word || (word.count >= 3 && $0.hasPrefix(word.trimmingCharacters(in: ["."]))) }.map { $0 + 1 }
        }
        func year(_ word: String) -> Int? {
            guard (3...4).contains(word.count), let value = Int(word) else { return nil }
            return value
        }
        switch words.count {
        case 1:
            let word = words[0]
            if let value = year(word) { return String(format: "%04d", value) }
            let parts = word.split(separator: "-")
            if parts.count >= 2, parts.count <= 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) { return word }
            return nil
        case 2:
            if let m = month(words[0]), let y = year(words[1]) { return String(format: "%04d-%02d", y, m) }
            return nil
        case 3:
            if let d = Int(words[0]), let m = month(words[1]), let y = year(words[2]) { return String(format: "%04d-%02d-%02d", y, m, d) }
            if let m = month(words[0]), let d = Int(words[1]), let y = year(words[2]) { return String(format: "%04d-%02d-%02d", y, m, d) }
            return nil
        default:
            return nil
        }
    }
}
