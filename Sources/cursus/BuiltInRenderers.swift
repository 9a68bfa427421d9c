import CursusCore
import CursusRenderers
import CursusXLSX

/// The renderer table: the CLI is the one place that assembles it.
let builtInRenderers = RendererRegistry([
    CSVRenderer(),
    ChronologyRenderer(),
    GanttRenderer(),
    XLSXRenderer(),
])
