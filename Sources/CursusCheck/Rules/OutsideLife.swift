import CursusCore

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
