import ArgumentParser
import CursusBuiltIns
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
                    if let file = bag.collect({ () throws(CursusError) in try DossierLoader.read(path) }) {
                        dossiers.append(file)
                        bag.append(contentsOf: file.diagnostics)
                    }
                    continue
                }
                guard
                    let input = bag.collect({ () throws(CursusError) in
                        try InputFile.read(
                            path, what: "dossier or manifest", whenMissing: files.isEmpty ? Manifest.startHint : "check the path")
                    })
                else { continue }
                if Manifest.isManifest(input) {
                    bag.collect { () throws(CursusError) in try validateManifest(input) }
                } else if let file = bag.collect({ () throws(CursusError) in try DossierLoader.read(input) }) {
                    dossiers.append(file)
                    bag.append(contentsOf: file.diagnostics)
                }
            }
            if let dossier = bag.collect({ () throws(CursusError) in try DossierValidator.merge(dossiers) }), !dossiers.isEmpty,
                !bag.hasErrors
            {
                print("ok: \(dossiers.map(\.path).joined(separator: ", ")) (\(Self.summary(dossier)))")
            }
            try bag.throwIfErrors(.data)
            Console.report(bag.diagnostics)
        }
    }

    private func validateManifest(_ input: InputFile) throws(CursusError) {
        let manifest = try Manifest.decode(input, registry: BuiltInRenderers.registry)
        let renderer = ManifestRenderer(manifest: manifest)
        let (dossier, warnings) = try renderer.prepare(manifest.outputs, asOf: manifest.asOf ?? .today())
        Console.report(warnings)
        print("ok: \(input.path) (\(Counting.phrase(manifest.outputs.count, "output")); \(Self.summary(dossier)))")
    }

    static func summary(_ dossier: Dossier) -> String {
        [
            Counting.phrase(dossier.people.count, "person", plural: "people"), Counting.phrase(dossier.tenures.count, "tenure"),
            Counting.phrase(dossier.events.count, "event"), Counting.phrase(dossier.sources.count, "source"),
        ].joined(separator: ", ")
    }
}
