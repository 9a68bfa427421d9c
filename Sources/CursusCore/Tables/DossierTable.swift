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

    /// The table's columns: each field's, in the order of `Person.fields` and the others, except
    /// that a tenure's sources follow its successor (where the first tables put them).
    public var columns: [String] {
        switch self {
        case .tenures: return Self.tenureOrder.flatMap(\.columns)
        case .events: return Event.fields.fields.flatMap(\.columns)
        case .people: return Person.fields.fields.flatMap(\.columns)
        case .sources: return Source.fields.fields.flatMap(\.columns)
        }
    }

    static let tenureOrder: [Field<Tenure>] = {
        var fields = Tenure.fields.fields
        let sources = fields.remove(at: fields.firstIndex { $0.key == "sources" }!)
        fields.insert(sources, at: fields.firstIndex { $0.key == "successor" }! + 1)
        return fields
    }()

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
    public func forEachRow(of dossier: Dossier, dates: DateWriter = .standard, _ body: ([TableCell]) throws -> Void) rethrows {
        let rows = rows(of: dossier, dates: dates)
        for index in 0..<rows.count { try body(rows[index]) }
    }

    /// The table's rows by index, in the table's order, each made when asked for: rows can be
    /// made on several cores at once and written in order.
    public func rows(of dossier: Dossier, dates: DateWriter = .standard) -> Rows {
        switch self {
        case .tenures: return Rows(table: self, dossier: dossier, order: dossier.chronologicalTenureOrder, dates: dates)
        case .events: return Rows(table: self, dossier: dossier, order: dossier.chronologicalEventOrder, dates: dates)
        case .people, .sources: return Rows(table: self, dossier: dossier, order: nil, dates: dates)
        }
    }

    /// A table's rows by index (see `rows(of:dates:)`).
    public struct Rows: Sendable {
        let table: DossierTable
        let dossier: Dossier
        /// Record indices in the table's order; nil: the dossier's order.
        let order: [Int]?
        let dates: DateWriter

        /// How many rows there are.
        public var count: Int { table.rowCount(in: dossier) }

        /// Row `index`, in the table's order.
        public subscript(index: Int) -> [TableCell] {
            let record = order?[index] ?? index
            switch table {
            case .tenures: return DossierTable.row(dossier.tenures[record], dates: dates)
            case .events: return DossierTable.row(dossier.events[record])
            case .people: return DossierTable.row(dossier.people[record])
            case .sources: return DossierTable.row(dossier.sources[record])
            }
        }
    }

    static func row(_ tenure: Tenure, dates: DateWriter = .standard) -> [TableCell] {
        Tenure.fields.cells(tenure, order: tenureOrder, dates: dates)
    }
    static func row(_ event: Event) -> [TableCell] { Event.fields.cells(event, order: Event.fields.fields) }
    static func row(_ person: Person) -> [TableCell] { Person.fields.cells(person, order: Person.fields.fields) }
    static func row(_ source: Source) -> [TableCell] { Source.fields.cells(source, order: Source.fields.fields) }
}

extension TableCell {
    /// Text, or an empty cell for none.
    static func text(orEmpty value: String?) -> TableCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    /// A list (as it reads too, unless `reading` says otherwise), or an empty cell for none.
    static func items(_ values: [String], reading: @autoclosure () -> [String]? = nil) -> TableCell {
        values.isEmpty ? .empty : .list(values, reading: reading() ?? values)
    }

    /// The EDTF text as written, then its earliest and latest day.
    static func dateCells(_ date: EDTF?) -> [TableCell] {
        guard let date else { return [.empty, .empty, .empty] }
        let precision = date.precision
        return [
            .text(date.text),
            date.earliest.map { .day($0, precision) } ?? .empty,
            date.latest.map { .day($0, precision) } ?? .empty,
        ]
    }
}
