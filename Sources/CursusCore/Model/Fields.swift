/// One field of a record type, declared once. The readers (YAML, JSON, JSON Lines, CSV), the
/// writers (YAML, JSON), the table columns and cells (CSV, XLSX), the JSON Schema and the allowed
/// keys all come from these declarations; what is special to a record (who owns a tenure, an
/// ongoing post has no end) is `RecordReader`'s.
public final class Field<Record>: @unchecked Sendable {
    /// What a field holds, which decides how it is read, written, tabulated and described.
    public enum Kind: Sendable, Equatable {
        /// A single word naming the record (unique per kind).
        case id
        case text
        /// A web address: a hyperlink in workbooks and pages, when its scheme allows.
        case url
        /// An EDTF date: one column of text and two of its earliest and latest days in tables.
        case date
        /// Texts (a single text counts as a list of one).
        case list
        /// The id of another record.
        case reference(Reference.Kind)
        /// Ids of other records.
        case references(Reference.Kind)
        case flag
        /// Free `name: value` facts, in order.
        case mapping
        /// The tenure's milestones, each read with `Milestone.fields`.
        case milestones
        /// Citations of sources: ids, or mappings read with `Citation.fields`.
        case citations
        /// Other values of the record's fields, each read with `Dispute.fields`.
        case disputes
    }

    /// Where the value lives in the record (key paths are immutable, hence the unchecked Sendable).
    enum Value {
        case text(WritableKeyPath<Record, String?>)
        case requiredText(WritableKeyPath<Record, String>)
        case date(WritableKeyPath<Record, EDTF?>)
        case requiredDate(WritableKeyPath<Record, EDTF>)
        case list(WritableKeyPath<Record, [String]>)
        case flag(WritableKeyPath<Record, Bool>)
        case mapping(WritableKeyPath<Record, [(key: String, value: String)]>)
        case milestones(WritableKeyPath<Record, [Milestone]>)
        case citations(WritableKeyPath<Record, [Citation]>)
        case disputes(WritableKeyPath<Record, [Dispute]>)
    }

    /// The key in dossier files and the heading of its table column.
    public let key: String
    /// What the field holds.
    public let kind: Kind
    /// A record without it is refused.
    public let required: Bool
    /// What it means, for the JSON Schema (empty when the key says it all).
    public let help: String
    let value: Value

    /// A field; it is required when the model has no place for its absence, unless `required`
    /// says otherwise (a tenure's person, which the dossier's one person stands in for).
    init(_ key: String, _ kind: Kind, _ value: Value, required: Bool? = nil, help: String = "") {
        self.key = key
        self.kind = kind
        self.value = value
        self.help = help
        switch value {
        case .requiredText, .requiredDate: self.required = required ?? true
        default: self.required = required ?? false
        }
    }

    /// The columns the field takes in a table: a date also shows its earliest and latest day.
    public var columns: [String] {
        kind == .date ? [key, key + "_earliest", key + "_latest"] : [key]
    }
}

extension Field {
    static func id(_ path: WritableKeyPath<Record, String>) -> Field { Field("id", .id, .requiredText(path)) }
    static func text(_ key: String, _ path: WritableKeyPath<Record, String?>, help: String = "") -> Field {
        Field(key, .text, .text(path), help: help)
    }
    static func requiredText(_ key: String, _ path: WritableKeyPath<Record, String>, help: String = "") -> Field {
        Field(key, .text, .requiredText(path), help: help)
    }
    static func date(_ key: String, _ path: WritableKeyPath<Record, EDTF?>, help: String = "") -> Field {
        Field(key, .date, .date(path), help: help)
    }
    static func requiredDate(_ key: String, _ path: WritableKeyPath<Record, EDTF>, help: String = "") -> Field {
        Field(key, .date, .requiredDate(path), help: help)
    }
    static func list(_ key: String, _ path: WritableKeyPath<Record, [String]>, help: String = "") -> Field {
        Field(key, .list, .list(path), help: help)
    }
    static func reference(_ key: String, _ target: Reference.Kind, _ path: WritableKeyPath<Record, String?>, help: String = "") -> Field {
        Field(key, .reference(target), .text(path), help: help)
    }
    static func references(_ key: String, _ target: Reference.Kind, _ path: WritableKeyPath<Record, [String]>, help: String = "") -> Field {
        Field(key, .references(target), .list(path), help: help)
    }
    static func ids(_ path: WritableKeyPath<Record, [(key: String, value: String)]>) -> Field {
        Field("ids", .mapping, .mapping(path), help: "Ids in other databases, e.g. wikidata: Q7747; imports match records by them")
    }
    static func disputed(_ path: WritableKeyPath<Record, [Dispute]>) -> Field {
        Field(
            "disputed", .disputes, .disputes(path),
            help: "Other values sources give for its dates and names: {field, value, sources}; the field's own value is the one preferred")
    }
    static func sources(_ path: WritableKeyPath<Record, [Citation]>) -> Field {
        Field(
            "sources", .citations, .citations(path),
            help: "The sources this comes from: ids, or {source, quote, locator} with the passage that states it")
    }
}

/// The fields of a record type, in the order dossier files list them.
public struct FieldTable<Record>: Sendable {
    /// The fields, in the order dossier files list them.
    public let fields: [Field<Record>]
    /// The keys a record may have.
    public let keys: AllowedKeys

    init(_ fields: [Field<Record>]) {
        self.fields = fields
        keys = AllowedKeys(fields.map(\.key))
    }

    /// The field with this key.
    public subscript(key: String) -> Field<Record>? { fields.first { $0.key == key } }
}

extension Person {
    /// Every field of a person.
    public static let fields = FieldTable<Person>([
        .id(\.id),
        .requiredText("name", \.name),
        .text("native_name", \.nativeName, help: "The name in its own script, e.g. Сергей Иванович Кисляк"),
        .text("native_language", \.nativeLanguage, help: "ISO 639 code of the native name's language, e.g. ru"),
        .date("born", \.born),
        .date("died", \.died),
        .text("birth_place", \.birthPlace),
        .text("death_place", \.deathPlace),
        .text("nationality", \.nationality),
        Field("attributes", .mapping, .mapping(\.attributes), help: "Free facts: alma mater, children …"),
        .ids(\.ids),
        .text("notes", \.notes),
        .sources(\.sources),
        .disputed(\.disputed),
    ])
}

extension Tenure {
    /// Every field of a tenure.
    public static let fields = FieldTable<Tenure>([
        .id(\.id),
        Field(
            "person", .reference(.person), .requiredText(\.person), required: false,
            help: "Person id; optional when the dossier has one person"),
        .requiredText("office", \.office, help: "Full title, e.g. Ambassador of Russia to the United States"),
        .text("role", \.role, help: "Short title, e.g. Ambassador"),
        .text("organization", \.organization),
        .text("place", \.place),
        .text("country", \.country),
        .text("category", \.category, help: "Free tag for colours and filters"),
        .date("start", \.start),
        .date("end", \.end),
        Field("ongoing", .flag, .flag(\.ongoing), help: "Held to this day; leave out 'end'"),
        .text("predecessor", \.predecessor),
        .text("successor", \.successor),
        .list("appointed_by", \.appointedBy),
        .list("served_under", \.servedUnder),
        .list("alongside", \.alongside),
        Field(
            "milestones", .milestones, .milestones(\.milestones), help: "Dated steps within the post: appointed, credentials presented …"),
        .ids(\.ids),
        .text("notes", \.notes),
        .sources(\.sources),
        .disputed(\.disputed),
    ])
}

extension Milestone {
    /// What a milestone being read holds until its date is read.
    static let undated = try! EDTF("0000")

    /// Every field of a milestone.
    public static let fields = FieldTable<Milestone>([
        .requiredDate("date", \.date),
        .requiredText("title", \.title),
        .text("description", \.description),
        .sources(\.sources),
        .disputed(\.disputed),
    ])
}

extension Dispute {
    /// What a dispute being read holds until its fields are read.
    static let blank = Dispute(field: "", value: "")

    /// Every field of a dispute.
    public static let fields = FieldTable<Dispute>([
        .requiredText("field", \.field, help: "The key of the field disputed: start, end, office, born, date …"),
        .requiredText("value", \.value, help: "The other value, as the field writes it (EDTF for a date)"),
        .sources(\.sources),
    ])

    /// The dispute as a table's cell shows it to people: `start: 2016-12-18 (europediplomatic)`.
    var reading: String {
        "\(field): \(value)" + (sources.isEmpty ? "" : " (\(sources.map(CitationItem.reading).joined(separator: "; ")))")
    }
}

extension Citation {
    /// Every field of a citation written as a mapping.
    public static let fields = FieldTable<Citation>([
        Field("source", .reference(.source), .requiredText(\.source), help: "The id of the source"),
        .text("quote", \.quote, help: "The passage that states the fact, word for word"),
        .text("locator", \.locator, help: "Where the passage stands: line 12, p. 3, § Diplomatic career"),
    ])

    /// The citation as dossier files write it: the id alone when that is all it holds.
    var encoded: EncodedValue { isPlain ? .string(source) : Citation.fields.encode(self) }
}

extension Event {
    /// Every field of an event.
    public static let fields = FieldTable<Event>([
        .id(\.id),
        .requiredDate("date", \.date, help: "When it happened; may be an interval"),
        .requiredText("title", \.title),
        .text("description", \.description),
        .references("people", .person, \.people, help: "Ids of the people it concerns; default: the dossier's one person"),
        .text("category", \.category),
        .reference("tenure", .tenure, \.tenure, help: "Id of the tenure the event belongs to"),
        .sources(\.sources),
        .disputed(\.disputed),
    ])
}

extension Source {
    /// Every field of a source.
    public static let fields = FieldTable<Source>([
        .id(\.id),
        .requiredText("title", \.title),
        .text("kind", \.kind, help: "news, encyclopedia, book, archive, decree …"),
        .text("author", \.author),
        .text("publisher", \.publisher),
        Field("url", .url, .text(\.url)),
        .date("published", \.published),
        .date("accessed", \.accessed),
        .text("quote", \.quote),
    ])
}

// MARK: - Reading, writing, describing

extension FieldTable {
    /// Reads the record's fields from `reader` into `record` (whose other fields stay as they
    /// are), reporting every problem at its place; false when a required field is missing or
    /// unusable. Milestones are read by `milestones`, which gets the reader and the key; each id
    /// a reference field names goes to `reference` with its kind and key.
    func read<R: RecordFields>(
        _ reader: R, into record: inout Record, milestones: (R, String) -> [Milestone] = { _, _ in [] },
        reference: (Reference.Kind, String, String) -> Void = { _, _, _ in }
    ) -> Bool {
        reader.checkKeys(keys)
        var complete = true
        for field in fields {
            // The record starts blank: only what is there is written (most fields of bulk data are not).
            switch field.value {
            case .text(let path):
                if let text = reader.string(field.key) {
                    record[keyPath: path] = text
                    if case .reference(let kind) = field.kind { reference(kind, text, field.key) }
                }
            case .requiredText(let path):
                if let text = reader.string(field.key, required: field.required) {
                    record[keyPath: path] = text
                    if case .reference(let kind) = field.kind { reference(kind, text, field.key) }
                } else if field.required {
                    complete = false
                }
            case .date(let path):
                if let date = reader.date(field.key) { record[keyPath: path] = date }
            case .requiredDate(let path):
                if let date = reader.date(field.key, required: true) { record[keyPath: path] = date } else { complete = false }
            case .list(let path):
                let items = reader.strings(field.key)
                if !items.isEmpty { record[keyPath: path] = items }
                if case .references(let kind) = field.kind { for id in items { reference(kind, id, field.key) } }
            case .flag(let path):
                if let flag = reader.bool(field.key) { record[keyPath: path] = flag }
            case .mapping(let path):
                var entries: [(key: String, value: String)] = []
                if let map = reader.record(field.key, what: "\(field.key) mapping") {
                    for key in map.keys {
                        if let value = map.string(key) { entries.append((key, value)) }
                    }
                }
                if !entries.isEmpty { record[keyPath: path] = entries }
            case .milestones(let path):
                let list = milestones(reader, field.key)
                if !list.isEmpty { record[keyPath: path] = list }
            case .citations(let path):
                var citations: [Citation] = []
                for item in reader.citations(field.key) {
                    switch item {
                    case .text(let id):
                        citations.append(Citation(id))
                        reference(.source, id, field.key)
                    case .record(let citationReader):
                        var citation = Citation("")
                        if Citation.fields.read(citationReader, into: &citation, reference: reference) { citations.append(citation) }
                    }
                }
                if !citations.isEmpty { record[keyPath: path] = citations }
            case .disputes(let path):
                let list = disputes(reader, field.key, reference: reference)
                if !list.isEmpty { record[keyPath: path] = list }
            }
        }
        return complete
    }

    /// The disputes listed under `key`, each of a field this record has that holds a date or a
    /// name, a date's value valid EDTF.
    private func disputes<R: RecordFields>(_ reader: R, _ key: String, reference: (Reference.Kind, String, String) -> Void) -> [Dispute] {
        var disputes: [Dispute] = []
        for disputeReader in reader.records(key, what: "disputed value") {
            var dispute = Dispute.blank
            guard Dispute.fields.read(disputeReader, into: &dispute, reference: reference) else { continue }
            guard let target = self[dispute.field], target.kind == .date || target.kind == .text else {
                let disputable = fields.filter { $0.kind == .date || $0.kind == .text }.map(\.key)
                disputeReader.report(
                    "field",
                    "'\(dispute.field)' cannot be disputed here; a dispute names one of \(disputable.joined(separator: ", "))\(Suggestion.didYouMean(dispute.field, in: disputable))"
                )
                continue
            }
            if target.kind == .date {
                do {
                    _ = try EDTF(dispute.value)
                } catch {
                    disputeReader.report("value", "invalid date '\(dispute.value)' for a disputed '\(dispute.field)': \(error.message)")
                    continue
                }
            }
            disputes.append(dispute)
        }
        return disputes
    }

    /// The record as it is written in dossier files: fields in order, empty ones left out (but
    /// lists in `keepingEmpty`: an event's empty people say "nobody", not "the one person"), and
    /// those named in `omitting` (a tenure's person when the dossier has only one).
    func encode(_ record: Record, omitting: Set<String> = [], keepingEmpty: Set<String> = []) -> EncodedValue {
        var values: [(String, EncodedValue)] = []
        for field in fields where !omitting.contains(field.key) {
            let value: EncodedValue?
            switch field.value {
            case .text(let path): value = record[keyPath: path].flatMap { $0.isEmpty ? nil : .string($0) }
            case .requiredText(let path): value = record[keyPath: path].isEmpty ? nil : .string(record[keyPath: path])
            case .date(let path): value = record[keyPath: path].map { .string($0.text) }
            case .requiredDate(let path): value = .string(record[keyPath: path].text)
            case .list(let path):
                let items = record[keyPath: path]
                value = items.isEmpty && !keepingEmpty.contains(field.key) ? nil : .list(items.map(EncodedValue.string))
            case .flag(let path): value = record[keyPath: path] ? .bool(true) : nil
            case .mapping(let path):
                value = record[keyPath: path].isEmpty ? nil : .map(record[keyPath: path].map { ($0.key, .string($0.value)) })
            case .milestones(let path):
                value = record[keyPath: path].isEmpty ? nil : .list(record[keyPath: path].map { Milestone.fields.encode($0) })
            case .citations(let path):
                value = record[keyPath: path].isEmpty ? nil : .list(record[keyPath: path].map(\.encoded))
            case .disputes(let path):
                value = record[keyPath: path].isEmpty ? nil : .list(record[keyPath: path].map { Dispute.fields.encode($0) })
            }
            if let value { values.append((field.key, value)) }
        }
        return .map(values)
    }

    /// The record's row of table cells, one a column, fields in `order`.
    func cells(_ record: Record, order: [Field<Record>], dates: DateWriter = .standard) -> [TableCell] {
        var cells: [TableCell] = []
        cells.reserveCapacity(order.count + 8)
        for field in order {
            switch field.value {
            case .text(let path) where field.kind == .url: cells.append(record[keyPath: path].map(TableCell.url) ?? .empty)
            case .text(let path): cells.append(.text(orEmpty: record[keyPath: path]))
            case .requiredText(let path): cells.append(.text(orEmpty: record[keyPath: path]))
            case .date(let path): cells += TableCell.dateCells(record[keyPath: path])
            case .requiredDate(let path): cells += TableCell.dateCells(record[keyPath: path])
            case .list(let path): cells.append(.items(record[keyPath: path]))
            case .flag(let path): cells.append(.bool(record[keyPath: path]))
            case .mapping(let path): cells.append(.items(record[keyPath: path].map { "\($0.key): \($0.value)" }))
            case .milestones(let path):
                let milestones = record[keyPath: path]
                cells.append(.items(milestones.map(MilestoneItem.text), reading: milestones.map { "\(dates.write($0.date)): \($0.title)" }))
            case .citations(let path):
                let citations = record[keyPath: path]
                cells.append(.items(citations.map(CitationItem.text), reading: citations.map(CitationItem.reading)))
            case .disputes(let path):
                let disputes = record[keyPath: path]
                cells.append(
                    .items(disputes.map { DossierWriter.json(Dispute.fields.encode($0), pretty: false) }, reading: disputes.map(\.reading)))
            }
        }
        return cells
    }
}
