/// A JSON value read by `JSONScanner`, with the byte offset of every object member's value
/// (for diagnostics).
package enum JSONValue {
    case null
    case bool(Bool)
    /// A number, kept as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members with the byte offsets of their value and of their key.
    case object([(key: String, value: JSONValue, offset: Int, keyOffset: Int)])

    package var kindDescription: String {
        switch self {
        case .null: return "nothing (null)"
        case .bool(let value): return "true/false '\(value)'"
        case .number(let text): return "the number \(text)"
        case .string(let text): return "text '\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }
}

/// A small, strict JSON parser over UTF-8 bytes: one JSON Lines record at a time, fast enough for
/// millions of them.
package struct JSONScanner {
    package struct SyntaxError: Error {
        package var message: String
        /// Where the problem is: a byte offset into the text.
        package var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    static let maximumDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The one value in `bytes` (white space around it allowed).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var scanner = JSONScanner(bytes)
        scanner.skipSpace()
        let value = try scanner.value()
        scanner.skipSpace()
        if scanner.index < bytes.count { throw SyntaxError(message: "unexpected text after the value", offset: scanner.index) }
        return value
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    private func fail(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

    private mutating func value() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw fail("expected a value, found the end of the line") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try word("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try word("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try word("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    private mutating func word(_ text: StaticString) throws(SyntaxError) {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("expected '\(text)'") }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { throw fail("expected '\(text)'") }
        index += count
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while index < bytes.count,
            (0x30...0x39).contains(bytes[index]) || bytes[index] == UInt8(ascii: ".")
                || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") || bytes[index] == UInt8(ascii: "+")
                || (bytes[index] == UInt8(ascii: "-") && index > start)
        {
            index += 1
            digits += 1
        }
        if digits == 0 { throw fail("a number needs digits") }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        guard index < bytes.count else { throw SyntaxError(message: "a string is never closed", offset: start - 1) }
        if bytes[index] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return text
        }
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            }
            if byte < 0x20 { throw fail("a control character inside a string must be escaped") }
            if byte != UInt8(ascii: "\\") {
                utf8.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): utf8.append(0x22)
            case UInt8(ascii: "\\"): utf8.append(0x5C)
            case UInt8(ascii: "/"): utf8.append(0x2F)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw fail("a \\u escape for a high surrogate needs its low surrogate")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid low surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail("\\u escape is not a character") }
                utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw SyntaxError(message: "unknown escape '\\\(Character(Unicode.Scalar(escape)))'", offset: index - 2)
            }
        }
        throw SyntaxError(message: "a string is never closed", offset: start - 1)
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw fail("\\u needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw fail("a list is never closed with ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw fail("expected ',' or ']' in a list")
        }
    }

    private mutating func object() throws(SyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1
        var entries: [(key: String, value: JSONValue, offset: Int, keyOffset: Int)] = []
        entries.reserveCapacity(16)  // a record's keys, without growing the list several times
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(entries)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let keyOffset = index
            let key = try string()
            // Lengths first: most keys differ in length, and that is cheaper than comparing text.
            if entries.contains(where: { $0.key.utf8.count == key.utf8.count && $0.key == key }) {
                throw SyntaxError(message: "duplicate key '\(key)' in one object", offset: keyOffset)
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            index += 1
            skipSpace()
            let offset = index
            entries.append((key, try value(), offset, keyOffset))
            skipSpace()
            guard index < bytes.count else { throw fail("an object is never closed with '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(entries)
            }
            throw fail("expected ',' or '}' in an object")
        }
    }
}
