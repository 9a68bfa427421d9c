/// A date in the Extended Date/Time Format (ISO 8601-2, Levels 0 and 1, plus
/// Level 2 qualification of single components such as `2004-06-~01`).
///
/// A value keeps the text it was written as, and knows its canonical form, its
/// precision, its earliest and latest day and how to print itself for people.
public struct EDTF: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    // What sorting, tables and charts need, kept small (dossiers hold millions of dates);
    // the parsed form is rebuilt from `text` when a date is displayed.
    // Days since 1970 in 32 bits (5.8 million years either way); a day beyond them (an
    // exponential year) is found again from the text when asked for.
    private let earliestStored: Int32
    private let latestStored: Int32
    private let precisionRank: UInt8
    private let flags: UInt8
    private static let none = Int32.min
    private static let far = Int32.min + 1
    private static let qualified: UInt8 = 1
    private static let exactDay: UInt8 = 2

    /// A single date, an interval, or a set (Level 2).
    public enum Value: Sendable, Hashable {
        case date(EDTFDate)
        case interval(start: IntervalEnd, end: IntervalEnd)
        case set(EDTFSet)
    }

    /// One end of an interval: a date, open (`..`), or unknown (empty).
    public enum IntervalEnd: Sendable, Hashable {
        case date(EDTFDate)
        case open
        case unknown

        /// The date, when this is not an interval.
        public var date: EDTFDate? {
            if case .date(let date) = self { return date }
            return nil
        }
    }

    /// Parses EDTF text; throws `EDTFError` naming what is wrong and where.
    public init(_ text: String) throws(EDTFError) {
        self.text = text
        if let plain = Self.plainDate(text) {
            (earliestStored, latestStored) = (Self.stored(plain.0), Self.stored(plain.1))
            precisionRank = plain.2
            flags = precisionRank == EDTFDate.Precision.day.rank8 ? Self.exactDay : 0
            return
        }
        let value = try EDTFParser.parse(text)
        earliestStored = Self.stored(Self.earliest(of: value)?.daysSinceEpoch)
        latestStored = Self.stored(Self.latest(of: value)?.daysSinceEpoch)
        precisionRank = UInt8(Self.precision(of: value).rank)
        var flags: UInt8 = 0
        switch value {
        case .date(let date):
            if date.isQualified { flags |= Self.qualified }
            if date.precision == .day && !date.isQualified { flags |= Self.exactDay }
        case .interval(let start, let end):
            if start.date?.isQualified == true || end.date?.isQualified == true { flags |= Self.qualified }
        case .set(let set):
            if set.isQualified { flags |= Self.qualified }
        }
        self.flags = flags
    }

    private static func stored(_ day: Int?) -> Int32 {
        guard let day else { return none }
        guard let small = Int32(exactly: day), small > far else { return far }
        return small
    }

    /// The earliest day as days since 1970, nil for none.
    private var earliestDay: Int? {
        switch earliestStored {
        case Self.none: nil
        case Self.far: Self.earliest(of: value)?.daysSinceEpoch
        default: Int(earliestStored)
        }
    }

    /// The latest day as days since 1970, nil for none.
    private var latestDay: Int? {
        switch latestStored {
        case Self.none: nil
        case Self.far: Self.latest(of: value)?.daysSinceEpoch
        default: Int(latestStored)
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in plain digits, read without allocating; nil for anything else
    /// (and for impossible days, which the full parser then reports).
    private static func plainDate(_ text: String) -> (Int, Int, UInt8)? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int, UInt8)? in
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 48 && byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10, let year = digits(0..<4) else { return nil }
            if bytes.count == 4 {
                return (
                    CalendarDay(year: year, month: 1, day: 1).daysSinceEpoch, CalendarDay(year: year, month: 12, day: 31).daysSinceEpoch,
                    EDTFDate.Precision.year.rank8
                )
            }
            guard bytes[4] == 45, let month = digits(5..<7), (1...12).contains(month) else { return nil }
            let length = CalendarDay.daysInMonth(month, year: year)
            if bytes.count == 7 {
                return (
                    CalendarDay(year: year, month: month, day: 1).daysSinceEpoch,
                    CalendarDay(year: year, month: month, day: length).daysSinceEpoch, EDTFDate.Precision.month.rank8
                )
            }
            guard bytes[7] == 45, let day = digits(8..<10), (1...length).contains(day) else { return nil }
            let number = CalendarDay(year: year, month: month, day: day).daysSinceEpoch
            return (number, number, EDTFDate.Precision.day.rank8)
        } ?? nil
    }

    /// The parsed date (rebuilt from the text; it was valid when the value was made).
    public var value: Value {
        do {
            return try EDTFParser.parse(text)
        } catch {
            preconditionFailure("EDTF '\(text)' was valid when it was made")
        }
    }

    /// The canonical EDTF text (qualifiers normalised, time kept).
    public var edtf: String {
        switch value {
        case .date(let date): return date.edtf
        case .interval(let start, let end): return Self.edtf(start) + "/" + Self.edtf(end)
        case .set(let set): return set.edtf
        }
    }

    /// The canonical EDTF form.
    public var description: String { edtf }

    /// Equal when written alike.
    public static func == (lhs: EDTF, rhs: EDTF) -> Bool { lhs.text == rhs.text }
    /// Hashes the text as written.
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The first day the date can mean; nil for an open or unknown start.
    public var earliest: CalendarDay? {
        earliestDay.map(CalendarDay.init(daysSinceEpoch:))
    }

    /// The last day the date can mean; nil for an open or unknown end.
    public var latest: CalendarDay? {
        latestDay.map(CalendarDay.init(daysSinceEpoch:))
    }

    private static func earliest(of value: Value) -> CalendarDay? {
        switch value {
        case .date(let date): return date.earliest
        case .interval(let start, _): return start.date?.earliest
        case .set(let set): return set.earliest
        }
    }

    private static func latest(of value: Value) -> CalendarDay? {
        switch value {
        case .date(let date): return date.latest
        case .interval(_, let end): return end.date?.latest
        case .set(let set): return set.latest
        }
    }

    /// False only for `../..`, open at both ends: no day is known on either side.
    public var isBounded: Bool { earliestStored != Self.none || latestStored != Self.none }

    /// The EDTF level the date needs: a single date's (see `EDTFDate.level`); an interval's is
    /// its ends' highest, and at least 1 when an end is open, unknown or qualified.
    public var level: Int {
        switch value {
        case .date(let date): return date.level
        case .interval(let start, let end):
            let ends = [start.date, end.date]
            // Unspecified digits in an interval's end are Level 2 (2004-06-XX/2004-07-03).
            if ends.contains(where: { $0?.edtf.contains("X") == true }) { return 2 }
            let highest = ends.compactMap { $0?.level }.max() ?? 1
            return ends.contains { $0 == nil || $0!.isQualified } ? max(1, highest) : highest
        case .set: return 2
        }
    }

    /// `day`, `month`, `season`, `year`, `decade`, `century` or `millennium`; `set` for a set;
    /// for an interval both ends joined by `/` (`open` or `unknown` for a missing end).
    public var precisionName: String {
        switch value {
        case .date(let date): return date.precision.rawValue
        case .interval(let start, let end): return Self.precisionName(start) + "/" + Self.precisionName(end)
        case .set: return "set"
        }
    }

    /// The precision used for ordering and formatting: the date's, or the interval start's.
    public var precision: EDTFDate.Precision { EDTFDate.Precision.allCases[Int(precisionRank)] }

    private static func precision(of value: Value) -> EDTFDate.Precision {
        switch value {
        case .date(let date): return date.precision
        case .interval(let start, let end): return (start.date ?? end.date)?.precision ?? .year
        case .set(let set): return set.members.first?.dates.first?.precision ?? .year
        }
    }

    /// True when any part is uncertain or approximate.
    public var isQualified: Bool { flags & Self.qualified != 0 }

    /// True when the date is known to the day with no qualifier.
    public var isExactDay: Bool { flags & Self.exactDay != 0 }

    /// The form people read: "1981", "Jul 2008", "26 Jul 2008", "c. 2004", "autumn 2016", "2017?",
    /// and for intervals "Jul 2008 – Aug 2017", "1985 onwards", "until 1985".
    public var display: String { DateWriter.standard.write(self) }

    /// Orders dates by their earliest day (open starts first), then coarser precision first.
    public static func orderedBefore(_ lhs: EDTF, _ rhs: EDTF) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    /// The key `orderedBefore` compares: earliest day (or `Int.min`), then precision rank.
    public var sortKey: SortKey {
        SortKey(day: earliestDay ?? Int.min, precision: Int(precisionRank))
    }

    /// Chronological order key for dates (see `orderedBefore`).
    public struct SortKey: Comparable, Sendable, Hashable {
        /// The earliest day, as days since 1970.
        public let day: Int
        /// Coarser dates first among those that start the same day.
        public let precision: Int

        /// By day, then coarser first.
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
    /// What is wrong with the date.
    public let message: String
    /// Where, in characters from the start of the text.
    public let offset: Int

    /// A problem at character `offset`.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message.
    public var description: String { message }
}
