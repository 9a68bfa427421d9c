import CursusCore
import Foundation

/// A heading or a paragraph of an article, with the line of the input it starts on.
struct ArticleBlock: Sendable {
    var text: String
    var line: Int
    var isHeading: Bool
}

/// An article reduced to its text: blocks of prose in order, what it says of itself (title,
/// publisher, URL, publication date) and, for an encyclopedia page, its infobox.
struct ArticleDocument: Sendable {
    /// How the input is written.
    enum Form: String, Sendable {
        case text, markdown, wikitext, html
    }

    var title: String?
    var url: String?
    var publisher: String?
    /// A publication date found in the page's metadata, as written (ISO 8601 mostly).
    var publishedText: String?
    var blocks: [ArticleBlock] = []
    /// The infobox's text (wikitext, or "Key: value" lines), for the infobox importer.
    var infobox: InputFile?

    /// Sections whose lines are lists of links and references, not prose about the person.
    static let backMatter: Set<String> = [
        "see also", "references", "external links", "further reading", "notes", "bibliography", "sources", "footnotes",
        "works cited", "citations",
    ]

    /// How `file` is written: by its extension, else by what it holds.
    static func form(of file: InputFile) -> Form {
        switch (file.path as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        case "wiki", "wikitext", "mediawiki": return .wikitext
        case "txt", "text": return .text
        default: break
        }
        let head = file.text.prefix(2048).lowercased()
        if head.contains("<!doctype html") || head.contains("<html") || head.contains("<body") || head.contains("<p>") { return .html }
        if file.text.contains("{{") || file.text.contains("[[") || file.text.contains("'''") { return .wikitext }
        if file.text.split(separator: "\n").contains(where: { $0.hasPrefix("# ") || $0.hasPrefix("## ") }) { return .markdown }
        return .text
    }

    /// The article in `file`, written as `form`.
    static func read(_ file: InputFile, as form: Form) throws(CursusError) -> ArticleDocument {
        switch form {
        case .html: return try HTMLArticle.read(file)
        case .text, .markdown, .wikitext: return lines(file, form: form)
        }
    }

    /// Plain text, Markdown and wikitext: paragraphs are runs of lines between blank lines;
    /// headings (`== X ==`, `# X`) stand alone. The infobox ("Infobox" and its "- Key: value"
    /// lines, or the `{{Infobox …}}` template) is set aside for the infobox importer.
    private static func lines(_ file: InputFile, form: Form) -> ArticleDocument {
        var document = ArticleDocument()
        var text = file.text.replacingOccurrences(of: "\r\n", with: "\n")
        if form == .wikitext {
            if text.contains("{{") { document.infobox = file }
            text = WikiProse.plain(text)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if form == .text, let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == "infobox" }) {
            var end = start + 1
            while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end += 1 }
            document.infobox = file
            for index in start..<end { lines[index] = "" }
        }
        var paragraph: (text: String, line: Int)?
        var inBackMatter = false
        func flush() {
            if let current = paragraph, !inBackMatter {
                document.blocks.append(ArticleBlock(text: current.text, line: current.line, isHeading: false))
            }
            paragraph = nil
        }
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
                continue
            }
            if let heading = heading(line, form: form) {
                flush()
                if index < 5, document.title == nil, (line.hasPrefix("=") && !line.hasPrefix("==")) || line.hasPrefix("# ") {
                    document.title = heading
                    continue
                }
                inBackMatter = backMatter.contains(heading.lowercased())
                if !inBackMatter { document.blocks.append(ArticleBlock(text: heading, line: index + 1, isHeading: true)) }
                continue
            }
            let cleaned = form == .markdown ? MarkdownProse.plain(line) : line
            if let current = paragraph {
                paragraph = (current.text + " " + cleaned, current.line)
            } else {
                paragraph = (cleaned, index + 1)
            }
        }
        flush()
        // A first short line with no full stop is the title ("Reports: Kremlin To Recall …").
        // It stays a heading, which may itself state a post ("Ambassador to Russia (2011–2014)").
        if document.title == nil, let first = document.blocks.first, first.text.count < 160, !first.text.hasSuffix(".") {
            document.title = first.text
            document.blocks[0].isHeading = true
        }
        return document
    }

    /// The heading's text when `line` is one: `= Title =`, `== Section ==`, `# Section`.
    static func heading(_ line: String, form: Form) -> String? {
        if line.hasPrefix("="), line.hasSuffix("="), line.count > 2 {
            let text = line.trimmingCharacters(in: CharacterSet(charactersIn: "= "))
            return text.isEmpty ? nil : text
        }
        if form == .markdown || form == .text, line.hasPrefix("#") {
            let text = line.drop(while: { $0 == "#" })
            guard text.hasPrefix(" ") else { return nil }
            return MarkdownProse.plain(text.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}

/// Markdown reduced to its words: links to their text, images, emphasis, code marks and list
/// and quote markers dropped.
enum MarkdownProse {
    static func plain(_ line: String) -> String {
        var text = line
        for marker in ["> ", "- ", "* ", "+ "] where text.hasPrefix(marker) { text.removeFirst(marker.count) }
        text = text.replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(\*\*|__|\*|`)"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(^|\s)_([^_]+)_"#, with: "$1$2", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// Wikitext reduced to prose: templates, tables, references, comments, files and categories
/// dropped (their lines kept blank, so that line numbers still point into the page), links to
/// their labels, bold and italic marks removed.
enum WikiProse {
    static func plain(_ text: String) -> String {
        var output = ""
        var depth = 0
        var tableDepth = 0
        var characters = Array(text)[...]
        // Templates and tables may span lines: drop them whole, keeping their line breaks.
        while let character = characters.first {
            if characters.starts(with: "{{") {
                depth += 1
                characters.removeFirst(2)
            } else if depth > 0, characters.starts(with: "}}") {
                depth -= 1
                characters.removeFirst(2)
            } else if depth == 0, characters.starts(with: "{|") {
                tableDepth += 1
                characters.removeFirst(2)
            } else if tableDepth > 0, characters.starts(with: "|}") {
                tableDepth -= 1
                characters.removeFirst(2)
            } else {
                if character == "\n" || (depth == 0 && tableDepth == 0) { output.append(character) }
                characters.removeFirst()
            }
        }
        var cleaned = output
        let patterns: [(String, String)] = [
            (#"<!--[\s\S]*?-->"#, ""),
            (#"<ref[^>/]*/>"#, ""),
            (#"<ref[^>]*>[\s\S]*?</ref>"#, ""),
            (#"\[\[(?:File|Image|Category):[^\]]*(?:\[\[[^\]]*\]\][^\]]*)*\]\]"#, ""),
            (#"\[\[[^|\]]*\|([^\]]*)\]\]"#, "$1"),
            (#"\[\[([^\]]*)\]\]"#, "$1"),
            (#"\[https?://[^\s\]]+ ([^\]]*)\]"#, "$1"),
            (#"\[https?://[^\s\]]+\]"#, ""),
            (#"'{2,}"#, ""),
            (#"<[^>\n]+>"#, ""),
            (#"&nbsp;"#, " "),
        ]
        for (pattern, template) in patterns {
            cleaned = cleaned.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        // A removed multi-line match took its line breaks with it: count lines by the original.
        return realign(cleaned, lineCount: output.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    /// Pads `text` with blank lines up to `lineCount`, so paragraphs after a removed comment or
    /// reference stay near their lines (exactly, when nothing spanning lines was removed).
    private static func realign(_ text: String, lineCount: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        return lines >= lineCount ? text : text + String(repeating: "\n", count: lineCount - lines)
    }
}
