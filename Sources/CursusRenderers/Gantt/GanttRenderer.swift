import CursusCore

/// Career charts: Graphviz DOT with every position computed by Cursus, drawn by `neato -n2`.
public struct GanttRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// Writes `.dot` (or `.gv`), and the `formats` beside it.
    public let descriptor = RendererDescriptor(
        name: "gantt",
        summary: "A career chart (Gantt style) as Graphviz DOT with pinned positions, drawn as SVG, PNG or PDF",
        fileExtensions: ["dot", "gv"],
        extensionHint:
            "the DOT file is the chart's source; for SVG, PNG or PDF add them to the option formats, and they are written beside it",
        options: GanttOptions.declared)

    /// The largest bitmap side cairo can draw; PNGs of bigger charts get a lower resolution.
    static let maximumBitmapSide = 32_000.0
    /// The smallest margin of a printed page, in points (1 cm).
    static let pageMargin = 28.35

    /// The window is not reversed, and Graphviz is there to draw the formats asked for.
    public func check(_ request: RenderRequest) throws(CursusError) {
        let options = try self.options(request.options)
        if let format = options.formats.first { _ = try Graphviz.neato(for: format.rawValue) }
    }

    /// Plans, lays out and writes the chart as DOT, then has Graphviz draw the formats asked for.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let options = try self.options(request.options)
        let chart = GanttLayout(dossier: request.dossier, asOf: request.asOf, options: options, presentation: request.presentation).layout()
        var writer = GanttDOTWriter(chart: chart)
        let dot = writer.write()
        let file = try output.textWriter()
        file.write(dot)
        try file.close()
        for format in options.formats {
            let image = output.companion(extension: format.rawValue)
            try Graphviz.draw(
                output.temporaryPath, format: format.rawValue, graphAttributes: graphAttributes(format, chart: chart, options: options),
                to: image.temporaryPath, sourceDate: request.asOf)
            if format == .svg { try ChartSVG.tidy(at: image.temporaryPath, label: chart.title?.text) }
        }
    }

    /// What each format needs beyond the DOT file: a resolution for PNG (lowered for charts too
    /// big for cairo), a page for PDF; SVG is drawn in points, as laid out.
    func graphAttributes(_ format: GanttOptions.Format, chart: GanttChart, options: GanttOptions) -> KeyValuePairs<String, String> {
        switch format {
        case .png:
            return ["dpi": String(min(options.dpi, Int(Self.maximumBitmapSide / max(chart.width, chart.height) * 72)))]
        case .pdf:
            guard let paper = options.page.paper else { return ["margin": "0"] }
            let page = paper.landscape
            let (width, height) = (chart.width + 2 * GanttDOTWriter.pad, chart.height + 2 * GanttDOTWriter.pad)
            let zoom = min(1, (page.width - 2 * Self.pageMargin) / width, (page.height - 2 * Self.pageMargin) / height)
            // A viewport as big as the page, centred on the chart, at the zoom that fits it.
            let viewport = [page.width, page.height, zoom, chart.width / 2, chart.height / 2].map(DOT.number).joined(separator: ",")
            return ["margin": "0", "viewport": viewport]
        case .svg:
            return [:]
        }
    }

    /// The typed options, with the one check that spans two of them: the window runs forward.
    private func options(_ values: RenderOptions) throws(CursusError) -> GanttOptions {
        let options = GanttOptions(values)
        if let from = options.from?.earliest, let to = options.to?.latest, to < from {
            throw CursusError(.data, Diagnostic(.error, "option 'to' (\(to.iso)) is before 'from' (\(from.iso))"))
        }
        return options
    }
}
