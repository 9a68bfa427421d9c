/// What the dossier reader needs from one record, whatever it was written in: a YAML or JSON
/// mapping (`MappingReader`) or a JSON Lines object (`JSONRecord`). Problems are reported at
/// their place; the accessors then return nil.
protocol RecordFields {
    func has(_ key: String) -> Bool
    /// The text under `key`, however long (read it through `string`, which bounds it).
    func unboundedString(_ key: String, required: Bool) -> String?
    /// A list of texts; a single text counts as a list of one (read it through `strings`).
    func unboundedStrings(_ key: String) -> [String]
    func bool(_ key: String) -> Bool?
    func int(_ key: String, required: Bool) -> Int?
    func date(_ key: String, required: Bool) -> EDTF?
    /// The mappings listed under `key` (milestones).
    func records(_ key: String, what: String) -> [Self]
    /// The mapping under `key` (attributes).
    func record(_ key: String, what: String) -> Self?
    /// The citations listed under `key`: source ids, or mappings (read them through `citations`).
    func unboundedCitations(_ key: String) -> [TextOrRecord<Self>]
    /// The keys, in the order written.
    var keys: [String] { get }
    /// Reports every key not in `allowed`, suggesting the closest.
    func checkKeys(_ allowed: AllowedKeys)
    /// Reports a problem with the value of `key`.
    func report(_ key: String, _ message: String)
    /// Reports a problem with the record as a whole.
    func reportHere(_ message: String)
    func location(of key: String) -> SourceLocation
    /// Where the record itself stands.
    var location: SourceLocation { get }
}

extension RecordFields {
    /// The text under `key`; longer than `InputFile.maximumFieldLength`, an error and nil.
    func string(_ key: String, required: Bool) -> String? {
        guard let text = unboundedString(key, required: required) else { return nil }
        return isWithinBound(text, key) ? text : nil
    }

    /// A list of texts; a single text counts as a list of one. Any item too long: an error and none.
    func strings(_ key: String) -> [String] {
        let list = unboundedStrings(key)
        return list.allSatisfy { isWithinBound($0, key) } ? list : []
    }

    /// The citations listed under `key`; a single one counts as a list of one. An id too long: an
    /// error and none.
    func citations(_ key: String) -> [TextOrRecord<Self>] {
        let items = unboundedCitations(key)
        return items.allSatisfy { if case .text(let id) = $0 { isWithinBound(id, key) } else { true } } ? items : []
    }

    private func isWithinBound(_ text: String, _ key: String) -> Bool {
        guard text.utf8.count > InputFile.maximumFieldLength else { return true }
        report(
            key,
            "'\(key)' holds \(text.utf8.count) bytes, more than Cursus takes in one field (\(InputFile.maximumFieldLength)); shorten it, or quote the source by its URL"
        )
        return false
    }

    func string(_ key: String) -> String? { string(key, required: false) }
    func date(_ key: String) -> EDTF? { date(key, required: false) }
}

/// An item of a list that holds texts or mappings (citations: an id, or `{source, quote, locator}`).
enum TextOrRecord<Record> {
    case text(String)
    case record(Record)
}

/// What a list of citations must hold, for messages.
let citationItemsExpected = "source ids or mappings {source: ID, quote: …, locator: …}"

/// Where diagnostics quote lines from: a file read whole, or one read as a stream (re-read on demand).
public protocol LineSource: Sendable {
    func line(_ number: Int) -> String?
}

extension InputFile: LineSource {}

/// The keys a record may have: a list (in schema order, for messages and suggestions), and the
/// same keys grouped by length for checking millions of records quickly.
public struct AllowedKeys: Sequence, ExpressibleByArrayLiteral, Sendable {
    /// The keys, in schema order.
    public let list: [String]
    /// The keys by their length in UTF-8 bytes: a record's keys are checked by comparing a few
    /// short texts, which is cheaper than hashing each of them.
    private let byLength: [[String]]

    /// These keys, in this order.
    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    /// These keys, in this order.
    public init(_ elements: [String]) {
        list = elements
        var byLength = Array(repeating: [String](), count: (elements.map(\.utf8.count).max() ?? 0) + 1)
        for key in elements { byLength[key.utf8.count].append(key) }
        self.byLength = byLength
    }

    /// True when `key` is allowed.
    public func contains(_ key: String) -> Bool {
        let length = key.utf8.count
        return length < byLength.count && byLength[length].contains(key)
    }
    /// The keys in schema order.
    public func makeIterator() -> IndexingIterator<[String]> { list.makeIterator() }
}
