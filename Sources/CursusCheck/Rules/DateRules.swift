import CursusCore

/// `end-before-start`: a post that ends before it begins, by its dates or by a date another
/// source gives (its own dates are refused by `cursus validate`).
struct EndBeforeStart: Rule {
    let id = "end-before-start"
    let explanation = "a post whose end (or another source's end) comes before its start"
    let severity = Diagnostic.Severity.error

    func findings(in context: CheckContext) -> [Finding] {
        context.dossier.tenures.flatMap { tenure -> [Finding] in
            let starts =
                [tenure.start].compactMap { $0 } + tenure.disputed.filter { $0.field == "start" }.compactMap { try? EDTF($0.value) }
            let ends = [tenure.end].compactMap { $0 } + tenure.disputed.filter { $0.field == "end" }.compactMap { try? EDTF($0.value) }
            var found: [Finding] = []
            for start in starts {
                for end in ends where Tenure.endsBeforeStart(start, end) {
                    found.append(
                        finding(
                            "'\(tenure.id)' ends (\(end.text)) before it starts (\(start.text)); one of the dates is wrong",
                            at: tenure.location,
                            ["tenure \(tenure.id)"]))
                }
            }
            return found
        }
    }
}

/// `milestone-outside`: a milestone dated outside its post's span.
struct MilestoneOutside: Rule {
    let id = "milestone-outside"
    let explanation = "a milestone dated before its post began or after it ended"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        context.dossier.tenures.flatMap { tenure -> [Finding] in
            let span = context.span(tenure)
            return tenure.milestones.compactMap { milestone -> Finding? in
                guard let day = milestone.date.latest, let earliest = milestone.date.earliest else { return nil }
                if let start = span.start?.earliest, day < start {
                    return finding(
                        "the milestone '\(milestone.title)' (\(milestone.date.text)) comes before '\(tenure.id)' starts (\(tenure.start!.text))",
                        at: tenure.location, ["tenure \(tenure.id)"])
                }
                if let end = span.end?.latest, end < earliest, !tenure.ongoing {
                    return finding(
                        "the milestone '\(milestone.title)' (\(milestone.date.text)) comes after '\(tenure.id)' ends (\(tenure.end!.text))",
                        at: tenure.location, ["tenure \(tenure.id)"])
                }
                return nil
            }
        }
    }
}

/// `event-outside-life` and `tenure-outside-life`: a fact dated before its person's birth or
/// after their death.
struct OutsideLife: Rule {
    let id = "outside-life"
    var ids: [String] { ["event-outside-life", "tenure-outside-life"] }
    let explanation = "an event or a post dated before the person was born or after they died"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        let people = context.people
        var found: [Finding] = []
        func check(
            _ person: Person, from earliest: CalendarDay?, to latest: CalendarDay?, what: String, at location: SourceLocation?, rule: String
        ) {
            if let born = person.born?.earliest, let latest, latest < born {
                found.append(
                    finding("\(what) is dated before \(person.name) was born (\(person.born!.text))", at: location, [what], rule: rule))
            }
            if let died = person.died?.latest, let earliest, died < earliest {
                found.append(finding("\(what) is dated after \(person.name) died (\(person.died!.text))", at: location, [what], rule: rule))
            }
        }
        for tenure in context.dossier.tenures {
            guard let person = people[tenure.person] else { continue }
            check(
                person, from: tenure.start?.earliest, to: tenure.start?.latest, what: "tenure '\(tenure.id)'", at: tenure.location,
                rule: "tenure-outside-life")
        }
        for event in context.dossier.events {
            for id in event.people {
                guard let person = people[id] else { continue }
                check(
                    person, from: event.date.earliest, to: event.date.latest, what: "event '\(event.id)'", at: event.location,
                    rule: "event-outside-life")
            }
        }
        return found
    }
}

/// `ongoing-after-death`: a post held "to this day" by someone who has died.
struct OngoingAfterDeath: Rule {
    let id = "ongoing-after-death"
    let explanation = "a post marked ongoing whose holder has died"
    let severity = Diagnostic.Severity.error

    func findings(in context: CheckContext) -> [Finding] {
        let people = context.people
        return context.dossier.tenures.compactMap { tenure in
            guard tenure.ongoing, let person = people[tenure.person], let died = person.died else { return nil }
            return finding(
                "'\(tenure.id)' is ongoing, but \(person.name) died (\(died.text)); give the post its end", at: tenure.location,
                ["tenure \(tenure.id)", "person \(person.id)"])
        }
    }
}

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

/// `as-of-before-data`: the day "present" means comes before the last date in the dossier.
struct AsOfBeforeData: Rule {
    let id = "as-of-before-data"
    let explanation = "the manifest's as_of is before the latest date in the dossier"
    let severity = Diagnostic.Severity.warning

    func findings(in context: CheckContext) -> [Finding] {
        var latest: (day: CalendarDay, what: String, location: SourceLocation?)?
        func consider(_ date: EDTF?, _ what: String, _ location: SourceLocation?) {
            guard let day = date?.earliest, latest.map({ $0.day < day }) ?? true else { return }
            latest = (day, what, location)
        }
        for tenure in context.dossier.tenures {
            consider(tenure.start, "tenure '\(tenure.id)'", tenure.location)
            consider(tenure.end, "tenure '\(tenure.id)'", tenure.location)
        }
        for event in context.dossier.events { consider(event.date, "event '\(event.id)'", event.location) }
        guard let latest, context.asOf < latest.day else { return [] }
        return [
            finding(
                "as_of (\(context.asOf.iso)) is before \(latest.what) (\(latest.day.iso)); 'present' would end before the data does",
                at: latest.location, [latest.what])
        ]
    }
}
