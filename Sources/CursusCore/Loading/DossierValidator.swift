/// Checks what no single file can: ids unique across all inputs, and every
/// reference (person, tenure, source) resolving somewhere in them.
public enum DossierValidator {
    /// Merges `files` into one dossier, throwing every clash between them and every dangling
    /// reference at once (each file has already checked its own ids; the errors a file holds are
    /// its reader's to report, and its references are checked all the same).
    public static func merge(_ files: [DossierFile]) throws(CursusError) -> Dossier {
        // Start from the first file: with one input (the usual case) nothing is copied.
        var dossier = files.first?.dossier ?? Dossier()
        var ids = files.first?.ids ?? [:]
        var bag = DiagnosticBag()
        let inputs = Dictionary(files.map { ($0.path, $0.lines) }, uniquingKeysWith: { first, _ in first })
        func quote(_ location: SourceLocation?) -> String? {
            location.flatMap { location in location.line.flatMap { inputs[location.file]?.line($0) } }
        }
        for file in files.dropFirst() {
            for kind in Reference.Kind.allCases {
                for id in file.ids[kind] ?? [] where !ids[kind, default: []].insert(id).inserted {
                    let location = file.dossier.firstLocation(of: id, kind: kind)
                    let first = dossier.firstLocation(of: id, kind: kind)
                    bag.append(
                        Diagnostic(
                            .error,
                            "duplicate \(kind.rawValue) id '\(id)'; it is first defined at \(first.map { "\($0.file):\($0.line ?? 0)" } ?? "another input")",
                            at: location, sourceLine: quote(location)))
                }
            }
            dossier.merge(file.dossier)
        }
        for reference in files.flatMap(\.references) where !(ids[reference.kind]?.contains(reference.id) ?? false) {
            let known = (ids[reference.kind] ?? []).sorted()
            bag.append(
                Diagnostic(
                    .error,
                    "\(reference.from) refers to \(reference.kind.rawValue) '\(reference.id)', which no input defines\(Suggestion.didYouMean(reference.id, in: known))",
                    at: reference.location, sourceLine: quote(reference.location)))
        }
        try bag.throwIfErrors()
        return dossier
    }
}
