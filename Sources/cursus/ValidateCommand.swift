import ArgumentParser
import CursusCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests and dossiers without writing anything.",
        discussion: """
            A manifest is checked with all its inputs and outputs; dossiers given together are checked \
            together (ids unique across them, references resolved). Exit 0 when all is well, 65 otherwise.
            """)

    @Argument(help: "Manifests or dossiers (default: cursus.yml).", completion: .file(extensions: ["yml", "yaml", "json"]))
    var files: [String] = []

    func run() throws {
        try Console.run {
            var bag = DiagnosticBag()
            var dossiers: [DossierFile] = []
            for path in files.isEmpty ? ["cursus.yml"] : files {
                if DossierLoader.isStreamed(path) {
                    if let file = bag.collect({ () throws(CursusError) in try DossierLoader.load(path) }) {
                        dossiers.append(file)
                        bag.append(contentsOf: file.warnings)
                    }
                    continue
                }
                guard let input = bag.collect({ () throws(CursusError) in try InputFile.read(path, what: "dossier or manifest") }) else { continue }
                if Manifest.isManifest(input) {
                    bag.collect { () throws(CursusError) in try validateManifest(input) }
                } else if let file = bag.collect({ () throws(CursusError) in try DossierLoader.decode(input) }) {
                    dossiers.append(file)
                    bag.append(contentsOf: file.warnings)
                }
            }
            if let dossier = bag.collect({ () throws(CursusError) in try DossierValidator.merge(dossiers) }), !dossiers.isEmpty {
                print("ok: \(dossiers.map(\.path).joined(separator: ", ")) (\(Self.summary(dossier)))")
            }
            Console.report(bag.diagnostics)
            if bag.hasErrors { throw ExitCode(65) }
        }
    }

    private func validateManifest(_ input: InputFile) throws(CursusError) {
        let manifest = try Manifest.decode(input, registry: rendererRegistry)
        let renderer = ManifestRenderer(manifest: manifest)
        let (dossier, warnings) = try renderer.loadDossier()
        Console.report(warnings)
        var bag = DiagnosticBag()
        let people = dossier.people.map(\.id)
        for output in manifest.outputs {
            bag.collect { () throws(CursusError) in
                _ = try OutputLocation.resolve(output.path, in: manifest.outputDirectory, at: output.location, createFolders: false)
            }
            for person in output.filter.people ?? [] where !people.contains(person) {
                bag.append(Diagnostic(.error, "the filter names person '\(person)', whom no input defines\(Suggestion.didYouMean(person, in: people))", at: output.location, scope: output.renderer, sourceLine: output.sourceLine))
            }
        }
        try bag.throwIfErrors()
        print("ok: \(input.path) (\(manifest.outputs.count) outputs; \(Self.summary(dossier)))")
    }

    static func summary(_ dossier: Dossier) -> String {
        "\(dossier.people.count) people, \(dossier.tenures.count) tenures, \(dossier.events.count) events, \(dossier.sources.count) sources"
    }
}
