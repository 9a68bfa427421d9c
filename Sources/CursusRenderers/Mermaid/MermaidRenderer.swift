import CursusCore

/// The career chart as a Mermaid `gantt` block, for Markdown sites and GitHub: a section per
/// row of the chart plan, a task per post, milestones as milestone tasks. Mermaid draws days
/// only: a partial date is placed at the middle of its period, as the chart does, and the task
/// names it as written ("c. 2004", "1981").
public struct MermaidRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// What the manifest may say about a Mermaid chart.
    public struct Options: RendererOptions {
        /// One section per office, organization, person or category.
        public var rows = GanttOptions.Rows.office
        /// The chart's title; nil makes one as the gantt renderer does.
        public var title: String?
        /// Wrap the block in a Markdown code fence (```mermaid … ```).
        public var fence = true

        /// The defaults, as the descriptor lists them.
        public init() {}

        /// Every option, declared once.
        public static let specs: [OptionSpec<Options>] = [
            .choice("rows", \.rows, help: "One section per office, organization, person (a succession) or category"),
            .string("title", \.title, help: "The chart's title (default: the person's name and the span)"),
            .bool("fence", \.fence, help: "Wrap the block in a ```mermaid code fence, ready for Markdown"),
        ]
    }

    /// Writes `.mmd` or `.md`.
    public let descriptor = RendererDescriptor(
        name: "mermaid",
        summary: "The career chart as a Mermaid gantt block (sections per row, a task per post, milestones)",
        fileExtensions: ["mmd", "md"],
        options: Options.declared)

    /// Writes the block from the same plan the gantt renderer draws.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = Options(request.options)
        var chart = GanttOptions()
        chart.rows = options.rows
        chart.title = options.title
        let plan = GanttPlanner(dossier: request.dossier, asOf: request.asOf, options: chart, presentation: request.presentation).plan()
        var lines = ["gantt", "    title \(Self.text(plan.title))", "    dateFormat YYYY-MM-DD", "    axisFormat %Y"]
        var skipped = 0
        var task = 0
        for row in plan.rows {
            // A row of one office is named by the office; other rows as the chart labels them.
            let section = plan.rowsBy == .office ? row.tenures.first?.office ?? row.label.bold : row.label.bold
            // A section is written with its first task: one whose posts Mermaid cannot draw is left out.
            var header: String? = "    section \(Self.text(section))"
            for span in row.lanes.flatMap({ $0 }).sorted(by: { $0.start < $1.start }) {
                let start = CalendarDay(daysSinceEpoch: Int(span.start.rounded(.down)))
                let end = CalendarDay(daysSinceEpoch: max(Int(span.end.rounded(.up)), Int(span.start.rounded(.down)) + 1))
                guard (1000...9999).contains(start.year), (1000...9999).contains(end.year) else {
                    skipped += 1
                    continue
                }
                task += 1
                if let pending = header { lines.append(pending) }
                header = nil
                let tenure = span.tenure
                let dates = request.presentation.span(tenure)
                let name = plan.rowsBy == .office ? (tenure.role ?? tenure.office) : tenure.office
                lines.append("    \(Self.text("\(name) (\(dates))")) :t\(task), \(start.iso), \(end.iso)")
                for milestone in tenure.milestones where milestone.date.isBounded {
                    let day = CalendarDay(daysSinceEpoch: Int(GanttPlan.point(milestone.date, end: false)))
                    guard (1000...9999).contains(day.year) else { continue }
                    task += 1
                    lines.append(
                        "    \(Self.text("\(milestone.title) (\(request.presentation.date(milestone.date)))")) :milestone, m\(task), \(day.iso), 0d"
                    )
                }
            }
        }
        if skipped > 0 { request.note("\(skipped) post\(skipped == 1 ? "" : "s") outside the years 1000–9999 Mermaid draws: left out") }
        var text = lines.joined(separator: "\n") + "\n"
        if options.fence { text = "```mermaid\n" + text + "```\n" }
        let writer = try output.textWriter()
        writer.write(text)
        try writer.close()
    }

    /// Text Mermaid's gantt grammar reads as text: no colon (it ends a task's name), no `#` or
    /// `;` (comments and statement ends), no line breaks.
    static func text(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case ":": result += " –"
            case "#", ";": result += ","
            case "\n", "\r", "\r\n": result += " "
            case "`": result += "'"
            default: result.append(character)
            }
        }
        return result
    }
}
