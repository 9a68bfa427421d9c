import Foundation

/// Runs a manifest: loads its dossiers, renders each output to a temporary file and,
/// only when every output succeeded, moves them all into place.
public struct ManifestRenderer: Sendable {
    public let manifest: Manifest
    public let progress: Progress

    public init(manifest: Manifest, progress: Progress = .silent) {
        self.manifest = manifest
        self.progress = progress
    }

    /// Loads and merges every input, reporting the problems of all of them at once.
    public func loadDossier() throws(CursusError) -> (dossier: Dossier, warnings: [Diagnostic]) {
        var bag = DiagnosticBag()
        var files: [DossierFile] = []
        for (path, location) in manifest.inputs {
            guard FileManager.default.fileExists(atPath: path) else {
                bag.append(
                    Diagnostic(
                        .error, "input '\(path)' does not exist; fix the path in 'inputs' (paths are relative to the manifest's folder)",
                        at: location, sourceLine: location.line.flatMap(manifestLine)))
                continue
            }
            if let file = bag.collect({ () throws(CursusError) in try DossierLoader.load(path, progress: progress) }) {
                files.append(file)
                bag.append(contentsOf: file.warnings)
            }
        }
        try bag.throwIfErrors()
        let dossier = try DossierValidator.merge(files)
        return (dossier, bag.diagnostics)
    }

    /// The outputs `only` selects (by path or renderer name), or all of them.
    public func outputs(only: String?) -> [OutputSpec] {
        guard let only else { return manifest.outputs }
        return manifest.outputs.filter { $0.path == only || $0.renderer == only }
    }

    /// Renders `outputs` of `dossier` as of `asOf`; returns the files written, in order.
    public func render(_ outputs: [OutputSpec], dossier: Dossier, asOf: CalendarDay) throws(CursusError) -> [String] {
        let transaction = OutputTransaction()
        do {
            for output in outputs {
                try render(output, dossier: dossier, asOf: asOf, into: transaction)
            }
            return try transaction.commit()
        } catch {
            transaction.rollback()
            throw error
        }
    }

    private func render(_ output: OutputSpec, dossier: Dossier, asOf: CalendarDay, into transaction: OutputTransaction) throws(CursusError) {
        do {
            let renderer = output.implementation
            let knownPeople = dossier.people.map(\.id)
            for person in output.filter.people ?? [] where !knownPeople.contains(person) {
                throw CursusError(.data, Diagnostic(.error, "the filter names person '\(person)', whom no input defines\(Suggestion.didYouMean(person, in: knownPeople))"))
            }
            let path = try OutputLocation.resolve(output.path, in: manifest.outputDirectory, at: nil, transaction: transaction)
            let request = RenderRequest(
                dossier: output.filter.apply(to: dossier, asOf: asOf), options: output.options, asOf: asOf,
                title: manifest.title, baseDirectory: manifest.directory, displayDirectory: manifest.displayDirectory,
                progress: progress, outputName: output.path)
            try renderer.render(request, to: transaction.add(path))
        } catch let error as CursusError {
            throw CursusError(error.kind, error.diagnostics.map { attribute($0, to: output) })
        } catch {
            throw CursusError(.failure, attribute(Diagnostic(.error, "\(error)"), to: output))
        }
    }

    /// Gives a diagnostic without a place the output's place in the manifest, and the renderer's name.
    private func attribute(_ diagnostic: Diagnostic, to output: OutputSpec) -> Diagnostic {
        var diagnostic = diagnostic
        if diagnostic.scope == nil { diagnostic.scope = output.renderer }
        if diagnostic.location == nil {
            diagnostic.location = output.location
            diagnostic.sourceLine = output.sourceLine
        }
        return diagnostic
    }

    private func manifestLine(_ number: Int) -> String? {
        (try? InputFile.read(manifest.path, what: "manifest"))?.line(number)
    }
}
