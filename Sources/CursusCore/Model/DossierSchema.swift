/// The JSON Schema of dossier files, made from the field tables (so that editors check exactly
/// what Cursus reads). `cursus schema` prints it; `Schemas/dossier.schema.json` is its output.
public enum DossierSchema {
    /// The schema as JSON text, ending in a line break.
    public static var text: String { DossierWriter.json(schema) + "\n" }

    static var schema: EncodedValue {
        func ref(_ name: String) -> EncodedValue { .map([("$ref", .string("#/$defs/\(name)"))]) }
        func list(of name: String) -> EncodedValue { .map([("type", .string("array")), ("items", ref(name))]) }
        return .map([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://cursus.invalid/schemas/dossier.schema.json")),
            ("title", .string("Cursus dossier")),
            ("description", .string("People, the posts they held (tenures), dated events and their sources. YAML or JSON.")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .list([.string("cursus")])),
            (
                "properties",
                .map([
                    ("$schema", .map([("type", .string("string"))])),
                    ("cursus", .map([("const", .int(1)), ("description", .string("Format version"))])),
                    ("person", ref("person")),
                    ("people", list(of: "person")),
                    ("sources", list(of: "source")),
                    ("tenures", list(of: "tenure")),
                    ("events", list(of: "event")),
                ])
            ),
            ("not", .map([("required", .list([.string("person"), .string("people")]))])),
            (
                "$defs",
                .map([
                    (
                        "edtf",
                        .map([
                            ("type", .list([.string("string"), .string("integer")])),
                            (
                                "description",
                                .string(
                                    "An EDTF date (Level 0/1): 2008-07-26, 2008-07, 2008, 2016-23 (autumn), 2004~, 2017?, 201X, 1981/1985, 1985/.. — `cursus date` explains one."
                                )
                            ),
                            ("pattern", .string("^[0-9XY?~%./:TZ+\\-]*$")),
                        ])
                    ),
                    ("text", .map([("type", .list([.string("string"), .string("number")]))])),
                    (
                        "strings",
                        .map([
                            (
                                "oneOf",
                                .list([
                                    .map([("type", .string("string"))]),
                                    .map([("type", .string("array")), ("items", .map([("type", .string("string"))]))]),
                                ])
                            )
                        ])
                    ),
                    (
                        "id",
                        .map([
                            ("type", .string("string")), ("pattern", .string("^[^\\s]+$")),
                            ("description", .string("A single word, unique among records of its kind across all inputs.")),
                        ])
                    ),
                    (
                        "citations",
                        .map([
                            (
                                "oneOf",
                                .list([
                                    .map([("type", .string("string"))]),
                                    ref("citation"),
                                    .map([
                                        ("type", .string("array")),
                                        ("items", .map([("oneOf", .list([.map([("type", .string("string"))]), ref("citation")]))])),
                                    ]),
                                ])
                            )
                        ])
                    ),
                    ("citation", record(Citation.fields)),
                    ("dispute", record(Dispute.fields)),
                    ("person", record(Person.fields)),
                    ("milestone", record(Milestone.fields)),
                    ("tenure", record(Tenure.fields)),
                    ("event", record(Event.fields)),
                    ("source", record(Source.fields)),
                ])
            ),
        ])
    }

    static func record<Record>(_ table: FieldTable<Record>) -> EncodedValue {
        .map([
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .list(table.fields.filter(\.required).map { .string($0.key) })),
            ("properties", .map(table.fields.map { ($0.key, property($0)) })),
        ])
    }

    static func property<Record>(_ field: Field<Record>) -> EncodedValue {
        func ref(_ name: String) -> [(String, EncodedValue)] { [("$ref", .string("#/$defs/\(name)"))] }
        var schema: [(String, EncodedValue)]
        switch field.kind {
        case .id: schema = ref("id")
        case .text, .url: schema = ref("text")
        case .date: schema = ref("edtf")
        case .list, .references: schema = ref("strings")
        case .reference: schema = [("type", .string("string"))]
        case .flag: schema = [("type", .string("boolean"))]
        case .mapping: schema = [("type", .string("object")), ("additionalProperties", .map(ref("text")))]
        case .milestones: schema = [("type", .string("array")), ("items", .map(ref("milestone")))]
        case .citations: schema = ref("citations")
        case .disputes: schema = [("type", .string("array")), ("items", .map(ref("dispute")))]
        }
        if !field.help.isEmpty { schema.append(("description", .string(field.help))) }
        return .map(schema)
    }
}
