import Foundation

/// Text compared as people write it: case, accents and punctuation aside.
public enum TextMatch {
    /// `text` folded to lowercase words without accents, one space between them.
    public static func normalized(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// True when `text` holds `part`, case aside ("Ambassador to the United States" names "united
    /// states"). ASCII texts are compared byte by byte: chronologies ask it once an entry.
    public static func contains(_ text: String, ignoringCase part: String) -> Bool {
        if part.isEmpty { return true }
        guard text.utf8.allSatisfy({ $0 < 0x80 }), part.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().contains(part.lowercased())
        }
        let lower = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let haystack = text.utf8.map(lower)
        let needle = part.utf8.map(lower)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// True when `text` is empty or only white space. A text that starts with a visible ASCII
    /// character is answered from its first byte: a loader asks it of every required field.
    public static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20 && first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// True when two titles share most of their words (at least 60 % of all the words either has):
    /// "Talks in Brussels" and "Talks held in Brussels".
    public static func similarTitles(_ a: String, _ b: String) -> Bool {
        let wordsA = Set(normalized(a).split(separator: " "))
        let wordsB = Set(normalized(b).split(separator: " "))
        guard !wordsA.isEmpty, !wordsB.isEmpty else { return false }
        return Double(wordsA.intersection(wordsB).count) / Double(wordsA.union(wordsB).count) >= 0.6
    }
}
