import CursusCore

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
