import CursusCore
import CursusTestSupport
import Foundation
import Testing

@testable import CursusImport

/// Real pages and entities, as their publishers serve them (`../shared/fixtures/real/`).
let realFixtures = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real")

func real(_ name: String) throws -> InputFile {
    try InputFile.read(realFixtures.appendingPathComponent(name).path, what: "fixture")
}

/// A post as the tests compare it: office, start, end (or "present"), predecessor, successor.
func posts(_ dossier: Dossier) -> [[String]] {
    dossier.tenures.map {
        [$0.office, $0.start?.text ?? "", $0.end?.text ?? ($0.ongoing ? "present" : ""), $0.predecessor ?? "", $0.successor ?? ""]
    }
}

func messages(_ result: ImportResult) -> [String] { result.warnings.map(\.message) }

@Suite struct RealInfoboxTests {
    /// Three posts: the presidency, whose predecessor and successor carry the suffix 1; a seat in
    /// Congress given only as state2 + district2; the Illinois House.
    @Test func lincolnGetsEveryPostTheInfoboxShows() throws {
        let result = try InfoboxImporter.import(try real("infobox/Abraham_Lincoln.wiki"))
        #expect(
            posts(result.dossier) == [
                ["Member of the Illinois House of Representatives", "1834", "1842", "", ""],
                [
                    "Member of the U.S. House of Representatives from Illinois's 7th district", "1847-03-04", "1849-03-03", "John Henry",
                    "Thomas L. Harris",
                ],
                ["President of the United States", "1861-03-04", "1865-04-15", "James Buchanan", "Andrew Johnson"],
            ])
        #expect(result.dossier.tenures[1].place == "Illinois")
        #expect(
            messages(result).contains("'predecessor1', 'successor1' stand apart from any post; taken as the fields of the post of 'office'")
        )
        #expect(
            messages(result).contains("'vicepresident' says '(1861–1865)' beside a name; the remark is left out"),
            "nothing dated goes silently")
        #expect(result.dossier.people[0].deathPlace == "Petersen House, Washington, D.C., U.S.", "a place broken into lines is one place")
    }

    @Test func mcphersonsTwoPostsWithACapitalOInfobox() throws {
        let result = try InfoboxImporter.import(try real("infobox/Harry_McPherson.wiki"))
        #expect(
            posts(result.dossier) == [
                [
                    "Assistant Secretary of State for Educational and Cultural Affairs", "1964-08-23", "1965-08-14", "Lucius Battle",
                    "Charles Frankel",
                ],
                ["White House Counsel", "1966-02-11", "1967-10-26", "Lee White", "Larry Temple"],
            ])
    }

    /// The shapes of real pages that the two above do not show, in a page of their own.
    @Test func sendersAndEmbeddedSectionsAndSuccessionBoxes() throws {
        let page = """
            {{Infobox officeholder
            | name = Angela Merkel
            | birth_name = Angela Dorothea Kasner
            | office = [[Chancellor of Germany]]
            | term_start = 22 November 2005
            | term_end = 8 December 2021
            | predecessor = [[Gerhard Schröder]]
            | successor = [[Olaf Scholz]] <small>(designated)</small>
            | office1 = Member of the [[Bundestag]]<br>for [[Stralsund – Nordvorpommern – Rügen]]
            | term_start1 = 20 December 1990
            | term_end1 = June 1993
            | predecessor2 = [[A Person]]<br>[[B Person]]
            | jr/sr3 = United States senator
            | state3 = [[Delaware]]
            | term_start3 = January 3, 1973
            | term_end3 = January 15, 2009
            | module = {{Collapsed infobox section begin|Earlier offices}}{{Infobox officeholder
             | embed = yes
             | office = Member of the [[New Castle County]] Council
             | term_start = 1970
             | term_end = 1972
             }}{{Collapsed infobox section end}}
            }}
            {{s-start}}
            {{s-bef|before=[[C Person]]}}
            {{s-ttl|title=[[Order of precedence of Germany|Order of precedence]]|years=2021}}
            {{s-aft|after=[[D Person]]}}
            {{s-bef|before=[[E Person]]}}
            {{s-ttl|title=President of the European Council|years=2007}}
            {{s-aft|after=[[F Person]]}}
            {{s-end}}
            """
        let result = try InfoboxImporter.import(InputFile(path: "merkel.wiki", text: page))
        #expect(result.dossier.people[0].name == "Angela Merkel", "the name, not the birth name")
        #expect(result.dossier.people[0].attributes.contains { $0.key == "birth name" && $0.value == "Angela Dorothea Kasner" })
        #expect(
            posts(result.dossier) == [
                ["Member of the New Castle County Council", "1970", "1972", "", ""],
                ["United States senator from Delaware", "1973-01-03", "2009-01-15", "", ""],
                ["Member of the Bundestag for Stralsund – Nordvorpommern – Rügen", "1990-12-20", "1993-06", "A Person; B Person", ""],
                ["Chancellor of Germany", "2005-11-22", "2021-12-08", "Gerhard Schröder", "Olaf Scholz"],
                ["President of the European Council", "2007", "2007", "E Person", "F Person"],
            ])
        #expect(messages(result).contains("'successor' says '(designated)' beside a name; the remark is left out"))
        #expect(messages(result).contains("the succession box 'Order of precedence' is an order of precedence, not a post; left out"))
        #expect(messages(result).contains("'predecessor2' stands apart from any post; taken as the fields of the post of 'office1'"))
    }
}

@Suite struct RealWikidataTests {
    /// The P39 statements of a person entity, read with Foundation, to count against.
    func positions(_ name: String, person: String) throws -> [[String: Any]] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: realFixtures.appendingPathComponent(name))) as! [String: Any]
        let entity = (root["entities"] as! [String: Any])[person] as! [String: Any]
        return ((entity["claims"] as! [String: Any])["P39"] as! [[String: Any]]).filter { $0["rank"] as? String != "deprecated" }
    }

    /// Item values with only `numeric-id` (the JSON shape of 2016) name their entity all the same.
    @Test func theOldJSONShapeImportsEveryPosition() throws {
        let statements = try positions("wikidata/Q264766.json", person: "Q264766")
        let result = try WikidataImporter.import(try real("wikidata/Q264766.json"), entities: [], language: "en")
        #expect(statements.count == 11)
        #expect(result.dossier.tenures.count == statements.count, "\(messages(result))")
        let dated = statements.filter { ($0["qualifiers"] as? [String: Any])?["P580"] != nil }.count
        #expect(result.dossier.tenures.filter { $0.start != nil }.count == dated)
        #expect(result.dossier.tenures.allSatisfy { $0.office.hasPrefix("Q") }, "the file holds no labels for the offices")
        #expect(messages(result).contains { $0.hasPrefix("Q2484309 has no label in this file, so it stands as its id") })
    }

    @Test func q7747ReadsEveryStatementAndClaimsNoOngoingPostItDoesNotState() throws {
        let statements = try positions("wikidata/Q7747.json", person: "Q7747")
        let result = try WikidataImporter.import(try real("wikidata/Q7747.json"), entities: [], language: "en")
        #expect(result.dossier.tenures.count == statements.count)
        let dating: Set<String> = ["P580", "P582", "P1319", "P1326", "P2937"]
        let bare = statements.filter { Set(($0["qualifiers"] as? [String: Any] ?? [:]).keys).isDisjoint(with: dating) }.count
        #expect(bare > 0 && statements.contains { ($0["qualifiers"] as? [String: Any] ?? [:]).isEmpty })
        #expect(result.dossier.tenures.filter { $0.start == nil && $0.end == nil && !$0.ongoing }.count == bare, "undated, not ongoing")
        #expect(messages(result).filter { $0.hasSuffix("has no dates; imported undated, not as ongoing") }.count == bare)
        #expect(result.dossier.tenures.contains { ($0.notes ?? "").contains("Order: ") }, "series ordinals (P1545) are read")
        #expect(messages(result).contains { $0.hasPrefix("a deprecated position held") })
    }

    /// The dump format, a line an entity, plain or compressed, read as a stream: every person
    /// with positions held, or those `--entity` names.
    @Test func theDumpFormatStreamsPlainAndCompressed() throws {
        let folder = try temporaryFolder("cursus-dump")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fragment = try String(contentsOf: realFixtures.appendingPathComponent("wikidata/dump-fragment-Q23-Q306.jsonl"), encoding: .utf8)
        let dump = folder.appendingPathComponent("dump.json")
        try Data(("[\n" + fragment + (fragment.hasSuffix("\n") ? "" : "\n") + "]\n").utf8).write(to: dump)
        for (program, suffix) in [("gzip", "gz"), ("bzip2", "bz2")] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program, "-k", dump.path]
            try process.run()
            process.waitUntilExit()
            #expect(FileManager.default.fileExists(atPath: dump.path + "." + suffix))
        }
        let plain = try WikidataImporter.importDump(dump.path, entities: [], language: "en")
        #expect(plain.dossier.people.map(\.name).count == 2, "both people in the fragment hold positions")
        #expect(!plain.dossier.tenures.isEmpty)
        #expect(messages(plain).contains { $0.hasPrefix("the post ends (1788-12-23) before it starts") })
        for path in [
            realFixtures.appendingPathComponent("wikidata/dump-fragment-Q23-Q306.jsonl").path, dump.path + ".gz", dump.path + ".bz2",
        ] {
            let again = try WikidataImporter.importDump(path, entities: [], language: "en")
            #expect(DossierWriter.write(again.dossier, as: .yaml) == DossierWriter.write(plain.dossier, as: .yaml), "\(path)")
        }
        let one = try WikidataImporter.importDump(dump.path + ".gz", entities: ["Q23"], language: "en")
        #expect(one.dossier.people.map(\.name) == ["George Washington"])
        #expect(WikidataImporter.isDump(dump.path) && WikidataImporter.isDump(dump.path + ".bz2"))
        #expect(!WikidataImporter.isDump(realFixtures.appendingPathComponent("wikidata/Q7747.json").path))
    }

    /// Terms (P2937) date a post through the term's own dates; the parliamentary group (P4100)
    /// and the ordinal (P1545) are kept.
    @Test func termsGroupsAndOrdinals() throws {
        func item(_ id: String) -> String { #"{"value": {"entity-type": "item", "id": "\#(id)"}, "type": "wikibase-entityid"}"# }
        func time(_ text: String) -> String { #"{"value": {"time": "\#(text)", "precision": 11}, "type": "time"}"# }
        let document = """
            {"entities": {
              "Q1": {"id": "Q1", "labels": {"en": {"value": "Ada Example"}}, "claims": {"P39": [
                {"id": "Q1$a", "rank": "normal", "mainsnak": {"snaktype": "value", "datavalue": \(item("Q10"))},
                 "qualifiers": {"P2937": [{"snaktype": "value", "datavalue": \(item("Q20"))}],
                                "P4100": [{"snaktype": "value", "datavalue": \(item("Q30"))}],
                                "P1545": [{"snaktype": "value", "datavalue": {"value": "7", "type": "string"}}]}},
                {"id": "Q1$b", "rank": "normal", "mainsnak": {"snaktype": "value", "datavalue": \(item("Q10"))},
                 "qualifiers": {"P2937": [{"snaktype": "value", "datavalue": \(item("Q21"))}]}}]}},
              "Q10": {"id": "Q10", "labels": {"en": {"value": "Member of the Bundestag"}}},
              "Q20": {"id": "Q20", "labels": {"en": {"value": "19th Bundestag"}}, "claims": {
                "P580": [{"mainsnak": {"snaktype": "value", "datavalue": \(time("+2017-10-24T00:00:00Z"))}}],
                "P582": [{"mainsnak": {"snaktype": "value", "datavalue": \(time("+2021-10-26T00:00:00Z"))}}]}},
              "Q21": {"id": "Q21", "labels": {"en": {"value": "20th Bundestag"}}},
              "Q30": {"id": "Q30", "labels": {"en": {"value": "CDU/CSU"}}}
            }}
            """
        let result = try WikidataImporter.import(InputFile(path: "terms.json", text: document), entities: [], language: "en")
        let byTerm = Dictionary(uniqueKeysWithValues: result.dossier.tenures.map { ($0.notes ?? "", $0) })
        let nineteenth = try #require(byTerm["Term: 19th Bundestag; Parliamentary group: CDU/CSU; Order: 7"])
        #expect(nineteenth.start?.text == "2017-10-24" && nineteenth.end?.text == "2021-10-26")
        let twentieth = try #require(byTerm["Term: 20th Bundestag"])
        #expect(twentieth.start == nil && twentieth.end == nil && !twentieth.ongoing)
        #expect(messages(result).contains { $0.hasPrefix("a position held during 20th Bundestag (Q21) is dated only by that term") })
    }
}
