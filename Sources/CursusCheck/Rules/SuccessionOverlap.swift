import CursusCore

/// `succession-overlap`: two holders of one office whose terms overlap; `precision-overlap`
/// when their dates are too coarse to tell ("2008" and "26 Jul 2008").
struct SuccessionOverlap: Rule {
    let id = "succession-overlap"
    var ids: [String] { ["succession-overlap", "precision-overlap"] }
    let explanation = "two holders of one office whose terms overlap (or may, at the dates' precision)"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        var found: [Finding] = []
        for group in byOffice(context.dossier) {
            for (index, a) in group.enumerated() {
                for b in group[(index + 1)...] where a.person != b.person {
                    switch context.span(a).overlap(context.span(b)) {
                    case .certain:
                        found.append(
                            finding(
                                "'\(a.person)' (\(a.id)) and '\(b.person)' (\(b.id)) hold '\(a.office)' at the same time", at: b.location,
                                ["tenure \(a.id)", "tenure \(b.id)"]))
                    case .possible:
                        found.append(
                            finding(
                                "'\(a.id)' and '\(b.id)' may overlap: their dates (\(a.end?.text ?? "present") and \(b.start?.text ?? "?")) are too coarse to put one after the other",
                                at: b.location, ["tenure \(a.id)", "tenure \(b.id)"], rule: "precision-overlap"))
                    case .none: break
                    }
                }
            }
        }
        return found
    }
}
