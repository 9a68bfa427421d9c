import CursusCore
import CursusRenderers
import CursusXLSX

/// The renderer table: the CLI is the one place that assembles it. Names that are not built in
/// are plug-ins: `cursus-render-NAME` on PATH, or a path from the manifest's folder.
let rendererRegistry = RendererRegistry(
    [
        CSVRenderer(),
        ChronologyRenderer(),
        GanttRenderer(),
        JSONRenderer(),
        XLSXRenderer(),
    ],
    locator: { name, directory throws(CursusError) in try ExternalRenderer.locate(name, from: directory) },
    lookedIn: { name, directory in ExternalRenderer.places(name, from: directory) })
