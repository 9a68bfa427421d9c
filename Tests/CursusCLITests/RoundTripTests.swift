import CursusTestSupport
import Foundation
import Testing

/// Tables read back exactly: a dossier that uses every field of every record type, rendered as
/// its four CSV tables and read back from them, gives the same JSON as the dossier itself.
@Suite struct RoundTripTests {
    static let everyField = #"""
        cursus: 1
        people:
          - id: ada
            name: Ada Example
            native_name: Ада Пример
            native_language: ru
            born: 1950-09-07
            died: 2020~
            birth_place: Moscow, Soviet Union
            death_place: Brussels
            nationality: Russian
            attributes: {alma mater: "MEPhI (1973); USSR Academy", motto: "a: b \\ c"}
            notes: "=SUM(A1) stays text; quotes \" and a\nline break"
            sources: [wp]
            disputed: [{field: born, value: 1950-09-08, sources: [{source: tass, quote: "born on 8 September"}]}]
          - {id: bob, name: Bob Other}
        sources:
          - id: wp
            title: Ada Example — Wikipedia
            kind: encyclopedia
            author: Editors
            publisher: Wikimedia
            url: https://en.wikipedia.org/wiki/Ada
            published: 2020-01
            accessed: 2026-11-22
            quote: "-5 degrees; a quote"
          - {id: tass, title: TASS report}
        tenures:
          - id: envoy
            person: ada
            office: Ambassador of Russia to Belgium
            role: Ambassador
            organization: Embassy of Russia
            place: Brussels
            country: Belgium
            category: posting-abroad
            start: 1998-02-25
            end: 2003-05?
            predecessor: Vitaly Churkin
            successor: Vadim Lukov
            appointed_by: [Boris Yeltsin]
            served_under: ["Yeltsin; then Putin", Vladimir Putin]
            alongside: [A\B]
            milestones:
              - {date: 1998-03, title: Presents credentials}
              - {date: 2001-23, title: "Talks; then more", description: A long week, sources: [tass, {source: wp, quote: "Talks; \"then\" more", locator: p. 3}], disputed: [{field: date, value: 2001-22, sources: [wp]}]}
            notes: Held with the NATO post.
            sources: [wp, tass]
            disputed:
              - {field: start, value: 1998-02-24, sources: [{source: tass, quote: "He arrived on 24 February; \"officially\""}]}
              - {field: successor, value: "V. Lukov; et al."}
          - {id: senator, person: bob, office: Senator, start: 2017, ongoing: true}
        events:
          - id: talks
            date: 2001-09/2001-10
            title: Talks in Brussels
            description: Closed doors
            people: [ada, bob]
            category: diplomacy
            tenure: envoy
            sources: [{source: tass, quote: "Talks began behind closed doors.", locator: line 12}, wp]
            disputed: [{field: date, value: 2001-10, sources: [tass]}]
          - {id: nobody, date: 2002, title: An event about nobody, people: []}

        """#

    @Test func fourTablesReadBackToTheSameDossier() throws {
        let workspace = try Workspace([
            "d.yml": Self.everyField,
            "tables.yml": """
            cursus: 1
            inputs: [d.yml]
            as_of: 2026-11-22
            outputs:
              - {renderer: json, path: original.json}
              - {renderer: csv, path: tenures.csv, options: {table: tenures}}
              - {renderer: csv, path: events.csv, options: {table: events}}
              - {renderer: csv, path: people.csv, options: {table: people}}
              - {renderer: csv, path: sources.csv, options: {table: sources}}

            """,
            "back.yml": """
            cursus: 1
            inputs: [out/tenures.csv, out/events.csv, out/people.csv, out/sources.csv]
            as_of: 2026-11-22
            output_dir: back
            outputs:
              - {renderer: json, path: read-back.json}

            """,
        ])
        defer { workspace.remove() }
        let tables = try workspace.run(["render", "tables.yml"])
        #expect(tables.status == 0, "\(tables.stderr)")
        let back = try workspace.run(["render", "back.yml"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stderr.isEmpty, "no warnings: \(back.stderr)")
        let original = String(decoding: try workspace.read("out/original.json"), as: UTF8.self)
        let readBack = String(decoding: try workspace.read("back/read-back.json"), as: UTF8.self)
        #expect(readBack == original)
        for value in [
            "2001-23", "A long week", "Talks began behind closed doors.", "p. 3", "Yeltsin; then Putin", #"A\\B"#, "=SUM(A1)", "-5 degrees",
            "\"people\": []",
        ] {
            #expect(original.contains(value), "the dossier uses \(value)")
        }
    }
}

/// A real JSON Schema validator (Python's jsonschema) accepts the dossiers Cursus accepts and
/// refuses what it refuses, against `Schemas/dossier.schema.json`.
@Suite struct SchemaValidationTests {
    func validate(_ dossier: String) throws -> String {
        let workspace = try Workspace(["d.yml": dossier])
        defer { workspace.remove() }
        let script = """
            import json, sys, yaml, jsonschema
            # YAML 1.2, as editors read it: a date is text, not a timestamp.
            class Loader(yaml.SafeLoader): pass
            Loader.yaml_implicit_resolvers = {key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
                                              for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            schema = json.load(open(sys.argv[1]))
            document = yaml.load(open(sys.argv[2]), Loader=Loader)
            errors = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(document))
            print("\\n".join(errors) if errors else "valid")
            """
        let (status, output) = try python(
            ["-c", script, repositoryRoot.appendingPathComponent("Schemas/dossier.schema.json").path, "d.yml"], in: workspace.url)
        #expect(status == 0)
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theExampleAndEveryFieldAreValid() throws {
        let example = try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml"), encoding: .utf8)
        #expect(try validate(example) == "valid")
        #expect(try validate(RoundTripTests.everyField) == "valid")
    }

    @Test func whatCursusRefusesTheSchemaRefuses() throws {
        let unknownKey = try validate(goodDossier.replacingOccurrences(of: "office: Consul", with: "office: Consul\n    colour: red"))
        #expect(unknownKey.contains("'colour' was unexpected"), "\(unknownKey)")
        let missingOffice = try validate(goodDossier.replacingOccurrences(of: "    office: Consul\n", with: ""))
        #expect(missingOffice.contains("'office' is a required property"), "\(missingOffice)")
    }
}
