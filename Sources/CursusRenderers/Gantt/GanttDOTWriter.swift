/// Writes a laid-out chart as Graphviz DOT in which every node is pinned (`pos` in points,
/// for `neato -n2`): Graphviz only draws. Nodes are declared back to front.
struct GanttDOTWriter {
    let chart: GanttChart
    /// DejaVu Sans (its widths are the ones `TextMetrics` knows; Cyrillic included), then a
    /// look-alike and the generic family, so that an SVG viewer without DejaVu still draws a sans.
    static let font = "DejaVu Sans,Verdana,sans-serif"
    /// The white space Graphviz leaves around the chart, in points.
    static let pad = 3.6

    private var lines: [String] = []
    private var serial = 0

    init(chart: GanttChart) {
        self.chart = chart
    }

    mutating func write() -> String {
        lines = [
            "graph cursus {",
            "  graph [bgcolor=\"white\", pad=\"\(DOT.inches(Self.pad))\", splines=false, fontname=\(DOT.quoted(Self.font))];",
            "  node [shape=box, fixedsize=true, label=\"\", penwidth=0, style=filled, fontname=\(DOT.quoted(Self.font)), fontsize=9];",
        ]
        let plot = chart.plot
        for band in chart.bands {
            box(band, fill: "#F2F2F2")
        }
        for line in chart.grid {
            box(GanttChart.Rect(x: line.x - 0.35, y: plot.y, width: 0.7, height: plot.height), fill: line.major ? "#BBBBBB" : "#E2E2E2")
        }
        for label in chart.axisLabels { text(label) }
        for label in chart.rowLabels { text(label, width: chart.rowLabelWidth) }
        for bar in chart.bars { self.bar(bar) }
        for mark in chart.milestones {
            node(
                "shape=diamond, width=\(DOT.inches(8)), height=\(DOT.inches(8)), fillcolor=\"#333333\", tooltip=\(DOT.quoted(mark.tooltip))",
                x: mark.x, y: mark.y)
        }
        for dispute in chart.disputes {
            let left = min(dispute.x, dispute.from)
            box(
                GanttChart.Rect(x: left, y: dispute.y - 0.6, width: max(abs(dispute.x - dispute.from), 0.5), height: 1.2),
                fill: Self.disputeColor)
            node(Self.disputeSign + ", tooltip=\(DOT.quoted(dispute.tooltip))", x: dispute.x, y: dispute.y)
        }
        for event in chart.events {
            for segment in event.segments {
                vertical(x: event.x, from: segment.lowerBound, to: segment.upperBound, color: "#CC0000", tooltip: event.tooltip)
            }
            for stroke in event.strokes { box(stroke, fill: Self.eventColor, extra: ", tooltip=\(DOT.quoted(event.tooltip))") }
            for dot in event.dots {
                node(
                    "shape=circle, width=\(DOT.inches(5)), height=\(DOT.inches(5)), fillcolor=\"\(dot.hollow ? "#FFFFFF" : Self.eventColor)\", "
                        + (dot.hollow ? "color=\"\(Self.eventColor)\", penwidth=1, " : "") + "tooltip=\(DOT.quoted(event.tooltip))",
                    x: dot.x, y: event.dotY)
            }
            text(event.label)
        }
        legend()
        if let title = chart.title { text(title) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The colour of events' dots and strokes.
    static let eventColor = "#AA0000"

    /// The sign of a disputed date: a small orange triangle, pointing at the bar.
    static let disputeColor = "#D55E00"
    static let disputeSign = "shape=triangle, width=\(DOT.inches(8)), height=\(DOT.inches(7)), fillcolor=\"\(disputeColor)\""

    // MARK: - Shapes

    private mutating func node(_ attributes: String, x: Double, y: Double) {
        serial += 1
        lines.append("  n\(serial) [\(attributes), pos=\"\(DOT.number(x)),\(DOT.number(chart.height - y))!\"];")
    }

    private mutating func box(_ rect: GanttChart.Rect, fill: String, extra: String = "") {
        node(
            "width=\(DOT.inches(rect.width)), height=\(DOT.inches(rect.height)), fillcolor=\"\(fill)\"\(extra)", x: rect.midX, y: rect.midY)
    }

    /// A dashed vertical hairline: a box of no width whose dashed outline draws the line.
    private mutating func vertical(x: Double, from top: Double, to bottom: Double, color: String, tooltip: String? = nil) {
        let tip = tooltip.map { ", tooltip=\(DOT.quoted($0))" } ?? ""
        node(
            "width=0.001, height=\(DOT.inches(bottom - top)), style=dashed, penwidth=0.9, color=\"\(color)\"\(tip)",
            x: x, y: (top + bottom) / 2)
    }

    private mutating func bar(_ bar: GanttChart.Bar) {
        let style = bar.dashed ? "\"filled,dashed\"" : "filled"
        let outline = "penwidth=1, color=\"\(bar.outline)\", style=\(style)"
        let tooltip = "tooltip=\(DOT.quoted(bar.tooltip))"
        // A fading end is a gradient box beside the solid part, so the outline stops where the fade starts.
        let (fadeIn, solid, fadeOut) = bar.parts
        if let fadeIn { box(fadeIn, fill: "#FFFFFF:\(bar.fill)", extra: ", gradientangle=0, \(tooltip)") }
        if let fadeOut { box(fadeOut, fill: "\(bar.fill):#FFFFFF", extra: ", gradientangle=0, \(tooltip)") }
        box(solid, fill: bar.fill, extra: ", \(outline), \(tooltip)")
        if let label = bar.label { text(label, tooltip: bar.tooltip) }
    }

    /// Text as an HTML-like label in a box of its own, aligned on its anchor.
    /// With a `tooltip`, hovering the text shows it (a bar's label shows the bar's).
    private mutating func text(_ text: GanttChart.Text, width fixedWidth: Double? = nil, tooltip: String? = nil) {
        let frame = text.frame(width: fixedWidth)
        let (width, height) = (frame.width, frame.height)
        let align: String
        switch text.alignment {
        case .left: align = "LEFT"
        case .center: align = "CENTER"
        case .right: align = "RIGHT"
        }
        var content =
            "<FONT POINT-SIZE=\"\(DOT.number(text.size))\" COLOR=\"\(text.color)\">\(text.bold ? "<B>" : "")\(DOT.html(text.text))\(text.bold ? "</B>" : "")</FONT>"
        if let second = text.secondLine {
            content +=
                "<BR ALIGN=\"\(align)\"/><FONT POINT-SIZE=\"\(DOT.number(text.secondLineSize))\" COLOR=\"\(text.secondLineColor)\">\(DOT.html(second))</FONT>"
        }
        let label =
            "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD WIDTH=\"\(Int(width))\" HEIGHT=\"\(Int(height))\" ALIGN=\"\(align)\" BALIGN=\"\(align)\">\(content)</TD></TR></TABLE>>"
        let tip = tooltip.map { ", tooltip=\(DOT.quoted($0))" } ?? ""
        node(
            "shape=plaintext, style=\"\", margin=0, width=\(DOT.inches(width)), height=\(DOT.inches(height)), label=\(label)\(tip)",
            x: frame.midX, y: text.y)
    }

    private mutating func legend() {
        for item in chart.legend {
            let swatch = item.box
            switch item.swatch {
            case .fill(let color, let outline):
                box(swatch, fill: color, extra: ", penwidth=1, color=\"\(outline)\"")
            case .dashed:
                box(swatch, fill: "#FFFFFF", extra: ", penwidth=1, color=\"#333333\", style=\"filled,dashed\"")
            case .fade(let color):
                box(swatch, fill: "\(color):#FFFFFF", extra: ", gradientangle=0")
            case .event:
                vertical(x: swatch.midX, from: swatch.y - 1, to: swatch.y + swatch.height + 1, color: "#CC0000")
            case .milestone:
                node(
                    "shape=diamond, width=\(DOT.inches(8)), height=\(DOT.inches(8)), fillcolor=\"#333333\"", x: swatch.midX, y: swatch.midY)
            case .disputed:
                box(GanttChart.Rect(x: swatch.x, y: swatch.midY - 0.6, width: swatch.width, height: 1.2), fill: Self.disputeColor)
                node(Self.disputeSign, x: swatch.midX, y: swatch.midY)
            }
            text(item.label)
        }
    }
}
