/// BCP 47 language tags as manifests write them: a language of two or three letters, then
/// subtags of one to eight letters or digits ("en", "en-US", "sr-Latn-RS").
public enum LanguageTag {
    /// True for a tag of that shape.
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// What an option that takes a tag checks.
    public static let rule = ValueRule(expected: "a BCP 47 language tag such as en, de or en-US") { isValid($0) }
}
