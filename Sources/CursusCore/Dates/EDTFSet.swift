/// An EDTF Level 2 set: one of its members (`[1667,1668,1670..1672]`) or all of them
/// (`{1960,1961-12}`). A member is a date, a range of dates (`1670..1672`), or a date with an
/// open side (`..1760-12-03`, all up to it; `1760-12..`, it or later).
public struct EDTFSet: Sendable, Hashable {
    /// Whether the set means one of its members or all of them.
    public enum Kind: Sendable, Hashable {
        /// `[…]`: one of them.
        case oneOf
        /// `{…}`: all of them.
        case allOf
    }

    /// One member of a set.
    public enum Member: Sendable, Hashable {
        /// A date.
        case date(EDTFDate)
        /// Every date from the first to the second (`1670..1672`).
        case range(EDTFDate, EDTFDate)
        /// The date and every date before it (`..1760-12-03`).
        case upTo(EDTFDate)
        /// The date and every date after it (`1760-12..`).
        case onwards(EDTFDate)

        /// The member's first day; nil for one open at its start.
        public var earliest: CalendarDay? {
            switch self {
            case .date(let date), .range(let date, _), .onwards(let date): return date.earliest
            case .upTo: return nil
            }
        }

        /// The member's last day; nil for one open at its end.
        public var latest: CalendarDay? {
            switch self {
            case .date(let date), .range(_, let date), .upTo(let date): return date.latest
            case .onwards: return nil
            }
        }

        /// The member's dates.
        var dates: [EDTFDate] {
            switch self {
            case .date(let date), .upTo(let date), .onwards(let date): return [date]
            case .range(let first, let last): return [first, last]
            }
        }

        /// The member as EDTF writes it.
        var edtf: String {
            switch self {
            case .date(let date): return date.edtf
            case .range(let first, let last): return first.edtf + ".." + last.edtf
            case .upTo(let date): return ".." + date.edtf
            case .onwards(let date): return date.edtf + ".."
            }
        }
    }

    /// One of them, or all of them.
    public let kind: Kind
    /// The members, as written.
    public let members: [Member]

    /// The set's first day (its earliest member's); nil when a member is open at its start.
    public var earliest: CalendarDay? {
        let days = members.map(\.earliest)
        return days.contains(nil) ? nil : days.compactMap { $0 }.min()
    }

    /// The set's last day (its latest member's); nil when a member is open at its end.
    public var latest: CalendarDay? {
        let days = members.map(\.latest)
        return days.contains(nil) ? nil : days.compactMap { $0 }.max()
    }

    /// True when a member's date is qualified.
    public var isQualified: Bool { members.contains { $0.dates.contains(where: \.isQualified) } }

    /// The set as EDTF writes it.
    public var edtf: String {
        let (open, close) = kind == .oneOf ? ("[", "]") : ("{", "}")
        return open + members.map(\.edtf).joined(separator: ",") + close
    }
}
