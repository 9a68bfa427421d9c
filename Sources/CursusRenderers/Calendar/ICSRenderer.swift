import CursusCore

/// The career as an iCalendar file (RFC 5545): each post's start and end, each milestone and
/// each event an all-day event; a date known only to its month, season or year spans that
/// period, and says so. UIDs come from the records' ids, DTSTAMP from `as_of`, so the same
/// dossier gives the same bytes.
public struct ICSRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// Writes `.ics`; takes no options.
    public let descriptor = RendererDescriptor(
        name: "ics",
        summary: "An iCalendar file (RFC 5545): posts' starts and ends, milestones and events as all-day events",
        fileExtensions: ["ics"],
        options: [])

    /// One calendar entry: when, what, and its stable id.
    struct Entry {
        var uid: String
        var date: EDTF
        var summary: String
        var description: String?
        var category: String?
    }

    /// Writes the calendar, entries in date order.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let dossier = request.dossier
        let names = Dictionary(dossier.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let several = dossier.people.count > 1
        let words = request.presentation
        var entries: [Entry] = []
        for tenure in dossier.chronologicalTenures {
            let who = several ? names[tenure.person].map { "\($0): " } ?? "" : ""
            if let start = tenure.start {
                entries.append(
                    Entry(
                        uid: "tenure-\(tenure.id)-start", date: start, summary: who + words.text("text.starts", ["office": tenure.office]),
                        category: tenure.category))
            }
            for (index, milestone) in tenure.milestones.enumerated() {
                entries.append(
                    Entry(
                        uid: "tenure-\(tenure.id)-milestone-\(index + 1)", date: milestone.date, summary: who + milestone.title,
                        description: milestone.description, category: tenure.category))
            }
            if let end = tenure.end {
                entries.append(
                    Entry(
                        uid: "tenure-\(tenure.id)-end", date: end, summary: who + words.text("text.leaves", ["office": tenure.office]),
                        category: tenure.category))
            }
        }
        for event in dossier.chronologicalEvents {
            entries.append(
                Entry(
                    uid: "event-\(event.id)", date: event.date, summary: event.title, description: event.description,
                    category: event.category))
        }
        let ordered = entries.sortedStably { $0.date.sortKey }

        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cursus//Cursus career dossiers//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        ]
        if let title = request.title { lines.append("X-WR-CALNAME:" + ICS.escaped(title)) }
        let stamp = ICS.day(request.asOf) + "T000000Z"
        var skipped: [String] = []
        for entry in ordered {
            guard let first = entry.date.earliest, let last = entry.date.latest ?? entry.date.earliest,
                (1...9999).contains(first.year), (1...9998).contains(last.year)
            else {
                skipped.append(entry.summary)
                continue
            }
            var description: [String] = []
            if !entry.date.isExactDay || entry.date.latest == nil {
                // A single date says how precisely it is known; a span or a set says itself.
                var known = words.date(entry.date)
                if case .date(let single) = entry.date.value {
                    known = words.text("text.known_to", ["precision": words.dates.precisionName(single.precision), "date": known])
                }
                description.append("\(known) (EDTF \(entry.date.text))")
            }
            if let text = entry.description, !text.isEmpty { description.append(text) }
            lines += [
                "BEGIN:VEVENT", "UID:\(entry.uid)@cursus.invalid", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(ICS.day(first))",
                "DTEND;VALUE=DATE:\(ICS.day(CalendarDay(daysSinceEpoch: last.daysSinceEpoch + 1)))",
                "SUMMARY:" + ICS.escaped(entry.summary),
            ]
            if !description.isEmpty { lines.append("DESCRIPTION:" + ICS.escaped(description.joined(separator: "\n"))) }
            if let category = entry.category { lines.append("CATEGORIES:" + ICS.escaped(category)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        if !skipped.isEmpty {
            request.note(
                "\(skipped.count) entr\(skipped.count == 1 ? "y has" : "ies have") no day iCalendar can hold (an open start, or a year outside 1–9998): left out"
            )
        }
        let writer = try output.textWriter()
        for line in lines { writer.write(ICS.folded(line)) }
        try writer.close()
    }
}

/// iCalendar's text rules: escapes, dates, and lines folded at 75 octets.
enum ICS {
    /// Backslashes, semicolons and commas escaped, line breaks as `\n`; other control
    /// characters have no place in a content line and are left out.
    static func escaped(_ text: String) -> String {
        Escaping.escape(text, replacements) { _ in "" }
    }

    private static let replacements: [Unicode.Scalar: String] = ["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"]

    static func day(_ day: CalendarDay) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// `line` ended by CRLF, folded so that no physical line exceeds 75 octets, never inside a
    /// UTF-8 sequence (RFC 5545 §3.1).
    static func folded(_ line: String) -> String {
        var result = ""
        var count = 0
        var limit = 75
        for character in line {
            let size = character.utf8.count
            if count + size > limit {
                result += "\r\n "
                count = 0
                limit = 74
            }
            result.append(character)
            count += size
        }
        return result + "\r\n"
    }
}
