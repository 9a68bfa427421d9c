/// What the dossier reader needs from one record, whatever it was written in: a YAML or JSON
/// mapping (`MappingReader`) or a JSON Lines object (`JSONRecord`). Problems are reported at
/// their place; the accessors then return nil.
protocol RecordFields {
    func has(_ key: String) -> Bool
    func string(_ key: String, required: Bool) -> String?
    /// A list of texts; a single text counts as a list of one.
    func strings(_ key: String) -> [String]
    func bool(_ key: String) -> Bool?
    func int(_ key: String, required: Bool) -> Int?
    func date(_ key: String, required: Bool) -> EDTF?
    /// The mappings listed under `key` (milestones).
    func records(_ key: String, what: String) -> [Self]
    /// The mapping under `key` (attributes).
    func record(_ key: String, what: String) -> Self?
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
    func string(_ key: String) -> String? { string(key, required: false) }
    func date(_ key: String) -> EDTF? { date(key, required: false) }
}

/// Where diagnostics quote lines from: a file read whole, or one read as a stream (re-read on demand).
public protocol LineSource: Sendable {
    func line(_ number: Int) -> String?
}

extension InputFile: LineSource {}

/// The keys a record may have: a list (in schema order, for messages and suggestions) and a set
/// (for checking millions of records quickly).
public struct AllowedKeys: Sequence, ExpressibleByArrayLiteral, Sendable {
    public let list: [String]
    private let set: Set<String>

    public init(arrayLiteral elements: String...) {
        list = elements
        set = Set(elements)
    }

    public func contains(_ key: String) -> Bool { set.contains(key) }
    public func makeIterator() -> IndexingIterator<[String]> { list.makeIterator() }
}
