import Foundation

/// A house style for dates people read. Machine forms (EDTF, ISO days) never follow it.
public enum DateStyle: String, Sendable, CaseIterable {
    /// Cursus's compact form in the language, abbreviated months in the locale's order: "26 Jul 2008",
    /// "Jul 26, 2008" (en-US), "26. Juli 2008", "c. 2004".
    case reading
    /// CLDR's long date of the locale: "26 July 2008", "July 26, 2008" (en-US), "26 июля 2008 г.".
    case long
    /// CLDR's medium date of the locale: "26 Jul 2008", "Jul 26, 2008" (en-US), "26.07.2008" (de).
    case medium
    /// The date as EDTF writes it (ISO 8601 and its extensions): "2008-07-26", "2004~".
    case iso
    /// The Associated Press: "Aug. 21, 2017", "March 2, 2017", "August 2017" (English only).
    case ap
    /// The Chicago Manual of Style: "July 26, 2008", "ca. 2004" (English only).
    case chicago

    /// True for the styles that exist in English only.
    public var isEnglishOnly: Bool { self == .ap || self == .chicago }
}

/// Writes EDTF dates for people in one language and style: month names and the order of day,
/// month and year from CLDR (through ICU), every word around them (about, seasons, decades,
/// centuries, BC, spans) from the language's `Words`. Days are never run through a calendar,
/// so dates before the Gregorian reform and BC keep the days EDTF gives.
public struct DateWriter: Sendable {
    /// The style.
    public let style: DateStyle
    /// The words around dates.
    public let words: Words
    private let dayPattern: [PatternPart]
    private let monthPattern: [PatternPart]
    private let yearPattern: [PatternPart]
    /// A day and month, and a month, without the year (for a year known only in part).
    private let dayMonthPattern: [PatternPart]
    private let monthAlonePattern: [PatternPart]
    private let months: [MonthForm: [String]]
    private let about: String
    private let seasons: [String]
    /// The sub-year groupings 25–41, by their order.
    private let groupings: [String]

    /// English in the reading style: what `EDTF.display` writes.
    public static let standard = DateWriter(words: .english, style: .reading, locale: "en")

    /// A writer for `words` in `style`, for the BCP 47 `locale` (its region, if any, chooses
    /// CLDR's order: en-US writes "Jul 26, 2008"; without one, the words file's `cldr` locale does).
    /// A style that is English only falls back to `long` for other languages.
    public init(words: Words, style requested: DateStyle, locale: String) {
        let english = words.tag.split(separator: "-").first == "en"
        let style = requested.isEnglishOnly && !english ? .long : requested
        self.style = style
        self.words = words
        let parts = locale.split(separator: "-")
        let regional = parts.count > 1 && parts.last!.count == 2 ? locale.replacingOccurrences(of: "-", with: "_") : words.cldr
        let cldr = Locale(identifier: regional)
        func pattern(_ skeleton: String) -> [PatternPart] {
            PatternPart.parse(DateFormatter.dateFormat(fromTemplate: skeleton, options: 0, locale: cldr) ?? "y")
        }
        let formatter = DateFormatter()
        formatter.locale = cldr
        var months: [MonthForm: [String]] = [
            .short: formatter.shortMonthSymbols, .full: formatter.monthSymbols,
            .shortStandalone: formatter.shortStandaloneMonthSymbols, .fullStandalone: formatter.standaloneMonthSymbols,
        ]
        switch style {
        case .ap:
            months[.short] = words.list("date.styles.ap.months")
            (dayPattern, monthPattern) = (PatternPart.parse("MMM d, y"), PatternPart.parse("MMMM y"))
            (dayMonthPattern, monthAlonePattern) = (PatternPart.parse("MMM d"), PatternPart.parse("MMMM"))
        case .chicago:
            (dayPattern, monthPattern) = (PatternPart.parse("MMMM d, y"), PatternPart.parse("MMMM y"))
            (dayMonthPattern, monthAlonePattern) = (PatternPart.parse("MMMM d"), PatternPart.parse("MMMM"))
        case .long:
            (dayPattern, monthPattern) = (pattern("yMMMMd"), pattern("yMMMM"))
            (dayMonthPattern, monthAlonePattern) = (pattern("MMMMd"), pattern("MMMM"))
        case .medium:
            formatter.dateStyle = .medium
            (dayPattern, monthPattern) = (PatternPart.parse(formatter.dateFormat), pattern("yMMM"))
            (dayMonthPattern, monthAlonePattern) = (pattern("MMMd"), pattern("MMM"))
        case .reading, .iso:
            (dayPattern, monthPattern) = (pattern("yMMMd"), pattern("yMMM"))
            (dayMonthPattern, monthAlonePattern) = (pattern("MMMd"), pattern("MMM"))
        }
        yearPattern = PatternPart.parse(words.texts["date.year_pattern"] ?? "y")
        self.months = months
        about = words.texts["date.styles.\(style.rawValue).about"] ?? words.text("date.about")
        seasons = words.list("date.seasons")
        groupings = words.list("date.groupings")
    }

    // MARK: - Writing

    /// The date as people read it: "26 Jul 2008", "c. 2004", "Jul 2008 – Aug 2017", "1985 onwards".
    public func write(_ date: EDTF) -> String {
        if style == .iso { return date.edtf }
        // Plain days, months and years print from their bounds, without parsing the text again.
        let text = date.text.utf8
        if !date.isQualified, text.count == 4 || text.count == 7 || text.count == 10,
            text.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 45 }), text.first != 45, let day = date.earliest, day.year >= 1
        {
            switch date.precision {
            case .day: return fill(dayPattern, day: day.day, month: day.month, year: day.year)
            case .month: return fill(monthPattern, day: 1, month: day.month, year: day.year)
            case .year: return fill(yearPattern, day: 1, month: 1, year: day.year)
            default: break  // seasons ("2016-23") are read as written
            }
        }
        switch date.value {
        case .date(let single):
            return write(single)
        case .interval(let start, let end):
            switch (start, end) {
            case (.date(let a), .date(let b)): return words.text("date.span", ["start": write(a), "end": write(b)])
            case (.date(let a), .open): return words.text("date.onwards", ["date": write(a)])
            case (.date(let a), _): return words.text("date.unknown_end", ["date": write(a)])
            case (.open, .date(let b)): return words.text("date.until", ["date": write(b)])
            case (_, .date(let b)): return words.text("date.unknown_start", ["date": write(b)])
            default:  // ../..: open at both ends, nothing known
                let unknown = words.text("date.unknown")
                return words.text("date.span", ["start": unknown, "end": unknown])
            }
        case .set(let set):
            return write(set)
        }
    }

    /// A single date as people read it, no finer than `coarsest` ("Jul 2008" for 26 July 2008 at `.month`).
    public func write(_ date: EDTFDate, atMost coarsest: EDTFDate.Precision = .day) -> String {
        let precision = date.precision.rank > coarsest.rank ? coarsest : date.precision
        if style == .iso {
            guard precision != date.precision else { return date.edtf }
            return precision == .month ? date.yearText + "-" + (date.monthDigits ?? "") : date.yearText
        }
        let signed = (Int(date.yearDigits) ?? 0) * (date.isNegative ? -1 : 1)
        let year = signed <= 0 ? 1 - signed : signed
        var text: String
        var beforeChrist = signed <= 0
        switch precision {
        case .day: text = fill(dayPattern, day: Int(date.dayDigits!)!, month: Int(date.monthDigits!)!, year: year)
        case .month: text = fill(monthPattern, day: 1, month: Int(date.monthDigits!)!, year: year)
        case .season:
            let code = date.season!.rawValue
            let names = code <= 24 ? seasons : groupings
            let index = code - (code <= 24 ? 21 : 25)
            let season = names.indices.contains(index) ? names[index] : String(code)
            text = words.text("date.season", ["season": season, "year": fill(yearPattern, day: 1, month: 1, year: year)])
        case .year: text = fill(yearPattern, day: 1, month: 1, year: year)
        case .decade where !date.isNegative:
            text = words.text("date.decade", ["decade": date.yearDigits.replacingOccurrences(of: "X", with: "0")])
            beforeChrist = false
        case .century where !date.isNegative && !date.isYPrefixed:
            text = words.text("date.century", Self.ordinalForms(Int(date.yearDigits.dropLast(2))! + 1))
            beforeChrist = false
        case .millennium where !date.isNegative && !date.isYPrefixed && date.yearDigits.first != "X":
            text = words.text("date.millennium", Self.ordinalForms(Int(date.yearDigits.prefix(1))! + 1))
            beforeChrist = false
        case .millennium where date.yearDigits.allSatisfy({ $0 == "X" }):
            text = words.text("date.year_unknown")
            beforeChrist = false
        default:
            text = date.yearText
            beforeChrist = false
        }
        if beforeChrist { text = words.text("date.bc", ["date": text]) }
        // A month (and day) known in a year known only in part: "25 Dec, 1560s".
        if [.decade, .century, .millennium].contains(precision), let monthDigits = date.monthDigits, let month = Int(monthDigits),
            (1...12).contains(month)
        {
            let known = date.dayDigits.flatMap { Int($0) }.map { fill(dayMonthPattern, day: $0, month: month, year: 1) }
            text = words.text("date.within", ["date": known ?? fill(monthAlonePattern, day: 1, month: month, year: 1), "period": text])
        }
        if date.significantDigits != nil {
            // An estimate within a range: "c. 1950 (1900 – 1999)".
            let range = [date.earliest.year, date.latest.year].map { year in
                let plain = fill(yearPattern, day: 1, month: 1, year: year <= 0 ? 1 - year : year)
                return year <= 0 ? words.text("date.bc", ["date": plain]) : plain
            }
            text = Words.fill(about, ["date": text]) + " (" + words.text("date.span", ["start": range[0], "end": range[1]]) + ")"
        }
        // Parts qualified differently ("?2004-06-~11") are named one by one; a date qualified
        // as a whole is "c. 2004" or "2004?".
        let parts = [("year", date.yearQualifier), ("month", date.monthQualifier), ("day", date.dayQualifier)]
            .prefix(precision == .day ? 3 : precision == .month ? 2 : 1)
        if Set(parts.map(\.1.rawValue)).count > 1 {
            let named = parts.filter { !$0.1.isEmpty }.map { part, qualifier in
                let kind = qualifier == [.approximate, .uncertain] ? "both" : qualifier == .approximate ? "approximate" : "uncertain"
                return words.text("date.parts.\(part).\(kind)")
            }
            return words.text("date.qualified", ["date": text, "parts": named.joined(separator: ", ")])
        }
        let qualifiers = date.qualifiers
        // An estimate from significant digits already says "about".
        if qualifiers.contains(.approximate) && date.significantDigits == nil { text = Words.fill(about, ["date": text]) }
        if qualifiers.contains(.uncertain) { text = words.text("date.uncertain", ["date": text]) }
        return text
    }

    /// A set as people read it: "1667, 1668 or 1670–1672" (one of them), "1960 and Dec 1961" (all).
    public func write(_ set: EDTFSet) -> String {
        let items = set.members.map { member -> String in
            switch member {
            case .date(let date): return write(date)
            case .range(let first, let last): return "\(write(first))–\(write(last))"
            case .upTo(let date): return words.text("date.until", ["date": write(date)])
            case .onwards(let date): return words.text("date.onwards", ["date": write(date)])
            }
        }
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        let key = set.kind == .oneOf ? "date.one_of" : "date.all_of"
        return words.text(key, ["list": items.dropLast().joined(separator: ", "), "last": last])
    }

    /// "day", "season" … in the language, for "known to the season".
    public func precisionName(_ precision: EDTFDate.Precision) -> String { words.text("date.precision.\(precision.rawValue)") }

    // MARK: - Patterns

    private enum MonthForm { case short, full, shortStandalone, fullStandalone }

    /// A piece of a CLDR date pattern ("d MMM y", "d. MMMM y", "LLLL y 'г'.").
    private enum PatternPart: Sendable {
        case literal(String)
        case day(padded: Bool)
        case month(width: Int, standalone: Bool)
        case year

        static func parse(_ pattern: String) -> [PatternPart] {
            var parts: [PatternPart] = []
            var characters = Array(pattern)[...]
            var literal = ""
            func flush() {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
            }
            while let character = characters.first {
                if character == "'" {
                    characters = characters.dropFirst()
                    if characters.first == "'" {
                        literal.append("'")
                        characters = characters.dropFirst()
                        continue
                    }
                    while let next = characters.first, next != "'" {
                        literal.append(next)
                        characters = characters.dropFirst()
                    }
                    characters = characters.dropFirst()
                    continue
                }
                guard character.isASCII, character.isLetter else {
                    literal.append(character)
                    characters = characters.dropFirst()
                    continue
                }
                let run = characters.prefix { $0 == character }.count
                characters = characters.dropFirst(run)
                switch character {
                case "d":
                    flush()
                    parts.append(.day(padded: run > 1))
                case "M":
                    flush()
                    parts.append(.month(width: run, standalone: false))
                case "L":
                    flush()
                    parts.append(.month(width: run, standalone: true))
                case "y", "Y", "u":
                    flush()
                    parts.append(.year)
                default: break  // eras, weekdays: not part of the dates Cursus writes
                }
            }
            flush()
            return parts
        }
    }

    private func fill(_ pattern: [PatternPart], day: Int, month: Int, year: Int) -> String {
        var text = ""
        for part in pattern {
            switch part {
            case .literal(let literal): text += literal
            case .day(let padded): text += padded && day < 10 ? "0\(day)" : String(day)
            case .year: text += String(year)
            case .month(let width, let standalone):
                switch width {
                case 1: text += String(month)
                case 2: text += month < 10 ? "0\(month)" : String(month)
                default:
                    let form: MonthForm = width == 3 ? (standalone ? .shortStandalone : .short) : (standalone ? .fullStandalone : .full)
                    let names = months[form] ?? []
                    text += names.indices.contains(month - 1) ? names[month - 1] : String(month)
                }
            }
        }
        return text
    }

    // MARK: - Numbers

    /// 1st, 2nd, 3rd, 4th, 11th, 21st.
    /// A century's or millennium's number as the words may write it: 21st, 21, XXI.
    private static func ordinalForms(_ number: Int) -> KeyValuePairs<String, String> {
        ["ordinal": englishOrdinal(number), "number": String(number), "roman": roman(number)]
    }

    static func englishOrdinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// XX for 20: centuries in Russian, French, Spanish.
    static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return String(number) }
        let values = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
            (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = number
        var text = ""
        for (value, numeral) in values {
            while rest >= value {
                text += numeral
                rest -= value
            }
        }
        return text
    }
}
