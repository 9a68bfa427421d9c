/// Checks what no single file can: ids unique across all inputs, and every
/// reference (person, tenure, source) resolving somewhere in them.
public enum DossierValidator {
    /// Merges `files` into one dossier, throwing every clash and dangling reference at once.
    public static func merge(_ files: [DossierFile]) throws(CursusError) -> Dossier {
        // Start from the first file's records: with one input (the usual case) nothing is copied.
        var dossier = files.first?.dossier ?? Dossier()
        for file in files.dropFirst() { dossier.merge(file.dossier) }
        var bag = DiagnosticBag()
        let inputs = Dictionary(files.map { ($0.path, $0.lines) }, uniquingKeysWith: { first, _ in first })
        func unique(_ ids: [(String, SourceLocation?)], kind: String) -> Set<String> {
            Self.unique(ids, kind: kind, inputs: inputs, into: &bag)
        }
        let people = unique(dossier.people.map { ($0.id, $0.location) }, kind: "person")
        let tenures = unique(dossier.tenures.map { ($0.id, $0.location) }, kind: "tenure")
        _ = unique(dossier.events.map { ($0.id, $0.location) }, kind: "event")
        let sources = unique(dossier.sources.map { ($0.id, $0.location) }, kind: "source")
        for reference in files.flatMap(\.references) {
            let known: Set<String>
            switch reference.kind {
            case .person: known = people
            case .tenure: known = tenures
            case .source: known = sources
            }
            if !known.contains(reference.id) {
                bag.append(
                    Diagnostic(
                        .error,
                        "\(reference.from) refers to \(reference.kind.rawValue) '\(reference.id)', which no input defines\(Suggestion.didYouMean(reference.id, in: known.sorted()))",
                        at: reference.location,
                        sourceLine: reference.location.line.flatMap { inputs[reference.location.file]?.line($0) }))
            }
        }
        try bag.throwIfErrors()
        return dossier
    }

    private static func unique(
        _ ids: [(String, SourceLocation?)], kind: String, inputs: [String: any LineSource], into bag: inout DiagnosticBag
    ) -> Set<String> {
        var seen: [String: SourceLocation?] = [:]
        for (id, location) in ids {
            if let first = seen[id] {
                let firstPlace = first.map { "\($0.file):\($0.line ?? 0)" } ?? "another input"
                bag.append(
                    Diagnostic(
                        .error, "duplicate \(kind) id '\(id)'; it is first defined at \(firstPlace)", at: location,
                        sourceLine: location.flatMap { loc in loc.line.flatMap { inputs[loc.file]?.line($0) } }))
            } else {
                seen[id] = location
            }
        }
        return Set(seen.keys)
    }
}
