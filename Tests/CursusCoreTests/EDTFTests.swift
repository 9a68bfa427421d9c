import CursusTestSupport
import Testing

@testable import CursusCore

/// Every Level 0 and Level 1 example of the Library of Congress EDTF specification.
let specificationExamples = [
    // Level 0: dates, date and time, intervals.
    "1985-04-12", "1985-04", "1985", "1985-04-12T23:20:30", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30-04",
    "1985-04-12T23:20:30+04:30", "1964/2008", "2004-06/2006-08", "2004-02-01/2005-02-08", "2004-02-01/2005-02",
    "2004-02-01/2005", "2005/2006-02",
    // Level 1: letter-prefixed years, seasons, qualification, unspecified digits, extended intervals, negative years.
    "Y170000002", "Y-170000002", "2001-21", "2001-22", "2001-23", "2001-24", "1984?", "2004-06~", "2004-06-11%",
    "201X", "20XX", "2004-XX", "1985-04-XX", "1985-XX-XX", "1985-04-12/..", "1985-04/..", "1985/..",
    "../1985-04-12", "../1985-04", "../1985", "1985-04-12/", "1985-04/", "1985/", "/1985-04-12", "/1985-04", "/1985",
    "1984~/2004-06", "1984/2004-06~", "1984~/2004~", "1984?/2004%", "1984-06?/2004-08?", "1984-06-02?/2004-08-08~",
    "1984-06-02?/", "-1985",
]

/// Every Level 2 example of the specification, with the level Cursus gives it (the
/// specification shows `2004-06-11%`, a Level 1 form, among its group qualifications).
let levelTwoSpecificationExamples: [(String, Int)] = [
    ("Y-17E7", 2), ("1950S2", 2), ("Y171010000S3", 2), ("Y3388E2S3", 2), ("2001-34", 2), ("[1667,1668,1670..1672]", 2),
    ("[..1760-12-03]", 2), ("[1760-12..]", 2), ("[1760-01,1760-02,1760-12..]", 2), ("[1667,1760-12]", 2), ("[..1984]", 2),
    ("{1667,1668,1670..1672}", 2), ("{1960,1961-12}", 2), ("{..1984}", 2), ("2004-06-11%", 1), ("2004-06~-11", 2),
    ("2004?-06-11", 2), ("?2004-06-~11", 2), ("2004-%06-11", 2), ("156X-12-25", 2), ("15XX-12-25", 2), ("XXXX-12-XX", 2),
    ("1XXX-XX", 2), ("1XXX-12", 2), ("1984-1X", 2), ("2004-06-~01/2004-06-~20", 2), ("2004-06-XX/2004-07-03", 2),
]

@Suite struct EDTFTests {
    @Test(arguments: levelTwoSpecificationExamples)
    func levelTwoSpecificationExampleIsRead(_ text: String, _ level: Int) throws {
        let date = try EDTF(text)
        #expect(date.level == level)
        #expect(try EDTF(date.edtf).edtf == date.edtf, "the canonical form reads back as itself")
        #expect(date.isBounded)
        if let earliest = date.earliest, let latest = date.latest { #expect(earliest <= latest) }
        #expect(!date.display.isEmpty && !date.display.contains("X"), "people read it without EDTF's letters: \(date.display)")
    }

    @Test(arguments: specificationExamples)
    func specificationExampleIsValidAndCanonical(_ text: String) throws {
        let date = try EDTF(text)
        #expect(date.edtf == text)
        if let earliest = date.earliest, let latest = date.latest { #expect(earliest <= latest) }
    }

    @Test(arguments: [
        ("2016-02-30", "February 2016 has 29 days"),
        ("1900-02-29", "February 1900 has 28 days"),
        ("2008/2005", "ends (2005-12-31) before it starts (2008-01-01)"),
        (" 2008", "no spaces"),
        ("2008 ", "no spaces"),
        ("2008-13", "no month 13"),
        ("2008-00", "no month 00"),
        ("2008-01-00", "no day 00"),
        ("2008-01-32", "no day 32"),
        ("85", "four digits"),
        ("19850", "Y prefix"),
        ("Y1985", "more than four digits"),
        ("Y117000000070000003", "more than nine digits"),
        ("-0000", "no year -0000"),
        ("2008/2009/2010", "exactly one '/'"),
        ("/", "at least one side"),
        ("Y00001", "no leading zeros"),
        ("1950S5", "significant digits are S and how many"),
        ("1950E2", "an exponential year is a Y year"),
        ("Y-17E7-01", "a year with E or S stands alone"),
        ("1985-04-12T23:20:30-00:00", "-00:00 is not a time zone"),
        ("1985-04-12T23:20:30+14:01", "from -12:00 to +14:00"),
        ("1985-04-12T23:20:30-12:01", "from -12:00 to +14:00"),
        ("1985-04-12T24:00:01", "24 is an hour only in 24:00:00"),
        ("2004-06-11T10:00:00/2005", "without a time of day"),
        ("/..", "at least one side"),
        ("..", "expected a year"),
        ("2001-21-01", "a season or other part of a year has no day"),
        ("2001-34-01", "a season or other part of a year has no day"),
        ("2001-42", "there is no month 42"),
        ("2008-07-26T25:00:00", "hour"),
        ("2008-07T10:00:00", "complete day"),
        ("[1672..1670]", "the range ends before it starts"),
        ("[1667,", "a set is closed by ']'"),
        ("[]", "names at least one date"),
        ("[1667,,1668]", "an empty member"),
        ("{1667,1668/1670}", "not intervals"),
        ("[..]", "'..' needs a date"),
        ("2004~~", "unexpected '~'"),
        ("July 2008", "EDTF dates look like 2008-07-26"),
        ("July", "expected a year"),
        ("", "empty"),
        ("2016-02-3X", "no calendar date matches"),
        ("190X-02-30", "no calendar date matches"),
    ])
    func invalidDateIsRefusedWithReason(_ text: String, _ reason: String) {
        #expect {
            _ = try EDTF(text)
        } throws: { error in
            (error as? EDTFError)?.message.contains(reason) == true
        }
    }

    @Test func errorOffsetPointsAtTheProblem() {
        #expect(throws: EDTFError.self) { try EDTF("2016-02-30") }
        do {
            _ = try EDTF("2016-02-30")
        } catch {
            #expect(error.offset == 8)
        }
    }

    /// `../..`: open at both ends, nothing known; no chart draws it.
    @Test func anIntervalOpenAtBothEndsIsValidAndUnbounded() throws {
        let date = try EDTF("../..")
        #expect(date.earliest == nil && date.latest == nil && !date.isBounded)
        #expect(date.display == "? – ?" && date.level == 1)
        #expect(try EDTF("1985/..").isBounded)
    }

    @Test(arguments: [
        ("1981", "1981-01-01", "1981-12-31", "year", "1981"),
        ("2008-07", "2008-07-01", "2008-07-31", "month", "Jul 2008"),
        ("2008-07-26", "2008-07-26", "2008-07-26", "day", "26 Jul 2008"),
        ("2004~", "2004-01-01", "2004-12-31", "year", "c. 2004"),
        ("2017?", "2017-01-01", "2017-12-31", "year", "2017?"),
        ("2004%", "2004-01-01", "2004-12-31", "year", "c. 2004?"),
        ("2016-21", "2016-03-01", "2016-05-31", "season", "spring 2016"),
        ("2016-22", "2016-06-01", "2016-08-31", "season", "summer 2016"),
        ("2016-23", "2016-09-01", "2016-11-30", "season", "autumn 2016"),
        ("2019-24", "2019-12-01", "2020-02-29", "season", "winter 2019"),
        ("2016-24", "2016-12-01", "2017-02-28", "season", "winter 2016"),
        // Level 2 sub-year groupings: each hemisphere's seasons, quarters, thirds, halves.
        ("2016-25", "2016-03-01", "2016-05-31", "season", "spring (northern hemisphere) 2016"),
        ("2016-28", "2016-12-01", "2017-02-28", "season", "winter (northern hemisphere) 2016"),
        ("2016-29", "2016-09-01", "2016-11-30", "season", "spring (southern hemisphere) 2016"),
        ("2016-30", "2016-12-01", "2017-02-28", "season", "summer (southern hemisphere) 2016"),
        ("2016-31", "2016-03-01", "2016-05-31", "season", "autumn (southern hemisphere) 2016"),
        ("2016-32", "2016-06-01", "2016-08-31", "season", "winter (southern hemisphere) 2016"),
        ("2001-33", "2001-01-01", "2001-03-31", "season", "1st quarter 2001"),
        ("2001-34", "2001-04-01", "2001-06-30", "season", "2nd quarter 2001"),
        ("2001-36", "2001-10-01", "2001-12-31", "season", "4th quarter 2001"),
        ("2001-37", "2001-01-01", "2001-04-30", "season", "1st third 2001"),
        ("2001-39", "2001-09-01", "2001-12-31", "season", "3rd third 2001"),
        ("2001-40", "2001-01-01", "2001-06-30", "season", "1st half 2001"),
        ("2001-41", "2001-07-01", "2001-12-31", "season", "2nd half 2001"),
        ("201X", "2010-01-01", "2019-12-31", "decade", "2010s"),
        ("19XX", "1900-01-01", "1999-12-31", "century", "20th century"),
        ("1985-04-XX", "1985-04-01", "1985-04-30", "month", "Apr 1985"),
        ("1985-XX-XX", "1985-01-01", "1985-12-31", "year", "1985"),
        ("2000-02-XX", "2000-02-01", "2000-02-29", "month", "Feb 2000"),
        ("1900-02-XX", "1900-02-01", "1900-02-28", "month", "Feb 1900"),
        ("190X-02-29", "1904-02-29", "1908-02-29", "decade", "29 Feb, 1900s"),
        ("2004-06-~01", "2004-06-01", "2004-06-01", "day", "1 Jun 2004 (day approximate)"),
        ("2004-06-11%", "2004-06-11", "2004-06-11", "day", "c. 11 Jun 2004?"),
        ("2004-06~-11", "2004-06-11", "2004-06-11", "day", "11 Jun 2004 (year approximate, month approximate)"),
        ("-0044-03-15", "-0044-03-15", "-0044-03-15", "day", "15 Mar 45 BC"),
        ("0000", "0000-01-01", "0000-12-31", "year", "1 BC"),
        ("-1XXX", "-1999-01-01", "-1000-12-31", "millennium", "-1XXX"),
        ("1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", "day", "12 Apr 1985"),
        // What the specification allows that Cursus once refused: fractions of a second, the end of
        // the day, zones in the basic format, and an interval open at both ends.
        ("1985-04-12T23:20:30.5Z", "1985-04-12", "1985-04-12", "day", "12 Apr 1985"),
        ("1985-04-12T24:00:00", "1985-04-12", "1985-04-12", "day", "12 Apr 1985"),
        ("1985-04-12T23:20:30+0230", "1985-04-12", "1985-04-12", "day", "12 Apr 1985"),
        // Level 2: significant digits give an estimate within a range; exponential years are Y years.
        ("1950S2", "1900-01-01", "1999-12-31", "year", "c. 1950 (1900 – 1999)"),
        // The README's table of choices: BC decades and centuries by their digits, shown as written.
        ("-019X", "-0199-01-01", "-0190-12-31", "decade", "-019X"),
        ("-01XX", "-0199-01-01", "-0100-12-31", "century", "-01XX"),
        ("-1985", "-1985-01-01", "-1985-12-31", "year", "1986 BC"),
        // Level 2 sets: one of (`[…]`) or all of (`{…}`) their members; bounds are the members' extremes.
        ("[1667,1668,1670..1672]", "1667-01-01", "1672-12-31", "set", "1667, 1668 or 1670–1672"),
        ("{1960,1961-12}", "1960-01-01", "1961-12-31", "set", "1960 and Dec 1961"),
        ("[1760-01,1760-02,1760-12..]", "1760-01-01", "", "set", "Jan 1760, Feb 1760 or Dec 1760 onwards"),
        ("[..1760-12-03]", "", "1760-12-03", "set", "until 3 Dec 1760"),
        ("{..1984}", "", "1984-12-31", "set", "until 1984"),
        ("1950S2~", "1900-01-01", "1999-12-31", "year", "c. 1950 (1900 – 1999)"),
        ("Y171010000S3", "171000000-01-01", "171999999-12-31", "year", "c. 171010000 (171000000 – 171999999)"),
        ("Y-17E7", "-170000000-01-01", "-170000000-12-31", "year", "170000001 BC"),
        ("Y3388E2S3", "338000-01-01", "338999-12-31", "year", "c. 338800 (338000 – 338999)"),
    ])
    func boundsPrecisionAndDisplay(_ text: String, _ earliest: String, _ latest: String, _ precision: String, _ display: String) throws {
        let date = try EDTF(text)
        #expect((date.earliest?.iso ?? "") == earliest, "an open start has none")
        #expect((date.latest?.iso ?? "") == latest, "an open end has none")
        #expect(date.precisionName == precision)
        #expect(date.display == display)
    }

    @Test(arguments: [
        ("1981/1985", "1981 – 1985", "year/year"),
        ("2008-07-26/2017-08", "26 Jul 2008 – Aug 2017", "day/month"),
        ("1985/..", "1985 onwards", "year/open"),
        ("../1985", "until 1985", "open/year"),
        ("1985/", "1985 – ?", "year/unknown"),
        ("/1985", "? – 1985", "unknown/year"),
    ])
    func intervals(_ text: String, _ display: String, _ precision: String) throws {
        let date = try EDTF(text)
        #expect(date.display == display)
        #expect(date.precisionName == precision)
    }

    /// Plain dates print from their bounds without parsing again: each must read as the parser would.
    @Test(arguments: ["2016-23", "2016-24", "2016-21", "1981", "2008-07", "2008-07-26", "0000", "2016-12", "1999-02-28"])
    func displayOfPlainLookingDatesMatchesTheParser(_ text: String) throws {
        let date = try EDTF(text)
        guard case .date(let parsed) = date.value else {
            Issue.record("not a date")
            return
        }
        #expect(date.display == parsed.display)
    }

    @Test func openAndUnknownEndsHaveNoBound() throws {
        #expect(try EDTF("1985/..").latest == nil)
        #expect(try EDTF("/1985").earliest == nil)
        #expect(try EDTF("1985/").earliest?.iso == "1985-01-01")
    }

    @Test func componentQualifiersAreNormalised() throws {
        // A qualifier after a component covers it and everything to its left.
        #expect(try EDTF("2004-06~-11").edtf == "~2004-~06-11")
        #expect(try EDTF("2004?-06-11").edtf == "?2004-06-11")
        #expect(try EDTF("?2004-06-~11").edtf == "?2004-06-~11")
        #expect(try EDTF("2004-06-11?").edtf == "2004-06-11?")
    }

    @Test func orderIsEarliestDayThenCoarserPrecisionFirst() throws {
        let texts = ["2008-01-01", "2007-12", "2008", "2008-01", "../2007", "2007-24", "2008-02-01"]
        let sorted = try texts.map(EDTF.init).sorted(by: EDTF.orderedBefore).map(\.text)
        #expect(sorted == ["../2007", "2007-24", "2007-12", "2008", "2008-01", "2008-01-01", "2008-02-01"])
    }

    @Test func calendarDaysRoundTripThroughDayNumbers() {
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            let day = CalendarDay(daysSinceEpoch: number)
            #expect(day.daysSinceEpoch == number)
            #expect(day.day <= CalendarDay.daysInMonth(day.month, year: day.year))
        }
        #expect(CalendarDay(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
    }

    @Test func isoDaysParseStrictly() {
        #expect(CalendarDay(iso: "2026-11-22")?.day == 22)
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2026-1-22") == nil)
        #expect(CalendarDay(iso: "22/11/2026") == nil)
    }
}
