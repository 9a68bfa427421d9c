import CursusCore

/// What the chart shows and how: the gantt renderer's options, declared once.
public struct GanttOptions: RendererOptions {
    /// What one row of the chart holds.
    public enum Rows: String, CaseIterable, Sendable {
        case office, organization, person, category
    }

    /// A format Graphviz draws the chart in, beside the DOT file.
    public enum Format: String, CaseIterable, Sendable {
        case svg, png, pdf
    }

    /// How a start or end known only to its month, season or year is drawn.
    public enum Partial: String, CaseIterable, Sendable {
        /// At the middle of its period, the bar's outline dashed (the default: it prints clearly
        /// in black and white, where a fade can vanish).
        case middle
        /// As a fade across the whole period it could fall in, from its earliest to its latest day.
        case fade
    }

    /// The paper a PDF is laid out for, or the chart's own size.
    public enum Page: String, CaseIterable, Sendable {
        case a4, letter, a3, chart

        var paper: PaperSize? { PaperSize(rawValue: rawValue) }
    }

    /// One row per office, organization, person or category.
    public var rows = Rows.office
    /// The formats drawn beside the DOT file.
    public var formats: [Format] = []
    /// The chart's title; nil makes one from the person and the span.
    public var title: String?
    /// The first year shown; nil: the first date charted.
    public var from: EDTF?
    /// The last year shown; nil: the last date charted, or as_of.
    public var to: EDTF?
    /// Category → colour, over the palette.
    public var colors: [String: String] = [:]
    /// Event ids or categories to mark; nil marks every event.
    public var events: [String]?
    /// Points per year; nil chooses from the span.
    public var yearWidth: Int?
    /// The resolution of PNG output.
    public var dpi = 96
    /// The paper a PDF is laid out for.
    public var page = Page.a4
    /// How partial dates are drawn.
    public var partial = Partial.middle

    /// The defaults, as the descriptor lists them.
    public init() {}

    /// Every option, declared once.
    public static let specs: [OptionSpec<GanttOptions>] = [
        .choice("rows", \.rows, help: "One row per office, organization, person (the succession chart of an office) or category"),
        .choices("formats", \.formats, help: "Also draw the chart with Graphviz (neato -n2) into these formats, beside the DOT file"),
        .string("title", \.title, help: "The chart's title (default: the person's name and the span)"),
        .date("from", \.from, help: "First year shown (EDTF); default: the first date charted"),
        .date("to", \.to, help: "Last year shown (EDTF); default: the last date charted, or as_of"),
        .map(
            "colors", \.colors, rule: Palette.rule,
            help: "Category → colour (#RRGGBB or a CSS colour name), over the colour-blind-safe palette"),
        .strings("events", \.events, help: "Event ids or categories to mark (default: every event)"),
        .int("year_width", \.yearWidth, 2...400, help: "Points per year (default: chosen from the span)"),
        .int("dpi", \.dpi, 36...600, help: "Resolution of PNG output"),
        .choice(
            "page", \.page,
            help: "PDF output: the paper, landscape, with the chart scaled down to fit; 'chart' makes the page the chart's own size"),
        .choice(
            "partial", \.partial,
            help:
                "A start or end known only to its month, season or year: at the middle of its period with a dashed outline, or a fade across the whole period (with fade, a start or end sources disagree on fades across the dates they give)"
        ),
    ]
}
