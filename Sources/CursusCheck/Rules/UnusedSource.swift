import CursusCore

/// `unused-source`: a source nothing cites.
struct UnusedSource: Rule {
    let id = "unused-source"
    let explanation = "a source that no fact cites"
    let severity = Diagnostic.Severity.note

    func findings(in context: CheckContext) -> [Finding] {
        let dossier = context.dossier
        let cited = dossier.citedSourceIDs
        return dossier.sources.filter { !cited.contains($0.id) }.map { source in
            finding("the source '\(source.id)' is cited by nothing", at: source.location, ["source \(source.id)"])
        }
    }
}
