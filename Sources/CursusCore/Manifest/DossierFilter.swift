/// Which records an output shows: people, categories and a date window.
public struct DossierFilter: Sendable {
    /// The people kept; nil keeps everyone.
    public var people: [String]?
    /// The categories kept; nil keeps all.
    public var categories: [String]?
    /// The start of the window; nil: open.
    public var from: EDTF?
    /// The end of the window; nil: open.
    public var to: EDTF?

    /// A filter with these parts; none keeps everything.
    public init(people: [String]? = nil, categories: [String]? = nil, from: EDTF? = nil, to: EDTF? = nil) {
        self.people = people
        self.categories = categories
        self.from = from
        self.to = to
    }

    /// True when the filter keeps everything.
    public var isEmpty: Bool { people == nil && categories == nil && from == nil && to == nil }

    /// The records that pass. A tenure or event passes the window when its span overlaps it;
    /// an ongoing tenure runs to `asOf`. With a filter, only the sources still cited are kept.
    public func apply(to dossier: Dossier, asOf: CalendarDay) -> Dossier {
        guard !isEmpty else { return dossier }
        let windowStart = from?.earliest ?? CalendarDay(daysSinceEpoch: Int.min / 4)
        let windowEnd = to?.latest ?? CalendarDay(daysSinceEpoch: Int.max / 4)
        func inWindow(_ first: CalendarDay?, _ last: CalendarDay?) -> Bool {
            (first ?? windowStart) <= windowEnd && (last ?? windowEnd) >= windowStart
        }
        func inCategory(_ category: String?) -> Bool {
            guard let categories else { return true }
            return category.map(categories.contains) ?? false
        }
        let peopleSet = people.map(Set.init)
        var result = Dossier()
        result.people = dossier.people.filter { peopleSet?.contains($0.id) ?? true }
        result.tenures = dossier.tenures.filter { tenure in
            let end = tenure.ongoing ? asOf : (tenure.end?.latest ?? tenure.start?.latest)
            return (peopleSet?.contains(tenure.person) ?? true) && inCategory(tenure.category)
                && inWindow(tenure.start?.earliest, end)
        }
        result.events = dossier.events.filter { event in
            (peopleSet.map { !$0.isDisjoint(with: event.people) } ?? true) && inCategory(event.category)
                && inWindow(event.date.earliest, event.date.latest)
        }
        let cited = result.citedSourceIDs
        result.sources = dossier.sources.filter { cited.contains($0.id) }
        return result
    }
}
