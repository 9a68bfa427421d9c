import CursusCore

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
