import CursusCore

/// `milestone-outside`: a milestone dated outside its post's span.
struct MilestoneOutside: Rule {
    let id = "milestone-outside"
    let explanation = "a milestone dated before its post began or after it ended"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        context.dossier.tenures.flatMap { tenure -> [Finding] in
            let span = context.span(tenure)
            return tenure.milestones.compactMap { milestone -> Finding? in
                guard let day = milestone.date.latest, let earliest = milestone.date.earliest else { return nil }
                if let start = span.start?.earliest, day < start {
                    return finding(
                        "the milestone '\(milestone.title)' (\(milestone.date.text)) comes before '\(tenure.id)' starts (\(tenure.start!.text))",
                        at: tenure.location, ["tenure \(tenure.id)"])
                }
                if let end = span.end?.latest, end < earliest, !tenure.ongoing {
                    return finding(
                        "the milestone '\(milestone.title)' (\(milestone.date.text)) comes after '\(tenure.id)' ends (\(tenure.end!.text))",
                        at: tenure.location, ["tenure \(tenure.id)"])
                }
                return nil
            }
        }
    }
}
