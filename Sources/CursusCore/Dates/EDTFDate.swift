/// A single EDTF date (not an interval): year, optional month or season, optional day,
/// each possibly with unspecified `X` digits and its own qualifiers; optionally a time.
public struct EDTFDate: Sendable, Hashable {
    /// Uncertain (`?`), approximate (`~`), or both (`%`).
    public struct Qualifier: OptionSet, Sendable, Hashable {
        /// The flags, as bits.
        public let rawValue: UInt8
        /// The qualifier with these bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `?`: perhaps.
        public static let uncertain = Qualifier(rawValue: 1)
        /// `~`: about.
        public static let approximate = Qualifier(rawValue: 2)

        var symbol: String {
            switch self {
            case [.uncertain, .approximate]: return "%"
            case .uncertain: return "?"
            case .approximate: return "~"
            default: return ""
            }
        }
    }

    /// How finely the date is known.
    public enum Precision: String, Sendable, Hashable, CaseIterable {
        case millennium, century, decade, year, season, month, day

        /// Coarse to fine: 0 for millennium … 6 for day.
        public var rank: Int { Self.allCases.firstIndex(of: self)! }

        var rank8: UInt8 { UInt8(rank) }
    }

    /// A year before year 0 (BC).
    public let isNegative: Bool
    /// Year digits, `X` for an unspecified digit.
    public let yearDigits: String
    /// Written with the `Y` prefix (years of more than four digits).
    public let isYPrefixed: Bool
    /// Two characters, digits or `X`; 21–24 are seasons.
    public let monthDigits: String?
    /// The day's two digits as written (X for unspecified), nil for a coarser date.
    public let dayDigits: String?
    /// How the year is qualified.
    public let yearQualifier: Qualifier
    /// How the month is qualified.
    public let monthQualifier: Qualifier
    /// How the day is qualified.
    public let dayQualifier: Qualifier
    /// The time of day as written (after `T`), when given.
    public let time: String?
    /// An exponential year (`Y-17E7`): its digits and exponent as written; `yearDigits` then
    /// holds the year in full (170000000).
    public let exponential: Exponential?

    /// An exponential year's digits and exponent, as written (`17` and `7` in `Y-17E7`).
    public struct Exponential: Sendable, Hashable {
        /// The digits before `E`.
        public let digits: String
        /// The power of ten after `E`.
        public let exponent: Int
    }
    /// Significant digits (`1950S2`): how many of the year's digits are known; the year is an
    /// estimate within the range the others leave open (1900–1999).
    public let significantDigits: Int?
    /// The first day the date can be.
    public let earliest: CalendarDay
    /// The last day the date can be.
    public let latest: CalendarDay

    /// The season, when the month digits name one (21–24).
    public var season: Season? {
        guard let monthDigits, let value = Int(monthDigits) else { return nil }
        return Season(rawValue: value)
    }

    /// True when any part is uncertain or approximate.
    public var isQualified: Bool {
        !yearQualifier.isEmpty || !monthQualifier.isEmpty || !dayQualifier.isEmpty
    }

    var qualifiers: Qualifier { yearQualifier.union(monthQualifier).union(dayQualifier) }

    /// How finely the date is known; computed once, as dates are compared often.
    public let precision: Precision

    init(
        isNegative: Bool, yearDigits: String, isYPrefixed: Bool, monthDigits: String?, dayDigits: String?,
        yearQualifier: Qualifier, monthQualifier: Qualifier, dayQualifier: Qualifier, time: String?,
        earliest: CalendarDay, latest: CalendarDay, exponential: Exponential? = nil, significantDigits: Int? = nil
    ) {
        self.exponential = exponential
        self.significantDigits = significantDigits
        self.isNegative = isNegative
        self.yearDigits = yearDigits
        self.isYPrefixed = isYPrefixed
        self.monthDigits = monthDigits
        self.dayDigits = dayDigits
        self.yearQualifier = yearQualifier
        self.monthQualifier = monthQualifier
        self.dayQualifier = dayQualifier
        self.time = time
        self.earliest = earliest
        self.latest = latest
        self.precision = Self.precision(yearDigits: yearDigits, monthDigits: monthDigits, dayDigits: dayDigits)
    }

    private static func precision(yearDigits: String, monthDigits: String?, dayDigits: String?) -> Precision {
        if let x = yearDigits.firstIndex(of: "X") {
            switch yearDigits.distance(from: x, to: yearDigits.endIndex) {
            case 1: return .decade
            case 2: return .century
            default: return .millennium
            }
        }
        guard let monthDigits, !monthDigits.contains("X") else { return .year }
        if let month = Int(monthDigits), Season(rawValue: month) != nil { return .season }
        guard let dayDigits, !dayDigits.contains("X") else { return .month }
        return .day
    }

    /// Canonical EDTF text.
    public var edtf: String {
        let parts: [(String, Qualifier)] =
            [(yearText, yearQualifier)]
            + [monthDigits.map { ($0, monthQualifier) }, dayDigits.map { ($0, dayQualifier) }]
            .compactMap { $0 }
        let shared = parts[0].1
        var text: String
        if parts.allSatisfy({ $0.1 == shared }) {
            text = parts.map(\.0).joined(separator: "-") + shared.symbol
        } else {
            text = parts.map { $0.1.symbol + $0.0 }.joined(separator: "-")
        }
        if let time { text += "T" + time }
        return text
    }

    var yearText: String {
        let digits = exponential.map { "\($0.digits)E\($0.exponent)" } ?? yearDigits
        return (isYPrefixed ? "Y" : "") + (isNegative ? "-" : "") + digits + (significantDigits.map { "S\($0)" } ?? "")
    }

    /// The form people read ("26 Jul 2008", "Jul 2008", "autumn 2016", "1981", "2010s", "c. 2004", "2017?").
    public var display: String { display(atMost: .day) }

    /// The form people read, no finer than `coarsest` ("Jul 2008" for 26 July 2008 at `.month`).
    public func display(atMost coarsest: Precision) -> String { DateWriter.standard.write(self, atMost: coarsest) }

    /// The EDTF level the date needs (Library of Congress, 2019): 0 for a plain day, month or
    /// year (with a time); 1 for a negative or `Y` year, a season, a qualifier on the whole
    /// date, or unspecified digits from the right (`201X`, `1985-04-XX`); 2 for a qualifier on
    /// some components only (`2004-06-~11`) or unspecified digits elsewhere (`156X-12-25`).
    public var level: Int {
        let digits = [yearDigits, monthDigits ?? "", dayDigits ?? ""]
        let all = digits.joined()
        if let firstX = all.firstIndex(of: "X") {
            // Level 1 only when every digit after the first X is X, a month or day is all X or
            // none, and at most the year's last two digits are X (201X, 20XX; 1XXX is Level 2).
            let fromTheRight = all[firstX...].allSatisfy { $0 == "X" }
            let wholeParts = digits.dropFirst().allSatisfy { $0.allSatisfy { $0 == "X" } || !$0.contains("X") }
            if !fromTheRight || !wholeParts || yearDigits.filter({ $0 == "X" }).count > 2 { return 2 }
        }
        let qualified = [yearQualifier] + [monthDigits.map { _ in monthQualifier }, dayDigits.map { _ in dayQualifier }].compactMap { $0 }
        if Set(qualified.map(\.rawValue)).count > 1 || (season?.rawValue ?? 0) > 24 { return 2 }
        if exponential != nil || significantDigits != nil { return 2 }
        if isNegative || isYPrefixed || season != nil || !qualifiers.isEmpty || all.contains("X") { return 1 }
        return 0
    }

    /// EDTF's sub-year groupings: the Level 1 seasons (21–24, which Cursus reads as the
    /// northern hemisphere's meteorological seasons) and the Level 2 groupings 25–41: seasons of
    /// each hemisphere, quarters, quadrimesters (thirds) and semesters (halves).
    public enum Season: Int, Sendable, CaseIterable {
        case spring = 21
        case summer, autumn, winter
        case northernSpring, northernSummer, northernAutumn, northernWinter
        case southernSpring, southernSummer, southernAutumn, southernWinter
        case firstQuarter, secondQuarter, thirdQuarter, fourthQuarter
        case firstQuadrimester, secondQuadrimester, thirdQuadrimester
        case firstSemester, secondSemester

        /// The month each grouping starts in and how many months it spans.
        private static let months: [Int: (first: Int, count: Int)] = [
            21: (3, 3), 22: (6, 3), 23: (9, 3), 24: (12, 3), 25: (3, 3), 26: (6, 3), 27: (9, 3), 28: (12, 3),
            29: (9, 3), 30: (12, 3), 31: (3, 3), 32: (6, 3), 33: (1, 3), 34: (4, 3), 35: (7, 3), 36: (10, 3),
            37: (1, 4), 38: (5, 4), 39: (9, 4), 40: (1, 6), 41: (7, 6),
        ]

        /// First and last day of the grouping in `year` (a winter runs into the next year).
        func bounds(in year: Int) -> (CalendarDay, CalendarDay) {
            let (first, count) = Self.months[rawValue]!
            let lastMonth = first + count - 1
            let (endYear, endMonth) = lastMonth > 12 ? (year + 1, lastMonth - 12) : (year, lastMonth)
            return (
                CalendarDay(year: year, month: first, day: 1),
                CalendarDay(year: endYear, month: endMonth, day: CalendarDay.daysInMonth(endMonth, year: endYear))
            )
        }
    }
}
