import CursusCore

/// Writes a laid-out chart as SVG markup, for a page to hold inline: the same chart Graphviz
/// draws from the DOT writer, with no Graphviz needed. Bars are links (or focusable groups) that
/// carry their tenure and category, so that a page can filter them and show their tooltips on
/// focus; every mark keeps its tooltip as a `<title>`. Colours and sizes are presentation
/// attributes, never `style`, so that a strict Content-Security-Policy allows them.
struct GanttSVGWriter {
    let chart: GanttChart
    /// The chart's name and a text summary of what it shows, for screen readers.
    let label: String
    let summary: String
    /// Where a bar leads (its chronology entries), or nil for a bar that only takes focus.
    let link: (GanttChart.Bar) -> String?
    /// Each id the SVG defines starts with this, so that two charts on one page never clash.
    var idPrefix = "chart"

    private var lines: [String] = []
    private var gradients: [String] = []

    init(chart: GanttChart, label: String, summary: String, link: @escaping (GanttChart.Bar) -> String? = { _ in nil }) {
        self.chart = chart
        self.label = label
        self.summary = summary
        self.link = link
    }

    mutating func write() -> String {
        lines = []
        gradients = []
        let plot = chart.plot
        for band in chart.bands { lines.append(rect(band, fill: "#F2F2F2")) }
        for line in chart.grid {
            lines.append(
                rect(
                    GanttChart.Rect(x: line.x - 0.35, y: plot.y, width: 0.7, height: plot.height),
                    fill: line.major ? "#BBBBBB" : "#E2E2E2"))
        }
        for label in chart.axisLabels { lines.append(text(label)) }
        for label in chart.rowLabels { lines.append(text(label, width: chart.rowLabelWidth)) }
        for bar in chart.bars { self.bar(bar) }
        for mark in chart.milestones {
            lines.append(self.mark("milestone", tooltip: mark.tooltip, diamond(x: mark.x, y: mark.y)))
        }
        for dispute in chart.disputes {
            let left = min(dispute.x, dispute.from)
            let stretch = GanttChart.Rect(x: left, y: dispute.y - 0.6, width: max(abs(dispute.x - dispute.from), 0.5), height: 1.2)
            lines.append(
                self.mark(
                    "dispute", tooltip: dispute.tooltip,
                    rect(stretch, fill: GanttDOTWriter.disputeColor) + triangle(x: dispute.x, y: dispute.y)))
        }
        for event in chart.events {
            var parts = event.segments.map { dashedLine(x: event.x, from: $0.lowerBound, to: $0.upperBound, color: "#CC0000") }
            parts += event.strokes.map { rect($0, fill: GanttDOTWriter.eventColor) }
            parts += event.dots.map { dot in
                "<circle cx=\"\(n(dot.x))\" cy=\"\(n(event.dotY))\" r=\"2.5\" fill=\"\(dot.hollow ? "#FFFFFF" : GanttDOTWriter.eventColor)\""
                    + (dot.hollow ? " stroke=\"\(GanttDOTWriter.eventColor)\" stroke-width=\"1\"" : "") + "/>"
            }
            parts.append(text(event.label))
            lines.append(
                mark(
                    "event", tooltip: event.tooltip, parts.joined(),
                    extra: "\(category(event.category)) data-event=\"\(Escaping.xml(event.event))\""))
        }
        legend()
        if let title = chart.title { lines.append(text(title)) }

        let (width, height) = (n(chart.width), n(chart.height))
        let titleID = "\(idPrefix)-title"
        let descriptionID = "\(idPrefix)-desc"
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"\(titleID) \(descriptionID)\" "
                + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
                + "font-family=\"\(Escaping.xml(GanttDOTWriter.font))\">",
            "<title id=\"\(titleID)\">\(Escaping.xml(label))</title>",
            "<desc id=\"\(descriptionID)\">\(Escaping.xml(summary))</desc>",
        ]
        if !gradients.isEmpty { svg += ["<defs>"] + gradients + ["</defs>"] }
        svg.append("<rect width=\"\(width)\" height=\"\(height)\" fill=\"#FFFFFF\"/>")
        return (svg + lines + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    // MARK: - Marks

    private mutating func bar(_ bar: GanttChart.Bar) {
        let (fadeIn, solid, fadeOut) = bar.parts
        var parts: [String] = []
        if let fadeIn { parts.append(rect(fadeIn, fill: "url(#\(gradient(bar.fill, fadingIn: true)))")) }
        if let fadeOut { parts.append(rect(fadeOut, fill: "url(#\(gradient(bar.fill, fadingIn: false)))")) }
        let dash = bar.dashed ? " stroke-dasharray=\"4 2\"" : ""
        parts.append(
            "<rect class=\"bar-body\" x=\"\(n(solid.x))\" y=\"\(n(solid.y))\" width=\"\(n(solid.width))\" height=\"\(n(solid.height))\" "
                + "fill=\"\(bar.fill)\" stroke=\"\(bar.outline)\" stroke-width=\"1\"\(dash)/>")
        if let label = bar.label { parts.append(text(label)) }
        let tooltip = Escaping.xmlKeepingLines(bar.tooltip)
        let identity = "class=\"bar\"\(category(bar.category)) data-tenure=\"\(Escaping.xml(bar.tenure))\" data-tooltip=\"\(tooltip)\""
        let opening =
            link(bar).map { "<a href=\"\(Escaping.xml($0))\" \(identity)>" } ?? "<g tabindex=\"0\" \(identity)>"
        lines.append(opening + "<title>\(tooltip)</title>" + parts.joined() + (opening.hasPrefix("<a") ? "</a>" : "</g>"))
    }

    /// The id of a horizontal gradient between `color` and transparency, defined once per colour and direction.
    private mutating func gradient(_ color: String, fadingIn: Bool) -> String {
        let id = "\(idPrefix)-fade-\(fadingIn ? "in" : "out")-\(color.dropFirst())"
        let definition =
            "<linearGradient id=\"\(id)\"><stop offset=\"0\" stop-color=\"\(color)\" stop-opacity=\"\(fadingIn ? 0 : 1)\"/>"
            + "<stop offset=\"1\" stop-color=\"\(color)\" stop-opacity=\"\(fadingIn ? 1 : 0)\"/></linearGradient>"
        if !gradients.contains(definition) { gradients.append(definition) }
        return id
    }

    private mutating func legend() {
        for item in chart.legend {
            let swatch = item.box
            switch item.swatch {
            case .fill(let color, let outline):
                lines.append(rect(swatch, fill: color, stroke: outline))
            case .dashed:
                lines.append(rect(swatch, fill: "#FFFFFF", stroke: "#333333", dashed: true))
            case .fade(let color):
                lines.append(rect(swatch, fill: "url(#\(gradient(color, fadingIn: false)))"))
            case .event:
                lines.append(dashedLine(x: swatch.midX, from: swatch.y - 1, to: swatch.maxY + 1, color: "#CC0000"))
            case .milestone:
                lines.append(diamond(x: swatch.midX, y: swatch.midY))
            case .disputed:
                lines.append(
                    rect(
                        GanttChart.Rect(x: swatch.x, y: swatch.midY - 0.6, width: swatch.width, height: 1.2),
                        fill: GanttDOTWriter.disputeColor)
                        + triangle(x: swatch.midX, y: swatch.midY))
            }
            lines.append(text(item.label))
        }
    }

    /// A mark a reader can reach by keyboard: a focusable group with its tooltip (as a `<title>`,
    /// and as `data-tooltip` for a page's script to show on focus).
    private func mark(_ kind: String, tooltip: String, _ content: String, extra: String = "") -> String {
        let tooltip = Escaping.xmlKeepingLines(tooltip)
        return "<g class=\"\(kind)\" tabindex=\"0\"\(extra) data-tooltip=\"\(tooltip)\"><title>\(tooltip)</title>\(content)</g>"
    }

    // MARK: - Shapes

    private func rect(_ rect: GanttChart.Rect, fill: String, stroke: String? = nil, dashed: Bool = false) -> String {
        let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
        return "<rect x=\"\(n(rect.x))\" y=\"\(n(rect.y))\" width=\"\(n(rect.width))\" height=\"\(n(rect.height))\" fill=\"\(fill)\""
            + outline + (dashed ? " stroke-dasharray=\"4 2\"" : "") + "/>"
    }

    /// A milestone: a dark diamond 8 points across, centred on its day.
    private func diamond(x: Double, y: Double) -> String {
        "<polygon points=\"\(n(x)),\(n(y - 4)) \(n(x + 4)),\(n(y)) \(n(x)),\(n(y + 4)) \(n(x - 4)),\(n(y))\" fill=\"#333333\"/>"
    }

    /// A disputed date: an orange triangle pointing up at the bar.
    private func triangle(x: Double, y: Double) -> String {
        "<polygon points=\"\(n(x)),\(n(y - 3.5)) \(n(x + 4)),\(n(y + 3.5)) \(n(x - 4)),\(n(y + 3.5))\" fill=\"\(GanttDOTWriter.disputeColor)\"/>"
    }

    private func dashedLine(x: Double, from top: Double, to bottom: Double, color: String) -> String {
        "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" stroke=\"\(color)\" stroke-width=\"0.9\" stroke-dasharray=\"3 2\"/>"
    }

    /// Text aligned on its anchor, vertically centred, with its smaller second line below.
    private func text(_ text: GanttChart.Text, width fixedWidth: Double? = nil) -> String {
        let anchor: String
        switch text.alignment {
        case .left: anchor = "start"
        case .center: anchor = "middle"
        case .right: anchor = "end"
        }
        let weight = text.bold ? " font-weight=\"bold\"" : ""
        guard let second = text.secondLine else {
            return "<text x=\"\(n(text.x))\" y=\"\(n(text.y))\" font-size=\"\(n(text.size))\" fill=\"\(text.color)\" "
                + "text-anchor=\"\(anchor)\" dominant-baseline=\"central\"\(weight)>\(Escaping.xml(text.text))</text>"
        }
        let frame = text.frame(width: fixedWidth)
        let firstY = frame.y + text.size * 0.75
        let secondY = frame.y + text.size * 1.5 + text.secondLineSize * 0.7
        return
            "<text x=\"\(n(text.x))\" font-size=\"\(n(text.size))\" fill=\"\(text.color)\" text-anchor=\"\(anchor)\" dominant-baseline=\"central\">"
            + "<tspan x=\"\(n(text.x))\" y=\"\(n(firstY))\"\(weight)>\(Escaping.xml(text.text))</tspan>"
            + "<tspan x=\"\(n(text.x))\" y=\"\(n(secondY))\" font-size=\"\(n(text.secondLineSize))\" fill=\"\(text.secondLineColor)\">"
            + "\(Escaping.xml(second))</tspan></text>"
    }

    private func category(_ category: String?) -> String {
        category.map { " data-category=\"\(Escaping.xml($0))\"" } ?? ""
    }

    /// A coordinate with at most two decimals, as DOT's are.
    private func n(_ value: Double) -> String { DOT.number(value) }
}
