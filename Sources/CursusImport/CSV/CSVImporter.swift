import Foundation
import CursusCore

/// Imports a table: one Cursus CSV file (tenures, events, people or sources, told apart by their
/// columns) read back losslessly, or any table whose columns `--map` names.
public enum CSVImporter {
    /// `start=From,end=To` as field → column heading.
    public static func mapping(_ text: String?) throws -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        var mapping: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CursusError(.data, Diagnostic(.error, "--map takes field=Column pairs separated by commas, e.g. start=From,office=Post; '\(pair)' is not one"))
            }
            mapping[parts[0]] = parts[1]
        }
        return mapping
    }

    public static func `import`(_ file: InputFile, mapping: [String: String]) throws -> ImportResult {
        var warnings = ImportWarnings(file: file, scope: "csv")
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(file.text, delimiter: CSVReader.delimiter(of: file.text))
        } catch {
            throw warnings.error(error.message, line: error.line)
        }
        guard let header = records.first else { throw warnings.error("the table is empty", line: 1) }
        // Column index by field name: mapped headings first, then Cursus's own names.
        var columns: [String: Int] = [:]
        for (index, heading) in header.fields.enumerated() {
            let name = heading.trimmingCharacters(in: .whitespaces)
            if let field = mapping.first(where: { $0.value == name })?.key {
                columns[field] = index
            } else if columns[name] == nil {
                columns[name] = index
            }
        }
        for (field, heading) in mapping.sorted(by: { $0.key < $1.key }) where columns[field] == nil || header.fields[columns[field]!] != heading {
            throw warnings.error("--map names the column '\(heading)' for '\(field)', but the table has no such column; it has \(header.fields.joined(separator: ", "))", line: 1)
        }
        guard let table = table(for: Set(columns.keys)) else {
            throw warnings.error("cannot tell which table this is: a tenures table has 'office', events 'date' and 'title', people 'name', sources 'title'; name the columns with --map", line: 1)
        }
        let known = Set(table.columns)
        for (index, heading) in header.fields.enumerated() where !known.contains(columns.first { $0.value == index }?.key ?? heading) {
            warnings.warn("column '\(heading)' is not a \(table.recordName) field; its values are left out", line: 1)
        }
        var reader = RowReader(table: table, columns: columns, warnings: warnings)
        let dossier = reader.read(records.dropFirst())
        return ImportResult(dossier: dossier, warnings: reader.warnings.diagnostics)
    }

    static func table(for fields: Set<String>) -> DossierTable? {
        if fields.contains("office") { return .tenures }
        if fields.contains("date") && fields.contains("title") { return .events }
        if fields.contains("name") { return .people }
        if fields.contains("title") { return .sources }
        return nil
    }
}

/// Turns rows into records, keeping everything Cursus wrote (neutralised formulas restored,
/// lists split), and adding people and sources that rows name but the table does not hold.
struct RowReader {
    let table: DossierTable
    let columns: [String: Int]
    var warnings: ImportWarnings
    var ids = IDMaker()

    mutating func read(_ rows: ArraySlice<CSVReader.Record>) -> Dossier {
        var dossier = Dossier()
        let columns = self.columns
        for row in rows {
            let cell = { (name: String) -> String? in
                guard let index = columns[name], index < row.fields.count else { return nil }
                let value = Self.restore(row.fields[index])
                return value.isEmpty ? nil : value
            }
            switch table {
            case .tenures: if let tenure = tenure(cell, line: row.line) { dossier.tenures.append(tenure) }
            case .events: if let event = event(cell, line: row.line) { dossier.events.append(event) }
            case .people: if let person = person(cell, line: row.line) { dossier.people.append(person) }
            case .sources: if let source = source(cell, line: row.line) { dossier.sources.append(source) }
            }
        }
        addPlaceholders(to: &dossier)
        return dossier
    }

    /// Undoes Cursus's formula neutralising: a `'` put before `= + - @`, tab or CR.
    static func restore(_ value: String) -> String {
        guard value.hasPrefix("'"), let next = value.dropFirst().first, "=+-@\t\r".contains(next) else { return value }
        return String(value.dropFirst())
    }

    static func list(_ value: String?) -> [String] {
        value.map(DossierTable.splitList) ?? []
    }

    private mutating func date(_ value: String?, field: String, line: Int) -> EDTF? {
        guard let value else { return nil }
        do {
            return try EDTF(value)
        } catch {
            warnings.warn("'\(field)' is not an EDTF date ('\(value)': \(error.message)); left out", line: line)
            return nil
        }
    }

    private mutating func id(_ value: String?, from name: String, line: Int) -> String {
        if let value, !value.contains(where: \.isWhitespace) { return ids.make(value) == value ? value : ids.make(value) }
        let made = ids.make(name)
        warnings.warn("row has no usable id; using '\(made)'", line: line)
        return made
    }

    private mutating func tenure(_ cell: (String) -> String?, line: Int) -> Tenure? {
        guard let office = cell("office") else {
            warnings.warn("a tenure row without an office is left out", line: line)
            return nil
        }
        var ongoing = false
        if let text = cell("ongoing") {
            switch text.lowercased() {
            case "true", "yes", "1": ongoing = true
            case "false", "no", "0": ongoing = false
            default: warnings.warn("'ongoing' should be true or false, found '\(text)'; taken as false", line: line)
            }
        }
        let milestones = Self.list(cell("milestones")).compactMap { item -> Milestone? in
            let parts = item.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let date = try? EDTF(parts[0]) else {
                warnings.warn("milestone '\(item)' does not start with an EDTF date; left out", line: line)
                return nil
            }
            return Milestone(date: date, title: parts[1])
        }
        return Tenure(
            id: id(cell("id"), from: office, line: line), person: cell("person") ?? "person", office: office, role: cell("role"),
            organization: cell("organization"), place: cell("place"), country: cell("country"), category: cell("category"),
            start: date(cell("start"), field: "start", line: line), end: ongoing ? nil : date(cell("end"), field: "end", line: line),
            ongoing: ongoing, predecessor: cell("predecessor"), successor: cell("successor"),
            appointedBy: Self.list(cell("appointed_by")), servedUnder: Self.list(cell("served_under")),
            alongside: Self.list(cell("alongside")), milestones: milestones, notes: cell("notes"), sources: Self.list(cell("sources")))
    }

    private mutating func event(_ cell: (String) -> String?, line: Int) -> Event? {
        guard let title = cell("title"), let date = date(cell("date"), field: "date", line: line) else {
            warnings.warn("an event row needs a date and a title; left out", line: line)
            return nil
        }
        return Event(
            id: id(cell("id"), from: title, line: line), date: date, title: title, description: cell("description"),
            people: Self.list(cell("people")), category: cell("category"), tenure: cell("tenure"), sources: Self.list(cell("sources")))
    }

    private mutating func person(_ cell: (String) -> String?, line: Int) -> Person? {
        guard let name = cell("name") else {
            warnings.warn("a person row without a name is left out", line: line)
            return nil
        }
        let attributes = Self.list(cell("attributes")).map { item -> (key: String, value: String) in
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 ? (parts[0], parts[1]) : ("note", item)
        }
        return Person(
            id: id(cell("id"), from: name, line: line), name: name, nativeName: cell("native_name"), nativeLanguage: cell("native_language"),
            born: date(cell("born"), field: "born", line: line), died: date(cell("died"), field: "died", line: line),
            birthPlace: cell("birth_place"), deathPlace: cell("death_place"), nationality: cell("nationality"),
            attributes: attributes, notes: cell("notes"), sources: Self.list(cell("sources")))
    }

    private mutating func source(_ cell: (String) -> String?, line: Int) -> Source? {
        guard let title = cell("title") else {
            warnings.warn("a source row without a title is left out", line: line)
            return nil
        }
        return Source(
            id: id(cell("id"), from: title, line: line), title: title, kind: cell("kind"), author: cell("author"),
            publisher: cell("publisher"), url: cell("url"), published: date(cell("published"), field: "published", line: line),
            accessed: date(cell("accessed"), field: "accessed", line: line), quote: cell("quote"))
    }

    /// People and sources that rows name but this table does not describe, added by id so the
    /// dossier validates; a warning says so once for each.
    private mutating func addPlaceholders(to dossier: inout Dossier) {
        var people = Set(dossier.people.map(\.id))
        for id in dossier.tenures.map(\.person) + dossier.events.flatMap(\.people) where !people.contains(id) {
            people.insert(id)
            dossier.people.append(Person(id: id, name: id))
            warnings.warn("person '\(id)' is named but not described here; added with the id as the name", line: nil)
        }
        var sources = Set(dossier.sources.map(\.id))
        let cited = dossier.tenures.flatMap(\.sources) + dossier.events.flatMap(\.sources) + dossier.people.flatMap(\.sources)
        for id in cited where !sources.contains(id) {
            sources.insert(id)
            dossier.sources.append(Source(id: id, title: id))
            warnings.warn("source '\(id)' is cited but not described here; added with the id as the title", line: nil)
        }
        let tenureIDs = Set(dossier.tenures.map(\.id))
        for index in dossier.events.indices where dossier.events[index].tenure.map({ !tenureIDs.contains($0) }) ?? false {
            warnings.warn("event '\(dossier.events[index].id)' names tenure '\(dossier.events[index].tenure!)', which this table does not hold; the link is left out", line: nil)
            dossier.events[index].tenure = nil
        }
    }
}
