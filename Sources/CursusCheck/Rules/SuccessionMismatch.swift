import CursusCore
import Foundation

/// `predecessor-mismatch` and `successor-mismatch`: A names B as successor, but B's tenure of
/// the same office names someone else as predecessor (or the reverse), or starts far from A's end.
struct SuccessionMismatch: Rule {
    let id = "succession-mismatch"
    var ids: [String] { ["predecessor-mismatch", "successor-mismatch"] }
    let explanation = "a successor or predecessor that the other holder's record contradicts"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        let names = Dictionary(
            context.dossier.people.map { ($0.id, TextMatch.normalized($0.name)) }, uniquingKeysWith: { first, _ in first })
        func holder(_ tenure: Tenure) -> String { names[tenure.person] ?? TextMatch.normalized(tenure.person) }
        // A successor or predecessor may be written as a name or as the person's id.
        func holds(_ tenure: Tenure, _ named: String) -> Bool { holder(tenure) == named || TextMatch.normalized(tenure.person) == named }
        var found: [Finding] = []
        for group in byOffice(context.dossier) {
            for a in group {
                if let successor = a.successor.map(TextMatch.normalized), let b = group.first(where: { holds($0, successor) }) {
                    if let named = b.predecessor.map(TextMatch.normalized), !holds(a, named) {
                        found.append(
                            finding(
                                "'\(a.id)' names \(a.successor!) as successor, but '\(b.id)' names \(b.predecessor!) as predecessor",
                                at: b.location, ["tenure \(a.id)", "tenure \(b.id)"], rule: "predecessor-mismatch"))
                    } else if let left = context.span(a).end?.latest, let arrived = b.start?.earliest,
                        abs(arrived.daysSinceEpoch - left.daysSinceEpoch) > context.gapDays
                    {
                        found.append(
                            finding(
                                "'\(a.id)' names \(a.successor!) as successor, but '\(b.id)' starts (\(b.start!.text)) far from its end",
                                at: b.location, ["tenure \(a.id)", "tenure \(b.id)"], rule: "successor-mismatch"))
                    }
                }
                if let predecessor = a.predecessor.map(TextMatch.normalized), let b = group.first(where: { holds($0, predecessor) }),
                    let named = b.successor.map(TextMatch.normalized), !holds(a, named)
                {
                    found.append(
                        finding(
                            "'\(a.id)' names \(a.predecessor!) as predecessor, but '\(b.id)' names \(b.successor!) as successor",
                            at: a.location, ["tenure \(a.id)", "tenure \(b.id)"], rule: "successor-mismatch"))
                }
            }
        }
        return found
    }
}
