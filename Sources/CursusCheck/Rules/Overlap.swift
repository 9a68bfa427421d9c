import CursusCore

/// `overlap`: one person holding the same office twice at once.
struct SamePostOverlap: Rule {
    let id = "overlap"
    let explanation = "one person holding the same office twice at the same time"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        var found: [Finding] = []
        for group in byOffice(context.dossier) {
            for (index, a) in group.enumerated() {
                for b in group[(index + 1)...] where a.person == b.person && context.span(a).overlap(context.span(b)) == .certain {
                    found.append(
                        finding(
                            "'\(a.id)' and '\(b.id)' are the same office held twice at once by '\(a.person)'", at: b.location,
                            ["tenure \(a.id)", "tenure \(b.id)"]))
                }
            }
        }
        return found
    }
}
