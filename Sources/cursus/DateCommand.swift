import ArgumentParser
import CursusCore

struct DateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "date",
        abstract: "Explain EDTF dates: canonical form, precision, earliest and latest day, display form.",
        discussion: "Exit 0 when every date is valid, 65 when any is not.")

    @Flag(name: .long, help: "One JSON object per date: input, valid, edtf, level, earliest, latest, precision, display (or error).")
    var json = false

    @Argument(
        parsing: .allUnrecognized,
        help: "EDTF dates such as 2008-07-26, 2016-23, 2004~, 201X, 1981/1985, -0044-03-15 ('--' ends the options: cursus date -- -1985).")
    var arguments: [String]

    /// The dates given: `--` ends the options, and is not a date.
    var dates: [String] {
        guard let end = arguments.firstIndex(of: "--") else { return arguments }
        return Array(arguments[..<end] + arguments[(end + 1)...])
    }

    func validate() throws {
        if dates.isEmpty { throw ValidationError("give at least one date, e.g. 'cursus date 2016-23'") }
    }

    func run() throws {
        try Console.run {
            var bag = DiagnosticBag()
            for (index, text) in dates.enumerated() {
                do throws(EDTFError) {
                    let date = try EDTF(text)
                    print(json ? Self.json(date) : Self.line(date))
                } catch {
                    let location = SourceLocation(file: "argument \(index + 1)", line: 1, column: error.offset + 1)
                    let problem = Diagnostic(.error, "invalid date '\(text)': \(error.message)", at: location, sourceLine: text)
                    if json {
                        print(
                            JSONText.object([("input", JSONText.quote(text)), ("valid", "false"), ("error", JSONText.quote(error.message))])
                        )
                    }
                    bag.append(problem)
                }
            }
            // With --json the answer is on standard output; the exit status still says "invalid".
            if json && bag.hasErrors { throw CursusError(.data, [Diagnostic]()) }
            try bag.throwIfErrors()
        }
    }

    static func json(_ date: EDTF) -> String {
        JSONText.object([
            ("input", JSONText.quote(date.text)), ("valid", "true"), ("edtf", JSONText.quote(date.edtf)), ("level", String(date.level)),
            ("earliest", JSONText.optional(date.earliest?.iso)), ("latest", JSONText.optional(date.latest?.iso)),
            ("precision", JSONText.quote(date.precisionName)), ("display", JSONText.quote(date.display)),
        ])
    }

    static func line(_ date: EDTF) -> String {
        let span = "\(date.earliest?.iso ?? "..") to \(date.latest?.iso ?? "..")"
        return "\(date.text)\t\(date.display)\t\(date.precisionName)\t\(span)\tcanonical \(date.edtf)"
    }
}
