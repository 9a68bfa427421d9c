/// Wraps text to a width counted in characters (not bytes), so Cyrillic wraps right.
enum TextWrapper {
    /// The words of `text` filled greedily into lines of at most `width` characters; words longer
    /// than `width` are broken. Runs of white space (line breaks included) count as one space.
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        // Counting characters means walking grapheme clusters; ASCII text counts its bytes instead.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        let words: [Substring] =
            ascii
            ? text.utf8.split(whereSeparator: { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }).map { Substring($0) }
            : text.split(whereSeparator: \.isWhitespace)
        for word in words {
            var word = word
            var count = ascii ? word.utf8.count : word.count
            while count > width {
                if currentCount > 0 {
                    lines.append(current)
                    current = ""
                    currentCount = 0
                }
                let cut = word.index(word.startIndex, offsetBy: width)
                lines.append(String(word[..<cut]))
                word = word[cut...]
                count -= width
            }
            if currentCount > 0 && currentCount + 1 + count > width {
                lines.append(current)
                current = ""
                currentCount = 0
            }
            if currentCount > 0 {
                current += " "
                currentCount += 1
            }
            current += word
            currentCount += count
        }
        if currentCount > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` wrapped to `width - indent` and joined so that every line after the first starts
    /// with `indent` spaces: the first line is meant to follow a column of that width.
    /// `keepingLastWords`, the end of `text` (source markers), is kept on one line with the word before it.
    static func hanging(_ text: String, width: Int, indent: Int, keepingLastWords tail: String = "") -> String {
        var text = text
        // The tail's spaces become a control character no text holds, so it wraps as one word.
        let glue: UInt8 = 0x1F
        if !tail.isEmpty, text.hasSuffix(tail), tail.count < (width - indent) / 2 {
            text = String(text.dropLast(tail.count)).trimmingTrailingSpaces() + "\u{1F}" + replacing(0x20, with: glue, in: tail)
        }
        let joined = lines(text, width: width - indent).joined(separator: "\n" + String(repeating: " ", count: indent))
        return replacing(glue, with: 0x20, in: joined)
    }

    /// `text` with every byte `old` (an ASCII character) made `new`.
    private static func replacing(_ old: UInt8, with new: UInt8, in text: String) -> String {
        guard text.utf8.contains(old) else { return text }
        return String(decoding: text.utf8.map { $0 == old ? new : $0 }, as: UTF8.self)
    }

    /// `text` padded with spaces to `width` characters (never cut).
    static func pad(_ text: String, to width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    /// Each line of `document` (without a last empty line), re-wrapped to `width` when longer,
    /// keeping its leading indent.
    static func forEachEnforcedLine(_ document: String, width: Int, _ body: (String) -> Void) {
        // Without CR (whose CRLF is one character), lines are split on the byte, not on characters.
        var lines =
            document.utf8.contains(0x0D)
            ? document.split(separator: "\n", omittingEmptySubsequences: false)
            : document.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            // UTF-8 bytes bound the characters from above: most lines need no counting at all.
            guard line.utf8.count > width, line.count > width else {
                body(String(line))
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            let usable = indent < width / 2 ? indent : 0
            body(String(repeating: " ", count: usable) + hanging(String(line.dropFirst(indent)), width: width, indent: usable))
        }
    }

    /// `forEachEnforcedLine`'s lines, collected (for pagination).
    static func enforcedLines(_ document: String, width: Int) -> [String] {
        var lines: [String] = []
        forEachEnforcedLine(document, width: width) { lines.append(contentsOf: $0.components(separatedBy: "\n")) }
        return lines
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
