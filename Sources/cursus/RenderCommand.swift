import ArgumentParser
import CursusBuiltIns
import CursusCore
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render every output of a manifest; prints one line per file written.",
        discussion: "Outputs are written to temporary files and moved into place together only when all succeeded.")

    @Argument(help: "The manifest.", completion: .file(extensions: ["yml", "yaml", "json"]))
    var manifest = "cursus.yml"

    @Option(name: .long, help: "Render only the output with this path, or the outputs of this renderer.")
    var only: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors (no list of files, no progress line).")
    var quiet = false

    func run() throws {
        try Console.run {
            let manifest = try Manifest.load(self.manifest, registry: BuiltInRenderers.registry)
            let progress = ProgressLine.forTerminal(quiet: quiet)
            let renderer = ManifestRenderer(manifest: manifest, progress: progress) { [quiet] note in
                if !quiet { progress.interject(note.formatted) }
            }
            let outputs = renderer.outputs(only: only)
            if outputs.isEmpty, let only {
                let names = manifest.outputs.map(\.path) + Set(manifest.outputs.map(\.renderer)).sorted()
                throw CursusError(
                    .usage,
                    Diagnostic(
                        .error,
                        "no output of \(self.manifest) has the path or renderer '\(only)'\(Suggestion.didYouMean(only, in: names)); outputs: \(manifest.outputs.map(\.path).joined(separator: ", "))"
                    ))
            }
            let asOf = manifest.asOf ?? Self.today(manifest: self.manifest)
            let (dossier, warnings) = try renderer.prepare(outputs, asOf: asOf)
            Console.report(warnings)
            for path in try renderer.render(outputs, dossier: dossier, asOf: asOf) where !quiet {
                print(Console.relative(path))
            }
        }
    }

    /// Today's date, with a note that output depends on it.
    static func today(manifest: String) -> CalendarDay {
        let day = CalendarDay.today()
        Console.report([
            Diagnostic(
                .note,
                "no 'as_of' in the manifest, so \"present\" is today, \(day.iso); add 'as_of: \(day.iso)' for output that does not change from day to day",
                at: SourceLocation(file: manifest))
        ])
        return day
    }
}
