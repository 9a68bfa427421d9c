import CursusCore

/// `duplicate-event`: two events on the same date with nearly the same title.
struct DuplicateEvent: Rule {
    let id = "duplicate-event"
    let explanation = "two events on the same date with nearly the same title"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        let events = context.dossier.events
        var found: [Finding] = []
        for (index, a) in events.enumerated() {
            let wordsA = Set(normalized(a.title).split(separator: " "))
            for b in events[(index + 1)...] where a.date.text == b.date.text {
                let wordsB = Set(normalized(b.title).split(separator: " "))
                let union = wordsA.union(wordsB).count
                if union > 0, Double(wordsA.intersection(wordsB).count) / Double(union) >= 0.6 {
                    found.append(
                        finding(
                            "'\(a.id)' and '\(b.id)' look like one event (\(a.date.text))", at: b.location,
                            ["event \(a.id)", "event \(b.id)"]))
                }
            }
        }
        return found
    }
}
