import CursusCore
import CursusTestSupport
import Foundation
import Testing

@testable import CursusImport

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> InputFile {
    try InputFile.read(fixtures.appendingPathComponent(name).path, what: "fixture")
}

@Suite struct InfoboxImporterTests {
    /// The seed document's infobox, in its rendered "Key: value" form, gives its four posts exactly.
    @Test func theKislyakInfoboxGivesItsFourPosts() throws {
        let result = try InfoboxImporter.import(try fixture("kislyak-infobox.txt"))
        let dossier = result.dossier
        #expect(dossier.people.first?.name == "Sergey Kislyak")
        #expect(dossier.people.first?.nativeName == "Сергей Иванович Кисляк")
        #expect(dossier.people.first?.nativeLanguage == "ru")
        let posts = dossier.tenures.map {
            [$0.office, $0.start?.text ?? "", $0.end?.text ?? ($0.ongoing ? "present" : ""), $0.predecessor ?? "", $0.successor ?? ""]
        }
        #expect(
            posts == [
                ["Russian Ambassador to Belgium", "1998-02-25", "2003-05-28", "Vitaly Churkin", "Vadim Lukov"],
                ["Deputy Minister of Foreign Affairs", "2003", "2008", "", ""],
                ["Russian Ambassador to the United States", "2008-07-26", "2017-08-21", "Yuri Ushakov", "Anatoly Antonov"],
                ["Russian Federation Senator, from the Republic of Mordovia", "2017-09-20", "present", "Nikolay Petrushkin", ""],
            ])
        #expect(dossier.tenures[1].servedUnder == ["Vladimir Putin", "Dmitry Medvedev", "Igor Ivanov", "Sergey Lavrov"])
        #expect(dossier.tenures[3].alongside == ["Pyotr Tultayev"])
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.formatted))")
    }

    @Test func wikitextWithTemplatesRefsCommentsAndSuccessionBoxes() throws {
        let result = try InfoboxImporter.import(try fixture("officeholder.wiki"))
        let dossier = result.dossier
        let person = try #require(dossier.people.first)
        #expect(person.name == "Jane Q. Example", "the <ref> is dropped")
        #expect(person.nativeName == "Jeanne Exemple" && person.nativeLanguage == "fr")
        #expect(person.born?.text == "1960-03-14")
        #expect(person.birthPlace == "Exampleton, Examplia")
        #expect(person.attributes.contains { $0.key == "alma mater" && $0.value == "University of Examplia" })
        let byOffice = Dictionary(dossier.tenures.map { ($0.office, $0) }, uniquingKeysWith: { first, _ in first })
        let france = try #require(byOffice["Ambassador of Examplia to France"])
        #expect(france.start?.text == "2006-04-08", "{{Start date|2006|4|8|df=y}}")
        #expect(france.end?.text == "2010-07-26", "July 26, 2010")
        #expect(france.servedUnder == ["Alan Smith", "Beatrice Jones"], "plainlist of links")
        #expect(france.successor == "Mary Roe", "the comment is dropped")
        let uk = try #require(byOffice["Examplian Ambassador to the United Kingdom"])
        #expect(uk.start?.text == "2011-02" && uk.end?.text == "2015~")
        #expect(uk.country == "United Kingdom")
        #expect(uk.servedUnder == ["Alan Smith", "Carl Brown"], "<br /> separates")
        let culture = try #require(byOffice["Minister of Culture"])
        #expect(culture.ongoing && culture.end == nil, "Incumbent")
        #expect(culture.servedUnder == ["King Otto", "Queen Ada"])
        let lyon = try #require(byOffice["Consul General in Lyon"], "from the succession boxes")
        #expect(
            lyon.start?.text == "1999" && lyon.end?.text == "2003" && lyon.predecessor == "Old Consul" && lyon.successor == "New Consul")
        #expect(dossier.tenures.filter { $0.office.contains("France") }.count == 1, "a succession box repeating the infobox is not doubled")
        let warnings = result.warnings.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(warnings.contains("26: the template {{frobnicate}} in 'term_start4' is not understood and was left out"))
        #expect(warnings.contains("6: 'image' is presentation, not a fact; left out"))
        #expect(warnings.contains("27: 'vice_president5' stands apart from any post; taken as the fields of the post of 'office4'"))
        #expect(byOffice["Mayor of Somewhere"]?.alongside == ["Someone"])
    }

    @Test(arguments: [
        ("26 July 2008", "2008-07-26"), ("July 26, 2008", "2008-07-26"), ("February 2011", "2011-02"), ("2003", "2003"),
        ("c. 1850", "1850~"), ("circa 1850", "1850~"), ("3 Sept 1999", "1999-09-03"), ("2006-04-08", "2006-04-08"),
    ])
    func infoboxDates(_ text: String, _ edtf: String) {
        #expect(WikiDate.parse(text) == .date(edtf))
    }

    @Test func presentAndNonsense() {
        #expect(WikiDate.parse("Incumbent") == .present)
        #expect(WikiDate.parse("present") == .present)
        #expect(WikiDate.parse("30 February 2011") == nil, "impossible days are not dates")
        #expect(WikiDate.parse("the spring after the war") == nil)
    }

    @Test func anUnclosedTemplateIsAnErrorAtItsLine() {
        let file = InputFile(path: "x.wiki", text: "intro\n{{Infobox officeholder\n| name = X\n| office = {{nowrap|Y}\n")
        #expect {
            _ = try InfoboxImporter.import(file)
        } throws: { error in
            (error as? CursusError)?.diagnostics.first.map { $0.location?.line == 2 && $0.message.contains("never closed") } ?? false
        }
    }

    @Test func textWithoutAnInfoboxIsAnError() {
        #expect(throws: CursusError.self) { try InfoboxImporter.import(InputFile(path: "x.txt", text: "Just prose about someone.\n")) }
        #expect(throws: CursusError.self) {
            try InfoboxImporter.import(InputFile(path: "x.wiki", text: "{{Short description|A diplomat}}\n"))
        }
    }
}

@Suite struct WikidataImporterTests {
    @Test func positionsHeldWithPrecisionsQualifiersAndWarnings() throws {
        let result = try WikidataImporter.import(try fixture("entity.json"), entities: [], language: "en")
        let dossier = result.dossier
        #expect(dossier.people.first?.name == "Jane Example")
        #expect(dossier.people.first?.born?.text == "1960-03-14")
        #expect(dossier.people.first?.nativeName == "Jeanne Exemple")
        let byOffice = Dictionary(dossier.tenures.map { ($0.office, $0) }, uniquingKeysWith: { first, _ in first })
        let us = try #require(byOffice["Ambassador of Examplia to the United States"])
        #expect(us.start?.text == "2008-07-26" && us.end?.text == "2017-08", "day and month precision")
        #expect(us.predecessor == "John Doe" && us.successor == "Mary Roe" && us.appointedBy == ["Alan Smith"])
        #expect(us.organization == "Ministry of Foreign Affairs")
        let belgium = try #require(byOffice["Ambassador of Examplia to Belgium"])
        #expect(belgium.start?.text == "1998~" && belgium.end?.text == "2003~", "year precision, circa")
        let secretary = try #require(byOffice["Second Secretary"])
        #expect(secretary.start == nil && secretary.end?.text == "198X", "somevalue is unknown; decade precision")
        #expect(byOffice["Attaché"]?.start?.text == "1975/1977-06", "earliest and latest make an interval")
        #expect(byOffice["Senator"]?.ongoing == true, "no end time: still held")
        #expect(byOffice.count == 5, "deprecated and unknown statements are skipped")
        let warnings = result.warnings.map { "\($0.location?.line ?? 0): \($0.message)" }
        #expect(
            warnings == [
                "16: qualifier P5054 of a position held is not read",
                "37: a deprecated position held (Q1$old-error) is skipped",
                "39: a position held with no known value (Q1$unknown-post) is skipped",
            ])
    }

    /// Labels in the language asked for, else English.
    @Test func labelsFallBackToEnglishThenToTheID() throws {
        let result = try WikidataImporter.import(try fixture("entity.json"), entities: ["Q1"], language: "fr")
        #expect(result.dossier.people.first?.name == "Jeanne Exemple")
        #expect(result.dossier.tenures.contains { $0.office == "Sénatrice" })
        #expect(
            result.dossier.tenures.contains { $0.office == "Ambassador of Examplia to the United States" },
            "no French label: the English one")
    }

    @Test func malformedJSONIsAnErrorWithItsPlace() {
        let file = InputFile(path: "bad.json", text: "{\"entities\": {\n  \"Q1\": [1, 2,,]\n}}")
        #expect {
            _ = try WikidataImporter.import(file, entities: [], language: "en")
        } throws: { error in
            guard let diagnostic = (error as? CursusError)?.diagnostics.first else { return false }
            return diagnostic.message.hasPrefix("not valid JSON") && diagnostic.location?.line == 2
        }
    }

    @Test func aMissingEntityIsNamed() {
        #expect {
            _ = try WikidataImporter.import(try fixture("entity.json"), entities: ["Q404"], language: "en")
        } throws: { error in
            (error as? CursusError)?.diagnostics.first?.message.hasPrefix("no entity Q404 in this file") == true
        }
    }
}

/// Writes `text` to a temporary file named `name` and returns its path.
func temporaryFile(_ name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cursus-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct CSVImporterTests {
    @Test func listsKeepSeparatorsInsideItems() {
        let items = ["Election; rivals", #"back\slash"#, "plain"]
        #expect(DossierTable.splitList(DossierTable.joinList(items)) == items)
    }

    @Test func aForeignSheetWithAMap() throws {
        let path = try temporaryFile(
            "posts.csv", "Post;From;To;Who;id\nEnvoy to Lyon;1999;2003;Jane;a\n\"Consul; later envoy\";2004-02;;Jane;b\n")
        let result = try CSVImporter.import(path, mapping: try CSVImporter.mapping("office=Post,start=From,end=To,person=Who"))
        #expect(result.dossier.tenures.map(\.office) == ["Envoy to Lyon", "Consul; later envoy"])
        #expect(result.dossier.tenures.map { $0.start?.text } == ["1999", "2004-02"])
        #expect(result.dossier.people.map(\.id) == ["Jane"], "a person named but not described is added")
    }

    @Test func neutralisedFormulasAreRestored() throws {
        let path = try temporaryFile("t.csv", "id,person,office\nt,p,'=1+2\n")
        #expect(try CSVImporter.import(path, mapping: [:]).dossier.tenures.first?.office == "=1+2")
    }

    @Test func anUnclosedQuoteIsAnError() throws {
        let path = try temporaryFile("t.csv", "id,person,office\nt,p,ok\nu,p,\"never closed\n")
        #expect {
            _ = try CSVImporter.import(path, mapping: [:])
        } throws: { error in
            (error as? CursusError)?.diagnostics.first.map { $0.message.contains("never closed") } ?? false
        }
    }

    @Test func aMapNamingAMissingColumnIsAnError() throws {
        let path = try temporaryFile("t.csv", "Post,From\nEnvoy,1999\n")
        #expect(throws: CursusError.self) { try CSVImporter.import(path, mapping: ["office": "Post", "start": "Start"]) }
        #expect(throws: CursusError.self) { try CSVImporter.mapping("office") }
    }
}

/// The field's interchange formats: Popolo JSON and FollowTheMoney entities.
@Suite struct InterchangeImporterTests {
    @Test func popoloMembershipsBecomeTenures() throws {
        let result = try PopoloImporter.import(try fixture("popolo.json"))
        let dossier = result.dossier
        #expect(dossier.people.map(\.name) == ["Ada Example", "Bob Other"])
        let ada = dossier.people[0]
        #expect(ada.ids.map { "\($0.key)=\($0.value)" } == ["popolo=b7c1e0f2-ada-example", "wikidata=Q99999901"])
        #expect(ada.born?.text == "1950-09-07")
        let posts = dossier.tenures.map { [$0.office, $0.start?.text ?? "", $0.end?.text ?? "", $0.place ?? "", $0.notes ?? ""] }
        #expect(
            posts == [
                [
                    "member, Assembly of Examplia", "2014-06-01", "2019-05-31", "North District",
                    "On behalf of Green Party; Term: 7th Assembly",
                ],
                ["Speaker of the Assembly", "2016-03", "2017", "", ""],
                ["Member of Assembly of Examplia", "2019-06-01", "", "", ""],
            ], "dates at their precision; a term's dates when the membership has none")
        #expect(dossier.tenures.allSatisfy { $0.ids.first?.key == "popolo" })
        let messages = result.warnings.map(\.message)
        #expect(messages.contains { $0.contains("without an id or a name") })
        #expect(messages.contains { $0.contains("(nobody) is left out") })
        #expect(messages.contains { $0.contains("ends (2001-01-01) before it starts") })
    }

    @Test func followTheMoneyOccupanciesStream() throws {
        let path = fixtures.appendingPathComponent("ftm.jsonl").path
        let result = try FollowTheMoneyImporter.import(path)
        let dossier = result.dossier
        #expect(dossier.people.map(\.name) == ["Ada Example"])
        #expect(dossier.people[0].ids.map(\.value) == ["NK-ada", "Q99999901"])
        let posts = dossier.tenures.map { [$0.office, $0.start?.text ?? "", $0.ongoing ? "present" : ($0.end?.text ?? "")] }
        #expect(
            posts == [
                ["Minister of Examples", "", ""],
                ["Speaker of the Assembly of Examplia", "2016-03", "2017"],
                ["Minister of Examples", "2020-01-15", "present"],
            ])
        let messages = result.warnings.map(\.message)
        #expect(messages.contains { $0.contains("NK-zed, who is not in the file") })
        #expect(messages.contains { $0.contains("line 7 is not valid JSON") })
        #expect(messages.contains { $0.contains("startDate '2030-13-45' is not a date") })
    }
}
