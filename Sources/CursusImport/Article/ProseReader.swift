import CursusCore
import Foundation

/// Turns an article's sentences, one at a time, into facts: posts, birth and death, and an
/// event for every other date, each citing the sentence word for word at its line.
struct ProseReader {
    let personID: String
    let personName: String
    let sourceID: String
    let dates: RelativeDates
    var ids: IDMaker

    private var tenures: [Tenure] = []
    private var events: [Event] = []
    private var born: (EDTF, String?, Citation)?
    private var died: (EDTF, Citation)?
    /// The last complete date of the paragraph being read, and that paragraph.
    private var anchor: (paragraph: Int, day: CalendarDay)?

    init(personID: String, personName: String, sourceID: String, dates: RelativeDates, ids: IDMaker) {
        self.personID = personID
        self.personName = personName
        self.sourceID = sourceID
        self.dates = dates
        self.ids = ids
    }

    var surname: String { String(personName.split(separator: " ").last ?? "") }
    /// The words of the person's name, lowercased: any of them may stand for the person.
    var nameWords: Set<String> {
        Set(personName.lowercased().split { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" }.map(String.init).filter { $0.count > 1 })
    }

    static let birth = try! NSRegularExpression(pattern: #"\b[Bb]orn(?: in ([A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*)*))?[ ,]*(?:on )?$"#)
    static let death = try! NSRegularExpression(pattern: #"\b(?:died|passed away)\b[^;]*$"#)

    mutating func read(_ sentence: Sentence, warnings: inout ImportWarnings) {
        let text = sentence.text
        let mentions = ProseDates.mentions(in: text)
        guard !mentions.isEmpty else { return }
        if let anchor, anchor.paragraph != sentence.paragraph { self.anchor = nil }
        let citation = Citation(sourceID, quote: text, locator: "line \(sentence.line)")

        // Each mention placed in time, in order; complete dates become the anchor for the next.
        var placed: [(mention: DateMention, start: String?, end: String?, ongoing: Bool)] = []
        for mention in mentions {
            if let invalid = mention.invalid {
                warnings.warn("\(invalid); the sentence is left out", line: sentence.line)
                continue
            }
            let clauseRange = Clause.range(around: mention.range, in: text)
            let clause = String(text[clauseRange])
            let tense = Tense.governing(mention.range.lowerBound, in: clauseRange, of: text)
            let start = mention.start.flatMap {
                place($0, mention: mention, tense: tense, clause: clause, sentence: sentence, warnings: &warnings)
            }
            let ongoing = mention.end == .present
            let end =
                ongoing
                ? nil
                : mention.end.flatMap { place($0, mention: mention, tense: tense, clause: clause, sentence: sentence, warnings: &warnings) }
            if (mention.start != nil && start == nil) || (mention.end != nil && !ongoing && end == nil) { continue }
            for text in [start, end].compactMap({ $0 }) {
                if let day = try? EDTF(text), day.precision == .day || day.precision == .month, let earliest = day.earliest,
                    mention.start?.isComplete ?? true
                {
                    anchor = (sentence.paragraph, earliest)
                }
            }
            placed.append((mention, start, end, ongoing))
        }
        guard !placed.isEmpty else { return }

        var used = Set<Int>()
        // The lead's "Name (February 12, 1809 – April 15, 1865) was …": birth and death.
        if born == nil,
            let index = placed.firstIndex(where: { $0.mention.kind == .span && isLifeSpan(String(text[..<$0.mention.range.lowerBound])) }),
            let start = placed[index].start.flatMap({ try? EDTF($0) })
        {
            born = (start, nil, citation)
            if let end = placed[index].end.flatMap({ try? EDTF($0) }) { died = (end, citation) }
            used.insert(index)
        }
        let posts = CareerSentences.posts(
            in: text, mentions: placed.enumerated().filter { !used.contains($0.offset) }.map(\.element.mention), names: nameWords,
            isHeading: sentence.section == nil && text.count < 80)
        for post in posts {
            guard let index = placed.firstIndex(where: { $0.mention.range == post.mention.range }) else { continue }
            let dated = placed[index]
            let start = dated.start.flatMap { try? EDTF($0) }
            var end = dated.end.flatMap { try? EDTF($0) }
            if Tenure.endsBeforeStart(start, end) {
                warnings.warn("the post '\(post.office)' would end before it starts; its end is left out", line: sentence.line)
                end = nil
            }
            let ongoing = post.mention.end == .present
            tenures.append(
                Tenure(
                    id: ids.make(post.role ?? post.office, suffix: start?.earliest.map { String($0.year) }), person: personID,
                    office: post.office, role: post.role, organization: post.organization, place: post.place, start: start,
                    end: ongoing ? nil : end, ongoing: ongoing, sources: [citation]))
            used.insert(index)
        }

        for (index, dated) in placed.enumerated() where !used.contains(index) {
            let before = String(text[..<dated.mention.range.lowerBound])
            // "MADRID, March 4 (Reuters) - …": the dateline says when the report was filed.
            if ArticleImporter.datelinePlace.firstMatch(in: before, range: NSRange(before.startIndex..., in: before)) != nil { continue }
            let range = NSRange(before.startIndex..., in: before)
            if let start = dated.start, dated.mention.kind == .single, let date = try? EDTF(start) {
                if let match = Self.birth.firstMatch(in: before, range: range), born == nil {
                    let place = Range(match.range(at: 1), in: before).map { String(before[$0]) }
                    born = (date, place, citation)
                    continue
                }
                if Self.death.firstMatch(in: before, range: range) != nil, died == nil, mentionsPerson(before) {
                    died = (date, citation)
                    continue
                }
            }
            guard let date = eventDate(dated.start, dated.end, kind: dated.mention.kind, ongoing: dated.ongoing) else { continue }
            let clause = Clause.range(around: dated.mention.range, in: text)
            let title =
                text[clause].split(separator: " ").count >= 5
                ? EventTitle.make(String(text[clause]), removing: Clause.ranges(mentions.map(\.range), within: clause, of: text))
                : EventTitle.make(text, removing: mentions.map(\.range))
            events.append(
                Event(
                    id: ids.make(Self.shortened(title), suffix: date.earliest.map { String($0.year) }), date: date, title: title,
                    people: [personID],
                    sources: [citation]))
        }
    }

    /// The first words of a title, for an id.
    static func shortened(_ title: String) -> String { title.split(separator: " ").prefix(5).joined(separator: " ") }

    /// True when a span stands in the brackets right after the person's name.
    private func isLifeSpan(_ before: String) -> Bool {
        guard let open = before.lastIndex(of: "("), !before[open...].contains(")") else { return false }
        return before[..<open].trimmingCharacters(in: .whitespaces).hasSuffix(surname)
    }

    private func mentionsPerson(_ text: String) -> Bool {
        let lowered = " " + text.lowercased() + " "
        return lowered.contains(" he ") || lowered.contains(" she ") || text.contains(surname)
    }

    /// The mention's date in time, or nil with a warning at the sentence.
    private func place(
        _ date: ProseDate, mention: DateMention, tense: Tense, clause: String, sentence: Sentence, warnings: inout ImportWarnings
    ) -> String? {
        let words = "'\(mention.text.trimmingCharacters(in: .whitespaces))'"
        // The paragraph's own year serves a narrative in the past, or a text with no publication date.
        let narrative = tense == .past || dates.published == nil
        let paragraphAnchor = anchor.flatMap { $0.paragraph == sentence.paragraph && narrative ? $0.day : nil }
        let earlier = clause.range(of: #"\bhad\b"#, options: .regularExpression) != nil
        switch dates.resolve(date, tense: tense, anchor: paragraphAnchor, earlier: earlier, words: words) {
        case .date(let text): return text
        case .assumed(let text, let reason):
            warnings.warn(reason, line: sentence.line)
            return text
        case .unknown(let reason):
            warnings.warn("\(reason); the date is left out", line: sentence.line)
            return nil
        }
    }

    /// The event's date: a day, month or year, or an interval for a span.
    private func eventDate(_ start: String?, _ end: String?, kind: DateMention.Kind, ongoing: Bool) -> EDTF? {
        switch kind {
        case .single: return start.flatMap { try? EDTF($0) }
        case .span:
            guard let start else { return nil }
            if ongoing { return try? EDTF(start + "/..") }
            guard let end else { return try? EDTF(start) }
            // An interval whose ends are intervals (a week) is not EDTF: keep the start.
            if start.contains("/") || end.contains("/") { return try? EDTF(start) }
            return try? EDTF(start + "/" + end)
        case .since: return start.flatMap { $0.contains("/") ? nil : try? EDTF($0 + "/..") }
        case .until: return end.flatMap { $0.contains("/") ? nil : try? EDTF("../" + $0) }
        }
    }

    /// The dossier of what was read: the person, their posts and events in date order.
    func dossier(name: String) -> Dossier {
        var person = Person(id: personID, name: name)
        var sources: [Citation] = []
        if let born {
            person.born = born.0
            person.birthPlace = born.1
            sources.append(born.2)
        }
        if let died {
            person.died = died.0
            if !sources.contains(died.1) { sources.append(died.1) }
        }
        person.sources = sources
        return Dossier(
            people: [person], tenures: Dossier(tenures: Self.deduplicated(tenures)).chronologicalTenures,
            events: Dossier(events: events).chronologicalEvents)
    }

    /// Posts stated twice (an encyclopedia's lead and its career section) become one, citing
    /// both, with the more precise of each date.
    static func deduplicated(_ tenures: [Tenure]) -> [Tenure] {
        var kept: [Tenure] = []
        for tenure in tenures {
            if let index = kept.firstIndex(where: { ArticleMerge.samePost($0, tenure) }) {
                kept[index].sources += tenure.sources
                kept[index].start = ArticleMerge.finer(kept[index].start, tenure.start)
                if !kept[index].ongoing { kept[index].end = ArticleMerge.finer(kept[index].end, tenure.end) }
            } else {
                kept.append(tenure)
            }
        }
        return kept
    }
}

/// The clauses of a sentence: the parts between "; ", ", but ", ", while " and ", and ".
enum Clause {
    static let separators = ["; ", ", but ", ", while ", ", and ", ", whereas "]

    /// The clause that holds `range`.
    static func range(around range: Range<String.Index>, in text: String) -> Range<String.Index> {
        var start = text.startIndex
        var end = text.endIndex
        for separator in separators {
            if let before = text[..<range.lowerBound].range(of: separator, options: .backwards), before.upperBound > start {
                start = before.upperBound
            }
            if let after = text[range.upperBound...].range(of: separator), after.lowerBound < end { end = after.lowerBound }
        }
        return start..<end
    }

    /// `ranges` that fall inside `clause`, moved to count from the clause's start.
    static func ranges(_ ranges: [Range<String.Index>], within clause: Range<String.Index>, of text: String) -> [Range<String.Index>] {
        let part = String(text[clause])
        return ranges.filter { clause.contains($0.lowerBound) && $0.upperBound <= clause.upperBound }.map { range in
            let lower = part.index(part.startIndex, offsetBy: text.distance(from: clause.lowerBound, to: range.lowerBound))
            let upper = part.index(part.startIndex, offsetBy: text.distance(from: clause.lowerBound, to: range.upperBound))
            return lower..<upper
        }
    }
}

/// A short title for an event, made from its sentence: the clause without its date, its
/// leading connective and what trails after the main clause, cut to a dozen words or so.
enum EventTitle {
    static let trailing = try! NSRegularExpression(
        pattern: #",? (?:which|who|where|while|although|though|because|as it|but|in the wake of|after it|, according to)\b|; | — | – "#)
    static let connectives: Set<String> = [
        "however", "meanwhile", "then", "later", "also", "and", "but", "so", "still", "moreover", "thus",
    ]

    static func make(_ sentence: String, removing ranges: [Range<String.Index>]) -> String {
        var text = sentence
        for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) { text.replaceSubrange(range, with: " ") }
        text = text.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #" ([,.;:])"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #",(\s*,)+"#, with: ",", options: .regularExpression)
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
        while let first = text.split(separator: " ").first,
            connectives.contains(first.lowercased().trimmingCharacters(in: .punctuationCharacters)), first.hasSuffix(",") || text.count > 40
        {
            text = String(text.dropFirst(first.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        if let match = trailing.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text), text.distance(from: text.startIndex, to: range.lowerBound) > 25
        {
            text = String(text[..<range.lowerBound])
        }
        let words = text.split(separator: " ")
        if words.count > 16 { text = words.prefix(14).joined(separator: " ") + " …" }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:.\"“”"))
        return CareerSentences.capitalized(text.isEmpty ? sentence : text)
    }
}
