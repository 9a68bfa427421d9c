import CursusCore

/// Excel's date serial numbers (1900 date system, as every Excel reads by default).
enum ExcelDate {
    static let first = CalendarDay(year: 1900, month: 1, day: 1)
    static let last = CalendarDay(year: 9999, month: 12, day: 31)
    private static let march1900 = CalendarDay(year: 1900, month: 3, day: 1)
    private static let base = CalendarDay(year: 1899, month: 12, day: 30).daysSinceEpoch

    /// The serial number of `day`, or nil when Excel cannot hold it as a date (before 1900 or after 9999).
    static func serial(_ day: CalendarDay) -> Double? {
        guard day >= first, day <= last else { return nil }
        // Excel counts a 29 February 1900 that never was; days before it are one lower.
        let serial = day.daysSinceEpoch - base
        return Double(day < march1900 ? serial - 1 : serial)
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
