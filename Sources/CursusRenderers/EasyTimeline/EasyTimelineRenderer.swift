import CursusCore
import Foundation

/// The career chart as MediaWiki EasyTimeline markup (`<timeline>` … `</timeline>`), ready to
/// paste into a wiki page: a bar per row of the same plan the gantt renderer draws, a stretch
/// per post in fractional years (a day-precise date falls on its day; a partial one at the
/// middle of its period, as in the chart), a colour and legend entry per category.
public struct EasyTimelineRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// What the manifest may say about the timeline.
    public struct Options: RendererOptions {
        /// One bar per office, organization, person or category.
        public var rows = GanttOptions.Rows.office
        /// The image's width in pixels.
        public var width = 800

        /// The defaults, as the descriptor lists them.
        public init() {}

        /// Every option, declared once.
        public static let specs: [OptionSpec<Options>] = [
            .choice("rows", \.rows, help: "One bar per office, organization, person (a succession) or category"),
            .int("width", \.width, 300...4000, help: "The image's width in pixels"),
        ]
    }

    /// Writes `.txt` or `.timeline`.
    public let descriptor = RendererDescriptor(
        name: "easytimeline",
        summary: "The career chart as MediaWiki EasyTimeline markup (<timeline>), to paste into a wiki page",
        fileExtensions: ["txt", "timeline", "wiki"],
        options: Options.declared)

    /// Writes the markup from the chart's plan.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = Options(request.options)
        var chart = GanttOptions()
        chart.rows = options.rows
        let plan = GanttPlanner(dossier: request.dossier, asOf: request.asOf, options: chart, presentation: request.presentation).plan()
        var colors = CategoryColors(overrides: [:])
        var plotted: [String] = []
        var bars: [String] = []
        let labelWidth = min(320, max(120, 7 * (plan.rows.map { Self.text($0.label.bold).count }.max() ?? 10)))
        for (index, row) in plan.rows.enumerated() {
            let bar = "r\(index + 1)"
            bars.append("  bar:\(bar) text:\"\(Self.text(row.label.bold))\"")
            for span in row.lanes.flatMap({ $0 }).sorted(by: { $0.start < $1.start }) {
                // Each category gets its colour (and legend entry) in order of first use.
                _ = colors.color(for: span.tenure.category)
                let dates = request.presentation.span(span.tenure, compact: true)
                plotted.append(
                    "  bar:\(bar) from:\(Self.year(span.start)) till:\(Self.year(span.end)) color:\(Self.colorID(span.tenure.category)) text:\"\(Self.text(dates))\""
                )
            }
        }
        let years = plan.lastYear - plan.firstYear + 1
        let major = [1, 2, 5, 10, 20, 25, 50, 100].first { years / $0 <= 12 } ?? 100
        var lines = [
            "<timeline>",
            "ImageSize  = width:\(options.width) height:auto barincrement:22",
            "PlotArea   = left:\(labelWidth) bottom:60 top:10 right:20",
            "AlignBars  = justify",
            "DateFormat = x.y",
            "Period     = from:\(plan.firstYear) till:\(plan.lastYear + 1)",
            "TimeAxis   = orientation:horizontal",
            "ScaleMajor = increment:\(major) start:\(plan.firstYear + (major - plan.firstYear % major) % major)",
            "ScaleMinor = increment:1 start:\(plan.firstYear)",
            "",
            "Colors =",
        ]
        for (category, color) in colors.used {
            lines.append("  id:\(Self.colorID(category)) value:\(Self.rgb(color)) legend:\(Self.legend(GanttPlan.humanize(category)))")
        }
        if plotted.contains(where: { $0.contains("color:uncategorised") }) {
            lines.append("  id:uncategorised value:\(Self.rgb(Palette.uncategorised))")
        }
        lines += ["", "Legend = orientation:vertical position:bottom columns:1", "", "BarData ="] + bars
        lines += ["", "PlotData =", "  width:15 textcolor:black align:left anchor:from shift:(4,-4)"] + plotted
        lines.append("</timeline>")
        let writer = try output.textWriter()
        writer.write(lines.joined(separator: "\n") + "\n")
        try writer.close()
    }

    /// Days since 1970 as a fractional year with three decimals: 26 July 2008 is 2008.566.
    static func year(_ days: Double) -> String {
        let day = CalendarDay(daysSinceEpoch: Int(days.rounded(.down)))
        let first = Double(CalendarDay(year: day.year, month: 1, day: 1).daysSinceEpoch)
        let length = Double(CalendarDay(year: day.year + 1, month: 1, day: 1).daysSinceEpoch) - first
        return String(format: "%.3f", Double(day.year) + (days - first) / length)
    }

    /// A colour id: the category's letters and digits ("postingabroad").
    static func colorID(_ category: String?) -> String {
        guard let category else { return "uncategorised" }
        let id = category.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return id.isEmpty ? "uncategorised" : "c" + id
    }

    /// `#77AADD` as EasyTimeline writes colours: `rgb(0.467,0.667,0.867)`.
    static func rgb(_ hex: String) -> String {
        let parts = Palette.rgb(hex) ?? [204, 204, 204]
        return "rgb(" + parts.map { String(format: "%.3f", Double($0) / 255) }.joined(separator: ",") + ")"
    }

    /// Text EasyTimeline prints as written: no double quotes (they end it), no `~` or `^`
    /// (its line and tab marks), no line breaks.
    static func text(_ value: String) -> String {
        String(
            value.map { character -> Character in
                switch character {
                case "\"": return "'"
                case "~", "^": return "-"
                case "\n", "\r", "\r\n": return " "
                default: return character
                }
            })
    }

    /// A legend entry: spaces written as underscores, as EasyTimeline reads them.
    static func legend(_ value: String) -> String { text(value).replacingOccurrences(of: " ", with: "_") }
}
