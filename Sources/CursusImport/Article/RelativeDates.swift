import CursusCore
import Foundation

/// Which way a sentence looks in time, from its verbs: "will", "is scheduled to" look ahead;
/// "resigned", "was" look back; a sentence with neither is unclear.
enum Tense: Sendable {
    case past, future, unclear

    static let futureCue = try! NSRegularExpression(
        pattern:
            #"(?i)\b(will|would be|shall|is to|are to|is scheduled|are scheduled|was scheduled|were scheduled|scheduled for|is expected|are expected|plans to|is set to|are set to|upcoming|later this|going to)\b"#
    )
    static let pastCue = try! NSRegularExpression(
        pattern:
            #"(?i)\b(was|were|had|did|said|told|went|met|spoke|took|became|left|came|gave|held|began|won|ran|got|made|saw|wrote|sent|found|led|chose|knew|brought|fell|heard|paid|kept|[a-z]{2,}ed)\b"#
    )

    static func of(_ sentence: String) -> Tense {
        let range = NSRange(sentence.startIndex..., in: sentence)
        if futureCue.firstMatch(in: sentence, range: range) != nil { return .future }
        if pastCue.firstMatch(in: sentence, range: range) != nil { return .past }
        return .unclear
    }

    /// The tense of the verb that governs a date at `position` in `text`: the nearest cue before
    /// it within `clause` ("officials said on Sunday", "is scheduled to host … on July 11"), else
    /// the first after it, else the whole sentence's.
    static func governing(_ position: String.Index, in clause: Range<String.Index>, of text: String) -> Tense {
        let range = NSRange(clause, in: text)
        var cues: [(range: Range<String.Index>, tense: Tense)] = []
        for (regex, tense) in [(futureCue, Tense.future), (pastCue, .past)] {
            for match in regex.matches(in: text, range: range) {
                // "scheduled" inside "is scheduled" looks ahead.
                if let found = Range(match.range, in: text), !cues.contains(where: { $0.range.overlaps(found) }) {
                    cues.append((found, tense))
                }
            }
        }
        if let before = cues.filter({ $0.range.lowerBound < position }).max(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            return before.tense
        }
        if let after = cues.min(by: { $0.range.lowerBound < $1.range.lowerBound }) { return after.tense }
        return of(text)
    }
}

/// Places a `ProseDate` in time. Words that point at the day of writing ("on Sunday", "last
/// month") count from the publication date; a day or month whose year is unsaid takes the year
/// of the last complete date earlier in its paragraph (the text's own narrative) or, failing
/// that, the nearest one to the publication date in the direction the tense gives.
struct RelativeDates {
    /// When the article was published, if known.
    var published: CalendarDay?

    enum Outcome: Equatable {
        case date(String)
        /// A date, with a warning saying what was assumed.
        case assumed(String, because: String)
        /// No date can be made; the reason says what is missing.
        case unknown(String)
    }

    /// `date` in time. `earlier` says the clause looks back from its narrative ("had … in
    /// December"): a month after the anchor's is then the year before.
    func resolve(_ date: ProseDate, tense: Tense, anchor: CalendarDay?, earlier: Bool = false, words: String) -> Outcome {
        switch date {
        case .edtf(let text): return .date(text)
        case .present: return .unknown("'present' is not a date")
        case .dayMonth(let day, let month):
            if let anchor {
                guard day <= CalendarDay.daysInMonth(month, year: anchor.year) else { return .unknown("\(words) is not in \(anchor.year)") }
                return .date(Self.iso(anchor.year, month, day))
            }
            guard let published else { return noYear(words) }
            let candidates = (published.year - 1...published.year + 1).compactMap { year -> CalendarDay? in
                day <= CalendarDay.daysInMonth(month, year: year) ? CalendarDay(year: year, month: month, day: day) : nil
            }
            return pick(candidates, tense: tense, words: words) { Self.iso($0.year, $0.month, $0.day) }
        case .month(let month, let approximate, let shift):
            let mark = approximate ? "~" : ""
            if let anchor, shift == 0 {
                let year = earlier && month > anchor.month ? anchor.year - 1 : anchor.year
                return .date(String(format: "%04d-%02d", year, month) + mark)
            }
            guard let published else { return noYear(words) }
            let candidates = (published.year - 1...published.year + 1).map { CalendarDay(year: $0, month: month, day: 1) }
            let thisMonth = CalendarDay(year: published.year, month: published.month, day: 1)
            let direction: Tense = shift < 0 ? .past : shift > 0 ? .future : tense
            let eligible = shift == 0 ? candidates : candidates.filter { $0 != thisMonth }
            return pick(eligible, tense: direction, words: words, reference: thisMonth) {
                String(format: "%04d-%02d", $0.year, $0.month) + mark
            }
        case .weekday(let weekday, let shift):
            guard let published else { return needsPublication(words) }
            let today = Self.weekday(of: published)
            var back = (today - weekday + 7) % 7
            var ahead = (weekday - today + 7) % 7
            if shift < 0, back == 0 { back = 7 }
            if shift > 0, ahead == 0 { ahead = 7 }
            let forward = shift > 0 || (shift == 0 && tense == .future)
            return .date(CalendarDay(daysSinceEpoch: published.daysSinceEpoch + (forward ? ahead : -back)).iso)
        case .day(let offset):
            guard let published else { return needsPublication(words) }
            return .date(CalendarDay(daysSinceEpoch: published.daysSinceEpoch + offset).iso)
        case .week(let offset):
            guard let published else { return needsPublication(words) }
            let monday = published.daysSinceEpoch - (Self.weekday(of: published) + 5) % 7 + 7 * offset
            var first = monday
            var last = monday + 6
            if offset == 0, tense == .past { last = published.daysSinceEpoch }
            if offset == 0, tense == .future { first = published.daysSinceEpoch }
            return .date(CalendarDay(daysSinceEpoch: first).iso + "/" + CalendarDay(daysSinceEpoch: last).iso)
        case .monthOffset(let offset):
            guard let published else { return needsPublication(words) }
            let index = published.year * 12 + published.month - 1 + offset
            return .date(String(format: "%04d-%02d", index / 12, index % 12 + 1))
        case .inYear(let day, let month, let offset):
            guard let published else { return needsPublication(words) }
            let year = published.year + offset
            guard let day else { return .date(String(format: "%04d-%02d", year, month)) }
            guard day <= CalendarDay.daysInMonth(month, year: year) else { return .unknown("\(words) is not a day of \(year)") }
            return .date(Self.iso(year, month, day))
        case .yearOffset(let offset):
            guard let published else { return needsPublication(words) }
            return .date(String(format: "%04d", published.year + offset))
        }
    }

    /// The candidate on or before the reference for the past, on or after it for the future,
    /// else the nearest, with a warning.
    private func pick(
        _ candidates: [CalendarDay], tense: Tense, words: String, reference: CalendarDay? = nil, format: (CalendarDay) -> String
    ) -> Outcome {
        let reference = reference ?? published!
        switch tense {
        case .past:
            if let day = candidates.filter({ $0 <= reference }).max() { return .date(format(day)) }
        case .future:
            if let day = candidates.filter({ $0 >= reference }).min() { return .date(format(day)) }
        case .unclear: break
        }
        let nearest = candidates.min {
            abs($0.daysSinceEpoch - reference.daysSinceEpoch) < abs($1.daysSinceEpoch - reference.daysSinceEpoch)
        }!
        return .assumed(
            format(nearest),
            because:
                "the sentence does not say whether \(words) is past or to come; took the nearest to the publication date (\(published!.iso)), \(format(nearest)); check it"
        )
    }

    private func noYear(_ words: String) -> Outcome {
        .unknown("\(words) gives no year, and the text gives none before it; pass --published YYYY-MM-DD")
    }

    private func needsPublication(_ words: String) -> Outcome {
        .unknown("\(words) counts from the day of publication, which is unknown; pass --published YYYY-MM-DD")
    }

    /// 1 Sunday … 7 Saturday (1 January 1970 was a Thursday).
    static func weekday(of day: CalendarDay) -> Int { ((day.daysSinceEpoch + 4) % 7 + 7) % 7 + 1 }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String { String(format: "%04d-%02d-%02d", year, month, day) }
}
