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
