import CursusCore

/// `unused-source`: a source nothing cites.
struct UnusedSource: Rule {
    let id = "unused-source"
    let explanation = "a source that no fact cites"
    let severity = Diagnostic.Severity.note

    func findings(in context: CheckContext) -> [Finding] {
        let dossier = context.dossier
        var cited = Set(dossier.people.flatMap(\.sources).map(\.source))
        for tenure in dossier.tenures {
            cited.formUnion(tenure.sources.map(\.source))
            for milestone in tenure.milestones { cited.formUnion(milestone.sources.map(\.source)) }
            cited.formUnion(tenure.disputed.flatMap(\.sources).map(\.source))
        }
        for event in dossier.events { cited.formUnion((event.sources + event.disputed.flatMap(\.sources)).map(\.source)) }
        cited.formUnion(dossier.people.flatMap(\.disputed).flatMap(\.sources).map(\.source))
        return dossier.sources.filter { !cited.contains($0.id) }.map { source in
            finding("the source '\(source.id)' is cited by nothing", at: source.location, ["source \(source.id)"])
        }
    }
}
