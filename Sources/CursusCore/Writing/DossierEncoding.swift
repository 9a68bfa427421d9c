/// A dossier as an ordered tree of values, in the schema of dossier files: the one shape that
/// the YAML and JSON writers (imports, the plug-in protocol, the json renderer) all print.
public indirect enum EncodedValue: Sendable, Equatable {
    case null
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([EncodedValue])
    case map([(String, EncodedValue)])

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

    static func encode(_ person: Person) -> EncodedValue {
        var fields = Fields()
        fields.add("id", person.id)
        fields.add("name", person.name)
        fields.add("native_name", person.nativeName)
        fields.add("native_language", person.nativeLanguage)
        fields.add("born", person.born?.text)
        fields.add("died", person.died?.text)
        fields.add("birth_place", person.birthPlace)
        fields.add("death_place", person.deathPlace)
        fields.add("nationality", person.nationality)
        if !person.attributes.isEmpty {
            fields.values.append(("attributes", .map(person.attributes.map { ($0.key, .string($0.value)) })))
        }
        fields.add("notes", person.notes)
        fields.add("sources", person.sources)
        return .map(fields.values)
    }

    static func encode(_ tenure: Tenure, single: String?) -> EncodedValue {
        var fields = Fields()
        fields.add("id", tenure.id)
        if tenure.person != single { fields.add("person", tenure.person) }
        fields.add("office", tenure.office)
        fields.add("role", tenure.role)
        fields.add("organization", tenure.organization)
        fields.add("place", tenure.place)
        fields.add("country", tenure.country)
        fields.add("category", tenure.category)
        fields.add("start", tenure.start?.text)
        fields.add("end", tenure.end?.text)
        if tenure.ongoing { fields.values.append(("ongoing", .bool(true))) }
        fields.add("predecessor", tenure.predecessor)
        fields.add("successor", tenure.successor)
        fields.add("appointed_by", tenure.appointedBy)
        fields.add("served_under", tenure.servedUnder)
        fields.add("alongside", tenure.alongside)
        if !tenure.milestones.isEmpty {
            fields.values.append(("milestones", .list(tenure.milestones.map { milestone in
                var fields = Fields()
                fields.add("date", milestone.date.text)
                fields.add("title", milestone.title)
                fields.add("description", milestone.description)
                fields.add("sources", milestone.sources)
                return .map(fields.values)
            })))
        }
        fields.add("notes", tenure.notes)
        fields.add("sources", tenure.sources)
        return .map(fields.values)
    }

    static func encode(_ event: Event, single: String?) -> EncodedValue {
        var fields = Fields()
        fields.add("id", event.id)
        fields.add("date", event.date.text)
        fields.add("title", event.title)
        fields.add("description", event.description)
        if event.people != single.map({ [$0] }) {
            fields.values.append(("people", .list(event.people.map(EncodedValue.string))))
        }
        fields.add("category", event.category)
        fields.add("tenure", event.tenure)
        fields.add("sources", event.sources)
        return .map(fields.values)
    }

    static func encode(_ source: Source) -> EncodedValue {
        var fields = Fields()
        fields.add("id", source.id)
        fields.add("title", source.title)
        fields.add("kind", source.kind)
        fields.add("author", source.author)
        fields.add("publisher", source.publisher)
        fields.add("url", source.url)
        fields.add("published", source.published?.text)
        fields.add("accessed", source.accessed?.text)
        fields.add("quote", source.quote)
        return .map(fields.values)
    }

    /// Ordered fields, skipping absent and empty ones.
    private struct Fields {
        var values: [(String, EncodedValue)] = []

        mutating func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { values.append((key, .string(value))) }
        }

        mutating func add(_ key: String, _ list: [String]) {
            if !list.isEmpty { values.append((key, .list(list.map(EncodedValue.string)))) }
        }
    }
}
