/// Cursus's own words in one language (`Locales/en.yml` and its translations): every text it
/// writes for people, with `{placeholders}`, the language's CLDR locale (for month names and the
/// order of day, month and year) and how its counts choose their form.
public struct Words: Sendable {
    /// The language tag of the words file ("en", "de", "pt-BR").
    public let tag: String
    /// The language's name, in itself.
    public let language: String
    /// The CLDR locale month names and date orders come from, when the manifest's locale names no region.
    public let cldr: String
    /// How counts choose their form.
    public let plural: PluralRule
    let texts: [String: String]
    let lists: [String: [String]]

    init(tag: String, language: String, cldr: String, plural: PluralRule, texts: [String: String], lists: [String: [String]]) {
        self.tag = tag
        self.language = language
        self.cldr = cldr
        self.plural = plural
        self.texts = texts
        self.lists = lists
    }

    /// The text at `key` ("text.as_of"), its `{placeholders}` filled from `values`.
    public func text(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        Self.fill(template(key), values)
    }

    /// The text at `key` escaped for a format by `escape`, its `{placeholders}` then filled with
    /// `values` as they are: the words are escaped, the values (markup, codes) are not.
    public func text(_ key: String, escapedBy escape: (String) -> String, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(escape(template(key)), values)
    }

    /// The text at `key`, from English when this language lacks it.
    private func template(_ key: String) -> String { texts[key] ?? Words.english.texts[key] ?? key }

    /// The list at `key` ("date.seasons").
    public func list(_ key: String) -> [String] { lists[key] ?? Words.english.lists[key] ?? [] }

    /// "11 posts", "1 post", "5 постов": the count of `noun` (a key under `count`) in its form for `number`.
    public func count(_ noun: String, _ number: Int) -> String {
        let key = "count.\(noun).\(plural.category(number))"
        let template = texts[key] ?? texts["count.\(noun).other"] ?? Words.english.texts["count.\(noun).other"] ?? "{count}"
        return Self.fill(template, ["count": String(number)])
    }

    /// `template` with each `{name}` replaced by its value; unknown names stay as written.
    static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        // Braces are ASCII: the template is scanned as bytes (millions of entries are filled).
        var rest = template.utf8[...]
        guard rest.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(rest.count + 32)
        while let open = rest.firstIndex(of: UInt8(ascii: "{")), let close = rest[open...].firstIndex(of: UInt8(ascii: "}")) {
            result += Substring(rest[..<open])
            let name = Substring(rest[rest.index(after: open)..<close])
            result += values.first(where: { $0.key == name })?.value ?? String(Substring(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        result += Substring(rest)
        return result
    }

    /// The `{placeholders}` a text names.
    static func placeholders(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap {
                $0.split(separator: "}", omittingEmptySubsequences: false).first.map(String.init)
            })
    }
}

/// How a language's counts choose their form, after CLDR's plural rules for cardinals.
public enum PluralRule: String, Sendable, CaseIterable {
    /// English, German, Spanish, Greek: "one" for 1, else "other".
    case oneOther = "one-other"
    /// French: "one" for 0 and 1, else "other".
    case zeroOneOther = "zero-one-other"
    /// Russian, Ukrainian: "one" (1, 21, 31 …), "few" (2–4, 22–24 …), else "many".
    case eastSlavic = "east-slavic"
    /// Chinese, Japanese: one form, "other".
    case none

    /// The form for `number`: one, few, many or other.
    public func category(_ number: Int) -> String {
        let n = abs(number)
        switch self {
        case .oneOther: return n == 1 ? "one" : "other"
        case .zeroOneOther: return n <= 1 ? "one" : "other"
        case .eastSlavic:
            if n % 10 == 1 && n % 100 != 11 { return "one" }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return "few" }
            return "many"
        case .none: return "other"
        }
    }
}
