import CursusCore

/// `succession-gap`: a gap longer than a year (the context's `gapDays`) between one holder of an
/// office leaving and the next arriving.
struct SuccessionGap: Rule {
    let id = "succession-gap"
    let explanation = "more than a year between one holder of an office leaving and the next arriving"
    let severity = Diagnostic.Severity.note

    func findings(in context: CheckContext) -> [Finding] {
        var found: [Finding] = []
        for group in byOffice(context.dossier) where Set(group.map(\.person)).count > 1 {
            for (a, b) in zip(group, group.dropFirst()) where a.person != b.person {
                guard let left = context.span(a).end?.latest, let arrived = b.start?.earliest else { continue }
                let days = arrived.daysSinceEpoch - left.daysSinceEpoch
                if days > context.gapDays {
                    found.append(
                        finding(
                            "'\(a.office)' stands empty for \(days / 365 > 0 ? "over \(days / 365) year\(days / 365 == 1 ? "" : "s")" : "\(days) days") between '\(a.id)' and '\(b.id)'; a holder may be missing",
                            at: b.location, ["tenure \(a.id)", "tenure \(b.id)"]))
                }
            }
        }
        return found
    }
}
