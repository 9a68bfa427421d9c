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
        /// The source's title (default: the article's own, or its first line).
        public var title: String?
        /// Who published the article.
        public var publisher: String?
        /// Where the article can be read.
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
        let name = nonBlank(options.person) ?? infobox?.dossier.people.first?.name ?? mostNamedPerson(sentences)
        guard let name else {
            throw warnings.error("names no person; say whom the article is about with --person NAME", line: nil)
        }
        var ids = IDMaker()
        let personID = infobox?.dossier.people.first?.id ?? ids.make(name)
        let sourceTitle = nonBlank(options.title) ?? nonBlank(document.title) ?? name
        let publisher = nonBlank(options.publisher) ?? document.publisher
        let sourceID = ids.make(ProseReader.shortened(publisher ?? sourceTitle))
        var reader = ProseReader(
            personID: personID, personName: name, sourceID: sourceID, dates: RelativeDates(published: published), ids: ids)
        for sentence in sentences where !isDateline(sentence.text) { reader.read(sentence, warnings: &warnings) }

        var dossier = reader.dossier(name: name)
        if let infobox { dossier = ArticleMerge.merge(infobox: infobox, prose: dossier, sourceID: sourceID, warnings: &warnings) }
        guard !dossier.tenures.isEmpty || !dossier.events.isEmpty || dossier.people[0].born != nil || dossier.people[0].died != nil else {
            // The warnings say why: dates that could not be placed, impossible days.
            var error = warnings.error("has no sentence with a date Cursus could read, so there is nothing to import", line: nil)
            error.diagnostics = warnings.diagnostics + error.diagnostics
            throw error
        }
        dossier.sources = [
            Source(
                id: sourceID, title: sourceTitle, kind: nonBlank(options.kind) ?? (document.infobox != nil ? "encyclopedia" : nil),
                publisher: publisher, url: nonBlank(options.url) ?? document.url,
                published: published.flatMap { try? EDTF($0.iso) })
        ]
        return ImportResult(dossier: dossier, warnings: warnings.diagnostics)
    }

    /// `text` unless it is missing or blank.
    static func nonBlank(_ text: String?) -> String? {
        text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
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
        // A byline or dateline: a short line near the top that is not a sentence of the article.
        for sentence in sentences.prefix(8)
        where sentence.paragraph < 3 && sentence.text.count < 100 && (!sentence.text.hasSuffix(".") || isDateline(sentence.text)) {
            for mention in ProseDates.mentions(in: sentence.text) where mention.kind == .single {
                if case .edtf(let text)? = mention.start, let day = CalendarDay(iso: text) { return day }
                if case .dayMonth? = mention.start, isDateline(sentence.text) {
                    warnings.warn(
                        "the dateline '\(sentence.text)' gives no year; pass --published YYYY-MM-DD so that relative dates can be placed",
                        line: sentence.line)
                }
            }
        }
        return nil
    }

    static let dateline = try! NSRegularExpression(pattern: #"^[A-Z][A-Z .'’-]+, [A-Z][a-z]+\.? [0-9]{1,2}\.?( /[A-Z]+/\.?)?$"#)

    /// A dateline before a report's first words: "MADRID, " or "WASHINGTON (AP) — " before its date.
    static let datelinePlace = try! NSRegularExpression(pattern: #"^[A-Z][A-Z .'’-]+, (?:[A-Z][a-z]+\.? )?$"#)

    /// True for a dateline standing as a sentence of its own: "WASHINGTON, July 22.".
    static func isDateline(_ text: String) -> Bool {
        dateline.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Words that are capitalized in a name's company but are not names: titles, demonyms,
    /// institutions and words that start sentences.
    static let notNames: Set<String> = [
        "The", "In", "On", "At", "He", "She", "His", "Her", "It", "Some", "Many", "Former", "Mr", "Mrs", "Ms", "Dr", "Russian",
        "American", "Soviet", "British", "Ukrainian", "German", "French", "Chinese", "United", "States", "New", "York", "White",
        "House", "News", "Times", "Post", "Foreign", "Ministry", "Minister", "Prime", "President", "Ambassador", "Deputy",
        "Secretary", "General", "Senate", "Council", "University", "Institute", "Department", "Committee", "National", "Security",
        "Federation", "Republic", "Union", "Kremlin", "Washington", "Moscow", "Olympics", "Winter", "Summer", "Cold", "War",
        "Attorney", "Director", "Press", "Center", "Centre", "Office", "Oval", "According", "After", "Before", "During", "From",
        "Since", "When", "While", "However", "Senator", "Governor", "Mayor", "Chairman", "Professor", "Sir", "Lord", "Lady",
        "Federal", "State", "Party", "Democratic", "Republican", "Convention", "Foundation", "Olympic", "Academy", "Affairs",
        "Asian", "African", "European", "Bishop", "Archbishop", "Cardinal", "Pope", "Rev", "Reverend", "Father", "Rabbi", "Sheikh",
        "General", "Colonel", "Captain", "Judge", "Justice", "Dame", "King", "Queen", "Prince", "Princess",
    ]

    /// The name of the person the text names most often: names of two or three capitalized
    /// words (titles before them set aside), scored by how often their last word, the surname,
    /// stands in the text; the full name as it is written most often.
    static func mostNamedPerson(_ sentences: [Sentence]) -> String? {
        let word = #"\p{Lu}[\p{L}'’-]*\p{Ll}"#
        let pattern = try! NSRegularExpression(pattern: #"\b(\#(word)(?: [A-Z]\.)?(?: \#(word)){1,3})\b"#)
        var names: [String: Int] = [:]
        var surnames: [String: Int] = [:]
        // Sentences' first words, counted apart: a surname there counts for a full name.
        var everywhere: [String: Int] = [:]
        for sentence in sentences {
            let text = sentence.text
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let words = text[range].split(separator: " ").map(possessiveDropped).drop { notNames.contains($0) }
                guard words.count >= 2, !words.contains(where: notNames.contains) else { continue }
                names[words.joined(separator: " "), default: 0] += 1
            }
            // Not the sentence's first word, for a name on its own: that is capitalized whatever it is.
            let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
            for word in words.dropFirst() where word.first?.isUppercase == true { surnames[possessiveDropped(word), default: 0] += 1 }
            if let first = words.first { everywhere[possessiveDropped(first), default: 0] += 1 }
        }
        // The subject of the lead (its first words) is most often the person the article is about.
        let leadSentence = sentences.first { $0.paragraph > (sentences.first?.paragraph ?? 0) }
        let lead = leadSentence.map { $0.text.split(separator: " ").prefix(6).map(possessiveDropped) } ?? []
        let scored = names.map { name, count in
            let surname = String(name.split(separator: " ").last!)
            let score = (surnames[surname] ?? 0) + (everywhere[surname] ?? 0) + (lead.contains { $0.hasPrefix(surname) } ? 3 : 0)
            return (name: name, surname: score, count: count)
        }
        let best = scored.max { ($0.surname, $0.count, $1.name) < ($1.surname, $1.count, $0.name) }
        // A person the text calls by surname alone ("McFaul attended …") more often than anyone by
        // full name: counted where the word is a subject, before a verb.
        let subject = try! NSRegularExpression(
            pattern: #"\b([A-Z][a-zA-Z'’-]*[a-z]) (?:[a-z]+ed|said|says|was|is|has|had|became|wrote|told|met|won)\b"#)
        var subjects: [String: Int] = [:]
        for sentence in sentences {
            let text = sentence.text
            for match in subject.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text), !notNames.contains(String(text[range])) {
                    subjects[String(text[range]), default: 0] += 1
                }
            }
        }
        if let word = subjects.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), word.value >= 2,
            surnames[word.key, default: 0] > (best?.surname ?? 0)
        {
            return best.flatMap { $0.name.hasSuffix(" " + word.key) ? $0.name : nil } ?? word.key
        }
        return best?.name
    }

    private static func possessiveDropped(_ word: Substring) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : String(word)
    }
}

extension ImportWarnings {
    /// Keeps diagnostics another importer raised, as warnings.
    mutating func diagnostics(_ found: [Diagnostic]) {
        for diagnostic in found { warn(diagnostic.message, line: diagnostic.location?.line) }
    }
}
