/// A sentence of an article: its text, the line it starts on, and the paragraph it belongs to.
struct Sentence: Sendable {
    var text: String
    var line: Int
    /// Index of its paragraph among the article's blocks.
    var paragraph: Int
    /// The heading of the section it stands in, if any.
    var section: String?
}

/// Splits paragraphs into sentences at `.`, `!` or `?` followed by a space and a capital, a
/// digit or a quote, except after abbreviations and initials ("Sept. 6", "J. D. Gordon",
/// "Mr. Putin", "U.S. officials").
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "maj", "sgt", "jr", "sr", "prof", "rev",
        "hon", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "ave", "dept", "est", "approx", "c",
        "ca", "cf", "fig", "vol", "pp", "ed",
    ]

    static func split(_ block: ArticleBlock, paragraph: Int, section: String?) -> [Sentence] {
        let characters = Array(block.text)
        var sentences: [Sentence] = []
        var start = 0
        var line = block.line
        var startLine = block.line
        var index = 0
        func emit(upTo end: Int) {
            let text = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { sentences.append(Sentence(text: text, line: startLine, paragraph: paragraph, section: section)) }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" { line += 1 }
            if ".!?".contains(character) {
                var end = index + 1
                while end < characters.count, "\"”’')]".contains(characters[end]) { end += 1 }
                if end < characters.count, characters[end].isWhitespace, startsSentence(characters, from: end),
                    character != "." || !isAbbreviation(characters, endingAt: index) || startsWithOpener(characters, from: end),
                    !closesShortBracket(characters, at: index)
                {
                    emit(upTo: end)
                    start = end
                    startLine = line
                }
                index = end
                continue
            }
            index += 1
        }
        emit(upTo: characters.count)
        return sentences
    }

    private static func startsSentence(_ characters: [Character], from index: Int) -> Bool {
        var next = index
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return false }
        let character = characters[next]
        return character.isUppercase || character.isNumber || "\"“‘'(".contains(character)
    }

    /// True when the full stop at `index` ends an abbreviation in brackets: "Claremont (Calif.) School".
    private static func closesShortBracket(_ characters: [Character], at index: Int) -> Bool {
        guard index + 1 < characters.count, characters[index + 1] == ")" else { return false }
        var start = index
        while start > 0, characters[start - 1] != "(" {
            if characters[start - 1].isWhitespace { return false }
            start -= 1
        }
        return start > 0
    }

    /// Words that open a sentence and rarely follow an abbreviation inside one ("… in D.C. In May 2017, …").
    static let openers: Set<String> = [
        "In", "On", "The", "He", "She", "It", "They", "From", "After", "Before", "During", "However", "But", "As", "At", "This",
        "That", "His", "Her", "When", "While", "Since", "According", "There", "Its", "We", "I",
    ]

    private static func startsWithOpener(_ characters: [Character], from index: Int) -> Bool {
        var start = index
        while start < characters.count, characters[start].isWhitespace { start += 1 }
        var end = start
        while end < characters.count, characters[end].isLetter { end += 1 }
        return openers.contains(String(characters[start..<end]))
    }

    /// True when the word before the full stop at `end` is an abbreviation or an initial.
    private static func isAbbreviation(_ characters: [Character], endingAt end: Int) -> Bool {
        var start = end
        while start > 0, !characters[start - 1].isWhitespace, !"(\"“".contains(characters[start - 1]) { start -= 1 }
        let word = String(characters[start..<end]).lowercased()
        if word.count == 1, word.first!.isLetter { return true }
        return abbreviations.contains(word) || (word.contains(".") && word.count <= 5)
    }
}
