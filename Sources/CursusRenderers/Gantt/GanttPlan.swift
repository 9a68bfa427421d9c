import CursusCore

/// What a career chart shows, before anything is drawn: the years it covers, its rows of
/// tenures in lanes that never overlap, their milestones, the events to mark and the title. In
/// days since 1970, never in points; `GanttLayout` places it.
struct GanttPlan {
    /// One tenure's bar before it is placed: its span in (fractional) days since 1970.
    struct Span {
        var tenure: Tenure
        var start: Double
        var end: Double
        var dashed: Bool
        var fadesIn: Bool
        var fadesOut: Bool
        /// With `partial: fade`, the days over which an uncertain start fades in and an
        /// uncertain end fades out (the whole period the date could fall in).
        var fadeInDays: Double?
        var fadeOutDays: Double?
    }

    struct Row {
        var key: String
        var tenures: [Tenure]
        var lanes: [[Span]]
        /// A bold first line and a smaller second one.
        var label: (bold: String, sub: String) = ("", "")
    }

    /// An event at its place on the time axis.
    struct Mark {
        var event: Event
        var day: Double
        /// Where the members of a date that is a set stand (a point for a date, a stretch for a
        /// range or an open side), in order; empty for any other date.
        var members: [ClosedRange<Double>] = []
        /// The set means all of its members, not one of them.
        var allOf = false
    }

    /// The whole years shown, first to last, and the days they run from and to.
    var firstYear = 0, lastYear = 0
    var scaleStart = 0.0, scaleEnd = 0.0
    var rows: [Row] = []
    /// The events shown, in date order, within the years shown.
    var events: [Mark] = []
    var title = ""
    /// What "present" is, for the legend.
    var asOf: CalendarDay
    /// How rows are made (bars say their post when rows are categories).
    var rowsBy: GanttOptions.Rows
    /// The language and date style of every text on the chart.
    var presentation: Presentation

    /// A year as the axis shows it: 2008, or 45 BC in the chart's language.
    func yearText(_ year: Int) -> String {
        year <= 0 ? presentation.text("date.bc", ["date": String(1 - year)]) : String(year)
    }

    var years: Double { Double(lastYear - firstYear + 1) }

    /// Where a date stands on the time axis: an exact day at its start (an end at the end of its
    /// day); a partial date at the middle of its period.
    static func point(_ date: EDTF, end: Bool) -> Double {
        let first = date.earliest ?? date.latest
        let last = date.latest ?? date.earliest
        guard let first, let last else { return 0 }
        return point(first, last, exactDay: date.isExactDay, end: end)
    }

    /// The day a date from `first` to `last` stands at: an exact day's start (or end), else the middle.
    private static func point(_ first: CalendarDay, _ last: CalendarDay, exactDay: Bool, end: Bool) -> Double {
        if exactDay { return Double(first.daysSinceEpoch + (end ? 1 : 0)) }
        return (Double(first.daysSinceEpoch) + Double(last.daysSinceEpoch + 1)) / 2
    }

    /// Where the members of a set stand within `scale`, in the order written (a point for a
    /// date; a stretch for a range, and for an open side up to the scale's edge), and whether the
    /// set means all of them; nil for a date that is not a set.
    static func members(_ date: EDTF, within scale: ClosedRange<Double>) -> (stretches: [ClosedRange<Double>], allOf: Bool)? {
        guard case .set(let set) = date.value else { return nil }
        let point = { (date: EDTFDate) in
            Self.point(date.earliest, date.latest, exactDay: date.precision == .day && !date.isQualified, end: false)
        }
        let stretches = set.members.compactMap { member -> ClosedRange<Double>? in
            let stretch: ClosedRange<Double>
            switch member {
            case .date(let date): stretch = point(date)...point(date)
            case .range(let first, let last):
                stretch = Double(first.earliest.daysSinceEpoch)...Double(max(first.earliest, last.latest).daysSinceEpoch + 1)
            case .upTo(let date): stretch = min(scale.lowerBound, point(date))...point(date)
            case .onwards(let date): stretch = point(date)...max(scale.upperBound, point(date))
            }
            guard stretch.overlaps(scale) else { return nil }
            return stretch.clamped(to: scale)
        }
        return (stretches, set.kind == .allOf)
    }

    /// "posting-abroad" → "Posting abroad".
    static func humanize(_ category: String) -> String {
        let spaced = category.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

/// Makes the plan of a chart from a dossier and the chart's options.
struct GanttPlanner {
    let dossier: Dossier
    let asOf: CalendarDay
    let options: GanttOptions
    var presentation = Presentation.standard

    typealias Span = GanttPlan.Span
    typealias Row = GanttPlan.Row

    func plan() -> GanttPlan {
        var plan = GanttPlan(asOf: asOf, rowsBy: options.rows, presentation: presentation)
        let spans = dossier.chronologicalTenures.compactMap(span)
        let events = selectedEvents()

        // Time scale: whole years around everything shown, or the from/to window.
        let days = spans.flatMap { [$0.start, $0.end] } + events.filter(\.date.isBounded).map { GanttPlan.point($0.date, end: false) }
        plan.firstYear = options.from?.earliest?.year ?? days.min().map { CalendarDay(daysSinceEpoch: Int($0)).year } ?? asOf.year - 1
        plan.lastYear = max(
            plan.firstYear, options.to?.latest?.year ?? days.max().map { CalendarDay(daysSinceEpoch: Int($0) - 1).year } ?? asOf.year)
        plan.scaleStart = Double(CalendarDay(year: plan.firstYear, month: 1, day: 1).daysSinceEpoch)
        plan.scaleEnd = Double(CalendarDay(year: plan.lastYear + 1, month: 1, day: 1).daysSinceEpoch)

        // Rows, each with its tenures (cut to the window) in lanes that never overlap.
        let visible = spans.compactMap { span -> Span? in
            guard span.end > plan.scaleStart, span.start < plan.scaleEnd else { return nil }
            var span = span
            span.start = max(span.start, plan.scaleStart)
            span.end = min(span.end, plan.scaleEnd)
            return span
        }
        plan.rows = groupIntoRows(visible).map { row in
            var row = row
            row.label = label(for: row)
            return row
        }
        plan.events = events.compactMap { event in
            guard event.date.isBounded else { return nil }
            // A set is marked at its first member shown, its members beside it.
            if let set = GanttPlan.members(event.date, within: plan.scaleStart...plan.scaleEnd) {
                guard let first = set.stretches.first else { return nil }
                return GanttPlan.Mark(event: event, day: first.lowerBound, members: set.stretches, allOf: set.allOf)
            }
            let day = GanttPlan.point(event.date, end: false)
            return day >= plan.scaleStart && day <= plan.scaleEnd ? GanttPlan.Mark(event: event, day: day) : nil
        }
        plan.title = title(plan, spans: visible)
        return plan
    }

    func span(_ tenure: Tenure) -> Span? {
        let asOfDay = Double(asOf.daysSinceEpoch + 1)
        // A date with no day on either side (../..) says nothing the chart can draw.
        let start = tenure.start.flatMap { $0.isBounded ? GanttPlan.point($0, end: false) : nil }
        var end = tenure.end.flatMap { $0.isBounded ? GanttPlan.point($0, end: true) : nil }
        if tenure.ongoing { end = max(asOfDay, start ?? asOfDay) }
        switch (start, end) {
        case (nil, nil):
            return nil
        case (let start?, nil):
            // No known end: a short stub that fades out.
            return Span(tenure: tenure, start: start, end: start + 180, dashed: true, fadesIn: false, fadesOut: true)
        case (nil, let end?):
            return Span(tenure: tenure, start: end - 180, end: end, dashed: true, fadesIn: true, fadesOut: tenure.ongoing)
        case (let start?, let end?):
            if options.partial == .fade, let span = fadedSpan(tenure, start: start, end: end) { return span }
            let exact = (tenure.start?.isExactDay ?? false) && (tenure.ongoing || (tenure.end?.isExactDay ?? false))
            return Span(tenure: tenure, start: start, end: max(end, start + 1), dashed: !exact, fadesIn: false, fadesOut: tenure.ongoing)
        }
    }

    /// With `partial: fade`: a start or end known only to its month, season or year, or given
    /// otherwise by another source (`disputed`), fades across every day it could fall on, from
    /// the earliest to the latest; nil when both ends are single days that no source disputes.
    func fadedSpan(_ tenure: Tenure, start: Double, end: Double) -> Span? {
        var span = Span(tenure: tenure, start: start, end: max(end, start + 1), dashed: false, fadesIn: false, fadesOut: tenure.ongoing)
        if let days = possibleDays(tenure.start, field: "start", of: tenure) {
            span.start = days.lowerBound
            span.fadesIn = true
            span.fadeInDays = days.upperBound - days.lowerBound
        }
        if !tenure.ongoing, let days = possibleDays(tenure.end, field: "end", of: tenure) {
            span.end = days.upperBound
            span.fadesOut = true
            span.fadeOutDays = days.upperBound - days.lowerBound
        }
        return span.fadesIn || span.fadeOutDays != nil ? span : nil
    }

    /// The days a tenure's start or end could fall on, with the dates other sources give for it,
    /// from the first day to the day after the last; nil when that is a single day.
    func possibleDays(_ date: EDTF?, field: String, of tenure: Tenure) -> Range<Double>? {
        let dates = [date] + tenure.disputed.filter { $0.field == field }.map { try? EDTF($0.value) }
        let bounds = dates.compactMap { $0 }
        guard let earliest = bounds.compactMap({ $0.earliest ?? $0.latest }).min(),
            let latest = bounds.compactMap({ $0.latest ?? $0.earliest }).max(), latest > earliest
        else { return nil }
        return Double(earliest.daysSinceEpoch)..<Double(latest.daysSinceEpoch + 1)
    }

    func groupIntoRows(_ spans: [Span]) -> [Row] {
        var order: [String] = []
        var byKey: [String: [Span]] = [:]
        for span in spans {
            let key = rowKey(span.tenure)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(span)
        }
        return order.map { key in
            var lanes: [[Span]] = []
            for span in byKey[key]!.sorted(by: { $0.start < $1.start }) {
                if let lane = lanes.firstIndex(where: { $0.last!.end <= span.start }) {
                    lanes[lane].append(span)
                } else {
                    lanes.append([span])
                }
            }
            return Row(key: key, tenures: byKey[key]!.map(\.tenure), lanes: lanes)
        }
    }

    func rowKey(_ tenure: Tenure) -> String {
        switch options.rows {
        case .office: return tenure.office
        case .organization: return tenure.organization ?? tenure.office
        case .person: return tenure.person
        case .category: return tenure.category ?? ""
        }
    }

    /// The row's label: a bold first line and a smaller second one.
    func label(for row: Row) -> (bold: String, sub: String) {
        let first = row.tenures[0]
        let whereText = [first.organization, first.place].compactMap { $0 }.filter { !$0.isEmpty }
        switch options.rows {
        case .office:
            let bold = first.role ?? first.office
            let sub = first.role == nil ? whereText.filter { !first.office.contains($0) } : whereText
            return (bold, sub.joined(separator: ", "))
        case .organization:
            var roles: [String] = []
            for tenure in row.tenures where !roles.contains(tenure.role ?? tenure.office) { roles.append(tenure.role ?? tenure.office) }
            return (roles.joined(separator: presentation.text("text.then")), whereText.joined(separator: ", "))
        case .person:
            let person = dossier.people.first { $0.id == first.person }
            let life = [
                person?.born.map { presentation.text("text.born_short", ["date": presentation.date($0)]) },
                person?.died.map { presentation.text("text.died_short", ["date": presentation.date($0)]) },
            ].compactMap { $0 }
            return (person?.name ?? first.person, ([person?.nativeName].compactMap { $0 } + life).joined(separator: ", "))
        case .category:
            return (
                first.category.map(GanttPlan.humanize) ?? presentation.text("text.uncategorised"),
                presentation.words.count("post", row.tenures.count)
            )
        }
    }

    func title(_ plan: GanttPlan, spans: [Span]) -> String {
        if let title = options.title { return title }
        let ongoing = spans.contains { $0.tenure.ongoing }
        let range = "\(plan.yearText(plan.firstYear))–\(ongoing ? presentation.text("date.present") : plan.yearText(plan.lastYear))"
        let people = Set(spans.map(\.tenure.person))
        if people.count <= 1, let person = dossier.people.first(where: { people.contains($0.id) }) ?? dossier.people.first {
            let native = person.nativeName.map { " (\($0))" } ?? ""
            return presentation.text("text.career_title", ["name": person.name + native, "range": range])
        }
        return presentation.text("text.careers_title", ["range": range])
    }

    func selectedEvents() -> [Event] {
        let events = dossier.chronologicalEvents
        guard let chosen = options.events.map(Set.init) else { return events }
        return events.filter { chosen.contains($0.id) || ($0.category.map(chosen.contains) ?? false) }
    }
}
