/// A date in the Extended Date/Time Format (ISO 8601-2, Levels 0 and 1, plus
/// Level 2 qualification of single components such as `2004-06-~01`).
///
/// A value keeps the text it was written as, and knows its canonical form, its
/// precision, its earliest and latest day and how to print itself for people.
public struct EDTF: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    public let value: Value

    public enum Value: Sendable, Hashable {
        case date(EDTFDate)
        case interval(start: IntervalEnd, end: IntervalEnd)
    }

    /// One end of an interval: a date, open (`..`), or unknown (empty).
    public enum IntervalEnd: Sendable, Hashable {
        case date(EDTFDate)
        case open
        case unknown

        public var date: EDTFDate? {
            if case .date(let date) = self { return date }
            return nil
        }
    }

    /// Parses EDTF text; throws `EDTFError` naming what is wrong and where.
    public init(_ text: String) throws(EDTFError) {
        self.text = text
        self.value = try EDTFParser.parse(text)
    }

    /// The canonical EDTF text (qualifiers normalised, time kept).
    public var edtf: String {
        switch value {
        case .date(let date): return date.edtf
        case .interval(let start, let end): return Self.edtf(start) + "/" + Self.edtf(end)
        }
    }

    public var description: String { edtf }

    /// The first day the date can mean; nil for an open or unknown start.
    public var earliest: CalendarDay? {
        switch value {
        case .date(let date): return date.earliest
        case .interval(let start, _): return start.date?.earliest
        }
    }

    /// The last day the date can mean; nil for an open or unknown end.
    public var latest: CalendarDay? {
        switch value {
        case .date(let date): return date.latest
        case .interval(_, let end): return end.date?.latest
        }
    }

    /// `day`, `month`, `season`, `year`, `decade`, `century` or `millennium`;
    /// for an interval both ends joined by `/` (`open` or `unknown` for a missing end).
    public var precisionName: String {
        switch value {
        case .date(let date): return date.precision.rawValue
        case .interval(let start, let end): return Self.precisionName(start) + "/" + Self.precisionName(end)
        }
    }

    /// The precision used for ordering and formatting: the date's, or the interval start's.
    public var precision: EDTFDate.Precision {
        switch value {
        case .date(let date): return date.precision
        case .interval(let start, let end): return (start.date ?? end.date)?.precision ?? .year
        }
    }

    /// True when any part is uncertain or approximate.
    public var isQualified: Bool {
        switch value {
        case .date(let date): return date.isQualified
        case .interval(let start, let end): return start.date?.isQualified == true || end.date?.isQualified == true
        }
    }

    /// True when the date is known to the day with no qualifier.
    public var isExactDay: Bool {
        if case .date(let date) = value { return date.precision == .day && !date.isQualified }
        return false
    }

    /// The form people read: "1981", "Jul 2008", "26 Jul 2008", "c. 2004", "autumn 2016", "2017?",
    /// and for intervals "Jul 2008 – Aug 2017", "1985 onwards", "until 1985".
    public var display: String {
        switch value {
        case .date(let date):
            return date.display
        case .interval(let start, let end):
            switch (start, end) {
            case (.date(let a), .date(let b)): return "\(a.display) – \(b.display)"
            case (.date(let a), .open): return "\(a.display) onwards"
            case (.date(let a), _): return "\(a.display) – ?"
            case (.open, .date(let b)): return "until \(b.display)"
            case (_, .date(let b)): return "? – \(b.display)"
            default: return edtf
            }
        }
    }

    /// Orders dates by their earliest day (open starts first), then coarser precision first.
    public static func orderedBefore(_ lhs: EDTF, _ rhs: EDTF) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    /// The key `orderedBefore` compares: earliest day (or `Int.min`), then precision rank.
    public var sortKey: SortKey {
        SortKey(day: earliest?.daysSinceEpoch ?? Int.min, precision: precision.rank)
    }

    /// Chronological order key for dates (see `orderedBefore`).
    public struct SortKey: Comparable, Sendable, Hashable {
        public let day: Int
        public let precision: Int

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.day, lhs.precision) < (rhs.day, rhs.precision)
        }
    }

    private static func edtf(_ end: IntervalEnd) -> String {
        switch end {
        case .date(let date): return date.edtf
        case .open: return ".."
        case .unknown: return ""
        }
    }

    private static func precisionName(_ end: IntervalEnd) -> String {
        switch end {
        case .date(let date): return date.precision.rawValue
        case .open: return "open"
        case .unknown: return "unknown"
        }
    }
}

/// Why a text is not a valid EDTF date, with the 0-based character offset of the problem.
public struct EDTFError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
