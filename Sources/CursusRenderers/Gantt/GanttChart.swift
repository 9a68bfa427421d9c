import CursusCore

/// A chart laid out in points, top-down: every position, text and colour a writer needs, and
/// nothing else, so that any writer (DOT for Graphviz, SVG, a page) draws the same chart from it.
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
        /// The second line's size and colour.
        var secondLineSize = GanttLayout.subLabelSize
        var secondLineColor = "#666666"

        /// The box the text is drawn in, `width` wide (default: its longer line, with a little room).
        func frame(width fixedWidth: Double? = nil) -> Rect {
            let width =
                fixedWidth
                ?? (max(
                    TextMetrics.width(text, size: size, bold: bold),
                    TextMetrics.width(secondLine ?? "", size: secondLineSize)) + 4)
            let height = secondLine == nil ? size * 1.5 : size * 1.5 + secondLineSize * 1.4
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
        /// How long a fading end is, in points.
        var fade = GanttLayout.fade
        /// With `partial: fade`, how long the fade-in and the fade-out are, in points.
        var fadeIn: Double?
        var fadeOut: Double?
        var label: Text?
        var tooltip: String
        /// The tenure drawn and its category, for writers that link or filter bars (the page).
        var tenure: String
        var category: String?

        /// The bar in its parts: the fading start and end (each a gradient box, when the bar
        /// fades there) and the solid part between, where the outline is drawn.
        var parts: (fadeIn: Rect?, solid: Rect, fadeOut: Rect?) {
            let inWidth = min(fadeIn ?? fade, rect.width / 2)
            let outWidth = min(fadeOut ?? fade, rect.width / 2)
            var solid = rect
            if fadesIn {
                solid.x += inWidth
                solid.width -= inWidth
            }
            if fadesOut { solid.width -= outWidth }
            return (
                fadesIn ? Rect(x: rect.x, y: rect.y, width: inWidth, height: rect.height) : nil, solid,
                fadesOut ? Rect(x: solid.maxX, y: rect.y, width: outWidth, height: rect.height) : nil
            )
        }
    }

    struct Mark {
        var x, y: Double
        var tooltip: String
    }

    /// Another date a source gives for a post's start or end: a sign at that date under the bar,
    /// and the stretch between it and the date drawn, the uncertain part of the bar.
    struct DisputeMark {
        var x: Double
        /// Where the bar's own date is drawn.
        var from: Double
        var y: Double
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
        /// A set's members on the dot's line, from left to right: a dot where a stretch is a
        /// point, a thick stroke where it spans days; empty for a single date (one dot at `x`).
        var members: [ClosedRange<Double>] = []
        /// The set means all its members (filled dots), not one of them (hollow dots).
        var allOf = false
        /// The event marked and its category, for writers that link or filter marks.
        var event: String
        var category: String?

        /// A dot on the event's line: filled, or hollow for one of a set's members.
        struct Dot {
            var x: Double
            var hollow: Bool
        }

        /// The dots drawn: one at `x` for a single date, one for each point of a set.
        var dots: [Dot] {
            guard !members.isEmpty else { return [Dot(x: x, hollow: false)] }
            return members.filter { $0.upperBound - $0.lowerBound < 1 }.map { Dot(x: $0.lowerBound, hollow: !allOf) }
        }

        /// The strokes drawn for a set: a thin line joining its members, and a thick one for
        /// each member that spans days.
        var strokes: [Rect] {
            guard let first = members.first?.lowerBound, let last = members.map(\.upperBound).max() else { return [] }
            let join = members.count > 1 ? [Rect(x: first, y: dotY - 0.4, width: last - first, height: 0.8)] : []
            return join
                + members.filter { $0.upperBound - $0.lowerBound >= 1 }.map {
                    Rect(x: $0.lowerBound, y: dotY - 2, width: $0.upperBound - $0.lowerBound, height: 4)
                }
        }
    }

    struct LegendItem {
        enum Swatch {
            case fill(String, outline: String)
            case dashed
            case fade(String)
            case event, milestone, disputed
        }
        var swatch: Swatch
        /// Where the swatch is drawn, and its explanation beside it.
        var box: Rect
        var label: Text
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
    var disputes: [DisputeMark] = []
    var events: [EventMark] = []
    var legend: [LegendItem] = []
}
