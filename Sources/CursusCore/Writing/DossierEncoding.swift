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

    /// The dossier as JSON Lines records: `{"cursus": 1}`, then each record with its `type` first,
    /// handed to `body` one at a time (the encoded trees of a big dossier's records together
    /// would take many times the dossier's memory).
    public static func forEachLine(_ dossier: Dossier, _ body: (EncodedValue) -> Void) {
        let single = dossier.people.count == 1 ? dossier.people[0].id : nil
        func typed(_ type: String, _ value: EncodedValue) -> EncodedValue {
            guard case .map(let fields) = value else { return value }
            return .map([("type", .string(type))] + fields)
        }
        body(.map([("cursus", .int(1))]))
        for person in dossier.people { body(typed("person", encode(person))) }
        for source in dossier.sources { body(typed("source", encode(source))) }
        for tenure in dossier.tenures { body(typed("tenure", encode(tenure, single: single))) }
        for event in dossier.events { body(typed("event", encode(event, single: single))) }
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
