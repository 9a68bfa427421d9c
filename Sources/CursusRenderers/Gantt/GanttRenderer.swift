import CursusCore

/// Career charts: Graphviz DOT with every position computed by Cursus, drawn by `neato -n2`.
public struct GanttRenderer: Renderer {
    public init() {}

    public let descriptor = RendererDescriptor(
        name: "gantt",
        summary: "A career chart (Gantt style) as Graphviz DOT with pinned positions, drawn as SVG, PNG or PDF",
        fileExtensions: ["dot", "gv"],
        extensionHint: "the DOT file is the chart's source; for SVG, PNG or PDF add them to the option formats, and they are written beside it",
        options: [
            RendererOption(
                "rows", .choice(GanttOptions.Rows.allCases.map(\.rawValue)), default: .string("office"),
                help: "One row per office, organization, person (the succession chart of an office) or category"),
            RendererOption(
                "formats", .choices(["svg", "png", "pdf"]), default: .strings([]),
                help: "Also draw the chart with Graphviz (neato -n2) into these formats, beside the DOT file"),
            RendererOption("title", .string, help: "The chart's title (default: the person's name and the span)"),
            RendererOption("from", .string, help: "First year shown (EDTF); default: the first date charted"),
            RendererOption("to", .string, help: "Last year shown (EDTF); default: the last date charted, or as_of"),
            RendererOption("colors", .map, help: "Category → colour (#RRGGBB or a Graphviz colour name), over the colour-blind-safe palette"),
            RendererOption("events", .strings, help: "Event ids or categories to mark (default: every event)"),
            RendererOption("year_width", .int(2...400), help: "Points per year (default: chosen from the span)"),
            RendererOption("dpi", .int(36...600), default: .int(96), help: "Resolution of PNG output"),
            RendererOption(
                "page", .choice(PaperSize.allCases.map(\.rawValue) + ["chart"]), default: .string("a4"),
                help: "PDF output: the paper, landscape, with the chart scaled down to fit; 'chart' makes the page the chart's own size"),
        ])

    /// The largest bitmap side cairo can draw; PNGs of bigger charts get a lower resolution.
    static let maximumBitmapSide = 32_000.0
    /// The smallest margin of a printed page, in points (1 cm).
    static let pageMargin = 28.35

    /// The options parse, and Graphviz is there to draw the formats asked for.
    public func check(_ request: RenderRequest) throws {
        _ = try options(request.options)
        if let format = request.options.strings("formats")?.first { _ = try Graphviz.neato(for: format) }
    }

    public func render(_ request: RenderRequest, to output: OutputFile) throws {
        let chartOptions = try options(request.options)
        let chart = GanttLayout(dossier: request.dossier, asOf: request.asOf, options: chartOptions).layout()
        var writer = GanttDOTWriter(chart: chart)
        let dot = writer.write()
        let file = try output.textWriter()
        file.write(dot)
        try file.close()
        for format in request.options.strings("formats") ?? [] {
            let image = output.companion(extension: format)
            try Graphviz.draw(
                output.temporaryPath, format: format, graphAttributes: graphAttributes(format, chart: chart, options: request.options),
                to: image.temporaryPath, sourceDate: request.asOf)
            if format == "svg" { try ChartSVG.tidy(at: image.temporaryPath, label: chart.title?.text) }
        }
    }

    /// What each format needs beyond the DOT file: a resolution for PNG (lowered for charts too
    /// big for cairo), a page for PDF; SVG is drawn in points, as laid out.
    func graphAttributes(_ format: String, chart: GanttChart, options: RenderOptions) -> KeyValuePairs<String, String> {
        switch format {
        case "png":
            let dpi = min(options.int("dpi") ?? 96, Int(Self.maximumBitmapSide / max(chart.width, chart.height) * 72))
            return ["dpi": String(dpi)]
        case "pdf":
            guard let paper = PaperSize(rawValue: options.string("page") ?? "a4") else { return ["margin": "0"] }
            let page = paper.landscape
            let (width, height) = (chart.width + 2 * GanttDOTWriter.pad, chart.height + 2 * GanttDOTWriter.pad)
            let zoom = min(1, (page.width - 2 * Self.pageMargin) / width, (page.height - 2 * Self.pageMargin) / height)
            // A viewport as big as the page, centred on the chart, at the zoom that fits it.
            let viewport = [page.width, page.height, zoom, chart.width / 2, chart.height / 2].map(DOT.number).joined(separator: ",")
            return ["margin": "0", "viewport": viewport]
        default:
            return [:]
        }
    }

    private func options(_ options: RenderOptions) throws -> GanttOptions {
        var result = GanttOptions()
        result.rows = GanttOptions.Rows(rawValue: options.string("rows") ?? "office") ?? .office
        result.title = options.string("title")
        for (key, keyPath) in [("from", \GanttOptions.from), ("to", \GanttOptions.to)] {
            guard let text = options.string(key) else { continue }
            do {
                result[keyPath: keyPath] = try EDTF(text)
            } catch {
                throw CursusError(.data, Diagnostic(.error, "option '\(key)' must be an EDTF date: \(error.message)"))
            }
        }
        if let from = result.from?.earliest, let to = result.to?.latest, to < from {
            throw CursusError(.data, Diagnostic(.error, "option 'to' (\(to.iso)) is before 'from' (\(from.iso))"))
        }
        result.colors = options.map("colors") ?? [:]
        for (category, color) in result.colors.sorted(by: { $0.key < $1.key }) where !Palette.isValid(color) {
            throw CursusError(.data, Diagnostic(.error, "colour '\(color)' for category '\(category)' is neither #RRGGBB nor a colour name"))
        }
        result.events = options.strings("events")
        result.yearWidth = options.int("year_width").map(Double.init)
        return result
    }
}
