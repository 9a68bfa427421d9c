import CursusCore

/// `uncited`: a fact with no source.
struct Uncited: Rule {
    let id = "uncited"
    let explanation = "a post, milestone or event that cites no source"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        var found: [Finding] = []
        for tenure in context.dossier.tenures {
            if tenure.sources.isEmpty {
                found.append(finding("'\(tenure.id)' cites no source", at: tenure.location, ["tenure \(tenure.id)"]))
            }
            for milestone in tenure.milestones where milestone.sources.isEmpty && tenure.sources.isEmpty {
                found.append(
                    finding(
                        "the milestone '\(milestone.title)' of '\(tenure.id)' cites no source", at: tenure.location, ["tenure \(tenure.id)"]
                    ))
            }
        }
        for event in context.dossier.events where event.sources.isEmpty {
            found.append(finding("'\(event.id)' cites no source", at: event.location, ["event \(event.id)"]))
        }
        return found
    }
}

/// `unused-source`: a source nothing cites.
struct UnusedSource: Rule {
    let id = "unused-source"
    let explanation = "a source that no fact cites"
    let severity = Diagnostic.Severity.note

    func findings(in context: CheckContext) -> [Finding] {
        let dossier = context.dossier
        var cited = Set(dossier.people.flatMap(\.sources).map(\.source))
        for tenure in dossier.tenures {
            cited.formUnion(tenure.sources.map(\.source))
            for milestone in tenure.milestones { cited.formUnion(milestone.sources.map(\.source)) }
            cited.formUnion(tenure.disputed.flatMap(\.sources).map(\.source))
        }
        for event in dossier.events { cited.formUnion((event.sources + event.disputed.flatMap(\.sources)).map(\.source)) }
        cited.formUnion(dossier.people.flatMap(\.disputed).flatMap(\.sources).map(\.source))
        return dossier.sources.filter { !cited.contains($0.id) }.map { source in
            finding("the source '\(source.id)' is cited by nothing", at: source.location, ["source \(source.id)"])
        }
    }
}

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
