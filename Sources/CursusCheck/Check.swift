import CursusCore

/// One finding of a rule: what is wrong, where, and which records it concerns.
public struct Finding: Sendable {
    /// The rule's id: `overlap`, `uncited` …
    public var rule: String
    /// What is wrong, in a sentence.
    public var message: String
    /// Where the first record involved stands.
    public var location: SourceLocation?
    /// The ids of the records involved ("tenure us-ambassador").
    public var records: [String]
}

/// What rules look at: the merged dossier, the day "present" means, and quick ways to the
/// records' spans.
public struct CheckContext: Sendable {
    /// The merged dossier.
    public let dossier: Dossier
    /// The day "present" means: ongoing posts run to it.
    public let asOf: CalendarDay
    /// The longest gap between successive holders of an office that is not reported, in days.
    public var gapDays = 366

    /// A context for `dossier`, with ongoing posts held to `asOf`.
    public init(dossier: Dossier, asOf: CalendarDay) {
        self.dossier = dossier
        self.asOf = asOf
    }

    /// The days a tenure may have begun and ended: its start's and end's bounds, an ongoing end
    /// at `asOf`; nil ends when unknown.
    func span(_ tenure: Tenure) -> Span {
        let end = tenure.ongoing ? DateBounds(earliest: asOf, latest: asOf) : tenure.end.map(DateBounds.init)
        return Span(start: tenure.start.map(DateBounds.init), end: end)
    }

    /// The people by id.
    var people: [String: Person] { Dictionary(dossier.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
}

/// The earliest and latest day a date may mean.
struct DateBounds: Sendable {
    var earliest: CalendarDay?
    var latest: CalendarDay?

    init(earliest: CalendarDay?, latest: CalendarDay?) {
        self.earliest = earliest
        self.latest = latest
    }

    init(_ date: EDTF) { self.init(earliest: date.earliest, latest: date.latest) }
}

/// A post's time: when it may have begun and ended.
struct Span: Sendable {
    var start: DateBounds?
    var end: DateBounds?

    /// How two spans relate: surely sharing days, perhaps (the dates' precision cannot tell), or not.
    enum Overlap { case certain, possible, none }

    func overlap(_ other: Span) -> Overlap {
        guard let aStart = start, let aEnd = end, let bStart = other.start, let bEnd = other.end else { return .none }
        // Certain: each surely begins before the other surely ends.
        if let a = aStart.latest, let b = bEnd.earliest, let c = bStart.latest, let d = aEnd.earliest, a < b, c < d { return .certain }
        if let a = aStart.earliest, let b = bEnd.latest, let c = bStart.earliest, let d = aEnd.latest, a < b, c < d { return .possible }
        return .none
    }
}

/// A check of a dossier: an id, what it looks for in a line, how bad its findings are unless a
/// manifest says otherwise, and the check itself.
public protocol Rule: Sendable {
    /// The rule's id, as `checks:` in a manifest names it.
    var id: String { get }
    /// The ids of the findings it gives: its own, or several for a rule of two kinds.
    var ids: [String] { get }
    /// What it looks for, in a line.
    var explanation: String { get }
    /// How bad its findings are, unless a manifest says otherwise.
    var severity: Diagnostic.Severity { get }
    /// What it finds in `context`.
    func findings(in context: CheckContext) -> [Finding]
}

/// The rules `cursus check` runs, in the order their findings are listed.
public enum Rules {
    /// Every rule.
    public static let all: [any Rule] = [
        EndBeforeStart(), MilestoneOutside(), OutsideLife(), OngoingAfterDeath(), SamePostOverlap(), SuccessionOverlap(),
        SuccessionGap(), SuccessionMismatch(), MissingDates(), Uncited(), UnusedSource(), DuplicateEvent(), Disputed(), AsOfBeforeData(),
    ]

    /// Runs every rule over `context`, with the severities in `overrides` (rule id → severity,
    /// nil to turn the rule off), as diagnostics in the usual form, the rule in brackets.
    public static func run(_ context: CheckContext, overrides: [String: Diagnostic.Severity?] = [:], lines: (SourceLocation) -> String?)
        -> [(finding: Finding, diagnostic: Diagnostic)]
    {
        var results: [(Finding, Diagnostic)] = []
        for rule in all {
            for finding in rule.findings(in: context) {
                // A manifest may turn one kind of finding off (nil) or change its severity.
                let chosen = overrides[finding.rule] ?? rule.severity
                guard let severity = chosen else { continue }
                results.append(
                    (
                        finding,
                        Diagnostic(
                            severity, finding.message, at: finding.location, scope: finding.rule,
                            sourceLine: finding.location.flatMap(lines))
                    ))
            }
        }
        return results
    }

    /// The rule ids, for messages and `checks:` in a manifest.
    public static var ids: [String] { all.flatMap(\.ids) }
}

extension Rule {
    /// The ids of the findings this rule gives (one, or several for a rule of two kinds).
    public var ids: [String] { [id] }

    func finding(_ message: String, at location: SourceLocation?, _ records: [String], rule: String? = nil) -> Finding {
        Finding(rule: rule ?? id, message: message, location: location, records: records)
    }
}
