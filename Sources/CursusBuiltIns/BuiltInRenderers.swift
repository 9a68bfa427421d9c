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
    public static let registry = registry(adding: [])

    /// The built-ins and `renderers` of one's own (written in Swift, as `Renderer`s), listed after
    /// them, and for any other name a plug-in: what a program that uses Cursus as a library
    /// renders manifests with. A name already built in stays the built-in's.
    public static func registry(adding renderers: [any Renderer]) -> RendererRegistry {
        RendererRegistry(
            all + renderers,
            locator: { name, directory throws(CursusError) in try ExternalRenderer.locate(name, from: directory) },
            lookedIn: { name, directory in ExternalRenderer.places(name, from: directory) })
    }
}
