/// Reads EDTF text into an `EDTF.Value`. Strict: anything that is not valid EDTF
/// is an error that says what is wrong and where.
enum EDTFParser {
    static let hint = "EDTF dates look like 2008-07-26, 2008-07, 2008, 2016-23 (autumn), 2004~ or 1981/1985"

    static func parse(_ text: String) throws(EDTFError) -> EDTF.Value {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { throw EDTFError("the date is empty", at: 0) }
        // A set may have a space after a comma, as other implementations and the 2012 draft's examples do.
        let afterComma = { (index: Int) in index > 0 && scalars[index] == " " && scalars[index - 1] == "," }
        let isSet = scalars.first == "[" || scalars.first == "{"
        if let space = scalars.indices.first(where: { scalars[$0].properties.isWhitespace && !(isSet && afterComma($0)) }) {
            let letters = scalars.contains { $0.properties.isAlphabetic && $0 != "X" && $0 != "Y" && $0 != "T" && $0 != "Z" }
            throw EDTFError("EDTF allows no spaces; remove the one at position \(space + 1)\(letters ? "; " + hint : "")", at: space)
        }
        if isSet { return .set(try parseSet(scalars)) }
        let slashes = scalars.indices.filter { scalars[$0] == "/" }
        switch slashes.count {
        case 0:
            return .date(try parseDate(scalars[...], base: 0))
        case 1:
            let slash = slashes[0]
            let start = try parseEnd(scalars[..<slash], base: 0)
            let end = try parseEnd(scalars[(slash + 1)...], base: slash + 1)
            if start.date == nil && end.date == nil && !(start == .open && end == .open) {
                throw EDTFError("an interval needs a date on at least one side of '/' (or '..' on both: ../..)", at: slash)
            }
            if start.date?.time != nil || end.date?.time != nil {
                throw EDTFError("an interval's ends are dates without a time of day", at: start.date?.time != nil ? 0 : slash + 1)
            }
            if let a = start.date, let b = end.date, a.earliest > b.latest {
                throw EDTFError(
                    "the interval ends (\(b.latest.iso)) before it starts (\(a.earliest.iso)); put the earlier date first",
                    at: slash)
            }
            return .interval(start: start, end: end)
        default:
            throw EDTFError("an interval has exactly one '/'", at: slashes[1])
        }
    }

    /// `[a,b,c..d]` (one of) or `{a,b}` (all of); members are dates, ranges `a..b`, and dates
    /// open on one side (`..a`, `a..`).
    private static func parseSet(_ scalars: [Unicode.Scalar]) throws(EDTFError) -> EDTFSet {
        let close: Unicode.Scalar = scalars[0] == "[" ? "]" : "}"
        guard scalars.count > 2, scalars.last == close else {
            throw EDTFError("a set is closed by '\(close)' and names at least one date: [1667,1668] or {1960,1961-12}", at: scalars.count)
        }
        if let slash = scalars.firstIndex(of: "/") { throw EDTFError("a set's members are dates, not intervals (use a..b)", at: slash) }
        var members: [EDTFSet.Member] = []
        var start = 1
        let end = scalars.count - 1
        while start <= end {
            let stop = scalars[start..<end].firstIndex(of: ",") ?? end
            let item = scalars[start..<stop]
            guard !item.isEmpty else { throw EDTFError("an empty member in the set", at: start) }
            let dots = item.indices.first { $0 + 1 < item.endIndex && item[$0] == "." && item[$0 + 1] == "." }
            if let dots {
                let before = item[item.startIndex..<dots]
                let after = item[(dots + 2)..<item.endIndex]
                switch (before.isEmpty, after.isEmpty) {
                case (true, true): throw EDTFError("'..' needs a date on at least one side", at: dots)
                case (true, false): members.append(.upTo(try parseDate(after, base: dots + 2)))
                case (false, true): members.append(.onwards(try parseDate(before, base: start)))
                case (false, false):
                    let first = try parseDate(before, base: start)
                    let last = try parseDate(after, base: dots + 2)
                    if first.earliest > last.latest {
                        throw EDTFError("the range ends before it starts; put the earlier date first", at: dots)
                    }
                    members.append(.range(first, last))
                }
            } else {
                members.append(.date(try parseDate(item, base: start)))
            }
            start = stop + 1
            if start < end, scalars[start] == " " { start += 1 }
        }
        if members.contains(where: { $0.dates.contains { $0.time != nil } }) {
            throw EDTFError("a set's members are dates without a time of day", at: 0)
        }
        return EDTFSet(kind: close == "]" ? .oneOf : .allOf, members: members)
    }

    private static func parseEnd(_ scalars: ArraySlice<Unicode.Scalar>, base: Int) throws(EDTFError) -> EDTF.IntervalEnd {
        if scalars.isEmpty { return .unknown }
        if scalars.elementsEqual("..".unicodeScalars) { return .open }
        return .date(try parseDate(scalars, base: base))
    }

    // MARK: - Single dates

    private struct Cursor {
        let scalars: ArraySlice<Unicode.Scalar>
        var index: Int
        let base: Int

        var offset: Int { base + index - scalars.startIndex }
        var current: Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard current == scalar else { return false }
            index += 1
            return true
        }

        mutating func qualifier() -> EDTFDate.Qualifier {
            switch current {
            case "?":
                index += 1
                return .uncertain
            case "~":
                index += 1
                return .approximate
            case "%":
                index += 1
                return [.uncertain, .approximate]
            default: return []
            }
        }

        mutating func digits() -> String {
            var text = ""
            while let c = current, ("0"..."9").contains(c) || c == "X" {
                text.unicodeScalars.append(c)
                index += 1
            }
            return text
        }
    }

    private static func parseDate(_ scalars: ArraySlice<Unicode.Scalar>, base: Int) throws(EDTFError) -> EDTFDate {
        var cursor = Cursor(scalars: scalars, index: scalars.startIndex, base: base)
        let yearPrefix = cursor.qualifier()
        let yearStart = cursor.offset
        let yPrefixed = cursor.take("Y")
        let negative = cursor.take("-")
        var yearDigits = cursor.digits()
        // Level 2: an exponential year (Y-17E7, Y-prefixed only) and significant digits (1950S2).
        var exponential: EDTFDate.Exponential?
        if cursor.current == "E" {
            let offset = cursor.offset
            cursor.index += 1
            let exponent = cursor.digits()
            guard yPrefixed, !yearDigits.isEmpty, !yearDigits.contains("X"), let power = Int(exponent), !exponent.contains("X"), power > 0
            else {
                throw EDTFError("an exponential year is a Y year, digits, E and a power of ten: Y-17E7", at: offset)
            }
            guard yearDigits.count + power <= 9 else {
                throw EDTFError("years of more than nine digits are beyond what Cursus handles", at: yearStart)
            }
            exponential = EDTFDate.Exponential(digits: yearDigits, exponent: power)
            yearDigits += String(repeating: "0", count: power)
        }
        try checkYear(yearDigits, yPrefixed: yPrefixed, exponential: exponential != nil, negative: negative, at: yearStart, cursor: cursor)
        var significantDigits: Int?
        if cursor.current == "S" {
            let offset = cursor.offset
            cursor.index += 1
            let count = cursor.digits()
            guard let value = Int(count), !count.contains("X"), (1...yearDigits.count).contains(value), !yearDigits.contains("X") else {
                throw EDTFError(
                    "significant digits are S and how many of the year's digits are known (1 to \(yearDigits.count)): 1950S2", at: offset)
            }
            significantDigits = value
        }
        let yearSuffix = cursor.qualifier()

        var month: (digits: String, prefix: EDTFDate.Qualifier, suffix: EDTFDate.Qualifier, offset: Int)?
        var day: (digits: String, prefix: EDTFDate.Qualifier, suffix: EDTFDate.Qualifier, offset: Int)?
        if (exponential != nil || significantDigits != nil) && cursor.current == "-" {
            throw EDTFError("a year with E or S stands alone, without a month or day", at: cursor.offset)
        }
        if cursor.take("-") {
            month = try component(&cursor, name: "month")
            if cursor.take("-") {
                day = try component(&cursor, name: "day")
            }
        }
        var time: String?
        if cursor.current == "T" {
            let tOffset = cursor.offset
            guard let day, !day.digits.contains("X"), !(month?.digits.contains("X") ?? true),
                !yearDigits.contains("X"), yearPrefix.isEmpty, yearSuffix.isEmpty,
                month!.prefix.isEmpty, month!.suffix.isEmpty, day.prefix.isEmpty, day.suffix.isEmpty
            else {
                throw EDTFError("a time needs a complete day without X digits or qualifiers before it", at: tOffset)
            }
            cursor.index += 1
            time = try parseTime(&cursor)
        }
        if let c = cursor.current {
            throw EDTFError("unexpected '\(c)'; \(hint)", at: cursor.offset)
        }

        let daySuffix = day?.suffix ?? []
        let monthSuffix = (month?.suffix ?? []).union(daySuffix)
        let yearQualifier = yearPrefix.union(yearSuffix).union(monthSuffix)
        let monthQualifier = (month?.prefix ?? []).union(monthSuffix)
        let dayQualifier = (day?.prefix ?? []).union(daySuffix)

        // The digits past the significant ones may be anything: bounded as unspecified digits are.
        let boundedDigits = significantDigits.map { String(yearDigits.prefix($0)) + String(repeating: "X", count: yearDigits.count - $0) }
        let bounds = try Bounds(
            yearDigits: boundedDigits ?? yearDigits, negative: negative,
            month: month.map { ($0.digits, $0.offset) }, day: day.map { ($0.digits, $0.offset) },
            dayOffset: day?.offset ?? 0)
        return EDTFDate(
            isNegative: negative, yearDigits: yearDigits, isYPrefixed: yPrefixed,
            monthDigits: month?.digits, dayDigits: day?.digits,
            yearQualifier: yearQualifier, monthQualifier: month == nil ? [] : monthQualifier,
            dayQualifier: day == nil ? [] : dayQualifier,
            time: time, earliest: bounds.earliest, latest: bounds.latest, exponential: exponential, significantDigits: significantDigits)
    }

    private static func checkYear(
        _ digits: String, yPrefixed: Bool, exponential: Bool, negative: Bool, at offset: Int, cursor: Cursor
    ) throws(EDTFError) {
        if digits.isEmpty {
            let found = cursor.current.map { "'\($0)'" } ?? "the end"
            throw EDTFError("expected a year, found \(found); \(hint)", at: cursor.offset)
        }
        if yPrefixed {
            if digits.contains("X") { throw EDTFError("a Y-prefixed year cannot have X digits", at: offset) }
            // An exponential year may be of any size (Y20E2 is 2000): the exponent is why it has a Y.
            if digits.count <= 4 && !exponential {
                throw EDTFError("the Y prefix is for years of more than four digits; write \(negative ? "-" : "")\(digits)", at: offset)
            }
            if digits.first == "0" {
                let trimmed = String(digits.drop { $0 == "0" })
                throw EDTFError(
                    "a Y-prefixed year has no leading zeros; write \(trimmed.count > 4 ? "Y" : "")\(negative ? "-" : "")\(trimmed.count > 4 ? trimmed : String(repeating: "0", count: max(0, 4 - trimmed.count)) + trimmed)",
                    at: offset)
            }
            // Nine digits keep every day count well inside Int (found by fuzzing: 18 overflowed).
            if digits.count > 9 { throw EDTFError("years of more than nine digits are beyond what Cursus handles", at: offset) }
            return
        }
        if digits.count < 4 {
            throw EDTFError("a year has four digits, e.g. 1985, or 0985 for the year 985", at: offset)
        }
        if digits.count > 4 {
            throw EDTFError("years of more than four digits are written with a Y prefix (Y\(negative ? "-" : "")\(digits))", at: offset)
        }
        if negative && digits == "0000" {
            throw EDTFError("there is no year -0000; 0000 is 1 BC", at: offset)
        }
    }

    private static func component(
        _ cursor: inout Cursor, name: String
    ) throws(EDTFError) -> (digits: String, prefix: EDTFDate.Qualifier, suffix: EDTFDate.Qualifier, offset: Int) {
        let prefix = cursor.qualifier()
        let offset = cursor.offset
        let digits = cursor.digits()
        guard digits.count == 2 else {
            throw EDTFError("a \(name) has two digits (\(name == "month" ? "01–12, or 21–24 for a season" : "01–31"))", at: offset)
        }
        return (digits, prefix, cursor.qualifier(), offset)
    }

    /// `hh:mm:ss`, with a fraction of a second (`.5`), then `Z` or a zone (`+02:30`, `+0230`,
    /// `-05`); `24:00:00` is the end of the day. A zone is from -12:00 to +14:00; `-00:00` is not one.
    private static func parseTime(_ cursor: inout Cursor) throws(EDTFError) -> String {
        let start = cursor.index
        func twoDigits(_ name: String, max: Int) throws(EDTFError) -> Int {
            let offset = cursor.offset
            var digits = ""
            for _ in 0..<2 {
                guard let c = cursor.current, ("0"..."9").contains(c) else { break }
                digits.unicodeScalars.append(c)
                cursor.index += 1
            }
            guard digits.count == 2, let value = Int(digits), value <= max else {
                throw EDTFError("expected the \(name) as two digits 00–\(max)", at: offset)
            }
            return value
        }
        let hourOffset = cursor.offset
        let hour = try twoDigits("hour", max: 24)
        guard cursor.take(":") else { throw EDTFError("expected ':' in the time (hh:mm:ss)", at: cursor.offset) }
        let minutes = try twoDigits("minutes", max: 59)
        guard cursor.take(":") else { throw EDTFError("expected ':' in the time (hh:mm:ss)", at: cursor.offset) }
        let seconds = try twoDigits("seconds", max: 59)
        var fraction = false
        if cursor.current == "." || cursor.current == "," {
            cursor.index += 1
            let digits = cursor.digits()
            guard !digits.isEmpty, !digits.contains("X") else {
                throw EDTFError("expected the fraction of a second as digits", at: cursor.offset)
            }
            fraction = digits.contains { $0 != "0" }
        }
        if hour == 24 && (minutes != 0 || seconds != 0 || fraction) {
            throw EDTFError("24 is an hour only in 24:00:00, the end of the day", at: hourOffset)
        }
        if !cursor.take("Z"), let sign = cursor.current, sign == "+" || sign == "-" {
            let zoneOffset = cursor.offset
            cursor.index += 1
            let hours = try twoDigits("zone hours", max: 14)
            var zoneMinutes = 0
            if cursor.take(":") || cursor.current.map({ ("0"..."9").contains($0) }) == true {
                zoneMinutes = try twoDigits("zone minutes", max: 59)
            }
            // The zones in use run from -12:00 to +14:00.
            if sign == "+" ? hours * 60 + zoneMinutes > 14 * 60 : hours * 60 + zoneMinutes > 12 * 60 {
                throw EDTFError("a time zone is from -12:00 to +14:00", at: zoneOffset)
            }
            if sign == "-" && hours == 0 && zoneMinutes == 0 {
                throw EDTFError("-00:00 is not a time zone; write Z or +00:00", at: zoneOffset)
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: cursor.scalars[start..<cursor.index])
        return text
    }

    // MARK: - Bounds

    /// The earliest and latest day a date can mean, found by completing its X digits.
    private struct Bounds {
        let earliest: CalendarDay
        let latest: CalendarDay

        init(
            yearDigits: String, negative: Bool, month: (String, Int)?, day: (String, Int)?, dayOffset: Int
        ) throws(EDTFError) {
            let years = DigitPattern(yearDigits)
            if let (monthDigits, offset) = month, !monthDigits.contains("X"), let value = Int(monthDigits) {
                switch value {
                case 1...12: break
                case 21...41:
                    if day != nil { throw EDTFError("a season or other part of a year has no day", at: dayOffset) }
                    if years.unspecified > 0 { throw EDTFError("a season or other part of a year needs a complete year", at: offset) }
                    let year = Int(yearDigits)! * (negative ? -1 : 1)
                    (earliest, latest) = EDTFDate.Season(rawValue: value)!.bounds(in: year)
                    return
                default:
                    throw EDTFError(
                        "there is no month \(monthDigits); months are 01–12 (21–24 for seasons, 25–41 for hemispheres' seasons, quarters, thirds and halves)",
                        at: offset)
                }
            }
            if let (dayDigits, offset) = day, !dayDigits.contains("X"), let value = Int(dayDigits), !(1...31).contains(value) {
                throw EDTFError("there is no day \(dayDigits); days are 01–31", at: offset)
            }
            let months = month.map { DigitPattern($0.0) }
            let days = day.map { DigitPattern($0.0) }
            func search(ascending: Bool) -> CalendarDay? {
                // Years count up when their digits do, except before year 0.
                for year in years.values(ascending: ascending != negative) {
                    let signed = negative ? -year : year
                    let monthValues =
                        months?.values(ascending: ascending).filter { (1...12).contains($0) }
                        ?? (ascending ? Array(1...12) : Array((1...12).reversed()))
                    for month in monthValues {
                        let length = CalendarDay.daysInMonth(month, year: signed)
                        let dayValues =
                            days?.values(ascending: ascending).filter { (1...length).contains($0) }
                            ?? [ascending ? 1 : length]
                        if let first = dayValues.first { return CalendarDay(year: signed, month: month, day: first) }
                    }
                }
                return nil
            }
            guard let earliest = search(ascending: true), let latest = search(ascending: false) else {
                let written = [yearDigits, month?.0, day?.0].compactMap { $0 }.joined(separator: "-")
                if let month, let day, !(yearDigits + month.0 + day.0).contains("X") {
                    let monthValue = Int(month.0)!
                    let year = Int(yearDigits)! * (negative ? -1 : 1)
                    let length = CalendarDay.daysInMonth(monthValue, year: year)
                    let monthName = Self.monthNames[monthValue - 1]
                    throw EDTFError("\(written) is not a calendar date: \(monthName) \(year) has \(length) days", at: day.1)
                }
                throw EDTFError("no calendar date matches \(written)", at: month?.1 ?? 0)
            }
            self.earliest = earliest
            self.latest = latest
        }

        static let monthNames = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
    }
}

/// Digits with `X` for unspecified ones; enumerates the numbers they can stand for in order.
struct DigitPattern {
    let digits: [Character]
    let unspecified: Int

    init(_ text: String) {
        digits = Array(text)
        unspecified = digits.filter { $0 == "X" }.count
    }

    /// Every number the pattern matches, ascending or descending. Filling the X positions
    /// by counting keeps numeric order because the fixed digits are the same in all of them.
    func values(ascending: Bool) -> LazyMapSequence<StrideTo<Int>, Int> {
        var total = 1
        for _ in 0..<unspecified { total *= 10 }
        let indices = ascending ? stride(from: 0, to: total, by: 1) : stride(from: total - 1, to: -1, by: -1)
        return indices.lazy.map { self.value(filling: $0) }
    }

    private func value(filling index: Int) -> Int {
        var fill = String(index)
        fill = String(repeating: "0", count: max(0, unspecified - fill.count)) + fill
        var fillDigits = fill.makeIterator()
        var result = 0
        for digit in digits {
            let d = digit == "X" ? fillDigits.next()! : digit
            result = result * 10 + Int(String(d))!
        }
        return result
    }
}
