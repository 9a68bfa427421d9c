import CursusCore

/// `uncited`: a fact with no source.
struct Uncited: Rule {
    let id = "uncited"
    let explanation = "a post, milestone or event that cites no source"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        var found: [Finding] = []
        for tenure in context.dossier.tenures {
            if tenure.sources.isEmpty {
                found.append(finding("'\(tenure.id)' cites no source", at: tenure.location, ["tenure \(tenure.id)"]))
            }
            for milestone in tenure.milestones where milestone.sources.isEmpty && tenure.sources.isEmpty {
                found.append(
                    finding(
                        "the milestone '\(milestone.title)' of '\(tenure.id)' cites no source", at: tenure.location, ["tenure \(tenure.id)"]
                    ))
            }
        }
        for event in context.dossier.events where event.sources.isEmpty {
            found.append(finding("'\(event.id)' cites no source", at: event.location, ["event \(event.id)"]))
        }
        return found
    }
}
