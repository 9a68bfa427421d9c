import CursusCore

/// What the chart shows and how: the gantt renderer's options, declared once.
public struct GanttOptions: RendererOptions {
    public enum Rows: String, CaseIterable, Sendable {
        case office, organization, person, category
    }

    public enum Format: String, CaseIterable, Sendable {
        case svg, png, pdf
    }

    /// The paper a PDF is laid out for, or the chart's own size.
    public enum Page: String, CaseIterable, Sendable {
        case a4, letter, a3, chart

        var paper: PaperSize? { PaperSize(rawValue: rawValue) }
    }

    public var rows = Rows.office
    public var formats: [Format] = []
    public var title: String?
    public var from: EDTF?
    public var to: EDTF?
    /// Category → colour, over the palette.
    public var colors: [String: String] = [:]
    /// Event ids or categories to mark; nil marks every event.
    public var events: [String]?
    /// Points per year; nil chooses from the span.
    public var yearWidth: Int?
    public var dpi = 96
    public var page = Page.a4

    public init() {}

    public static let specs: [OptionSpec<GanttOptions>] = [
        .choice("rows", \.rows, help: "One row per office, organization, person (the succession chart of an office) or category"),
        .choices("formats", \.formats, help: "Also draw the chart with Graphviz (neato -n2) into these formats, beside the DOT file"),
        .string("title", \.title, help: "The chart's title (default: the person's name and the span)"),
        .date("from", \.from, help: "First year shown (EDTF); default: the first date charted"),
        .date("to", \.to, help: "Last year shown (EDTF); default: the last date charted, or as_of"),
        .map("colors", \.colors, rule: Palette.rule, help: "Category → colour (#RRGGBB or a CSS colour name), over the colour-blind-safe palette"),
        .strings("events", \.events, help: "Event ids or categories to mark (default: every event)"),
        .int("year_width", \.yearWidth, 2...400, help: "Points per year (default: chosen from the span)"),
        .int("dpi", \.dpi, 36...600, help: "Resolution of PNG output"),
        .choice("page", \.page, help: "PDF output: the paper, landscape, with the chart scaled down to fit; 'chart' makes the page the chart's own size"),
    ]
}

/// A chart laid out in points, top-down (the DOT writer flips it for Graphviz).
struct GanttChart {
    struct Rect {
        var x, y, width, height: Double
        var midX: Double { x + width / 2 }
        var midY: Double { y + height / 2 }
        var maxX: Double { x + width }
        var maxY: Double { y + height }
    }

    enum Alignment { case left, center, right }

    struct Text {
        var text: String
        /// The anchor: left edge, centre or right edge, per `alignment`; vertical centre.
        var x, y: Double
        var size: Double
        var bold = false
        var color = "#222222"
        var alignment: Alignment = .center
        var secondLine: String?

        /// The box the text is drawn in, `width` wide (default: its longer line, with a little room).
        func frame(width fixedWidth: Double? = nil) -> Rect {
            let width = fixedWidth ?? (max(TextMetrics.width(text, size: size, bold: bold),
                                           TextMetrics.width(secondLine ?? "", size: GanttLayout.subLabelSize)) + 4)
            let height = secondLine == nil ? size * 1.5 : size * 1.5 + GanttLayout.subLabelSize * 1.4
            let left: Double
            switch alignment {
            case .left: left = x
            case .center: left = x - width / 2
            case .right: left = x - width
            }
            return Rect(x: left, y: y - height / 2, width: width, height: height)
        }
    }

    struct Bar {
        var rect: Rect
        var fill: String
        var outline: String
        /// Either end not known to the day (or qualified): drawn with a dashed outline.
        var dashed: Bool
        /// The bar fades out at its end: ongoing (to as_of) or with no known end.
        var fadesOut: Bool
        /// The bar fades in at its start: no known start.
        var fadesIn: Bool
        var label: Text?
        var tooltip: String
    }

    struct Mark {
        var x, y: Double
        var tooltip: String
    }

    struct EventMark {
        var x: Double
        var lineTop, dotY: Double
        /// The stretches of the line from `lineTop` to `dotY` that are drawn: it stops short of
        /// every text it would cross.
        var segments: [ClosedRange<Double>] = []
        var label: Text
        var tooltip: String
    }

    struct LegendItem {
        enum Swatch { case fill(String, outline: String), dashed, fade(String), event, milestone }
        var swatch: Swatch
        var text: String
    }

    var width = 0.0, height = 0.0
    var title: Text?
    var bands: [Rect] = []
    var rowLabels: [Text] = []
    var rowLabelWidth = 0.0
    /// Vertical grid lines: x, and whether it is a labelled (major) year.
    var grid: [(x: Double, major: Bool)] = []
    var plot = Rect(x: 0, y: 0, width: 0, height: 0)
    var axisLabels: [Text] = []
    var bars: [Bar] = []
    var milestones: [Mark] = []
    var events: [EventMark] = []
    var legend: [LegendItem] = []
    var legendOrigin = (x: 0.0, y: 0.0)
}

/// Computes every position of a career chart: rows, lanes, the time scale, bars, marks and labels.
struct GanttLayout {
    static let margin = 16.0
    // Whole point sizes: pango measures fractional ones as the whole size below or above.
    static let titleSize = 15.0
    static let axisSize = 8.0
    static let labelSize = 9.0
    static let subLabelSize = 8.0
    static let barLabelSize = 8.0
    static let eventSize = 8.0
    static let barHeight = 15.0
    static let lanePitch = 19.0
    static let rowPadding = 7.5
    static let eventPitch = 14.0
    static let legendPitch = 14.0
    static let maximumLabelColumn = 300.0
    static let fade = 26.0

    let dossier: Dossier
    let asOf: CalendarDay
    let options: GanttOptions

    /// One tenure's bar before it is placed: its span in (fractional) days since 1970.
    struct Span {
        var tenure: Tenure
        var start: Double
        var end: Double
        var dashed: Bool
        var fadesIn: Bool
        var fadesOut: Bool
    }

    func layout() -> GanttChart {
        var chart = GanttChart()
        let spans = dossier.chronologicalTenures.compactMap(span)
        let events = selectedEvents()

        // Time scale: whole years around everything shown, or the from/to window.
        let days = spans.flatMap { [$0.start, $0.end] } + events.map { Self.point($0.date, end: false) }
        let firstYear = options.from?.earliest?.year ?? days.min().map { CalendarDay(daysSinceEpoch: Int($0)).year } ?? asOf.year - 1
        let lastYear = max(firstYear, options.to?.latest?.year ?? days.max().map { CalendarDay(daysSinceEpoch: Int($0) - 1).year } ?? asOf.year)
        let scaleStart = Double(CalendarDay(year: firstYear, month: 1, day: 1).daysSinceEpoch)
        let scaleEnd = Double(CalendarDay(year: lastYear + 1, month: 1, day: 1).daysSinceEpoch)
        let years = Double(lastYear - firstYear + 1)
        let yearWidth = options.yearWidth.map(Double.init) ?? min(60, max(8, 1100 / years))

        // Rows, each with its tenures in lanes that never overlap.
        let visible = spans.compactMap { span -> Span? in
            guard span.end > scaleStart, span.start < scaleEnd else { return nil }
            var span = span
            span.start = max(span.start, scaleStart)
            span.end = min(span.end, scaleEnd)
            return span
        }
        let rows = groupIntoRows(visible)

        // Horizontal layout.
        let labels = rows.map { label(for: $0) }
        let widest = labels.map { max(TextMetrics.width($0.bold, size: Self.labelSize, bold: true), TextMetrics.width($0.sub, size: Self.subLabelSize)) }.max() ?? 0
        chart.rowLabelWidth = min(Self.maximumLabelColumn, widest + 8)
        let plotLeft = Self.margin + chart.rowLabelWidth + 10
        let plotWidth = yearWidth * years
        func x(_ day: Double) -> Double { plotLeft + (day - scaleStart) / (scaleEnd - scaleStart) * plotWidth }

        // Vertical layout: title, top axis, rows.
        let titleText = title(firstYear: firstYear, lastYear: lastYear, spans: visible)
        chart.title = GanttChart.Text(text: titleText, x: 0, y: Self.margin + Self.titleSize / 2 + 2, size: Self.titleSize)
        let topAxis = Self.margin + Self.titleSize + 16
        var y = topAxis + 9
        let plotTop = y
        var colors = CategoryColors(overrides: options.colors)
        for (index, row) in rows.enumerated() {
            let height = max(30, Double(row.lanes.count) * Self.lanePitch + 2 * Self.rowPadding - (Self.lanePitch - Self.barHeight))
            if index % 2 == 0 { chart.bands.append(GanttChart.Rect(x: Self.margin, y: y, width: plotLeft + plotWidth - Self.margin, height: height)) }
            let label = labels[index]
            chart.rowLabels.append(GanttChart.Text(
                text: TextMetrics.truncated(label.bold, size: Self.labelSize, bold: true, to: chart.rowLabelWidth),
                x: Self.margin + chart.rowLabelWidth, y: y + height / 2, size: Self.labelSize, bold: true, alignment: .right,
                secondLine: label.sub.isEmpty ? nil : TextMetrics.truncated(label.sub, size: Self.subLabelSize, to: chart.rowLabelWidth)))
            let lanesTop = y + (height - (Double(row.lanes.count) * Self.lanePitch - (Self.lanePitch - Self.barHeight))) / 2
            for (laneIndex, lane) in row.lanes.enumerated() {
                let barTop = lanesTop + Double(laneIndex) * Self.lanePitch
                for (position, span) in lane.enumerated() {
                    let left = x(span.start)
                    let right = max(x(span.end), left + 2)
                    let nextObstacle = position + 1 < lane.count ? x(lane[position + 1].start) : plotLeft + plotWidth
                    let fill = colors.color(for: span.tenure.category)
                    let rect = GanttChart.Rect(x: left, y: barTop, width: right - left, height: Self.barHeight)
                    chart.bars.append(GanttChart.Bar(
                        rect: rect, fill: fill, outline: Palette.outline(fill), dashed: span.dashed,
                        fadesOut: span.fadesOut, fadesIn: span.fadesIn,
                        label: barLabel(span, rect: rect, room: nextObstacle - right),
                        tooltip: tooltip(span.tenure)))
                    for milestone in span.tenure.milestones {
                        let day = Self.point(milestone.date, end: false)
                        guard day >= scaleStart, day <= scaleEnd else { continue }
                        chart.milestones.append(GanttChart.Mark(
                            x: x(day), y: rect.y, tooltip: "\(milestone.date.display): \(milestone.title)"))
                    }
                }
            }
            y += height
        }
        let plotBottom = max(y, plotTop + 30)
        chart.plot = GanttChart.Rect(x: plotLeft, y: plotTop, width: plotWidth, height: plotBottom - plotTop)

        // Axis: a grid line each year (when years are wide enough), labels every 1, 2, 5, 10 … years.
        let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { Double($0) * yearWidth >= 50 } ?? 1000
        for year in firstYear...(lastYear + 1) {
            let gx = x(Double(CalendarDay(year: year, month: 1, day: 1).daysSinceEpoch))
            let major = year % step == 0
            if major || yearWidth >= 6 { chart.grid.append((gx, major)) }
            if major && year <= lastYear + 1 {
                for axisY in [topAxis, plotBottom + 9] {
                    chart.axisLabels.append(GanttChart.Text(text: Self.yearText(year), x: gx, y: axisY, size: Self.axisSize, color: "#555555"))
                }
            }
        }

        // Events: dashed lines through the plot, labels stacked below without collisions.
        let eventsTop = plotBottom + 9 + 14
        var lanes: [[ClosedRange<Double>]] = []
        let chartRight = plotLeft + plotWidth + Self.margin
        for event in events {
            let day = Self.point(event.date, end: false)
            guard day >= scaleStart, day <= scaleEnd else { continue }
            let ex = x(day)
            let text = TextMetrics.truncated(event.title, size: Self.eventSize, to: 320) + ", " + event.date.display
            let width = TextMetrics.width(text, size: Self.eventSize)
            let leftward = ex - 6 - width >= Self.margin
            let extent = leftward ? (ex - 6 - width)...(ex + 4) : (ex - 4)...(ex + 6 + width)
            let lane = lanes.firstIndex { $0.allSatisfy { !$0.overlaps((extent.lowerBound - 4)...(extent.upperBound + 4)) } } ?? lanes.count
            if lane == lanes.count { lanes.append([]) }
            lanes[lane].append(extent)
            let dotY = eventsTop + Double(lane) * Self.eventPitch
            chart.events.append(GanttChart.EventMark(
                x: ex, lineTop: plotTop, dotY: dotY,
                label: GanttChart.Text(
                    text: text, x: leftward ? ex - 6 : ex + 6, y: dotY, size: Self.eventSize, color: "#AA0000",
                    alignment: leftward ? .right : .left),
                tooltip: [event.date.display + ": " + event.title, event.description].compactMap { $0 }.joined(separator: "\n")))
        }

        stopEventLinesShortOfTexts(&chart)

        // Legend: categories in order of first appearance, then what the marks mean.
        for (category, color) in colors.used {
            chart.legend.append(.init(swatch: .fill(color, outline: Palette.outline(color)), text: Self.humanize(category)))
        }
        if chart.bars.contains(where: \.dashed) {
            chart.legend.append(.init(swatch: .dashed, text: "dashed outline: a date not known to the day, drawn at the middle of its period"))
        }
        if chart.bars.contains(where: { $0.fadesOut || $0.fadesIn }) {
            chart.legend.append(.init(swatch: .fade(colors.used.first?.1 ?? Palette.uncategorised), text: "fading end: ongoing (“present”, as of \((try? EDTF(asOf.iso))?.display ?? asOf.iso)) or not known"))
        }
        if !chart.milestones.isEmpty { chart.legend.append(.init(swatch: .milestone, text: "milestone")) }
        if !chart.events.isEmpty { chart.legend.append(.init(swatch: .event, text: "event")) }
        let legendTop = eventsTop + Double(lanes.count) * Self.eventPitch + (lanes.isEmpty ? 0 : 8)
        chart.legendOrigin = (Self.margin, legendTop)

        chart.width = max(chartRight, (lanes.flatMap { $0 }.map(\.upperBound).max() ?? 0) + Self.margin)
        chart.height = legendTop + Double(chart.legend.count) * Self.legendPitch + Self.margin
        chart.title?.x = chart.width / 2
        return chart
    }

    /// Cuts each event's line where it would run through a text (a bar label, a year on the axis,
    /// another event's label), leaving a little air around the text.
    func stopEventLinesShortOfTexts(_ chart: inout GanttChart) {
        let air = 1.5
        let texts = chart.bars.compactMap(\.label) + chart.axisLabels
        for index in chart.events.indices {
            let event = chart.events[index]
            let others = chart.events.indices.filter { $0 != index }.map { chart.events[$0].label }
            let gaps = (texts + others).map { $0.frame() }
                .filter { $0.x - air <= event.x && event.x <= $0.maxX + air }
                .map { ($0.y - air)...($0.maxY + air) }
                .sorted { $0.lowerBound < $1.lowerBound }
            var segments: [ClosedRange<Double>] = []
            var top = event.lineTop
            for gap in gaps where gap.upperBound > top {
                if gap.lowerBound > top { segments.append(top...min(gap.lowerBound, event.dotY)) }
                top = max(top, gap.upperBound)
                if top >= event.dotY { break }
            }
            if top < event.dotY { segments.append(top...event.dotY) }
            chart.events[index].segments = segments.filter { $0.upperBound - $0.lowerBound >= 1 }
        }
    }

    // MARK: - Spans and rows

    /// Where a date stands on the time axis: an exact day at its start (an end at the end of its
    /// day); a partial date at the middle of its period.
    static func point(_ date: EDTF, end: Bool) -> Double {
        let first = date.earliest ?? date.latest
        let last = date.latest ?? date.earliest
        guard let first, let last else { return 0 }
        if date.isExactDay { return Double(first.daysSinceEpoch + (end ? 1 : 0)) }
        return (Double(first.daysSinceEpoch) + Double(last.daysSinceEpoch + 1)) / 2
    }

    func span(_ tenure: Tenure) -> Span? {
        let asOfDay = Double(asOf.daysSinceEpoch + 1)
        let start = tenure.start.map { Self.point($0, end: false) }
        var end = tenure.end.map { Self.point($0, end: true) }
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
            let exact = (tenure.start?.isExactDay ?? false) && (tenure.ongoing || (tenure.end?.isExactDay ?? false))
            return Span(tenure: tenure, start: start, end: max(end, start + 1), dashed: !exact, fadesIn: false, fadesOut: tenure.ongoing)
        }
    }

    struct Row {
        var key: String
        var tenures: [Tenure]
        var lanes: [[Span]]
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
            return (roles.joined(separator: ", then "), whereText.joined(separator: ", "))
        case .person:
            let person = dossier.people.first { $0.id == first.person }
            let life = [person?.born.map { "b. \($0.display)" }, person?.died.map { "d. \($0.display)" }].compactMap { $0 }
            return (person?.name ?? first.person, ([person?.nativeName].compactMap { $0 } + life).joined(separator: ", "))
        case .category:
            return (first.category.map(Self.humanize) ?? "Uncategorised", Counting.phrase(row.tenures.count, "post"))
        }
    }

    // MARK: - Texts

    func title(firstYear: Int, lastYear: Int, spans: [Span]) -> String {
        if let title = options.title { return title }
        let ongoing = spans.contains { $0.tenure.ongoing }
        let range = "\(firstYear)–\(ongoing ? "present" : String(lastYear))"
        let people = Set(spans.map(\.tenure.person))
        if people.count <= 1, let person = dossier.people.first(where: { people.contains($0.id) }) ?? dossier.people.first {
            let native = person.nativeName.map { " (\($0))" } ?? ""
            return "\(person.name)\(native) — career \(range)"
        }
        return "Careers \(range)"
    }

    /// Inside the bar when it fits (a shorter form if needed), else just after it when there is room.
    func barLabel(_ span: Span, rect: GanttChart.Rect, room: Double) -> GanttChart.Text? {
        let tenure = span.tenure
        var candidates = [Self.spanText(tenure, compact: false), Self.spanText(tenure, compact: true)]
        if options.rows == .category { candidates.insert(tenure.role ?? tenure.office, at: 0) }
        for text in candidates where TextMetrics.width(text, size: Self.barLabelSize) + 8 <= rect.width {
            return GanttChart.Text(text: text, x: rect.midX, y: rect.midY, size: Self.barLabelSize)
        }
        let outside = candidates.last!
        if TextMetrics.width(outside, size: Self.barLabelSize) + 8 <= room {
            return GanttChart.Text(text: outside, x: rect.maxX + 4, y: rect.midY, size: Self.barLabelSize, color: "#444444", alignment: .left)
        }
        return nil
    }

    /// "Jul 2008 – Aug 2017", "1981–85", "Sep 2017 – present"; compact: years only.
    static func spanText(_ tenure: Tenure, compact: Bool) -> String {
        func short(_ date: EDTF?) -> String {
            guard let date else { return "?" }
            guard case .date(let single) = date.value, !compact else { return yearOnly(date) }
            return single.display(atMost: .month)
        }
        func yearOnly(_ date: EDTF?) -> String {
            guard let day = date?.earliest ?? date?.latest else { return "?" }
            return yearText(day.year)
        }
        let bothYears = tenure.start?.precision == .year && (tenure.ongoing || tenure.end?.precision == .year)
        if compact || bothYears {
            let first = yearOnly(tenure.start)
            if tenure.ongoing { return "\(first)–" }
            let last = yearOnly(tenure.end)
            if first.count == 4, last.count == 4, first.prefix(2) == last.prefix(2) { return "\(first)–\(last.suffix(2))" }
            return "\(first)–\(last)"
        }
        return "\(short(tenure.start)) – \(tenure.ongoing ? "present" : short(tenure.end))"
    }

    func tooltip(_ tenure: Tenure) -> String {
        let start = tenure.start?.display ?? "?"
        let end = tenure.ongoing ? "present" : (tenure.end?.display ?? "?")
        let place = [tenure.organization, tenure.place].compactMap { $0 }.joined(separator: ", ")
        return [tenure.office, "\(start) – \(end)", place].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    func selectedEvents() -> [Event] {
        let events = dossier.chronologicalEvents
        guard let chosen = options.events.map(Set.init) else { return events }
        return events.filter { chosen.contains($0.id) || ($0.category.map(chosen.contains) ?? false) }
    }

    static func yearText(_ year: Int) -> String { year <= 0 ? "\(1 - year) BC" : String(year) }

    /// "posting-abroad" → "Posting abroad".
    static func humanize(_ category: String) -> String {
        let spaced = category.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

/// Colours by category, in order of first use, over the palette unless the manifest says otherwise.
struct CategoryColors {
    let overrides: [String: String]
    private(set) var used: [(String, String)] = []

    init(overrides: [String: String]) {
        self.overrides = overrides
    }

    mutating func color(for category: String?) -> String {
        guard let category else { return Palette.uncategorised }
        if let known = used.first(where: { $0.0 == category }) { return known.1 }
        let color = overrides[category].flatMap(Palette.resolved) ?? Palette.light[used.filter { overrides[$0.0] == nil }.count % Palette.light.count]
        used.append((category, color))
        return color
    }
}
