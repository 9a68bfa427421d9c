import CursusCore

/// Excel's date serial numbers (1900 date system, as every Excel reads by default).
enum ExcelDate {
    /// The first day every reader takes from the same serial. Excel counts a 29 February 1900
    /// that never was, so its serials 1–59 (1 January to 28 February 1900) mean a day later than
    /// in LibreOffice and every reader that counts real days; such days are written as ISO text.
    static let first = CalendarDay(year: 1900, month: 3, day: 1)
    static let last = CalendarDay(year: 9999, month: 12, day: 31)
    /// Serial 0 in readers that count real days (from 1 March 1900 on, Excel agrees with them).
    private static let base = CalendarDay(year: 1899, month: 12, day: 30).daysSinceEpoch

    /// The serial number of `day`, or nil when not every reader would show it as that day
    /// (before March 1900, or after 9999).
    static func serial(_ day: CalendarDay) -> Double? {
        guard day >= first, day <= last else { return nil }
        return Double(day.daysSinceEpoch - base)
    }

    /// The number format that shows a bound of a date as finely as the date is known.
    static func numberFormat(for precision: EDTFDate.Precision) -> String {
        switch precision {
        case .day: return "yyyy-mm-dd"
        case .month, .season: return "yyyy-mm"
        case .year, .decade, .century, .millennium: return "yyyy"
        }
    }
}
