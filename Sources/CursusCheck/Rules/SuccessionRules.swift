import CursusCore
import Foundation

/// Offices compared as people write them: case, accents and spacing aside.
func sameOffice(_ a: String, _ b: String) -> Bool { normalized(a) == normalized(b) }

func normalized(_ text: String) -> String {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
}

/// The tenures grouped by office, each group in date order.
func byOffice(_ dossier: Dossier) -> [[Tenure]] {
    var groups: [String: [Tenure]] = [:]
    var order: [String] = []
    for tenure in dossier.chronologicalTenures {
        let key = normalized(tenure.office)
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(tenure)
    }
    return order.map { groups[$0]! }
}

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

/// `predecessor-mismatch` and `successor-mismatch`: A names B as successor, but B's tenure of
/// the same office names someone else as predecessor (or the reverse), or starts far from A's end.
struct SuccessionMismatch: Rule {
    let id = "succession-mismatch"
    var ids: [String] { ["predecessor-mismatch", "successor-mismatch"] }
    let explanation = "a successor or predecessor that the other holder's record contradicts"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        let names = Dictionary(context.dossier.people.map { ($0.id, normalized($0.name)) }, uniquingKeysWith: { first, _ in first })
        func holder(_ tenure: Tenure) -> String { names[tenure.person] ?? normalized(tenure.person) }
        var found: [Finding] = []
        for group in byOffice(context.dossier) {
            for a in group {
                if let successor = a.successor.map(normalized), let b = group.first(where: { holder($0) == successor }) {
                    if let named = b.predecessor.map(normalized), named != holder(a) {
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
                if let predecessor = a.predecessor.map(normalized), let b = group.first(where: { holder($0) == predecessor }),
                    let named = b.successor.map(normalized), named != holder(a)
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
