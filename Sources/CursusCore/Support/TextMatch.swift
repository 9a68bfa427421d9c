import Foundation

/// Text compared as people write it: case, accents and punctuation aside.
public enum TextMatch {
    /// `text` folded to lowercase words without accents, one space between them.
    public static func normalized(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
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
