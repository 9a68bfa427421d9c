import CursusCore

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

    let plan: GanttPlan
    let options: GanttOptions
    /// The chart's language and date style.
    var words: Presentation { plan.presentation }

    typealias Span = GanttPlan.Span

    /// The layout of the chart `options` ask of `dossier`, planned first.
    init(dossier: Dossier, asOf: CalendarDay, options: GanttOptions, presentation: Presentation = .standard) {
        self.init(plan: GanttPlanner(dossier: dossier, asOf: asOf, options: options, presentation: presentation).plan(), options: options)
    }

    init(plan: GanttPlan, options: GanttOptions) {
        self.plan = plan
        self.options = options
    }

    func layout() -> GanttChart {
        var chart = GanttChart()
        let (firstYear, lastYear, scaleStart, scaleEnd, rows) = (plan.firstYear, plan.lastYear, plan.scaleStart, plan.scaleEnd, plan.rows)
        let yearWidth = options.yearWidth.map(Double.init) ?? min(60, max(8, 1100 / plan.years))

        // Horizontal layout.
        let labels = rows.map(\.label)
        let widest =
            labels.map {
                max(TextMetrics.width($0.bold, size: Self.labelSize, bold: true), TextMetrics.width($0.sub, size: Self.subLabelSize))
            }.max() ?? 0
        chart.rowLabelWidth = min(Self.maximumLabelColumn, widest + 8)
        let plotLeft = Self.margin + chart.rowLabelWidth + 10
        let plotWidth = yearWidth * plan.years
        func x(_ day: Double) -> Double { plotLeft + (day - scaleStart) / (scaleEnd - scaleStart) * plotWidth }

        // Vertical layout: title, top axis, rows.
        chart.title = GanttChart.Text(text: plan.title, x: 0, y: Self.margin + Self.titleSize / 2 + 2, size: Self.titleSize)
        let topAxis = Self.margin + Self.titleSize + 16
        var y = topAxis + 9
        let plotTop = y
        var colors = CategoryColors(overrides: options.colors)
        for (index, row) in rows.enumerated() {
            let height = max(30, Double(row.lanes.count) * Self.lanePitch + 2 * Self.rowPadding - (Self.lanePitch - Self.barHeight))
            if index % 2 == 0 {
                chart.bands.append(GanttChart.Rect(x: Self.margin, y: y, width: plotLeft + plotWidth - Self.margin, height: height))
            }
            let label = labels[index]
            chart.rowLabels.append(
                GanttChart.Text(
                    text: TextMetrics.truncated(label.bold, size: Self.labelSize, bold: true, to: chart.rowLabelWidth),
                    x: Self.margin + chart.rowLabelWidth, y: y + height / 2, size: Self.labelSize, bold: true, alignment: .right,
                    secondLine: label.sub.isEmpty ? nil : TextMetrics.truncated(label.sub, size: Self.subLabelSize, to: chart.rowLabelWidth)
                ))
            let lanesTop = y + (height - (Double(row.lanes.count) * Self.lanePitch - (Self.lanePitch - Self.barHeight))) / 2
            for (laneIndex, lane) in row.lanes.enumerated() {
                let barTop = lanesTop + Double(laneIndex) * Self.lanePitch
                for (position, span) in lane.enumerated() {
                    let left = x(span.start)
                    let right = max(x(span.end), left + 2)
                    let nextObstacle = position + 1 < lane.count ? x(lane[position + 1].start) : plotLeft + plotWidth
                    let fill = colors.color(for: span.tenure.category)
                    let rect = GanttChart.Rect(x: left, y: barTop, width: right - left, height: Self.barHeight)
                    chart.bars.append(
                        GanttChart.Bar(
                            rect: rect, fill: fill, outline: Palette.outline(fill), dashed: span.dashed,
                            fadesOut: span.fadesOut, fadesIn: span.fadesIn,
                            fadeIn: span.fadeInDays.map { x(span.start + $0) - left },
                            fadeOut: span.fadeOutDays.map { right - x(span.end - $0) },
                            label: barLabel(span, rect: rect, room: nextObstacle - right),
                            tooltip: tooltip(span.tenure), tenure: span.tenure.id, category: span.tenure.category))
                    for dispute in span.tenure.disputed where dispute.field == "start" || dispute.field == "end" {
                        guard let date = try? EDTF(dispute.value), date.isBounded else { continue }
                        let isEnd = dispute.field == "end"
                        let day = GanttPlan.point(date, end: isEnd)
                        guard day >= scaleStart, day <= scaleEnd else { continue }
                        let according = dispute.sources.map(\.source).joined(separator: ", ")
                        let said =
                            according.isEmpty
                            ? words.date(date) : words.text("text.according", ["date": words.date(date), "sources": according])
                        chart.disputes.append(
                            GanttChart.DisputeMark(
                                x: x(day), from: isEnd ? right : left, y: rect.y + rect.height + 2,
                                tooltip:
                                    words.text(isEnd ? "text.end" : "text.start", ["date": said])))
                    }
                    for milestone in span.tenure.milestones where milestone.date.isBounded {
                        let day = GanttPlan.point(milestone.date, end: false)
                        guard day >= scaleStart, day <= scaleEnd else { continue }
                        chart.milestones.append(
                            GanttChart.Mark(
                                x: x(day), y: rect.y, tooltip: "\(words.date(milestone.date)): \(milestone.title)"))
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
            // Years BC are labelled on their own round numbers (85 BC, 80 BC), as AD years are.
            let major = (year > 0 ? year : 1 - year) % step == 0
            if major || yearWidth >= 6 { chart.grid.append((gx, major)) }
            if major && year <= lastYear + 1 {
                for axisY in [topAxis, plotBottom + 9] {
                    chart.axisLabels.append(
                        GanttChart.Text(text: plan.yearText(year), x: gx, y: axisY, size: Self.axisSize, color: "#555555"))
                }
            }
        }

        // Events: dashed lines through the plot, labels stacked below without collisions.
        let eventsTop = plotBottom + 9 + 14
        var lanes: [[ClosedRange<Double>]] = []
        let chartRight = plotLeft + plotWidth + Self.margin
        for mark in plan.events {
            let event = mark.event
            let ex = x(mark.day)
            let members = mark.members.map { x($0.lowerBound)...x($0.upperBound) }
            // The label stands before the first member, or after the last when there is no room.
            let reach = members.map(\.upperBound).max() ?? ex
            let title = TextMetrics.truncated(event.title, size: Self.eventSize, to: 320)
            let text = title + ", " + Bidi.isolated(words.date(event.date), in: title)
            let width = TextMetrics.width(text, size: Self.eventSize)
            let leftward = ex - 6 - width >= Self.margin
            let extent = leftward ? (ex - 6 - width)...(reach + 4) : (ex - 4)...(reach + 6 + width)
            let lane = lanes.firstIndex { $0.allSatisfy { !$0.overlaps((extent.lowerBound - 4)...(extent.upperBound + 4)) } } ?? lanes.count
            if lane == lanes.count { lanes.append([]) }
            lanes[lane].append(extent)
            let dotY = eventsTop + Double(lane) * Self.eventPitch
            chart.events.append(
                GanttChart.EventMark(
                    x: ex, lineTop: plotTop, dotY: dotY,
                    label: GanttChart.Text(
                        text: text, x: leftward ? ex - 6 : reach + 6, y: dotY, size: Self.eventSize, color: GanttDOTWriter.eventColor,
                        alignment: leftward ? .right : .left),
                    tooltip: [words.date(event.date) + ": " + event.title, event.description].compactMap { $0 }.joined(separator: "\n"),
                    members: members, allOf: mark.allOf, event: event.id, category: event.category))
        }

        stopEventLinesShortOfTexts(&chart)

        // Legend: categories in order of first appearance, then what the marks mean.
        var legend: [(GanttChart.LegendItem.Swatch, String)] = colors.used.map { category, color in
            (.fill(color, outline: Palette.outline(color)), GanttPlan.humanize(category))
        }
        if chart.bars.contains(where: \.dashed) {
            legend.append((.dashed, words.text("legend.dashed")))
        }
        if chart.bars.contains(where: { $0.fadeIn != nil || $0.fadeOut != nil }) {
            legend.append(
                (
                    .fade(colors.used.first?.1 ?? Palette.uncategorised),
                    words.text("legend.fade_period")
                ))
        }
        if chart.bars.contains(where: { ($0.fadesOut && $0.fadeOut == nil) || ($0.fadesIn && $0.fadeIn == nil) }) {
            let asOf = plan.asOf
            legend.append(
                (
                    .fade(colors.used.first?.1 ?? Palette.uncategorised),
                    words.text("legend.fade_end", ["date": words.day(asOf)])
                ))
        }
        if !chart.milestones.isEmpty { legend.append((.milestone, words.text("legend.milestone"))) }
        if !chart.disputes.isEmpty {
            legend.append((.disputed, words.text("legend.disputed")))
        }
        if !chart.events.isEmpty { legend.append((.event, words.text("legend.event"))) }
        let legendTop = eventsTop + Double(lanes.count) * Self.eventPitch + (lanes.isEmpty ? 0 : 8)
        for (index, (swatch, text)) in legend.enumerated() {
            let y = legendTop + Self.legendPitch / 2 + Double(index) * Self.legendPitch
            chart.legend.append(
                GanttChart.LegendItem(
                    swatch: swatch, box: GanttChart.Rect(x: Self.margin, y: y - 5, width: 18, height: 10),
                    label: GanttChart.Text(text: text, x: Self.margin + 24, y: y, size: Self.eventSize, alignment: .left)))
        }

        let legendRight = chart.legend.map { $0.label.frame().maxX }.max() ?? 0
        chart.width = max(chartRight, (lanes.flatMap { $0 }.map(\.upperBound).max() ?? 0) + Self.margin, legendRight + Self.margin)
        chart.height = legendTop + Double(chart.legend.count) * Self.legendPitch + Self.margin
        chart.title?.x = chart.width / 2
        return chart
    }

    /// Cuts each event's line where it would run through a text (a bar label, a year on the axis,
    /// another event's label), leaving a little air around the text.
    func stopEventLinesShortOfTexts(_ chart: inout GanttChart) {
        let air = 1.5
        // Each text is measured once, whatever the number of events.
        let texts = (chart.bars.compactMap(\.label) + chart.axisLabels).map { $0.frame() }
        let labels = chart.events.map { $0.label.frame() }
        for index in chart.events.indices {
            let event = chart.events[index]
            let others = labels.indices.lazy.filter { $0 != index }.map { labels[$0] }
            let gaps = (texts + others)
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

    // MARK: - Texts

    /// Inside the bar when it fits (a shorter form if needed), else just after it when there is room.
    func barLabel(_ span: Span, rect: GanttChart.Rect, room: Double) -> GanttChart.Text? {
        let tenure = span.tenure
        var candidates = [spanText(tenure, compact: false), spanText(tenure, compact: true)]
        if plan.rowsBy == .category { candidates.insert(tenure.role ?? tenure.office, at: 0) }
        for text in candidates where TextMetrics.width(text, size: Self.barLabelSize) + 8 <= rect.width {
            return GanttChart.Text(text: text, x: rect.midX, y: rect.midY, size: Self.barLabelSize)
        }
        let outside = candidates.last!
        if TextMetrics.width(outside, size: Self.barLabelSize) + 8 <= room {
            return GanttChart.Text(
                text: outside, x: rect.maxX + 4, y: rect.midY, size: Self.barLabelSize, color: "#444444", alignment: .left)
        }
        return nil
    }

    /// "Jul 2008 – Aug 2017", "1981–85", "Sep 2017 – present"; compact: years only.
    func spanText(_ tenure: Tenure, compact: Bool) -> String {
        func short(_ date: EDTF?) -> String {
            guard let date else { return "?" }
            guard case .date(let single) = date.value, !compact else { return yearOnly(date) }
            return words.dates.write(single, atMost: .month)
        }
        func yearOnly(_ date: EDTF?) -> String {
            guard let day = date?.earliest ?? date?.latest else { return "?" }
            return plan.yearText(day.year)
        }
        let bothYears = tenure.start?.precision == .year && (tenure.ongoing || tenure.end?.precision == .year)
        if compact || bothYears {
            let first = yearOnly(tenure.start)
            if tenure.ongoing { return "\(first)–" }
            let last = yearOnly(tenure.end)
            if first == last { return first }
            if first.count == 4, last.count == 4, first.prefix(2) == last.prefix(2) { return "\(first)–\(last.suffix(2))" }
            return "\(first)–\(last)"
        }
        return words.text(
            "date.span", ["start": short(tenure.start), "end": tenure.ongoing ? words.text("date.present") : short(tenure.end)])
    }

    func tooltip(_ tenure: Tenure) -> String {
        let place = [tenure.organization, tenure.place].compactMap { $0 }.joined(separator: ", ")
        return [tenure.office, words.span(tenure), place].filter { !$0.isEmpty }.joined(separator: "\n")
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
        let color =
            overrides[category].flatMap(Palette.resolved)
            ?? Palette.light[used.filter { overrides[$0.0] == nil }.count % Palette.light.count]
        used.append((category, color))
        return color
    }
}
