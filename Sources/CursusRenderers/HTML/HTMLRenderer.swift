import CursusCore

/// One self-contained web page: a title block, the career chart as inline SVG (drawn by Cursus,
/// no Graphviz needed), the career summary, the chronology with numbered citations and the
/// sources. It loads nothing from anywhere, works with scripts off, and prints.
public struct HTMLRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// What the manifest may say about a page.
    public struct Options: RendererOptions {
        /// A part of the page.
        public enum Section: String, CaseIterable, Sendable {
            /// The title block: the person, the dates, as of when.
            case header
            /// The career chart, with the category filters.
            case chart
            /// The career summary table.
            case career
            /// The dated entries, by year.
            case chronology
            /// The numbered sources.
            case sources
        }

        /// The parts of the page, in order.
        public var sections = Section.allCases
        /// The chart's options.
        public var chart = GanttOptions()
        /// The page's language (BCP 47); nil: the output's locale.
        public var lang: String?

        /// The defaults, as the descriptor lists them.
        public init() {}

        /// The gantt options that mean something on a page (no image formats, resolution or paper).
        static let chartOptions = ["rows", "title", "from", "to", "colors", "events", "year_width", "partial"]

        /// Every option, declared once.
        public static let specs: [OptionSpec<Options>] = [
            .choices("sections", \.sections, help: "The parts of the page, in order"),
            .group(
                "chart", \.chart, only: chartOptions,
                help: "The chart's options, as the gantt renderer takes them"),
            .string("lang", \.lang, rule: LanguageTag.rule, help: "The page's language, as a BCP 47 tag (default: the output's locale)"),
        ]
    }

    /// Writes `.html`.
    public let descriptor = RendererDescriptor(
        name: "html",
        summary:
            "One self-contained web page: the chart as inline SVG, the career, the chronology and the sources; prints on A4 and Letter",
        fileExtensions: ["html", "htm"],
        options: Options.declared)

    /// Lays out the chart and writes the page.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = Options(request.options)
        var sections: [Options.Section] = []
        for section in options.sections where !sections.contains(section) { sections.append(section) }
        let page = HTMLPage(request: request, sections: sections, chart: options.chart, lang: options.lang ?? request.presentation.locale)
        let writer = try output.textWriter()
        writer.write(page.document())
        try writer.close()
    }
}
