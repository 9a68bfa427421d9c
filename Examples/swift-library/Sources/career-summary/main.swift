import CursusBuiltIns
import CursusCore
import Foundation

// Renders a manifest with Cursus as a library: the built-in renderers and plug-ins, plus the
// `summary` renderer of this package.
//
//   career-summary [MANIFEST]       default: cursus.yml

let path = CommandLine.arguments.dropFirst().first ?? "cursus.yml"
do throws(CursusError) {
    let registry = BuiltInRenderers.registry(adding: [SummaryRenderer()])
    let manifest = try Manifest.load(path, registry: registry)
    let renderer = ManifestRenderer(manifest: manifest)
    let asOf = manifest.asOf ?? CalendarDay.today()
    let (dossier, warnings) = try renderer.prepare(manifest.outputs, asOf: asOf)
    for warning in warnings { FileHandle.standardError.write(Data((warning.formatted + "\n").utf8)) }
    print("read \(dossier.people.count) people, \(dossier.tenures.count) posts and \(dossier.events.count) events")
    for written in try renderer.render(manifest.outputs, dossier: dossier, asOf: asOf) { print(written) }
} catch {
    for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8)) }
    exit(error.kind == .usage ? 64 : 65)
}
