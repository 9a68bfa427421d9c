import CursusTestSupport
import Foundation
import Testing

@testable import CursusCore

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

    /// A big JSON Lines file is checked without keeping its records, with the same findings.
    @Test func jsonLinesAreCheckedWithoutBeingHeld() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.jsonl").path
        try """
        {"cursus": 1}
        {"type": "person", "id": "p", "name": "Ada"}
        {"type": "tenure", "id": "t", "office": "Envoy", "start": "2001", "sources": ["s"]}
        {"type": "source", "id": "s", "title": "A source"}

        """.write(toFile: good, atomically: true, encoding: .utf8)
        try DossierLoader.checkJSONLines(good)
        let bad = folder.appendingPathComponent("bad.jsonl").path
        try """
        {"type": "person", "id": "p", "name": "Ada"}
        {"type": "person", "id": "p", "name": "Bob"}
        {"type": "tenure", "id": "t", "person": "nobody", "office": "Envoy", "start": "2016"}
        {"type": "tenure", "id": "u", "person": "p", "office": "Envoy", "start": "2016-02-30"}

        """.write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            try DossierLoader.checkJSONLines(bad)
            Issue.record("a bad file passed")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains { $0.contains("duplicate person id 'p'") })
            #expect(messages.contains { $0.contains("invalid date '2016-02-30'") })
            #expect(messages.contains { $0.contains("refers to person 'nobody'") })
        }
    }

    /// A JSON Lines file of several blocks, read on every core, gives what a serial read gives:
    /// records in file order, diagnostics in line order, ids and references settled across blocks.
    @Test func jsonLinesReadOnManyCoresKeepFileOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.jsonl").path
        let block = JSONLinesLoader.blockLines
        var lines = [#"{"cursus": 1}"#, #"{"type": "person", "id": "p", "name": "Ada"}"#]
        let badDates = [block / 2, block + 7, 2 * block + 11]
        while lines.count < 3 * block + 50 {
            let number = lines.count + 1
            let start = badDates.contains(number) ? "2016-02-30" : "2001"
            let person = number == 100 ? "late" : number == 200 ? "nobody" : "p"
            lines.append(#"{"type": "tenure", "id": "t\#(number)", "person": "\#(person)", "office": "Envoy", "start": "\#(start)"}"#)
        }
        lines.append(#"{"type": "tenure", "id": "t50", "person": "p", "office": "Envoy"}"#)
        lines.append(#"{"type": "person", "id": "late", "name": "Bob"}"#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let file = try DossierLoader.read(path)
        #expect(file.diagnostics.map(\.location?.line) == badDates.map { $0 } + [lines.count - 1])
        #expect(file.diagnostics.last?.message == "duplicate tenure id 't50'; it is first defined at \(path):50")
        let kept = (3...(lines.count - 2)).map { "t\($0)" } + ["t50"]
        #expect(file.dossier.tenures.map(\.id) == kept, "tenures in file order, the second t50 kept for the check across files")
        #expect(file.references.map(\.id) == ["late", "nobody"], "only references no earlier line settles are kept")
        #expect(throws: CursusError.self) { try DossierValidator.merge([file]) }
    }

    /// Reading stops at the hundredth error, wherever the blocks fall, at that error's line.
    @Test func jsonLinesStopAtTheHundredthErrorInLineOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.jsonl").path
        let every = JSONLinesLoader.blockLines / 60
        let lines = (1...(every * 150)).map { number in
            number % every == 0 ? "not json" : #"{"type": "source", "id": "s\#(number)", "title": "A"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let file = try DossierLoader.read(path)
        #expect(file.diagnostics.count == JSONLinesLoader.maximumErrors + 1)
        #expect(file.diagnostics.dropLast().map(\.location?.line) == (1...JSONLinesLoader.maximumErrors).map { $0 * every })
        #expect(file.diagnostics.last?.message == "too many errors; stopped reading at line \(every * JSONLinesLoader.maximumErrors)")
    }

    @Test func everyProblemInAFileIsReportedAtOnce() {
        let problems = dossierProblems(
            """
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
        let problems = dossierProblems(
            """
            cursus: 1
            people: [{id: a, name: A}, {id: b, name: B}]
            tenures:
              - {id: t, office: X}
            """)
        #expect(problems.first?.message == "a tenure needs 'person' (a person id) unless the dossier has exactly one person")
    }

    @Test func idsWithSpacesAndOngoingWithEndAreRefused() {
        let problems = dossierProblems(
            """
            cursus: 1
            person: {id: p, name: Ada}
            tenures:
              - {id: "two words", office: X}
              - {id: t, office: X, start: 2001, end: 2002, ongoing: true}
            """)
        #expect(
            problems.map(\.message) == [
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
        for (id, date) in [
            ("flynn-calls", "2016-12-29"), ("flynn-resigns", "2017-02-13"), ("sessions-recusal", "2017-03-02"),
            ("oval-office-meeting", "2017-05-10"), ("uk-sanctions", "2022"),
        ] {
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
            Tenure(
                id: "old", person: "a", office: "X", category: "abroad", start: try! EDTF("1981"), end: try! EDTF("1985"), sources: ["s1"]),
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
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: repositoryRoot.appendingPathComponent("Schemas/manifest.schema.json")))
            as! [String: Any]
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
        #expect(documented("citation") == declared(Citation.fields))
        #expect(documented("disputed value") == declared(Dispute.fields))
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
        let options = Options(
            RenderOptions(["width": .int(12), "shape": .string("square"), "when": .string("2016-23")], defaults: descriptor))
        #expect(options.width == 12 && options.shape == .square && options.title == nil)
        #expect(options.when?.display == "autumn 2016")
        #expect(options.shapes == [.square], "the default, not given")
    }
}

@Suite struct ProgressLineTests {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 0)
        func read() -> Date { now }
    }

    @Test func theLineWaitsForItsThresholdAndRedrawsAtMostTenTimesASecond() {
        let clock = Clock()
        let shown = Transcript()
        let progress = ProgressLine(enabled: true, delay: 1, output: shown.append, clock: clock.read)
        var task = progress.task("t.csv", total: 10_000)
        task.advance(by: 2_048)
        #expect(shown.parts.isEmpty, "nothing in the first second")
        clock.now += 2
        task.advance(by: 1_024)
        #expect(shown.parts == ["\r\u{1B}[Kt.csv: 3,072 of 10,000 records, 1,536/s"])
        clock.now += 0.05
        task.advance(by: 1_024)
        #expect(shown.parts.count == 1, "not redrawn within a tenth of a second")
        clock.now += 0.1
        task.say("compressing")
        task.finish()
        #expect(shown.parts.suffix(2) == ["\r\u{1B}[Kt.csv: compressing", "\r\u{1B}[K"])
    }

    @Test func aSilentLineShowsNothing() {
        let shown = Transcript()
        let clock = Clock()
        var task = ProgressLine(enabled: false, delay: 0, output: shown.append, clock: clock.read).task("x", total: nil)
        clock.now += 5
        task.advance(by: 5_000)
        task.finish()
        #expect(shown.parts.isEmpty)
    }
}

@Suite struct OutputTransactionTests {
    func contents(_ url: URL) -> String? { (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } }

    @Test func nothingLandsBeforeTheCommitAndEverythingAfterIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("earlier\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let transaction = OutputTransaction()
        for name in ["a.txt", "b.txt"] {
            let writer = try transaction.add(folder.appendingPathComponent(name).path).textWriter()
            writer.write("new \(name)\n")
            try writer.close()
        }
        #expect(contents(folder.appendingPathComponent("a.txt")) == "earlier\n", "not before the commit")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.txt").path))
        let written = try transaction.commit()
        #expect(written == ["a.txt", "b.txt"].map { folder.appendingPathComponent($0).path })
        #expect(contents(folder.appendingPathComponent("a.txt")) == "new a.txt\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt"], "no temporary file is left")
    }

    @Test func aRollbackLeavesTheFolderAsItWas() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("earlier\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let transaction = OutputTransaction()
        let made = folder.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: false)
        transaction.created(folder: made.path)
        for path in [folder.appendingPathComponent("a.txt").path, made.appendingPathComponent("b.txt").path] {
            let writer = try transaction.add(path).textWriter()
            writer.write("half")
            try writer.close()
        }
        transaction.rollback()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.txt"], "the temporary files and the new folder are gone"
        )
        #expect(contents(folder.appendingPathComponent("a.txt")) == "earlier\n")
    }

    @Test func writeRefusesAnExistingFileBeforeWritingAny() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("b.txt")
        try Data("mine\n".utf8).write(to: existing)
        let files = [(folder.appendingPathComponent("a.txt").path, "a"), (existing.path, "b")].map { (path: $0.0, text: $0.1) }
        #expect(throws: CursusError.self) { try OutputTransaction.write(files, whenExists: "add --force") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["b.txt"])
        try OutputTransaction.write(files, whenExists: nil)
        #expect(contents(existing) == "b")
    }
}

@Suite struct ChronologicalOrderTests {
    /// Tenures sort by start, then end (a missing date first, a coarser date before a finer one
    /// of the same first day), then id, wherever the shares sorted on each core meet.
    @Test func tenuresSortByStartEndAndIdOnEveryCore() throws {
        let dates = [nil, "1990", "1990-01", "1990-01-01", "1990-06", "1991", "../1990", "1989/1992", "Y-170000002", "-0044-03-15"]
        var tenures: [Tenure] = []
        for number in 0..<5_000 {
            var tenure = Tenure(id: "t\((number * 7_919) % 5_000)", person: "p", office: "Office")
            tenure.start = try dates[number % dates.count].map { try EDTF($0) }
            tenure.end = try dates[(number / dates.count) % dates.count].map { try EDTF($0) }
            tenures.append(tenure)
        }
        func before(_ a: EDTF.SortKey?, _ b: EDTF.SortKey?) -> Bool? {
            switch (a, b) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?): return a == b ? nil : a < b
            }
        }
        let expected = tenures.sorted { a, b in
            before(a.start?.sortKey, b.start?.sortKey) ?? before(a.end?.sortKey, b.end?.sortKey) ?? (a.id < b.id)
        }
        let dossier = Dossier(people: [Person(id: "p", name: "P")], tenures: tenures)
        #expect(dossier.chronologicalTenures.map(\.id) == expected.map(\.id))
        #expect(dossier.chronologicalTenures.first?.start == nil)
        #expect(dossier.chronologicalTenures.last?.start?.text == "1991")
    }
}

@Suite struct SourceFileTests {
    /// A location numbers its file once; the name comes back as given, and two names are two files.
    @Test func locationsNumberTheirFiles() {
        let first = CursusCore.SourceLocation(file: "dossier.jsonl", line: 3, column: 7)
        let again = CursusCore.SourceLocation(source: SourceFile("dossier.jsonl"), line: 3, column: 7)
        var other = first
        other.file = "other.yml"
        #expect(first == again)
        #expect(first.file == "dossier.jsonl" && other.file == "other.yml")
        #expect(first != other && other.line == 3 && other.column == 7)
        #expect(MemoryLayout<CursusCore.SourceLocation>.size == 12, "a million records keep their places in 12 bytes each")
    }
}
