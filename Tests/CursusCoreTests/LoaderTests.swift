import Foundation
import Testing

@testable import CursusCore

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite struct LoaderTests {
    @Test func yamlAndJsonReadTheSame() throws {
        let yaml = """
            cursus: 1
            person: {id: p, name: Ada, born: 1950-09-07}
            tenures:
              - {id: t, office: Envoy, start: 2001, ongoing: true, served_under: [A, B]}
            events:
              - {id: e, date: 2016-23, title: Autumn}
            """
        let json = """
            {"cursus": 1, "person": {"id": "p", "name": "Ada", "born": "1950-09-07"},
             "tenures": [{"id": "t", "office": "Envoy", "start": "2001", "ongoing": true, "served_under": ["A", "B"]}],
             "events": [{"id": "e", "date": "2016-23", "title": "Autumn"}]}
            """
        for file in [InputFile(path: "a.yml", text: yaml), InputFile(path: "a.json", text: json)] {
            let dossier = try DossierLoader.decode(file).dossier
            #expect(dossier.people.first?.born?.display == "7 Sep 1950")
            #expect(dossier.tenures.first?.person == "p", "a single person owns the tenures")
            #expect(dossier.tenures.first?.ongoing == true)
            #expect(dossier.tenures.first?.servedUnder == ["A", "B"])
            #expect(dossier.events.first?.people == ["p"])
            #expect(dossier.events.first?.date.precisionName == "season")
        }
    }

    @Test func everyProblemInAFileIsReportedAtOnce() {
        let problems = dossierProblems("""
            cursus: 1
            person: {id: p, name: Ada}
            tenures:
              - {id: a, office: X, start: 2001-13}
              - {id: b, ofice: Y}
            events:
              - {id: e, date: 2016-02-30, title: T}
            """)
        #expect(problems.count == 4)
        #expect(problems.map { $0.location?.line ?? 0 } == [4, 5, 5, 7])
    }

    @Test func severalPeopleNeedExplicitOwners() {
        let problems = dossierProblems("""
            cursus: 1
            people: [{id: a, name: A}, {id: b, name: B}]
            tenures:
              - {id: t, office: X}
            """)
        #expect(problems.first?.message == "a tenure needs 'person' (a person id) unless the dossier has exactly one person")
    }

    @Test func idsWithSpacesAndOngoingWithEndAreRefused() {
        let problems = dossierProblems("""
            cursus: 1
            person: {id: p, name: Ada}
            tenures:
              - {id: "two words", office: X}
              - {id: t, office: X, start: 2001, end: 2002, ongoing: true}
            """)
        #expect(problems.map(\.message) == [
            "the id 'two words' contains spaces; ids are single words like 'us-ambassador'",
            "an ongoing tenure has no end; remove 'end' or set 'ongoing: false'",
        ])
    }

    @Test func theExampleLoadsWithEveryFactSourced() throws {
        let file = try DossierLoader.load(repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml").path)
        let dossier = try DossierValidator.merge([file])
        #expect(dossier.tenures.count >= 11)
        #expect(dossier.tenures.allSatisfy { !$0.sources.isEmpty })
        #expect(dossier.tenures.flatMap(\.milestones).allSatisfy { !$0.sources.isEmpty })
        #expect(dossier.events.allSatisfy { !$0.sources.isEmpty })
        let us = try #require(dossier.tenures.first { $0.id == "us-ambassador" })
        #expect(us.start?.text == "2008-07-26" && us.end?.text == "2017-08-21")
        #expect(us.predecessor == "Yuri Ushakov" && us.successor == "Anatoly Antonov")
        #expect(us.milestones.contains { $0.date.text == "2017-07-31~" })
        #expect(dossier.tenures.first { $0.id == "senator-mordovia" }?.ongoing == true)
        #expect(dossier.chronologicalTenures.first?.id == "un-second-secretary")
        for (id, date) in [("flynn-calls", "2016-12-29"), ("flynn-resigns", "2017-02-13"), ("sessions-recusal", "2017-03-02"), ("oval-office-meeting", "2017-05-10"), ("uk-sanctions", "2022")] {
            #expect(dossier.events.first { $0.id == id }?.date.text == date)
        }
        #expect(dossier.tenures.flatMap(\.milestones).contains { $0.date.text == "2016-23" }, "fall of 2016 is a season")
    }
}

@Suite struct FilterTests {
    let dossier: Dossier = {
        var dossier = Dossier()
        dossier.people = [Person(id: "a", name: "A"), Person(id: "b", name: "B")]
        dossier.sources = [Source(id: "s1", title: "One"), Source(id: "s2", title: "Two")]
        dossier.tenures = [
            Tenure(id: "old", person: "a", office: "X", category: "abroad", start: try! EDTF("1981"), end: try! EDTF("1985"), sources: ["s1"]),
            Tenure(id: "now", person: "a", office: "Y", category: "home", start: try! EDTF("2017-09-20"), ongoing: true, sources: ["s2"]),
            Tenure(id: "other", person: "b", office: "Z", category: "abroad", start: try! EDTF("2000"), end: try! EDTF("2001")),
        ]
        dossier.events = [Event(id: "e", date: try! EDTF("2016-12-29"), title: "T", people: ["a", "b"])]
        return dossier
    }()
    let asOf = CalendarDay(year: 2026, month: 11, day: 22)

    @Test func byPeopleCategoriesAndWindow() throws {
        #expect(DossierFilter(people: ["b"]).apply(to: dossier, asOf: asOf).tenures.map(\.id) == ["other"])
        #expect(DossierFilter(categories: ["abroad"]).apply(to: dossier, asOf: asOf).tenures.map(\.id) == ["old", "other"])
        let window = DossierFilter(from: try EDTF("2020"), to: try EDTF("2021"))
        let filtered = window.apply(to: dossier, asOf: asOf)
        #expect(filtered.tenures.map(\.id) == ["now"], "an ongoing tenure runs to as_of")
        #expect(filtered.events.isEmpty)
        #expect(filtered.sources.map(\.id) == ["s2"], "only cited sources stay")
        #expect(DossierFilter().apply(to: dossier, asOf: asOf).sources.count == 2)
    }
}

@Suite struct SchemaTests {
    func properties(_ schema: [String: Any], _ path: [String]) -> Set<String> {
        var node: Any = schema
        for key in path { node = (node as! [String: Any])[key]! }
        return Set(((node as! [String: Any])["properties"] as! [String: Any]).keys)
    }

    /// The dossier schema is made from the field tables; the committed copy is that output
    /// (`make examples` writes it), and its top level names what the loader accepts.
    @Test func theDossierSchemaIsTheFieldTables() throws {
        let committed = try String(contentsOf: repositoryRoot.appendingPathComponent("Schemas/dossier.schema.json"), encoding: .utf8)
        #expect(committed == DossierSchema.text, "run `make examples` and review the diff")
        let dossier = try JSONSerialization.jsonObject(with: Data(committed.utf8)) as! [String: Any]
        #expect(properties(dossier, []) == Set(DossierLoader.topKeys))
        #expect(properties(dossier, ["$defs", "tenure"]) == Set(Tenure.fields.keys))
        let tenure = (dossier["$defs"] as! [String: Any])["tenure"] as! [String: Any]
        #expect(tenure["required"] as? [String] == ["id", "office"], "a tenure's person may be the dossier's one person")
    }

    /// The manifest schema names exactly the keys the manifest reader accepts.
    @Test func theManifestSchemaAgreesWithTheReader() throws {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: repositoryRoot.appendingPathComponent("Schemas/manifest.schema.json"))) as! [String: Any]
        #expect(properties(manifest, []) == Set(Manifest.keys))
        let outputs = ((manifest["properties"] as! [String: Any])["outputs"] as! [String: Any])["items"] as! [String: Any]
        #expect(Set((outputs["properties"] as! [String: Any]).keys) == Set(Manifest.outputKeys))
        #expect(properties(outputs, ["properties", "filter"]) == Set(Manifest.filterKeys))
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseWordsOnly() {
        #expect(Suggestion.closest(to: "ofice", in: Tenure.fields.keys) == "office")
        #expect(Suggestion.closest(to: "servedunder", in: Tenure.fields.keys) == "served_under")
        #expect(Suggestion.closest(to: "zzzzzz", in: Tenure.fields.keys) == nil)
    }
}

@Suite struct EscapingTests {
    @Test func jsonStringsEscapeQuotesBackslashesAndControls() throws {
        let text = "a\"b\\c\nd\te\u{1}f\u{2028}"
        let quoted = JSONText.quote(text)
        #expect(quoted == #""a\"b\\c\nd\te\u0001f\u2028""#)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        #expect(decoded == [text], "a real JSON parser reads back the same text")
    }

    @Test func controlCharactersGoThroughTheGivenRule() {
        #expect(Escaping.escape("x\u{7}y<", ["<": "&lt;"], control: Escaping.space) == "x y&lt;")
    }
}

@Suite struct FieldTableTests {
    /// The README's table of record keys lists each field table, in order, with its required ones starred.
    @Test func theReadmeListsEveryField() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        func documented(_ record: String) -> [String] {
            guard let row = readme.split(separator: "\n").first(where: { $0.hasPrefix("| \(record) | ") }) else { return [] }
            // Keys stand in backticks, a star after the required ones; remarks in parentheses are not keys.
            let keys = String(row).replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
            return keys.matches(of: /`([a-z_$]+)`(\\\*)?/).map { String($0.output.1) + ($0.output.2 == nil ? "" : "*") }
        }
        func declared<Record>(_ table: FieldTable<Record>) -> [String] { table.fields.map { $0.key + ($0.required ? "*" : "") } }
        #expect(documented("person") == declared(Person.fields))
        #expect(documented("tenure") == declared(Tenure.fields))
        #expect(documented("milestone") == declared(Milestone.fields))
        #expect(documented("event") == declared(Event.fields))
        #expect(documented("source") == declared(Source.fields))
    }

    /// Every table column is a field's, and every field has its columns, in one order.
    @Test func tableColumnsComeFromTheFields() {
        #expect(DossierTable.people.columns == Person.fields.fields.flatMap(\.columns))
        #expect(Set(DossierTable.tenures.columns) == Set(Tenure.fields.fields.flatMap(\.columns)))
        #expect(DossierTable.tenures.columns.firstIndex(of: "sources") == DossierTable.tenures.columns.firstIndex(of: "successor")! + 1)
    }
}

@Suite struct RendererOptionsTests {
    struct Options: RendererOptions {
        enum Shape: String, CaseIterable, Sendable { case round, square }
        var width = 80
        var shape = Shape.round
        var title: String?
        var when: EDTF?
        var shapes: [Shape] = [.square]

        init() {}

        static let specs: [OptionSpec<Options>] = [
            .int("width", \.width, 1...100, help: "w"),
            .choice("shape", \.shape, help: "s"),
            .string("title", \.title, help: "t"),
            .date("when", \.when, help: "d"),
            .choices("shapes", \.shapes, help: "l"),
        ]
    }

    /// One declaration gives the descriptor's types and defaults (those of `init()`)…
    @Test func theDeclarationDescribesTheOptions() {
        let declared = Options.declared
        #expect(declared.map(\.name) == ["width", "shape", "title", "when", "shapes"])
        #expect(declared.map(\.kind.name) == ["int", "round|square", "string", "EDTF date", "list of round|square"])
        #expect(declared.map(\.defaultValue) == [.int(80), .string("round"), nil, nil, .strings(["square"])])
    }

    /// … and the typed value a renderer works with.
    @Test func checkedValuesBecomeTheTypedValue() {
        let descriptor = RendererDescriptor(name: "t", summary: "", fileExtensions: ["t"], options: Options.declared)
        let options = Options(RenderOptions(["width": .int(12), "shape": .string("square"), "when": .string("2016-23")], defaults: descriptor))
        #expect(options.width == 12 && options.shape == .square && options.title == nil)
        #expect(options.when?.display == "autumn 2016")
        #expect(options.shapes == [.square], "the default, not given")
    }
}
