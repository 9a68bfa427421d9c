import Foundation
import Synchronization

/// Runs a manifest: loads its dossiers, renders each output to a temporary file and,
/// only when every output succeeded, moves them all into place.
public struct ManifestRenderer: Sendable {
    /// The manifest run.
    public let manifest: Manifest
    /// Where long work reports how far it is.
    public let progress: ProgressLine
    /// Where renderers' notes go (the CLI prints them on standard error).
    public let notes: @Sendable (Diagnostic) -> Void

    /// A run of `manifest`, showing `progress` and telling `notes`.
    public init(manifest: Manifest, progress: ProgressLine = .silent, notes: @escaping @Sendable (Diagnostic) -> Void = { _ in }) {
        self.manifest = manifest
        self.progress = progress
        self.notes = notes
    }

    /// Loads every input and checks `outputs` (as `check` does) before anything is rendered,
    /// throwing every problem of the inputs and the outputs at once.
    public func prepare(_ outputs: [OutputSpec], asOf: CalendarDay) throws(CursusError) -> (dossier: Dossier, warnings: [Diagnostic]) {
        var bag = DiagnosticBag()
        let loaded = bag.collect { () throws(CursusError) in try loadDossier() }
        bag.append(contentsOf: loaded?.warnings ?? [])
        bag.collect { () throws(CursusError) in try check(outputs, dossier: loaded?.dossier, asOf: asOf) }
        let languageWarnings = bag.collect { () throws(CursusError) in try checkLanguages(outputs) }
        bag.append(contentsOf: languageWarnings ?? [])
        try bag.throwIfErrors()
        return (loaded!.dossier, bag.diagnostics)
    }

    /// Loads and merges every input, reporting the problems of all of them at once.
    func loadDossier() throws(CursusError) -> (dossier: Dossier, warnings: [Diagnostic]) {
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
            if let file = bag.collect({ () throws(CursusError) in try DossierLoader.read(path, progress: progress) }) {
                files.append(file)
                bag.append(contentsOf: file.diagnostics)
            }
        }
        // Files with errors still take part: their ids and references are checked with the rest.
        let dossier = bag.collect { () throws(CursusError) in try DossierValidator.merge(files) }
        try bag.throwIfErrors()
        return (dossier!, bag.diagnostics)
    }

    /// Reads the words of every locale the outputs name, once each: an error in a words file
    /// stops the render; a locale without words, or a style the language has no form for, is a
    /// warning at the place the manifest names it.
    func checkLanguages(_ outputs: [OutputSpec]) throws(CursusError) -> [Diagnostic] {
        var bag = DiagnosticBag()
        var seen: Set<String> = []
        for output in outputs {
            let style = output.dateStyle ?? .reading
            guard let locale = output.locale, seen.insert("\(locale.value) \(style)").inserted else { continue }
            let warnings = bag.collect { () throws(CursusError) in
                try Presentation.resolve(locale: locale.value, style: style, directory: manifest.directory).1
            }
            for warning in warnings ?? [] {
                var warning = warning
                if warning.location == nil {
                    warning.location = locale.location
                    warning.sourceLine = locale.location.line.flatMap(manifestLine)
                }
                bag.append(warning)
            }
        }
        try bag.throwIfErrors()
        return bag.diagnostics
    }

    /// How `output` speaks: its locale's words and its date style (English when the words cannot be read).
    private func presentation(for output: OutputSpec) -> Presentation {
        guard output.locale != nil || output.dateStyle != nil else { return .standard }
        let resolved = try? Presentation.resolve(
            locale: output.locale?.value ?? "en", style: output.dateStyle ?? .reading, directory: manifest.directory)
        return resolved?.0 ?? .standard
    }

    /// The outputs `only` selects (by path or renderer name), or all of them.
    public func outputs(only: String?) -> [OutputSpec] {
        guard let only else { return manifest.outputs }
        return manifest.outputs.filter { $0.path == only || $0.renderer == only }
    }

    /// Checks `outputs` without rendering: the people their filters name (when the inputs could
    /// be loaded into `dossier`), their paths, and whatever each renderer can check before it
    /// renders (a template, a program it needs); throws every problem of every output at once.
    func check(_ outputs: [OutputSpec], dossier: Dossier?, asOf: CalendarDay) throws(CursusError) {
        var bag = DiagnosticBag()
        let knownPeople = dossier?.people.map(\.id)
        for output in outputs {
            bag.collect { () throws(CursusError) in
                try attributing(to: output) { () throws(CursusError) in
                    for person in output.filter.people ?? [] where !(knownPeople?.contains(person) ?? true) {
                        throw CursusError(
                            .data,
                            Diagnostic(
                                .error,
                                "the filter names person '\(person)', whom no input defines\(Suggestion.didYouMean(person, in: knownPeople ?? []))"
                            ))
                    }
                    _ = try OutputLocation.resolve(output.path, in: manifest.outputDirectory, at: nil, createFolders: false)
                    // The whole dossier: checks do not depend on records, and it is shared, not copied.
                    try output.implementation.check(request(for: output, dossier: dossier ?? Dossier(), asOf: asOf))
                }
            }
        }
        try bag.throwIfErrors()
    }

    /// Renders `outputs` of `dossier` (from `prepare`) as of `asOf`, `jobs` outputs at a time;
    /// returns the files written, in manifest order. Every output is written to a file of its
    /// own, so the bytes are the same whatever `jobs` is; with more than one job, each output's
    /// notes wait and are told in manifest order once all are done.
    public func render(_ outputs: [OutputSpec], dossier: Dossier, asOf: CalendarDay, jobs: Int = 1) throws(CursusError) -> [String] {
        let transaction = OutputTransaction()
        do throws(CursusError) {
            // Places first, in manifest order: folders made and files listed as the manifest lists them.
            var placed: [OutputFile] = []
            for output in outputs {
                try attributing(to: output) { () throws(CursusError) in
                    placed.append(
                        transaction.add(
                            try OutputLocation.resolve(output.path, in: manifest.outputDirectory, at: nil, transaction: transaction)))
                }
            }
            let files = placed
            let concurrent = jobs > 1 && outputs.count > 1
            let heldNotes = outputs.map { _ in NoteBuffer() }
            let failures = Mutex<[Int: CursusError]>([:])
            let next = Atomic<Int>(0)
            let workers = concurrent ? min(jobs, outputs.count) : 1
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < outputs.count else { return }
                    let output = outputs[index]
                    let buffer = concurrent ? heldNotes[index] : nil
                    do throws(CursusError) {
                        try Parallel.sharingCores { () throws(CursusError) in
                            try attributing(to: output) { () throws(CursusError) in
                                let filtered = output.filter.apply(to: dossier, asOf: asOf)
                                try output.implementation.render(
                                    request(for: output, dossier: filtered, asOf: asOf, notes: buffer), to: files[index])
                            }
                        }
                    } catch {
                        failures.withLock { $0[index] = error }
                        // One at a time, the first failure stops the run, as it always has.
                        if !concurrent { return }
                    }
                }
            }
            for buffer in heldNotes { buffer.flush(to: notes) }
            let failed = failures.withLock { $0 }
            if !failed.isEmpty {
                let errors = failed.keys.sorted().compactMap { failed[$0] }
                throw CursusError(errors[0].kind, errors.flatMap(\.diagnostics))
            }
            return try transaction.commit()
        } catch {
            transaction.rollback()
            throw error
        }
    }

    private func request(for output: OutputSpec, dossier: Dossier, asOf: CalendarDay, notes buffer: NoteBuffer? = nil) -> RenderRequest {
        let notes = buffer.map { buffer in { @Sendable (note: Diagnostic) in buffer.append(note) } } ?? self.notes
        return RenderRequest(
            dossier: dossier, options: output.options, asOf: asOf, title: manifest.title, baseDirectory: manifest.directory,
            displayDirectory: manifest.displayDirectory, progress: progress, outputName: output.path,
            presentation: presentation(for: output),
            note: { [notes] message in notes(Self.attribute(Diagnostic(.note, message), to: output)) })
    }

    /// Runs `body` for `output`, giving what it throws the output's place and renderer.
    private func attributing(to output: OutputSpec, _ body: () throws(CursusError) -> Void) throws(CursusError) {
        do {
            try body()
        } catch {
            throw CursusError(error.kind, error.diagnostics.map { Self.attribute($0, to: output) })
        }
    }

    /// Gives a diagnostic without a place the output's place in the manifest, and the renderer's name.
    private static func attribute(_ diagnostic: Diagnostic, to output: OutputSpec) -> Diagnostic {
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

/// Notes an output gives while it renders beside others, told later in manifest order.
final class NoteBuffer: Sendable {
    private let held = Mutex<[Diagnostic]>([])

    func append(_ note: Diagnostic) { held.withLock { $0.append(note) } }

    func flush(to notes: (Diagnostic) -> Void) {
        for note in held.withLock({ $0 }) { notes(note) }
    }
}
