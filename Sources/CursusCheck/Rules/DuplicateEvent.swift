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
            for b in events[(index + 1)...] where a.date.text == b.date.text {
                if TextMatch.similarTitles(a.title, b.title) {
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
