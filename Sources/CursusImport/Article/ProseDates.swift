import CursusCore
import Foundation

/// A date as English prose gives it, before it is placed in time: complete ("26 July 2008",
/// "the fall of 2016") or needing the publication date or the year of the text around it
/// ("on July 11", "in December", "on Sunday", "last month").
enum ProseDate: Sendable, Equatable {
    /// A complete EDTF date.
    case edtf(String)
    /// A day of a month, year unsaid.
    case dayMonth(day: Int, month: Int)
    /// A month, year unsaid; approximate for "early", "mid-", "late", "the end of"; `shift` -1
    /// for "last December", +1 for "next May".
    case month(Int, approximate: Bool, shift: Int)
    /// A day of the week (1 Sunday … 7 Saturday); `shift` -1 for "last", +1 for "next".
    case weekday(Int, shift: Int)
    /// Yesterday (-1), today (0).
    case day(offset: Int)
    /// Last (-1), this (0) or next (+1) week, month or year.
    case week(offset: Int)
    case monthOffset(Int)
    case yearOffset(Int)
    /// "March 9 this year", "in December last year": a day (or a month, `day` nil) in the year
    /// of publication, or the one before (-1) or after (+1).
    case inYear(day: Int?, month: Int, offset: Int)
    /// "present", "the present": the end of a span still running.
    case present

    /// True when the date needs nothing but itself.
    var isComplete: Bool { if case .edtf = self { true } else { false } }
}

/// Where a date stands in a sentence and what it says: one date, a span ("from 1981 to 1985",
/// "(1998–2003)"), a start ("since 2006") or an end ("until 2010").
struct DateMention: Sendable {
    enum Kind: Sendable { case single, span, since, until }

    /// The characters of the sentence that say the date, with its preposition ("in 1981").
    var range: Range<String.Index>
    var kind: Kind
    var start: ProseDate?
    var end: ProseDate?
    /// Why the words that look like a date are not one ("31 February 2017"), else nil.
    var invalid: String?
    /// The words as written.
    var text: String
}

/// The small grammar of English dates in prose. Each form is one regular expression and one
/// rule that makes its `ProseDate`; spans and relative forms are built from the same forms.
enum ProseDates {
    static let month =
        #"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"#
    static let day = #"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"#
    static let year = #"(?:1[0-9]{3}|20[0-9]{2})"#
    static let weekday = #"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"#
    static let qualifier =
        #"(?:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of)"#
    static let season = #"(?:spring|summer|fall|autumn|winter)"#

    /// One complete date or a day or month whose year is unsaid, as the forms below read it.
    struct Form {
        let pattern: String
        let make: ([String]) -> ProseDate?
        let anchored: NSRegularExpression
        init(_ pattern: String, _ make: @escaping ([String]) -> ProseDate?) {
            self.pattern = pattern
            self.make = make
            anchored = try! NSRegularExpression(pattern: "^(?:the )?" + pattern + "$")
        }
    }

    /// The single forms, most specific first; capture groups are passed to `make` in order.
    nonisolated(unsafe) static let fullForms: [Form] = [
        Form(#"(\#(year))-([01][0-9])-([0-3][0-9])"#) { day(Int($0[2])!, Int($0[1])!, Int($0[0])!) },
        Form(#"(\#(day)) (\#(month)),? (\#(year))"#) { day(number($0[0]), monthNumber($0[1]), Int($0[2])!) },
        Form(#"(?:\#(weekday),? )?(\#(month)) (\#(day)),? (\#(year))"#) { day(number($0[1]), monthNumber($0[0]), Int($0[2])!) },
        Form(#"(\#(qualifier))[- ](\#(month)),? (\#(year))"#) { groups in
            let month = monthNumber(groups[1])
            let year = Int(groups[2])!
            let words = groups[0].lowercased()
            if words.hasSuffix("end of") { return day(CalendarDay.daysInMonth(month, year: year), month, year, approximate: true) }
            if words.hasSuffix("beginning of") || words.hasSuffix("start of") { return day(1, month, year, approximate: true) }
            return .edtf(String(format: "%04d-%02d~", year, month))
        },
        Form(#"(\#(month)),? (?:of )?(\#(year))"#) { .edtf(String(format: "%04d-%02d", Int($0[1])!, monthNumber($0[0]))) },
        Form(#"(\#(season))(?: of)? (\#(year))"#) { groups in
            let code = ["spring": 21, "summer": 22, "fall": 23, "autumn": 23, "winter": 24][groups[0].lowercased()]!
            return .edtf("\(groups[1])-\(code)")
        },
        Form(#"(?:(early|mid|late)[- ])?(?:the )?(1[0-9]{2}|20[0-9])0s"#) { groups in
            // "the 1980s" is 198X; "early", "mid-" and "late" make it approximate, never narrower.
            .edtf(groups[1] + "X" + (groups[0].isEmpty ? "" : "~"))
        },
        Form(#"(early|mid|late|the end of|end of|the beginning of|beginning of)[- ](\#(year))"#) { groups in
            let words = groups[0].lowercased()
            if words.hasSuffix("end of") { return .edtf("\(groups[1])-12~") }
            if words.hasSuffix("beginning of") { return .edtf("\(groups[1])-01~") }
            return .edtf("\(groups[1])~")
        },
        Form(#"(\#(year))"#) { .edtf($0[0]) },
    ]

    /// Days and months whose year is unsaid.
    nonisolated(unsafe) static let partialForms: [Form] = [
        Form(#"(\#(day)) (\#(month))"#) { dayOfMonth(number($0[0]), monthNumber($0[1])) },
        Form(#"(\#(month)) (\#(day))"#) { dayOfMonth(number($0[1]), monthNumber($0[0])) },
        Form(#"(?:(\#(qualifier))[- ])?(\#(month))"#) { .month(monthNumber($0[1]), approximate: !$0[0].isEmpty, shift: 0) },
    ]

    static func number(_ text: String) -> Int { Int(text.prefix(while: \.isNumber))! }

    static func monthNumber(_ name: String) -> Int {
        let key = name.lowercased().prefix(3)
        return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].firstIndex(of: String(key))! + 1
    }

    /// A complete day, or nil for a day the month does not have ("31 February 2017").
    static func day(_ day: Int, _ month: Int, _ year: Int, approximate: Bool = false) -> ProseDate? {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysInMonth(month, year: year) else { return nil }
        return .edtf(String(format: "%04d-%02d-%02d", year, month, day) + (approximate ? "~" : ""))
    }

    static func dayOfMonth(_ day: Int, _ month: Int) -> ProseDate? {
        guard day >= 1, day <= CalendarDay.daysInMonth(month, year: 2000) else { return nil }
        return .dayMonth(day: day, month: month)
    }

    /// Reads `text` as one date of `forms`; `.none` when no form matches the words, `.some(nil)`
    /// when one does but the date cannot be (a day the month does not have).
    static func read(_ text: String, forms: [Form]) -> ProseDate?? {
        let range = NSRange(text.startIndex..., in: text)
        for form in forms {
            guard let match = form.anchored.firstMatch(in: text, range: range) else { continue }
            let groups = (1..<match.numberOfRanges).map { index -> String in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            return .some(form.make(groups))
        }
        return .none
    }

    /// `pattern` with its groups made non-capturing, to stand inside a larger pattern.
    static func nonCapturing(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: #"\((?!\?)"#, with: "(?:", options: .regularExpression)
    }

    static let full = nonCapturing("(?:" + fullForms.map(\.pattern).joined(separator: "|") + ")")
    static let partial = nonCapturing("(?:" + partialForms.map(\.pattern).joined(separator: "|") + ")")
    static let anyDate = "(?:the )?(?:" + full + "|" + partial + ")"

    /// How a kind of mention is found: the pattern, and what its groups make.
    struct Rule {
        let regex: NSRegularExpression
        let make: ([String]) -> (kind: DateMention.Kind, start: ProseDate??, end: ProseDate??)
        init(_ pattern: String, _ make: @escaping ([String]) -> (kind: DateMention.Kind, start: ProseDate??, end: ProseDate??)) {
            regex = try! NSRegularExpression(pattern: pattern)
            self.make = make
        }
    }

    static func either(_ text: String) -> ProseDate?? {
        if text.lowercased().hasSuffix("present") { return .some(.present) }
        return read(text, forms: fullForms) ?? read(text, forms: partialForms)
    }

    /// The rules, in the order they claim words: spans before single dates, complete dates
    /// before partial ones, relative words last.
    nonisolated(unsafe) static let rules: [Rule] = [
        Rule(#"\b(?:[Ff]rom|[Bb]etween) ("# + anyDate + #") ?(?:to|until|till|through|and|[-–—]) ?("# + anyDate + #"|(?:the )?present)\b"#)
        {
            (.span, either($0[0]), either($0[1]))
        },
        // "(February 12, 1809 – April 15, 1865)": two full days joined by a dash.
        Rule(
            "(" + nonCapturing(fullForms[1].pattern + "|" + fullForms[2].pattern) + ") ?[–—] ?("
                + nonCapturing(fullForms[1].pattern + "|" + fullForms[2].pattern) + ")"
        ) {
            (.span, read($0[0], forms: fullForms), read($0[1], forms: fullForms))
        },
        Rule(#"\(?\b(\#(year)) ?[-–—] ?(\#(year)|[0-9]{2}|present)\b(?![-–—][0-9])\)?"#) { groups in
            var end = groups[1]
            if end.count == 2 { end = String(groups[0].prefix(2)) + end }
            let endDate: ProseDate?? =
                end == "present" ? .some(.present) : (Int(end)! > Int(groups[0])! ? .some(.edtf(end)) : .some(nil))
            return (.span, .some(.edtf(groups[0])), endDate)
        },
        Rule(#"\b[Ss]ince ("# + anyDate + #")"#) { (.since, either($0[0]), nil) },
        Rule(#"\b(?:[Uu]ntil|[Tt]ill) ("# + anyDate + #")"#) { (.until, nil, either($0[0])) },
        Rule(
            #"(?:\b(?:[Oo]n|[Ii]n|[Bb]y|[Dd]uring|[Aa]round|[Oo]f|[Aa]t) (?:the |an? )?)?\b((?:the )?(?:"#
                + nonCapturing(fullForms.dropLast().map(\.pattern).joined(separator: "|")) + #"))(?![0-9])"#
        ) {
            (.single, read($0[0], forms: fullForms), nil)
        },
        Rule(#"\b(?:[Ii]n|[Bb]y|[Dd]uring|[Aa]round|[Oo]f|[Cc]irca|c\.) (?:the year )?(\#(year))\b(?![0-9s-])"#) {
            (.single, .some(.edtf($0[0])), nil)
        },
        Rule(#"(?<=\b[Aa]n? )(\#(year))(?= [a-z])"#) { (.single, .some(.edtf($0[0])), nil) },
        // "March 9 this year", "in December last year": the year counts from the publication.
        Rule(#"(?:\b(?:[Oo]n|[Bb]y|[Ii]n|[Ff]or) )?\b((?:\#(day)) (?:\#(month))|(?:\#(month))(?: (?:\#(day)))?),? (this|last|next) year\b"#)
        {
            groups in
            let offset = ["last": -1, "next": 1][groups[1].lowercased()] ?? 0
            switch read(groups[0], forms: partialForms) {
            case .dayMonth(let day, let month)??: return (.single, .some(.inYear(day: day, month: month, offset: offset)), nil)
            case .month(let month, _, _)??: return (.single, .some(.inYear(day: nil, month: month, offset: offset)), nil)
            default: return (.single, nil, nil)
            }
        },
        Rule(#"(?:\b(?:[Oo]n|[Bb]y|[Ff]or) )?\b((?:\#(day)) (?:\#(month))|(?:\#(month)) (?:\#(day)))(?![0-9])"#) {
            (.single, read($0[0], forms: partialForms), nil)
        },
        Rule(
            #"\b(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Oo]f)(?: an?| the)?\s+|([Ll]ast|[Nn]ext|[Tt]his)\s+|(?=early|late|mid-|the end of|the beginning of))((?:\#(qualifier)[- ])?\#(month))"#
        ) { groups in
            let shift = ["last": -1, "next": 1][groups[0].lowercased()] ?? 0
            guard case .month(let month, let approximate, _)?? = read(groups[1], forms: partialForms) else { return (.single, nil, nil) }
            return (.single, .some(.month(month, approximate: approximate, shift: shift)), nil)
        },
        Rule(#"\b(?:([Oo]n|[Ll]ast|[Nn]ext|[Tt]his) )?(\#(weekday))\b(?!,? \#(month))"#) { groups in
            let index =
                ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].firstIndex(of: groups[1].lowercased())! + 1
            let shift = ["last": -1, "next": 1][groups[0].lowercased()] ?? 0
            return (.single, .some(.weekday(index, shift: shift)), nil)
        },
        Rule(#"(?i)\b(yesterday|today|(?:later |earlier )?this (?:week|month|year)|last (?:week|month|year)|next (?:week|month|year))\b"#) {
            groups in
            let words = groups[0].lowercased()
            let offset = words.hasPrefix("last") ? -1 : words.hasPrefix("next") ? 1 : 0
            let date: ProseDate
            switch words {
            case "yesterday": date = .day(offset: -1)
            case "today": date = .day(offset: 0)
            case _ where words.hasSuffix("week"): date = .week(offset: offset)
            case _ where words.hasSuffix("month"): date = .monthOffset(offset)
            default: date = .yearOffset(offset)
            }
            return (.single, .some(date), nil)
        },
    ]

    /// Every date mentioned in `sentence`, in order; words claimed by one mention are not read again.
    static func mentions(in sentence: String) -> [DateMention] {
        var found: [DateMention] = []
        var claimed: [Range<String.Index>] = []
        // No-break spaces read as spaces; both are one UTF-16 unit, so ranges carry over.
        let spaced = sentence.replacingOccurrences(of: "\u{00A0}", with: " ")
        let whole = NSRange(spaced.startIndex..., in: spaced)
        for rule in rules {
            for match in rule.regex.matches(in: spaced, range: whole) {
                guard let range = Range(match.range, in: sentence), !claimed.contains(where: { $0.overlaps(range) }) else { continue }
                let groups = (1..<match.numberOfRanges).map { index -> String in
                    Range(match.range(at: index), in: spaced).map { String(spaced[$0]) } ?? ""
                }
                let made = rule.make(groups)
                // A form that matched words but made no date: words that say an impossible day.
                let impossible = made.start.map { $0 == nil } ?? false || made.end.map { $0 == nil } ?? false
                let noForm = made.start == nil && made.end == nil
                if noForm { continue }
                claimed.append(range)
                let text = String(sentence[range])
                found.append(
                    DateMention(
                        range: range, kind: made.kind, start: made.start ?? nil, end: made.end ?? nil,
                        invalid: impossible
                            ? "'\(text.trimmingCharacters(in: .punctuationCharacters))' is not a date the calendar has" : nil,
                        text: text))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
