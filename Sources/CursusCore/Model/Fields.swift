/// One field of a record type, declared once. The readers (YAML, JSON, JSON Lines, CSV), the
/// writers (YAML, JSON), the table columns and cells (CSV, XLSX), the JSON Schema and the allowed
/// keys all come from these declarations; what is special to a record (who owns a tenure, an
/// ongoing post has no end) is `RecordReader`'s.
public struct Field<Record>: Sendable {
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

    /// Where the value lives in the record.
    enum Value {
        case text(Accessor<Record, String?>)
        case requiredText(Accessor<Record, String>)
        case date(Accessor<Record, EDTF?>)
        case requiredDate(Accessor<Record, EDTF>)
        case list(Accessor<Record, [String]>)
        case flag(Accessor<Record, Bool>)
        case mapping(Accessor<Record, [(key: String, value: String)]>)
        case milestones(Accessor<Record, [Milestone]>)
        case citations(Accessor<Record, [Citation]>)
        case disputes(Accessor<Record, [Dispute]>)
    }

    /// The key in dossier files and the heading of its table column.
    public let key: String
    /// What the field holds.
    public let kind: Kind
    /// A record without it is refused.
    public let required: Bool
    /// What it means, for the JSON Schema (empty when the key says it all).
    public var help: String { helpText.description }
    // Static text, like the key's small string, needs no reference counting: fields are read
    // on every core for every record, and a shared count would make the cores wait on each other.
    private let helpText: StaticString
    let value: Value

    /// A field; it is required when the model has no place for its absence, unless `required`
    /// says otherwise (a tenure's person, which the dossier's one person stands in for).
    init(_ key: String, _ kind: Kind, _ value: Value, required: Bool? = nil, help: StaticString = "") {
        self.key = key
        self.kind = kind
        self.value = value
        self.helpText = help
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

/// How a field's value is read from its record and written to it. Closures rather than key
/// paths: reading through a key path asks the runtime for type metadata on every access, which
/// took a fifth of the time of a bulk table, and more on many cores.
struct Accessor<Record, Value>: Sendable {
    let get: @Sendable (Record) -> Value
    let set: @Sendable (inout Record, Value) -> Void

    init(_ get: @escaping @Sendable (Record) -> Value, _ set: @escaping @Sendable (inout Record, Value) -> Void) {
        self.get = get
        self.set = set
    }
}

/// The declarations below give each field's value as a getter and a setter: `{ $0.role }, { $0.role = $1 }`.
extension Field {
    typealias Getter<Value> = @Sendable (Record) -> Value
    typealias Setter<Value> = @Sendable (inout Record, Value) -> Void

    static func id(_ get: @escaping Getter<String>, _ set: @escaping Setter<String>) -> Field {
        Field("id", .id, .requiredText(Accessor(get, set)))
    }
    static func text(_ key: String, _ get: @escaping Getter<String?>, _ set: @escaping Setter<String?>, help: StaticString = "") -> Field {
        Field(key, .text, .text(Accessor(get, set)), help: help)
    }
    static func requiredText(_ key: String, _ get: @escaping Getter<String>, _ set: @escaping Setter<String>, help: StaticString = "")
        -> Field
    {
        Field(key, .text, .requiredText(Accessor(get, set)), help: help)
    }
    static func date(_ key: String, _ get: @escaping Getter<EDTF?>, _ set: @escaping Setter<EDTF?>, help: StaticString = "") -> Field {
        Field(key, .date, .date(Accessor(get, set)), help: help)
    }
    static func requiredDate(_ key: String, _ get: @escaping Getter<EDTF>, _ set: @escaping Setter<EDTF>, help: StaticString = "") -> Field
    {
        Field(key, .date, .requiredDate(Accessor(get, set)), help: help)
    }
    static func list(_ key: String, _ get: @escaping Getter<[String]>, _ set: @escaping Setter<[String]>, help: StaticString = "") -> Field
    {
        Field(key, .list, .list(Accessor(get, set)), help: help)
    }
    static func reference(
        _ key: String, _ target: Reference.Kind, _ get: @escaping Getter<String?>, _ set: @escaping Setter<String?>, help: StaticString = ""
    ) -> Field {
        Field(key, .reference(target), .text(Accessor(get, set)), help: help)
    }
    static func references(
        _ key: String, _ target: Reference.Kind, _ get: @escaping Getter<[String]>, _ set: @escaping Setter<[String]>,
        help: StaticString = ""
    ) -> Field {
        Field(key, .references(target), .list(Accessor(get, set)), help: help)
    }
    static func ids(_ get: @escaping Getter<[(key: String, value: String)]>, _ set: @escaping Setter<[(key: String, value: String)]>)
        -> Field
    {
        Field(
            "ids", .mapping, .mapping(Accessor(get, set)),
            help: "Ids in other databases, e.g. wikidata: Q7747; imports match records by them")
    }
    static func disputed(_ get: @escaping Getter<[Dispute]>, _ set: @escaping Setter<[Dispute]>) -> Field {
        Field(
            "disputed", .disputes, .disputes(Accessor(get, set)),
            help: "Other values sources give for its dates and names: {field, value, sources}; the field's own value is the one preferred")
    }
    static func sources(_ get: @escaping Getter<[Citation]>, _ set: @escaping Setter<[Citation]>) -> Field {
        Field(
            "sources", .citations, .citations(Accessor(get, set)),
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
        .id({ $0.id }, { $0.id = $1 }),
        .requiredText("name", { $0.name }, { $0.name = $1 }),
        .text("native_name", { $0.nativeName }, { $0.nativeName = $1 }, help: "The name in its own script, e.g. Сергей Иванович Кисляк"),
        .text(
            "native_language", { $0.nativeLanguage }, { $0.nativeLanguage = $1 },
            help: "ISO 639 code of the native name's language, e.g. ru"),
        .date("born", { $0.born }, { $0.born = $1 }),
        .date("died", { $0.died }, { $0.died = $1 }),
        .text("birth_place", { $0.birthPlace }, { $0.birthPlace = $1 }),
        .text("death_place", { $0.deathPlace }, { $0.deathPlace = $1 }),
        .text("nationality", { $0.nationality }, { $0.nationality = $1 }),
        Field(
            "attributes", .mapping, .mapping(Accessor({ $0.attributes }, { $0.attributes = $1 })),
            help: "Free facts: alma mater, children …"),
        .ids({ $0.ids }, { $0.ids = $1 }),
        .text("notes", { $0.notes }, { $0.notes = $1 }),
        .sources({ $0.sources }, { $0.sources = $1 }),
        .disputed({ $0.disputed }, { $0.disputed = $1 }),
    ])
}

extension Tenure {
    /// Every field of a tenure.
    public static let fields = FieldTable<Tenure>([
        .id({ $0.id }, { $0.id = $1 }),
        Field(
            "person", .reference(.person), .requiredText(Accessor({ $0.person }, { $0.person = $1 })), required: false,
            help: "Person id; optional when the dossier has one person"),
        .requiredText("office", { $0.office }, { $0.office = $1 }, help: "Full title, e.g. Ambassador of Russia to the United States"),
        .text("role", { $0.role }, { $0.role = $1 }, help: "Short title, e.g. Ambassador"),
        .text("organization", { $0.organization }, { $0.organization = $1 }),
        .text("place", { $0.place }, { $0.place = $1 }),
        .text("country", { $0.country }, { $0.country = $1 }),
        .text("category", { $0.category }, { $0.category = $1 }, help: "Free tag for colours and filters"),
        .date("start", { $0.start }, { $0.start = $1 }),
        .date("end", { $0.end }, { $0.end = $1 }),
        Field("ongoing", .flag, .flag(Accessor({ $0.ongoing }, { $0.ongoing = $1 })), help: "Held to this day; leave out 'end'"),
        .text("predecessor", { $0.predecessor }, { $0.predecessor = $1 }),
        .text("successor", { $0.successor }, { $0.successor = $1 }),
        .list("appointed_by", { $0.appointedBy }, { $0.appointedBy = $1 }),
        .list("served_under", { $0.servedUnder }, { $0.servedUnder = $1 }),
        .list("alongside", { $0.alongside }, { $0.alongside = $1 }),
        Field(
            "milestones", .milestones, .milestones(Accessor({ $0.milestones }, { $0.milestones = $1 })),
            help: "Dated steps within the post: appointed, credentials presented …"),
        .ids({ $0.ids }, { $0.ids = $1 }),
        .text("notes", { $0.notes }, { $0.notes = $1 }),
        .sources({ $0.sources }, { $0.sources = $1 }),
        .disputed({ $0.disputed }, { $0.disputed = $1 }),
    ])
}

extension Milestone {
    /// What a milestone being read holds until its date is read.
    static let undated = try! EDTF("0000")

    /// Every field of a milestone.
    public static let fields = FieldTable<Milestone>([
        .requiredDate("date", { $0.date }, { $0.date = $1 }),
        .requiredText("title", { $0.title }, { $0.title = $1 }),
        .text("description", { $0.description }, { $0.description = $1 }),
        .sources({ $0.sources }, { $0.sources = $1 }),
        .disputed({ $0.disputed }, { $0.disputed = $1 }),
    ])
}

extension Dispute {
    /// What a dispute being read holds until its fields are read.
    static let blank = Dispute(field: "", value: "")

    /// Every field of a dispute.
    public static let fields = FieldTable<Dispute>([
        .requiredText("field", { $0.field }, { $0.field = $1 }, help: "The key of the field disputed: start, end, office, born, date …"),
        .requiredText("value", { $0.value }, { $0.value = $1 }, help: "The other value, as the field writes it (EDTF for a date)"),
        .sources({ $0.sources }, { $0.sources = $1 }),
    ])

    /// The dispute as a table's cell shows it to people: `start: 2016-12-18 (europediplomatic)`.
    var reading: String {
        "\(field): \(value)" + (sources.isEmpty ? "" : " (\(sources.map(CitationItem.reading).joined(separator: "; ")))")
    }
}

extension Citation {
    /// Every field of a citation written as a mapping.
    public static let fields = FieldTable<Citation>([
        Field("source", .reference(.source), .requiredText(Accessor({ $0.source }, { $0.source = $1 })), help: "The id of the source"),
        .text("quote", { $0.quote }, { $0.quote = $1 }, help: "The passage that states the fact, word for word"),
        .text("locator", { $0.locator }, { $0.locator = $1 }, help: "Where the passage stands: line 12, p. 3, § Diplomatic career"),
    ])

    /// The citation as dossier files write it: the id alone when that is all it holds.
    var encoded: EncodedValue { isPlain ? .string(source) : Citation.fields.encode(self) }
}

extension Event {
    /// Every field of an event.
    public static let fields = FieldTable<Event>([
        .id({ $0.id }, { $0.id = $1 }),
        .requiredDate("date", { $0.date }, { $0.date = $1 }, help: "When it happened; may be an interval"),
        .requiredText("title", { $0.title }, { $0.title = $1 }),
        .text("description", { $0.description }, { $0.description = $1 }),
        .references(
            "people", .person, { $0.people }, { $0.people = $1 }, help: "Ids of the people it concerns; default: the dossier's one person"),
        .text("category", { $0.category }, { $0.category = $1 }),
        .reference("tenure", .tenure, { $0.tenure }, { $0.tenure = $1 }, help: "Id of the tenure the event belongs to"),
        .sources({ $0.sources }, { $0.sources = $1 }),
        .disputed({ $0.disputed }, { $0.disputed = $1 }),
    ])
}

extension Source {
    /// Every field of a source.
    public static let fields = FieldTable<Source>([
        .id({ $0.id }, { $0.id = $1 }),
        .requiredText("title", { $0.title }, { $0.title = $1 }),
        .text("kind", { $0.kind }, { $0.kind = $1 }, help: "news, encyclopedia, book, archive, decree …"),
        .text("author", { $0.author }, { $0.author = $1 }),
        .text("publisher", { $0.publisher }, { $0.publisher = $1 }),
        Field("url", .url, .text(Accessor({ $0.url }, { $0.url = $1 }))),
        .date("published", { $0.published }, { $0.published = $1 }),
        .date("accessed", { $0.accessed }, { $0.accessed = $1 }),
        .text("quote", { $0.quote }, { $0.quote = $1 }),
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
        // In place: copying a field (its closures) cost more than reading the value through it.
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices {
                let (key, kind) = (fields[index].key, fields[index].kind)
                // The record starts blank: only what is there is written (most fields of bulk data are not).
                switch fields[index].value {
                case .text(let access):
                    if let text = reader.string(key) {
                        access.set(&record, text)
                        if case .reference(let kind) = kind { reference(kind, text, key) }
                    }
                case .requiredText(let access):
                    if let text = reader.string(key, required: fields[index].required) {
                        access.set(&record, text)
                        if case .reference(let kind) = kind { reference(kind, text, key) }
                    } else if fields[index].required {
                        complete = false
                    }
                case .date(let access):
                    if let date = reader.date(key) { access.set(&record, date) }
                case .requiredDate(let access):
                    if let date = reader.date(key, required: true) { access.set(&record, date) } else { complete = false }
                case .list(let access):
                    let items = reader.strings(key)
                    if !items.isEmpty { access.set(&record, items) }
                    if case .references(let kind) = kind { for id in items { reference(kind, id, key) } }
                case .flag(let access):
                    if let flag = reader.bool(key) { access.set(&record, flag) }
                case .mapping(let access):
                    var entries: [(key: String, value: String)] = []
                    if let map = reader.record(key, what: "\(key) mapping") {
                        for key in map.keys {
                            if let value = map.string(key) { entries.append((key, value)) }
                        }
                    }
                    if !entries.isEmpty { access.set(&record, entries) }
                case .milestones(let access):
                    let list = milestones(reader, key)
                    if !list.isEmpty { access.set(&record, list) }
                case .citations(let access):
                    var citations: [Citation] = []
                    for item in reader.citations(key) {
                        switch item {
                        case .text(let id):
                            citations.append(Citation(id))
                            reference(.source, id, key)
                        case .record(let citationReader):
                            var citation = Citation("")
                            if Citation.fields.read(citationReader, into: &citation, reference: reference) { citations.append(citation) }
                        }
                    }
                    if !citations.isEmpty { access.set(&record, citations) }
                case .disputes(let access):
                    let list = disputes(reader, key, reference: reference)
                    if !list.isEmpty { access.set(&record, list) }
                }
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
            case .text(let access): value = access.get(record).flatMap { $0.isEmpty ? nil : .string($0) }
            case .requiredText(let access): value = access.get(record).isEmpty ? nil : .string(access.get(record))
            case .date(let access): value = access.get(record).map { .string($0.text) }
            case .requiredDate(let access): value = .string(access.get(record).text)
            case .list(let access):
                let items = access.get(record)
                value = items.isEmpty && !keepingEmpty.contains(field.key) ? nil : .list(items.map(EncodedValue.string))
            case .flag(let access): value = access.get(record) ? .bool(true) : nil
            case .mapping(let access):
                value = access.get(record).isEmpty ? nil : .map(access.get(record).map { ($0.key, .string($0.value)) })
            case .milestones(let access):
                value = access.get(record).isEmpty ? nil : .list(access.get(record).map { Milestone.fields.encode($0) })
            case .citations(let access):
                value = access.get(record).isEmpty ? nil : .list(access.get(record).map(\.encoded))
            case .disputes(let access):
                value = access.get(record).isEmpty ? nil : .list(access.get(record).map { Dispute.fields.encode($0) })
            }
            if let value { values.append((field.key, value)) }
        }
        return .map(values)
    }

    /// The record's row of table cells, one a column, fields in `order`.
    func cells(_ record: Record, order: [Field<Record>], dates: DateWriter = .standard) -> [TableCell] {
        var cells: [TableCell] = []
        cells.reserveCapacity(order.count + 8)
        // In place: copying a field (its closures) cost more than reading the value through it.
        order.withUnsafeBufferPointer { fields in
            for index in fields.indices {
                switch fields[index].value {
                case .text(let access) where fields[index].kind == .url: cells.append(access.get(record).map(TableCell.url) ?? .empty)
                case .text(let access): cells.append(.text(orEmpty: access.get(record)))
                case .requiredText(let access): cells.append(.text(orEmpty: access.get(record)))
                case .date(let access): cells += TableCell.dateCells(access.get(record))
                case .requiredDate(let access): cells += TableCell.dateCells(access.get(record))
                case .list(let access): cells.append(.items(access.get(record)))
                case .flag(let access): cells.append(.bool(access.get(record)))
                case .mapping(let access): cells.append(.items(access.get(record).map { "\($0.key): \($0.value)" }))
                case .milestones(let access):
                    let milestones = access.get(record)
                    cells.append(
                        .items(milestones.map(MilestoneItem.text), reading: milestones.map { "\(dates.write($0.date)): \($0.title)" }))
                case .citations(let access):
                    let citations = access.get(record)
                    cells.append(.items(citations.map(CitationItem.text), reading: citations.map(CitationItem.reading)))
                case .disputes(let access):
                    let disputes = access.get(record)
                    cells.append(
                        .items(
                            disputes.map { DossierWriter.json(Dispute.fields.encode($0), pretty: false) }, reading: disputes.map(\.reading))
                    )
                }
            }
        }
        return cells
    }
}
