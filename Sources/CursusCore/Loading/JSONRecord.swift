/// One JSON Lines line being read: where problems go, and the line's bytes for quoting it.
final class JSONLineContext {
    let source: SourceFile
    var number = 0
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var bag = DiagnosticBag()

    init(source: SourceFile) {
        self.source = source
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A diagnostic at a byte offset of the current line (shown as a column in characters).
    func diagnostic(_ message: String, offset: Int?) -> Diagnostic {
        var column: Int?
        if let offset {
            column =
                String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(max(offset, 0), bytes.count)]), as: UTF8.self)
                .unicodeScalars.count + 1
        }
        return Diagnostic(.error, message, at: SourceLocation(source: source, line: number, column: column), sourceLine: text)
    }

    func report(_ message: String, offset: Int?) {
        bag.append(diagnostic(message, offset: offset))
    }
}

/// A JSON object from a JSON Lines file, read with the same rules as YAML mappings.
struct JSONRecord: RecordFields {
    let entries: [(key: String, value: JSONValue, offset: Int, keyOffset: Int)]
    let what: String
    let offset: Int
    let context: JSONLineContext

    private func entry(_ key: String) -> (key: String, value: JSONValue, offset: Int, keyOffset: Int)? {
        // Lengths first: most keys differ in length, and that is cheaper than comparing text.
        let length = key.utf8.count
        guard let entry = entries.first(where: { $0.key.utf8.count == length && $0.key == key }) else { return nil }
        if case .null = entry.value { return nil }
        return entry
    }

    func has(_ key: String) -> Bool { entry(key) != nil }

    var keys: [String] { entries.map(\.key) }

    private func wrongType(_ key: String, _ entry: (key: String, value: JSONValue, offset: Int, keyOffset: Int), expected: String) {
        context.report(
            "'\(key)' of \(MappingReader.article(what)) must be \(expected), found \(entry.value.kindDescription)", offset: entry.offset)
    }

    func unboundedString(_ key: String, required: Bool) -> String? {
        guard let entry = entry(key) else {
            if required { context.report("\(MappingReader.article(what)) needs '\(key)'", offset: offset) }
            return nil
        }
        switch entry.value {
        case .string(let text):
            if required && TextMatch.isBlank(text) {
                context.report("'\(key)' of \(MappingReader.article(what)) must not be empty", offset: entry.offset)
                return nil
            }
            return text
        case .number(let text): return text
        default:
            wrongType(key, entry, expected: "text")
            return nil
        }
    }

    func unboundedStrings(_ key: String) -> [String] {
        guard let entry = entry(key) else { return [] }
        switch entry.value {
        case .string(let text): return [text]
        case .array(let items):
            return items.compactMap { item in
                if case .string(let text) = item { return text }
                context.report(
                    "'\(key)' of \(MappingReader.article(what)) must list texts, found \(item.kindDescription)", offset: entry.offset)
                return nil
            }
        default:
            wrongType(key, entry, expected: "a list of texts")
            return []
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let entry = entry(key) else { return nil }
        guard case .bool(let value) = entry.value else {
            wrongType(key, entry, expected: "true or false")
            return nil
        }
        return value
    }

    func int(_ key: String, required: Bool) -> Int? {
        guard let entry = entry(key) else { return nil }
        guard case .number(let text) = entry.value, let value = Int(text) else {
            wrongType(key, entry, expected: "a whole number")
            return nil
        }
        return value
    }

    func date(_ key: String, required: Bool) -> EDTF? {
        guard let text = string(key, required: required), let entry = entry(key) else { return nil }
        do {
            return try EDTF(text)
        } catch {
            let quote = if case .string = entry.value { 1 } else { 0 }
            context.report("invalid date '\(text)' for '\(key)': \(error.message)", offset: entry.offset + quote + error.offset)
            return nil
        }
    }

    func records(_ key: String, what: String) -> [JSONRecord] {
        guard let entry = entry(key) else { return [] }
        guard case .array(let items) = entry.value else {
            wrongType(key, entry, expected: "a list")
            return []
        }
        return items.compactMap { item in
            guard case .object(let entries) = item else {
                context.report(
                    "\(MappingReader.article(what)) must be a mapping of keys to values, found \(item.kindDescription)",
                    offset: entry.offset)
                return nil
            }
            return JSONRecord(entries: entries, what: what, offset: entry.offset, context: context)
        }
    }

    func record(_ key: String, what: String) -> JSONRecord? {
        guard let entry = entry(key) else { return nil }
        guard case .object(let entries) = entry.value else {
            wrongType(key, entry, expected: "a mapping")
            return nil
        }
        return JSONRecord(entries: entries, what: what, offset: entry.offset, context: context)
    }

    func unboundedCitations(_ key: String) -> [TextOrRecord<JSONRecord>] {
        guard let entry = entry(key) else { return [] }
        let items: [JSONValue]
        if case .array(let list) = entry.value { items = list } else { items = [entry.value] }
        return items.compactMap { item in
            switch item {
            case .string(let id): return .text(id)
            case .object(let entries):
                return .record(JSONRecord(entries: entries, what: "citation", offset: entry.offset, context: context))
            default:
                context.report(
                    "'\(key)' of \(MappingReader.article(what)) must list \(citationItemsExpected), found \(item.kindDescription)",
                    offset: entry.offset)
                return nil
            }
        }
    }

    func checkKeys(_ allowed: AllowedKeys) {
        for entry in entries where entry.key != "type" && !allowed.contains(entry.key) {
            context.report(
                "unknown key '\(entry.key)' in \(MappingReader.article(what))\(Suggestion.didYouMean(entry.key, in: allowed.list))",
                offset: entry.keyOffset)
        }
    }

    func report(_ key: String, _ message: String) {
        context.report(message, offset: entry(key)?.offset ?? offset)
    }

    func reportHere(_ message: String) {
        context.report(message, offset: offset)
    }

    func location(of key: String) -> SourceLocation {
        SourceLocation(source: context.source, line: context.number, column: entry(key).map { $0.offset + 1 } ?? 1)
    }

    var location: SourceLocation { SourceLocation(source: context.source, line: context.number, column: offset + 1) }
}
