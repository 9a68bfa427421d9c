import CursusCore

/// `disputed`: another source gives another value (for information: the dossier keeps both).
struct Disputed: Rule {
    let id = "disputed"
    let explanation = "a value another source disputes (kept beside the one preferred)"
    let severity = Diagnostic.Severity.note

    func findings(in context: CheckContext) -> [Finding] {
        let dossier = context.dossier
        func report(_ disputes: [Dispute], of what: String, at location: SourceLocation?) -> [Finding] {
            disputes.map { dispute in
                let by = dispute.sources.map(\.source).joined(separator: ", ")
                return finding(
                    "\(what) \(dispute.field): \(dispute.value) according to \(by.isEmpty ? "another source" : by)", at: location, [what])
            }
        }
        return dossier.people.flatMap { report($0.disputed, of: "person '\($0.id)'", at: $0.location) }
            + dossier.tenures.flatMap { tenure in
                report(tenure.disputed, of: "tenure '\(tenure.id)'", at: tenure.location)
                    + tenure.milestones.flatMap {
                        report($0.disputed, of: "milestone '\($0.title)' of '\(tenure.id)'", at: tenure.location)
                    }
            }
            + dossier.events.flatMap { report($0.disputed, of: "event '\($0.id)'", at: $0.location) }
    }
}
