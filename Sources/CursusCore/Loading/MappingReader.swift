import Yams

/// Problems found while reading one file, shared by every reader of its nodes so that
/// one pass reports all of them.
final class ReadProblems {
    var bag = DiagnosticBag()
}

/// Reads typed fields out of one YAML/JSON mapping. Every wrong type, bad date and
/// unknown key becomes a diagnostic at its line; the accessors then return nil.
struct MappingReader: RecordFields {
    let file: InputFile
    let node: Node
    /// What the mapping is, for messages: "tenure", "manifest output" …
    let what: String
    let problems: ReadProblems
    private let entries: [(key: String, keyNode: Node, value: Node)]

    /// A reader for `node`, or nil (with a diagnostic) when it is not a mapping.
    init?(_ node: Node, what: String, file: InputFile, problems: ReadProblems) {
        self.file = file
        self.node = node
        self.what = what
        self.problems = problems
        guard case .mapping(let mapping) = node else {
            problems.bag.append(
                file.diagnostic(at: node, "\(Self.article(what)) must be a mapping of keys to values, found \(node.kindDescription)"))
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                problems.bag.append(
                    file.diagnostic(at: key, "keys in \(Self.article(what)) must be plain words, found \(key.kindDescription)"))
                continue
            }
            entries.append((scalar.string, key, value))
        }
        self.entries = entries
    }

    var location: SourceLocation { file.location(of: node) }

    /// The value of `key`; nil when absent or null.
    func value(_ key: String) -> Node? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// Text of a scalar field; numbers are taken as their text.
    func unboundedString(_ key: String, required: Bool) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            wrongType(key, value, expected: "text")
            return nil
        }
        if required && TextMatch.isBlank(scalar.string) {
            problems.bag.append(file.diagnostic(at: value, "'\(key)' of \(Self.article(what)) must not be empty"))
            return nil
        }
        return scalar.string
    }

    /// A list of texts; a single text counts as a list of one.
    func unboundedStrings(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        switch value {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { item in
                guard case .scalar(let scalar) = item, !item.isNull else {
                    problems.bag.append(
                        file.diagnostic(at: item, "'\(key)' of \(Self.article(what)) must list texts, found \(item.kindDescription)"))
                    return nil
                }
                return scalar.string
            }
        default:
            wrongType(key, value, expected: "a list of texts")
            return []
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool, case .scalar(let scalar) = value, scalar.style == .plain else {
            wrongType(key, value, expected: "true or false")
            return nil
        }
        return bool
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let int = value.int, case .scalar(let scalar) = value, scalar.style == .plain else {
            wrongType(key, value, expected: "a whole number")
            return nil
        }
        return int
    }

    /// An EDTF date; an invalid one is reported with the column of the offending character.
    func date(_ key: String, required: Bool) -> EDTF? {
        guard let text = string(key, required: required), let value = value(key) else { return nil }
        do {
            return try EDTF(text)
        } catch {
            problems.bag.append(file.diagnostic(at: value, offset: error.offset, "invalid date '\(text)' for '\(key)': \(error.message)"))
            return nil
        }
    }

    func sequence(_ key: String) -> [Node] {
        guard let value = value(key) else { return [] }
        guard case .sequence(let sequence) = value else {
            wrongType(key, value, expected: "a list")
            return []
        }
        return Array(sequence)
    }

    /// Reports `message` when `key` is absent or an empty list (other types are `sequence`'s to report).
    func requireNonEmptyList(_ key: String, _ message: String) {
        switch value(key) {
        case nil: problems.bag.append(diagnostic(key, message))
        case .sequence(let sequence)? where sequence.isEmpty: problems.bag.append(diagnostic(key, message))
        default: break
        }
    }

    func mapping(_ key: String, what: String) -> MappingReader? {
        value(key).flatMap { MappingReader($0, what: what, file: file, problems: problems) }
    }

    func record(_ key: String, what: String) -> MappingReader? { mapping(key, what: what) }

    func unboundedCitations(_ key: String) -> [TextOrRecord<MappingReader>] {
        guard let value = value(key) else { return [] }
        let items: [Node]
        switch value {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar, .mapping: items = [value]
        case .alias:
            wrongType(key, value, expected: "a list of \(citationItemsExpected)")
            return []
        }
        return items.compactMap { item in
            switch item {
            case .scalar(let scalar) where !item.isNull: return .text(scalar.string)
            case .mapping: return MappingReader(item, what: "citation", file: file, problems: problems).map { .record($0) }
            default:
                problems.bag.append(
                    file.diagnostic(
                        at: item, "'\(key)' of \(Self.article(what)) must list \(citationItemsExpected), found \(item.kindDescription)"))
                return nil
            }
        }
    }

    /// The keys of the mapping, in file order.
    var keys: [String] { entries.map(\.key) }

    func records(_ key: String, what: String) -> [MappingReader] {
        sequence(key).compactMap { MappingReader($0, what: what, file: file, problems: problems) }
    }

    func reportHere(_ message: String) {
        problems.bag.append(file.diagnostic(at: node, message))
    }

    /// Where the value of `key` stands (or the mapping itself when the key is absent).
    func location(of key: String) -> SourceLocation {
        value(key).map { file.location(of: $0) } ?? location
    }

    /// A diagnostic at the value of `key`.
    func diagnostic(_ key: String, _ message: String, severity: Diagnostic.Severity = .error) -> Diagnostic {
        file.diagnostic(at: value(key) ?? node, message, severity: severity)
    }

    func report(_ key: String, _ message: String) {
        problems.bag.append(diagnostic(key, message))
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func checkKeys(_ allowed: AllowedKeys) {
        for entry in entries where !allowed.contains(entry.key) {
            problems.bag.append(
                file.diagnostic(
                    at: entry.keyNode,
                    "unknown key '\(entry.key)' in \(Self.article(what))\(Suggestion.didYouMean(entry.key, in: allowed.list))"))
        }
    }

    private func missing(_ key: String) {
        problems.bag.append(file.diagnostic(at: node, "\(Self.article(what)) needs '\(key)'"))
    }

    private func wrongType(_ key: String, _ value: Node, expected: String) {
        problems.bag.append(
            file.diagnostic(at: value, "'\(key)' of \(Self.article(what)) must be \(expected), found \(value.kindDescription)"))
    }

    static func article(_ noun: String) -> String {
        ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun
    }
}

extension Node {
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing (null)" }
            let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            if scalar.style == .plain {
                if bool != nil { return "true/false '\(shown)'" }
                if int != nil || float != nil { return "the number \(shown)" }
            }
            return "text '\(shown)'"
        }
    }
}

extension InputFile {
    func location(of node: Node) -> SourceLocation {
        SourceLocation(source: source, line: node.mark?.line, column: node.mark?.column)
    }

    /// A diagnostic at `node`; `offset` moves the caret into a scalar's text.
    func diagnostic(at node: Node, offset: Int = 0, _ message: String, severity: Diagnostic.Severity = .error)
        -> Diagnostic
    {
        var column = node.mark?.column
        if offset > 0, case .scalar(let scalar) = node {
            let quote = (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) ? 1 : 0
            column = column.map { $0 + quote + offset }
        }
        return diagnostic(message, line: node.mark?.line, column: column, severity: severity)
    }
}
