import CursusCore

/// `missing-dates`: a post with no start, or with no end while not ongoing.
struct MissingDates: Rule {
    let id = "missing-dates"
    let explanation = "a post with no start, or no end and not ongoing"
    let severity = Diagnostic.Severity.note

    func findings(in context: CheckContext) -> [Finding] {
        context.dossier.tenures.compactMap { tenure in
            let missing = [tenure.start == nil ? "start" : nil, tenure.end == nil && !tenure.ongoing ? "end" : nil].compactMap { $0 }
            guard !missing.isEmpty else { return nil }
            return finding(
                "'\(tenure.id)' has no \(missing.joined(separator: " and "))\(missing.contains("end") ? " and is not ongoing" : "")",
                at: tenure.location, ["tenure \(tenure.id)"])
        }
    }
}
