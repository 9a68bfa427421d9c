import CursusCore
import Foundation

/// A post a sentence states: "From 1981 to 1985, he was the Second Secretary at …",
/// "served as ambassador to Canada from 1998 to 2003", "became Deputy Defense Minister in
/// February 2011", "Ambassador to Canada (1998–2003)", "has been serving as ambassador since 2008".
struct StatedPost: Sendable {
    var office: String
    var role: String?
    var organization: String?
    var place: String?
    /// The mention that dates it.
    var mention: DateMention
}

/// The patterns that read posts out of sentences. A post needs the person as the subject, a
/// verb of holding or taking office, a title with a word of office in it, and a date that says
/// when the post began (a span, "since", or a date with "became" or "was appointed").
enum CareerSentences {
    /// Words that name an office; a phrase without one is not read as a post.
    static let officeWords: Set<String> = [
        "ambassador", "minister", "director", "secretary", "president", "vice-president", "senator", "governor", "chairman",
        "chairwoman", "chair", "head", "chief", "representative", "counsellor", "counselor", "consul", "consul-general", "deputy",
        "adviser", "advisor", "professor", "mayor", "member", "judge", "justice", "commissioner", "envoy", "attaché", "attache",
        "officer", "commander", "spokesman", "spokeswoman", "spokesperson", "editor", "manager", "fellow", "lecturer", "leader",
        "speaker", "premier", "chancellor", "dean", "rector", "delegate", "undersecretary", "under-secretary", "ceo",
        "executive", "administrator", "prosecutor", "general", "admiral", "emissary", "negotiator", "coordinator", "principal",
        "provost", "superintendent", "treasurer", "attorney", "auditor", "inspector", "curator", "librarian", "archivist",
        "correspondent", "bureau", "mp", "deputy-director", "bishop", "archbishop", "cardinal", "pastor", "priest", "rabbi",
        "imam", "chaplain", "moderator", "abbot", "pope", "vicar", "rector", "governor-general", "consul", "registrar",
    ]

    /// The verbs of holding or taking office; those that take a single date as the start.
    static let verb = try! NSRegularExpression(
        pattern:
            #"\b(was appointed(?: as)?|was named(?: as)?|was elected(?: as)?|was promoted(?: to)?|was made|has been serving as|has served as|has been|had served as|had been|served as|serves as|worked as|works as|tenure as|became|becomes|was|is)\s+(?:(?:the|a|an)\s+)?"#
    )
    /// Being elected is not taking office: an election's date is no start.
    static let startingVerbs: Set<String> = [
        "was appointed", "was appointed as", "was named", "was named as", "was promoted", "was promoted to", "was made", "became",
        "becomes",
    ]
    /// Verbs that say the post is still held, with "since": ongoing as of the article.
    static let ongoingVerbs: Set<String> = ["has been serving as", "has served as", "has been", "serves as", "works as", "is"]

    /// Where an office phrase ends: the clause that follows it.
    static let clauseEnd = try! NSRegularExpression(
        pattern:
            #",? (?:when|where|which|who|while|after|before|until|during|under|prior to|following|with a|with the|replacing|succeeding)\b|[;:]|, and |, but |, then |\sby (?=[A-Z])|\.$"#
    )

    /// Words that may stand before the subject: "Previously he served as …".
    static let leadingWords: Set<String> = [
        "previously", "then", "later", "subsequently", "also", "and", "there", "afterwards", "thereafter", "meanwhile", "finally",
        "initially", "next", "eventually",
    ]

    /// The posts `sentence` states for the person whose name has the words `names` (lowercased;
    /// or "he"/"she"), each with
    /// the mention that dates it.
    static func posts(in sentence: String, mentions: [DateMention], names: Set<String>, isHeading: Bool) -> [StatedPost] {
        if let post = headingPost(sentence, mentions: mentions, isHeading: isHeading) {
            return [post]
                + enumerated(after: post.mention, office: post.office, in: sentence, mentions: mentions).map {
                    described($0.office, mention: $0.mention)
                }
        }
        let range = NSRange(sentence.startIndex..., in: sentence)
        var posts: [StatedPost] = []
        var usedMentions: [Range<String.Index>] = []
        for match in verb.matches(in: sentence, range: range) {
            guard let verbRange = Range(match.range, in: sentence), let verbWords = Range(match.range(at: 1), in: sentence) else {
                continue
            }
            let verbText = String(sentence[verbWords])
            // The subject stands between the clause's start and the verb.
            let clauseStart = sentence[..<verbRange.lowerBound].range(of: ", and ", options: .backwards)?.upperBound ?? sentence.startIndex
            guard isSubject(sentence[clauseStart..<verbRange.lowerBound], mentions: mentions, names: names, verb: verbText) else {
                continue
            }
            // The office runs to the clause's end or to the date that follows it.
            var officeEnd = sentence.endIndex
            let rest = NSRange(verbRange.upperBound..., in: sentence)
            if let end = clauseEnd.firstMatch(in: sentence, range: rest), let endRange = Range(end.range, in: sentence) {
                officeEnd = endRange.lowerBound
            }
            for mention in mentions where mention.range.lowerBound >= verbRange.upperBound && mention.range.lowerBound < officeEnd {
                officeEnd = mention.range.lowerBound
            }
            let office = tidy(String(sentence[verbRange.upperBound..<officeEnd]))
            guard !office.isEmpty, hasOfficeWord(office) else { continue }
            // The date of the clause: in it before the verb, or right after the office.
            let inClause = mentions.filter { mention in
                !usedMentions.contains(mention.range)
                    && ((mention.range.lowerBound >= clauseStart && mention.range.upperBound <= verbRange.lowerBound)
                        || mention.range.lowerBound == officeEnd)
            }
            // A span or "since" dates the post; with "became", the date right after the title, else
            // the nearest one before the verb.
            let singles = inClause.filter { $0.kind == .single }
            let dating =
                inClause.first { $0.kind == .span || $0.kind == .since }
                ?? (startingVerbs.contains(verbText)
                    ? (singles.first { $0.range.lowerBound == officeEnd } ?? afterAgent(officeEnd, in: sentence, mentions: mentions))
                        ?? singles.last { $0.range.upperBound <= verbRange.lowerBound }
                    : nil)
            guard var mention = dating, mention.invalid == nil else { continue }
            // "the second female minister since 1949" is a distinction, not a post held since then.
            if mention.kind == .since, let first = office.split(separator: " ").first, distinctions.contains(first.lowercased()) {
                continue
            }
            if mention.kind == .since { mention.end = ongoingVerbs.contains(verbText) ? .present : nil }
            usedMentions.append(mention.range)
            posts += offices(office).map { part in described(part, mention: mention) }
            // "From 1977 to 1981 and again from 1983 to 1990, he was …": the same post, twice.
            for other in inClause
            where other.kind == .span && other.range != mention.range && !usedMentions.contains(other.range)
                && other.range.upperBound <= verbRange.lowerBound && other.invalid == nil
            {
                usedMentions.append(other.range)
                posts += offices(office).map { part in described(part, mention: other) }
            }
            // "…, then from 1983 to 1986 Ambassador to India": a next post, its verb understood.
            if sentence[officeEnd...].hasPrefix(", then "),
                let next = mentions.first(where: { mention in
                    mention.kind == .span && mention.invalid == nil && mention.range.lowerBound > officeEnd
                        && sentence[officeEnd..<mention.range.lowerBound].trimmingCharacters(in: .whitespaces) == ", then"
                })
            {
                var end = sentence.endIndex
                let after = NSRange(next.range.upperBound..., in: sentence)
                if let match = clauseEnd.firstMatch(in: sentence, range: after), let range = Range(match.range, in: sentence) {
                    end = range.lowerBound
                }
                let following = tidy(String(sentence[next.range.upperBound..<end]))
                if !following.isEmpty, hasOfficeWord(following), following.first?.isUppercase == true {
                    usedMentions.append(next.range)
                    posts.append(described(following, mention: next))
                }
            }
            for (place, span) in enumerated(after: mention, office: office, in: sentence, mentions: mentions) {
                usedMentions.append(span.range)
                posts.append(described(place, mention: span))
            }
        }
        return posts
    }

    /// "was named Minister of Foreign Affairs by Prime Minister Atef Sedki on 20 May 1991": the
    /// date after the one who appointed.
    private static func afterAgent(_ officeEnd: String.Index, in sentence: String, mentions: [DateMention]) -> DateMention? {
        guard sentence[officeEnd...].hasPrefix(" by ") else { return nil }
        return mentions.first { mention in
            mention.kind == .single && mention.range.lowerBound > officeEnd
                && !sentence[officeEnd..<mention.range.lowerBound].contains(where: { ",;".contains($0) })
        }
    }

    /// Words that open a distinction rather than a post.
    static let distinctions: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "last", "only", "youngest", "oldest", "longest-serving", "first-ever",
    ]

    /// "Ambassador to Russia (1991-1994), then-East Germany (1990-1991) and Syria (1986-1988)":
    /// the same title to other places, each with its span in brackets, after the first.
    private static func enumerated(after first: DateMention, office: String, in sentence: String, mentions: [DateMention])
        -> [(office: String, mention: DateMention)]
    {
        guard first.text.hasPrefix("("), let to = office.range(of: " to ", options: .backwards) else { return [] }
        let title = office[..<to.upperBound]
        var found: [(String, DateMention)] = []
        var previous = first
        for mention in mentions where mention.range.lowerBound > previous.range.upperBound {
            guard mention.kind == .span, mention.text.hasPrefix("("), mention.invalid == nil else { break }
            var between = sentence[previous.range.upperBound..<mention.range.lowerBound].trimmingCharacters(in: .whitespaces)
            for joint in [", and ", ", ", "and "] where between.hasPrefix(joint) {
                between.removeFirst(joint.count)
                break
            }
            let words = between.split(separator: " ")
            guard !words.isEmpty, words.count <= 5, words.last?.first?.isUppercase == true, !between.contains(",") else { break }
            // "then-East Germany": the country as it was then.
            for prefix in ["then-", "then "] where between.hasPrefix(prefix) { between.removeFirst(prefix.count) }
            found.append((title + between, mention))
            previous = mention
        }
        return found
    }

    /// "Ambassador to Russia (2011–2014)": a title followed by a span in brackets, in a heading
    /// or in running text.
    private static func headingPost(_ sentence: String, mentions: [DateMention], isHeading: Bool) -> StatedPost? {
        guard let mention = mentions.first(where: { $0.kind == .span && $0.text.hasPrefix("(") }), mention.invalid == nil else {
            return nil
        }
        let before = sentence[..<mention.range.lowerBound].trimmingCharacters(in: .whitespaces)
        var words: [Substring] = []
        let connectors: Set<String> = ["of", "to", "the", "for", "and", "in", "on", "at"]
        for word in before.split(separator: " ").reversed() {
            guard word.first?.isUppercase == true || connectors.contains(String(word)) else { break }
            words.insert(word, at: 0)
        }
        while let first = words.first, connectors.contains(String(first)) { words.removeFirst() }
        let office = words.joined(separator: " ")
        guard !office.isEmpty, hasOfficeWord(office), isHeading || words.count < 8 else { return nil }
        return described(office, mention: mention)
    }

    /// True when what stands before the verb is the person: nothing (after the date), "he",
    /// "she", or the person's name, perhaps after a word such as "Previously".
    private static func isSubject(_ text: Substring, mentions: [DateMention], names: Set<String>, verb: String) -> Bool {
        var remaining = String(text)
        for mention in mentions.reversed() where mention.range.lowerBound >= text.startIndex && mention.range.upperBound <= text.endIndex {
            remaining.removeSubrange(
                remaining.index(
                    remaining.startIndex, offsetBy: text.distance(from: text.startIndex, to: mention.range.lowerBound))..<remaining.index(
                        remaining.startIndex, offsetBy: text.distance(from: text.startIndex, to: mention.range.upperBound)))
        }
        let words = remaining.split { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" }.map { $0.lowercased() }
            .filter { !leadingWords.contains($0) }
        if words.isEmpty { return true }
        // Any word of the name: "Fu also served as …" (Fu Ying), "Kislyak was …".
        var person = names.union(["he", "she"])
        // "During her tenure as …": the possessive stands for the person.
        if verb.hasSuffix("tenure as") { person.formUnion(["his", "her"]) }
        // "Maria Lopez, who served as …": a relative clause about the person.
        if words.last == "who", !names.isDisjoint(with: words.dropLast().suffix(2)) { return true }
        // "She was posted to Buenos Aires and became consul general …": the sentence's subject.
        if text.trimmingCharacters(in: .whitespaces).hasSuffix(" and"), let first = words.first { return person.contains(first) }
        guard words.count <= 4, let last = words.last else { return false }
        return person.contains(last)
    }

    static func hasOfficeWord(_ phrase: String) -> Bool {
        phrase.lowercased().split { !$0.isLetter && $0 != "-" }.contains { officeWords.contains(String($0)) }
    }

    /// "Ambassador of Russia to Belgium and Russia's Head of Mission to NATO": two offices.
    private static func offices(_ phrase: String) -> [String] {
        let parts = phrase.components(separatedBy: " and ")
        guard parts.count == 2, let next = parts[1].first, next.isUppercase, parts.allSatisfy(hasOfficeWord),
            parts.allSatisfy({ $0.split(separator: " ").count >= 2 })
        else { return [phrase] }
        return parts
    }

    /// The role, organization and place in an office phrase: "Second Secretary at the Permanent
    /// Mission … in New York City".
    private static func described(_ office: String, mention: DateMention) -> StatedPost {
        var post = StatedPost(office: capitalized(office), mention: mention)
        for separator in [" at the ", " at ", " of the "] {
            guard let range = office.range(of: separator) else { continue }
            let role = String(office[..<range.lowerBound])
            guard role.split(separator: " ").count <= 4, hasOfficeWord(role) else { continue }
            post.role = capitalized(role)
            var organization = String(office[range.upperBound...])
            if let place = organization.range(of: " in ", options: .backwards),
                organization[place.upperBound...].first?.isUppercase == true
            {
                post.place = String(organization[place.upperBound...])
                organization = String(organization[..<place.lowerBound])
            }
            post.organization = organization
            break
        }
        return post
    }

    /// Prepositions a date leaves behind at the end of an office ("minister from 2003-08").
    static let danglingWords: Set<String> = ["from", "in", "on", "since", "between", "during", "until", "by", "as", "of"]

    static func tidy(_ text: String) -> String {
        var words = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:\"“”")).split(separator: " ")
        while let last = words.last, danglingWords.contains(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:\"“”"))
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
