/// One cell of a dossier table, typed so that each renderer can write it its own way
/// (CSV as text, XLSX as a real date, boolean or hyperlink).
public enum TableCell: Sendable, Hashable {
    case empty
    case text(String)
    /// A calendar day and the precision of the date it bounds (for the number format).
    case day(CalendarDay, EDTFDate.Precision)
    case bool(Bool)
    case url(String)
    /// A list: its `items` as stored (a CSV cell joins them so that they read back exactly) and
    /// the same items as people read them (a workbook shows one a line).
    case list([String], reading: [String])

    /// The cell as people read it: a list becomes its reading items, one a line; other cells stay.
    public var forReading: TableCell {
        guard case .list(_, let reading) = self else { return self }
        return .text(reading.joined(separator: "\n"))
    }

    /// The cell as plain text (ISO days, `true`/`false`, lists joined losslessly).
    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let text), .url(let text): return text
        case .list(let items, _): return DossierTable.joinList(items)
        case .day(let day, _): return day.iso
        case .bool(let value): return value ? "true" : "false"
        }
    }
}

/// The tables Cursus writes (CSV files, XLSX sheets): their columns and rows.
public enum DossierTable: String, Sendable, CaseIterable {
    case tenures, events, people, sources

    /// What one row is: "tenure", "event", "person", "source".
    public var recordName: String {
        switch self {
        case .tenures: return "tenure"
        case .events: return "event"
        case .people: return "person"
        case .sources: return "source"
        }
    }

    /// Separates items of a list inside one cell; a `;` or `\` inside an item is escaped with `\`.
    public static let listSeparator = "; "

    /// Items joined into one cell, so that `splitList` gives them back exactly.
    public static func joinList(_ items: [String]) -> String {
        items.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;") }
            .joined(separator: listSeparator)
    }

    /// The items of a cell written by `joinList`.
    public static func splitList(_ cell: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        var characters = Array(cell)[...]
        while let character = characters.popFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ";" {
                items.append(current)
                current = ""
                if characters.first == " " { characters.removeFirst() }
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.filter { !$0.isEmpty }
    }

    public var columns: [String] {
        switch self {
        case .tenures:
            return ["id", "person", "office", "role", "organization", "place", "country", "category"]
                + Self.dateColumns("start") + Self.dateColumns("end")
                + ["ongoing", "predecessor", "successor", "sources", "appointed_by", "served_under", "alongside", "milestones", "notes"]
        case .events:
            return ["id"] + Self.dateColumns("date") + ["title", "description", "people", "category", "tenure", "sources"]
        case .people:
            return ["id", "name", "native_name", "native_language"] + Self.dateColumns("born") + Self.dateColumns("died")
                + ["birth_place", "death_place", "nationality", "attributes", "notes", "sources"]
        case .sources:
            return ["id", "title", "kind", "author", "publisher", "url"] + Self.dateColumns("published")
                + Self.dateColumns("accessed") + ["quote"]
        }
    }

    /// How many rows the table has for `dossier`.
    public func rowCount(in dossier: Dossier) -> Int {
        switch self {
        case .tenures: return dossier.tenures.count
        case .events: return dossier.events.count
        case .people: return dossier.people.count
        case .sources: return dossier.sources.count
        }
    }

    /// Each row in the table's order (tenures and events chronological, people and sources as in
    /// the dossier), made one at a time so that a table is never held whole.
    public func forEachRow(of dossier: Dossier, _ body: ([TableCell]) throws -> Void) rethrows {
        switch self {
        case .tenures: for index in dossier.chronologicalTenureOrder { try body(Self.row(dossier.tenures[index])) }
        case .events: for index in dossier.chronologicalEventOrder { try body(Self.row(dossier.events[index])) }
        case .people: for person in dossier.people { try body(Self.row(person)) }
        case .sources: for source in dossier.sources { try body(Self.row(source)) }
        }
    }

    static func row(_ tenure: Tenure) -> [TableCell] {
        [
            text(tenure.id), text(tenure.person), text(tenure.office), text(tenure.role), text(tenure.organization),
            text(tenure.place), text(tenure.country), text(tenure.category),
        ] + dateCells(tenure.start) + dateCells(tenure.end) + [
            .bool(tenure.ongoing), text(tenure.predecessor), text(tenure.successor), list(tenure.sources),
            list(tenure.appointedBy), list(tenure.servedUnder), list(tenure.alongside),
            list(tenure.milestones.map { "\($0.date.text) \($0.title)" }, reading: tenure.milestones.map { "\($0.date.display): \($0.title)" }),
            text(tenure.notes),
        ]
    }

    static func row(_ event: Event) -> [TableCell] {
        [text(event.id)] + dateCells(event.date) + [
            text(event.title), text(event.description), list(event.people), text(event.category), text(event.tenure),
            list(event.sources),
        ]
    }

    static func row(_ person: Person) -> [TableCell] {
        [text(person.id), text(person.name), text(person.nativeName), text(person.nativeLanguage)]
            + dateCells(person.born) + dateCells(person.died) + [
                text(person.birthPlace), text(person.deathPlace), text(person.nationality),
                list(person.attributes.map { "\($0.key): \($0.value)" }), text(person.notes), list(person.sources),
            ]
    }

    static func row(_ source: Source) -> [TableCell] {
        [
            text(source.id), text(source.title), text(source.kind), text(source.author), text(source.publisher),
            source.url.map(TableCell.url) ?? .empty,
        ] + dateCells(source.published) + dateCells(source.accessed) + [text(source.quote)]
    }

    private static func dateColumns(_ name: String) -> [String] {
        [name, name + "_earliest", name + "_latest"]
    }

    /// The EDTF text as written, then its earliest and latest day.
    private static func dateCells(_ date: EDTF?) -> [TableCell] {
        guard let date else { return [.empty, .empty, .empty] }
        let precision = date.precision
        return [
            .text(date.text),
            date.earliest.map { .day($0, precision) } ?? .empty,
            date.latest.map { .day($0, precision) } ?? .empty,
        ]
    }

    private static func text(_ value: String?) -> TableCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    private static func list(_ values: [String], reading: @autoclosure () -> [String]? = nil) -> TableCell {
        values.isEmpty ? .empty : .list(values, reading: reading() ?? values)
    }
}
