import CursusCore
import Foundation

/// Reads an article (plain text, Markdown, wikitext or a saved HTML page) into a draft dossier:
/// every dated sentence becomes an event, career sentences become tenures, birth and death go
/// to the person, and each fact cites the article with the sentence it came from.
public enum ArticleImporter {
    /// What the command line says of the article.
    public struct Options: Sendable {
        /// The day the article was published: relative dates count from it.
        public var published: CalendarDay?
        /// The person the article is about (default: the one it names most often).
        public var person: String?
        public var title: String?
        public var publisher: String?
        public var url: String?
        /// news, encyclopedia …
        public var kind: String?

        /// Options with nothing said.
        public init(
            published: CalendarDay? = nil, person: String? = nil, title: String? = nil, publisher: String? = nil, url: String? = nil,
            kind: String? = nil
        ) {
            self.published = published
            self.person = person
            self.title = title
            self.publisher = publisher
            self.url = url
            self.kind = kind
        }
    }

    /// The dossier `file` describes, and a warning for every dated sentence it could not use.
    public static func `import`(_ file: InputFile, options: Options = Options()) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: file, scope: "article")
        let form = ArticleDocument.form(of: file)
        let document = try ArticleDocument.read(file, as: form)
        var infobox: ImportResult?
        if let infoboxFile = document.infobox {
            do {
                infobox = try InfoboxImporter.import(infoboxFile)
            } catch {
                if form != .wikitext { warnings.diagnostics(error.diagnostics) }
            }
        }
        let sentences = sentences(of: document)
        guard !sentences.isEmpty || infobox != nil else { throw warnings.error("holds no prose to read", line: nil) }

        var published = options.published
        if published == nil { published = publicationDate(document, sentences: sentences, warnings: &warnings) }
        let name = options.person ?? infobox?.dossier.people.first?.name ?? mostNamedPerson(sentences)
        guard let name else {
            throw warnings.error("names no person; say whom the article is about with --person NAME", line: nil)
        }
        var ids = IDMaker()
        let personID = infobox?.dossier.people.first?.id ?? ids.make(name)
        let sourceTitle = options.title ?? document.title ?? name
        let sourceID = ids.make(ProseReader.shortened(options.publisher ?? document.publisher ?? sourceTitle))
        var reader = ProseReader(
            personID: personID, personName: name, sourceID: sourceID, dates: RelativeDates(published: published), ids: ids)
        for sentence in sentences { reader.read(sentence, warnings: &warnings) }

        var dossier = reader.dossier(name: name)
        if let infobox { dossier = ArticleMerge.merge(infobox: infobox, prose: dossier, sourceID: sourceID, warnings: &warnings) }
        guard !dossier.tenures.isEmpty || !dossier.events.isEmpty || dossier.people[0].born != nil || dossier.people[0].died != nil else {
            throw warnings.error("has no sentence with a date Cursus could read, so there is nothing to import", line: nil)
        }
        dossier.sources = [
            Source(
                id: sourceID, title: sourceTitle, kind: options.kind ?? (document.infobox != nil ? "encyclopedia" : nil),
                publisher: options.publisher ?? document.publisher, url: options.url ?? document.url,
                published: published.flatMap { try? EDTF($0.iso) })
        ]
        return ImportResult(dossier: dossier, warnings: warnings.diagnostics)
    }

    /// The article's sentences, with their sections; headings count as sentences of their own
    /// (an encyclopedia's "Ambassador to Russia (2011–2014)").
    static func sentences(of document: ArticleDocument) -> [Sentence] {
        var sentences: [Sentence] = []
        var section: String?
        for (index, block) in document.blocks.enumerated() {
            if block.isHeading {
                section = block.text
                sentences.append(Sentence(text: block.text, line: block.line, paragraph: index, section: nil))
            } else {
                sentences += SentenceSplitter.split(block, paragraph: index, section: section)
            }
        }
        return sentences
    }

    /// The publication date the page's metadata gives, or a short line near the top that is a
    /// dateline or byline with a full date ("The Washington Times - Tuesday, June 3, 2008"). A
    /// dateline without a year ("WASHINGTON, July 22. /TASS/.") is a warning.
    static func publicationDate(_ document: ArticleDocument, sentences: [Sentence], warnings: inout ImportWarnings) -> CalendarDay? {
        if let text = document.publishedText, let day = CalendarDay(iso: String(text.prefix(10))) { return day }
        let dateline = try! NSRegularExpression(pattern: #"^[A-Z][A-Z .'’-]+, "#)
        for block in document.blocks.prefix(5) where block.text.count < 100 {
            for mention in ProseDates.mentions(in: block.text) where mention.kind == .single {
                if case .edtf(let text)? = mention.start, let day = CalendarDay(iso: text), !block.text.contains(". ") { return day }
                if case .dayMonth? = mention.start,
                    dateline.firstMatch(in: block.text, range: NSRange(block.text.startIndex..., in: block.text)) != nil
                {
                    warnings.warn(
                        "the dateline '\(mention.text)' gives no year; pass --published YYYY-MM-DD so that relative dates can be placed",
                        line: block.line)
                }
            }
        }
        return nil
    }

    /// The name of the person the text names most often: the two- or three-word capitalized
    /// names, scored by how often their last word (the surname) appears.
    static func mostNamedPerson(_ sentences: [Sentence]) -> String? {
        let pattern = try! NSRegularExpression(pattern: #"\b([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2})\b"#)
        var names: [String: Int] = [:]
        var words: [String: Int] = [:]
        for sentence in sentences where !sentence.text.isEmpty {
            let text = sentence.text
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { names[String(text[range]), default: 0] += 1 }
            }
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.first?.isUppercase == true {
                words[String(word), default: 0] += 1
            }
        }
        let notNames: Set<String> = ["The", "In", "On", "He", "She", "From", "United", "States", "New", "York", "White", "House", "News"]
        let scored = names.keys.filter { name in !name.split(separator: " ").contains { notNames.contains(String($0)) } }
            .map { name in (name, words[String(name.split(separator: " ").last!)] ?? 0, names[name]!) }
        return scored.max { ($0.1, $0.2, $1.0) < ($1.1, $1.2, $0.0) }?.0
    }
}

extension ImportWarnings {
    /// Keeps diagnostics another importer raised, as warnings.
    mutating func diagnostics(_ found: [Diagnostic]) {
        for diagnostic in found { warn(diagnostic.message, line: diagnostic.location?.line) }
    }
}
