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

    @Option(name: .shortAndLong, help: "Outputs rendered at once (default: the number of cores); the files are the same whatever it is.")
    var jobs: Int?

    @Flag(
        name: .long,
        help: "After rendering, render again whenever the manifest, an input, a template, a plug-in or a words file changes; Ctrl-C stops.")
    var watch = false

    func run() throws {
        if let jobs, jobs < 1 {
            try Console.run { throw CursusError(.usage, Diagnostic(.error, "--jobs must be at least 1, found \(jobs)")) }
        }
        guard watch else {
            try Console.run { try render(try loadManifest()) }
            return
        }
        InterruptCleanup.shared.installSignalHandlers()
        var watcher = FileWatcher()
        while true {
            // One reading of the manifest a round: it renders, and it names what to watch.
            var manifest: Manifest?
            do {
                manifest = try loadManifest()
                try render(manifest!)
            } catch {
                Console.report(error.diagnostics)
            }
            watcher.watch(watchedPaths(of: manifest))
            print("watching \(watcher.paths.count) files for changes (Ctrl-C stops)")
            fflush(nil)
            let changed = watcher.waitForChange()
            print("changed: " + changed.map(Console.relative).joined(separator: ", "))
        }
    }

    private func loadManifest() throws(CursusError) -> Manifest {
        try Manifest.load(self.manifest, registry: BuiltInRenderers.registry)
    }

    /// Reads the manifest's inputs and renders its outputs, listing the files written.
    private func render(_ manifest: Manifest) throws(CursusError) {
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
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        for path in try renderer.render(outputs, dossier: dossier, asOf: asOf, jobs: jobs) where !quiet {
            print(Console.relative(path))
        }
        fflush(nil)
    }

    /// What a render reads: the manifest, its inputs, the templates and plug-ins it names by
    /// path, and the words files beside it (only the manifest when it cannot be read).
    private func watchedPaths(of manifest: Manifest?) -> [String] {
        guard let manifest else { return [self.manifest] }
        let folder = manifest.directory as NSString
        var paths = [self.manifest] + manifest.inputs.map(\.path)
        for output in manifest.outputs {
            if output.renderer.contains("/") { paths.append(folder.appendingPathComponent(output.renderer)) }
            if case .string(let template) = output.options.values["template"], template.contains(".") {
                paths.append(folder.appendingPathComponent(template))
            }
        }
        let locales = Words.folder(beside: manifest.directory)
        let words = (try? FileManager.default.contentsOfDirectory(atPath: locales)) ?? []
        paths += words.filter { $0.hasSuffix(".yml") }.map { (locales as NSString).appendingPathComponent($0) }
        return paths
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
