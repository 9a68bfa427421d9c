import Foundation
import Yams

extension Words {
    /// English, built in: what every other language falls back to, key by key.
    public static let english: Words = {
        do {
            return try read(InputFile(path: "Locales/en.yml", text: BuiltInWords.files["en"] ?? ""), tag: "en", checkedAgainst: nil).words
        } catch {
            preconditionFailure("the built-in English words do not read: \(error)")
        }
    }()

    /// The folder beside a manifest where words files of one's own go: `locales`.
    public static func folder(beside directory: String) -> String {
        (directory as NSString).appendingPathComponent("locales")
    }

    /// The languages built in, by tag.
    public static var builtIn: [String] { BuiltInWords.files.keys.sorted() }

    /// The words for the BCP 47 `tag` ("de", "en-US", "pt-BR"): a file `TAG.yml`, then one for
    /// its language alone (`de.yml` for de-AT), first in `folder` (a `locales` folder beside
    /// the manifest), then among the built-in ones. With none, English and a warning; a file
    /// that lacks words gets them from English, with a warning naming them.
    public static func resolve(_ tag: String, folder: String?) throws(CursusError) -> (words: Words, warnings: [Diagnostic]) {
        let candidates = [tag, String(tag.split(separator: "-").first ?? "")].filter { !$0.isEmpty }
        for candidate in candidates {
            if let folder {
                let path = (folder as NSString).appendingPathComponent(candidate + ".yml")
                if FileManager.default.fileExists(atPath: path) {
                    let file = try InputFile.read(path, what: "words file")
                    return try read(file, tag: candidate, checkedAgainst: english)
                }
            }
            if let text = BuiltInWords.files[candidate] {
                return try read(InputFile(path: "Locales/\(candidate).yml", text: text), tag: candidate, checkedAgainst: english)
            }
        }
        let known = builtIn.joined(separator: ", ")
        return (
            english,
            [
                Diagnostic(
                    .warning,
                    "no words for locale '\(tag)': writing English (built in: \(known); add \(candidates.last ?? tag).yml to a locales folder beside the manifest)"
                )
            ]
        )
    }

    /// Reads a words file: its header, then every text, list and plural form as a dotted key
    /// ("text.as_of", "count.post.one"). Against `reference` (English), a key it lacks is an
    /// error, and a text that names another placeholder or a key English lacks a warning.
    static func read(_ file: InputFile, tag: String, checkedAgainst reference: Words?) throws(CursusError) -> (
        words: Words, warnings: [Diagnostic]
    ) {
        let tree = try YAMLTree(file)
        guard case .mapping(let root) = tree.root else {
            throw CursusError(.data, file.diagnostic("is not a mapping of words", line: nil, column: nil))
        }
        var header: [String: String] = [:]
        var texts: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var lines: [String: Int] = [:]
        var warnings: [Diagnostic] = []
        func walk(_ node: Node, _ path: String) {
            switch node {
            case .scalar(let scalar):
                texts[path] = scalar.string
            case .sequence(let sequence):
                lists[path] = sequence.compactMap { $0.string }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    lines[path.isEmpty ? name : path + "." + name] = (key.mark?.line ?? 0) + 1
                    walk(value, path.isEmpty ? name : path + "." + name)
                }
            default:
                break
            }
        }
        for (key, value) in root {
            guard let name = key.string else { continue }
            if ["cursus-words", "language", "cldr", "plural"].contains(name) {
                header[name] = value.string
            } else {
                lines[name] = (key.mark?.line ?? 0) + 1
                walk(value, name)
            }
        }
        guard header["cursus-words"] == "1" else {
            throw CursusError(.data, file.diagnostic("a words file starts with 'cursus-words: 1'", line: 1, column: 1))
        }
        guard let pluralName = header["plural"], let plural = PluralRule(rawValue: pluralName) else {
            let known = PluralRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw CursusError(.data, file.diagnostic("'plural' must be one of \(known)", line: nil, column: nil))
        }
        if let reference {
            // Counts take the forms of the language's plural rule; the English-only styles need no translation.
            let needed = { (key: String) in !key.hasPrefix("count.") && !key.hasPrefix("date.styles.") }
            let missing =
                reference.texts.keys.filter { texts[$0] == nil && needed($0) }.sorted()
                + reference.lists.keys.filter { lists[$0] == nil && needed($0) }.sorted()
            if !missing.isEmpty {
                warnings.append(
                    file.diagnostic(
                        "lacks \(missing.joined(separator: ", ")); English is written there", line: nil, column: nil, severity: .warning))
            }
            for (key, text) in texts.sorted(by: { $0.key < $1.key }) {
                let english = reference.texts[key] ?? reference.texts[Self.pluralStem(key) + ".other"]
                guard let english else {
                    if reference.lists[key] == nil {
                        warnings.append(
                            file.diagnostic("has '\(key)', which Cursus does not use", line: lines[key], column: nil, severity: .warning))
                    }
                    continue
                }
                let extra = placeholders(text).subtracting(placeholders(english)).subtracting(alsoFilled[key] ?? [])
                if !extra.isEmpty {
                    warnings.append(
                        file.diagnostic(
                            "'\(key)' names \(extra.sorted().map { "{\($0)}" }.joined(separator: ", ")), which Cursus does not fill there",
                            line: lines[key], column: nil, severity: .warning))
                }
            }
        }
        let words = Words(
            tag: tag, language: header["language"] ?? tag, cldr: header["cldr"] ?? tag.replacingOccurrences(of: "-", with: "_"),
            plural: plural, texts: texts, lists: lists)
        return (words, warnings)
    }

    /// Placeholders Cursus fills beyond those the English text names (a century as 20 or XX).
    private static let alsoFilled: [String: Set<String>] = ["date.century": ["number", "roman"], "date.millennium": ["number", "roman"]]

    /// "count.post.few" → "count.post".
    private static func pluralStem(_ key: String) -> String {
        key.hasPrefix("count.") ? String(key[..<(key.lastIndex(of: ".") ?? key.endIndex)]) : key
    }
}
