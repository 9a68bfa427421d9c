/// A dossier as an ordered tree of values, in the schema of dossier files: the one shape that
/// the YAML and JSON writers (imports, the plug-in protocol, the json renderer) all print.
public indirect enum EncodedValue: Sendable, Equatable {
    case null
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([EncodedValue])
    case map([(String, EncodedValue)])

    /// Equal values: the same kind, texts, items and keys in the same order.
    public static func == (lhs: EncodedValue, rhs: EncodedValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }
}

/// The lines of a JSON Lines dossier, one record each with its `type` first, written a record at
/// a time (a big dossier's records, encoded all at once, would take many times its memory).
public enum JSONLinesRecord {
    /// The first line: the format version.
    public static let header = "{\"cursus\":1}\n"

    /// A person's line.
    public static func line(_ person: Person) -> String { typed("person", DossierEncoding.encode(person)) }
    /// A source's line.
    public static func line(_ source: Source) -> String { typed("source", DossierEncoding.encode(source)) }
    /// A tenure's line; its person is left out when it is the dossier's `single` one.
    public static func line(_ tenure: Tenure, single: String?) -> String {
        typed("tenure", DossierEncoding.encode(tenure, single: single))
    }
    /// An event's line.
    public static func line(_ event: Event, single: String?) -> String { typed("event", DossierEncoding.encode(event, single: single)) }

    private static func typed(_ type: String, _ value: EncodedValue) -> String {
        guard case .map(let fields) = value else { return DossierWriter.json(value, pretty: false) + "\n" }
        return DossierWriter.json(.map([("type", .string(type))] + fields), pretty: false) + "\n"
    }
}

/// Turns a dossier into `EncodedValue`s, leaving out empty fields, keys in the order the
/// schema lists them.
public enum DossierEncoding {
    /// The dossier as one value: `cursus: 1`, the person (or people), sources, tenures, events.
    public static func encode(_ dossier: Dossier) -> EncodedValue {
        var top: [(String, EncodedValue)] = [("cursus", .int(1))]
        if dossier.people.count == 1, dossier.tenures.allSatisfy({ $0.person == dossier.people[0].id }) {
            top.append(("person", encode(dossier.people[0])))
        } else {
            top.append(("people", .list(dossier.people.map(encode))))
        }
        let single = dossier.people.count == 1 ? dossier.people[0].id : nil
        if !dossier.sources.isEmpty { top.append(("sources", .list(dossier.sources.map(encode)))) }
        if !dossier.tenures.isEmpty { top.append(("tenures", .list(dossier.tenures.map { encode($0, single: single) }))) }
        if !dossier.events.isEmpty { top.append(("events", .list(dossier.events.map { encode($0, single: single) }))) }
        return .map(top)
    }

    static func encode(_ person: Person) -> EncodedValue { Person.fields.encode(person) }

    /// A tenure; its person is left out when it is the dossier's `single` one.
    static func encode(_ tenure: Tenure, single: String?) -> EncodedValue {
        Tenure.fields.encode(tenure, omitting: tenure.person == single ? ["person"] : [])
    }

    /// An event; its people are left out when they are just the dossier's `single` person, and
    /// written even when empty otherwise.
    static func encode(_ event: Event, single: String?) -> EncodedValue {
        event.people == single.map { [$0] }
            ? Event.fields.encode(event, omitting: ["people"]) : Event.fields.encode(event, keepingEmpty: ["people"])
    }

    static func encode(_ source: Source) -> EncodedValue { Source.fields.encode(source) }
}
