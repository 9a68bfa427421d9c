import CursusCore
import CursusRenderers
import CursusSQLite
import CursusXLSX

/// The renderers Cursus has built in, in the order `cursus renderers` lists them: the one list
/// the command line, the fuzz harness and the tests all use. A new built-in renderer is a folder
/// of its own in CursusRenderers (or a module like CursusXLSX) and one line here.
public enum BuiltInRenderers {
    /// Every built-in renderer, one a line.
    public static let all: [any Renderer] = [
        CSVRenderer(),
        ChronologyRenderer(),
        GanttRenderer(),
        JSONRenderer(),
        XLSXRenderer(),
        HTMLRenderer(),
        ICSRenderer(),
        MermaidRenderer(),
        TimelineJSRenderer(),
        EasyTimelineRenderer(),
        SQLiteRenderer(),
    ]

    /// The built-ins, and for any other name a plug-in: `cursus-render-NAME` on PATH, or a path
    /// from the manifest's folder.
    public static let registry = RendererRegistry(
        all,
        locator: { name, directory throws(CursusError) in try ExternalRenderer.locate(name, from: directory) },
        lookedIn: { name, directory in ExternalRenderer.places(name, from: directory) })
}
