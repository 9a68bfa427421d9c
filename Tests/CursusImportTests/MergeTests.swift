import CursusCore
import Foundation
import Testing

@testable import CursusImport

/// `--into`: an import merged into a dossier someone keeps.
@Suite struct MergeTests {
    static let kept = """
        cursus: 1
        person: {id: ada, name: Ada Example, born: 1950, ids: {wikidata: Q99}}
        sources:
          - {id: notes, title: My notes}
        tenures:
          - {id: envoy, office: Ambassador of Examplia to Canada, start: 1998-02-25, end: 2003, successor: Vadim Lukov, sources: [notes]}
          - {id: consul, office: Consul General in Miami, start: 1983, end: 1987, sources: [notes]}
        events:
          - {id: talks, date: 2001-09, title: Talks in Brussels, sources: [notes]}
        """

    static let imported = """
        cursus: 1
        person: {id: ada-example, name: A. Example, born: 1950-09-07, birth_place: Seville, ids: {wikidata: Q99}}
        sources:
          - {id: wikidata, title: "Wikidata: A. Example (Q99)", url: "https://www.wikidata.org/wiki/Q99"}
        tenures:
          - {id: ambassador-1998, office: Ambassador of Examplia to Canada, start: 1998-02-24, end: 2003-05-28, successor: V. Lukov, role: Ambassador, ids: {wikidata: "Q99$1"}, sources: [wikidata]}
          - {id: minister-2004, office: Minister of Examples, start: 2004, sources: [wikidata]}
        events:
          - {id: talks-2001, date: 2001-09, title: Talks held in Brussels, sources: [wikidata]}
          - {id: award, date: 2005, title: Receives an award, sources: [wikidata]}
        """

    func merged() throws -> DossierMerge {
        let kept = try DossierLoader.decode(InputFile(path: "kept.yml", text: Self.kept)).dossier
        let imported = try DossierLoader.decode(InputFile(path: "imported.yml", text: Self.imported)).dossier
        return DossierMerge(imported, into: kept)
    }

    @Test func whatIsThereIsMatchedAndNeverChanged() throws {
        let merge = try merged()
        let dossier = merge.dossier
        #expect(dossier.people.count == 1, "the same Wikidata id is the same person")
        let ada = dossier.people[0]
        #expect(ada.name == "Ada Example" && ada.born?.text == "1950", "the dossier's own values stay")
        #expect(ada.birthPlace == "Seville", "an empty field is filled")
        #expect(ada.disputed.isEmpty, "1950-09-07 lies within 1950: no disagreement")
        let envoy = try #require(dossier.tenures.first { $0.id == "envoy" })
        #expect(envoy.start?.text == "1998-02-25" && envoy.end?.text == "2003" && envoy.successor == "Vadim Lukov")
        #expect(envoy.role == "Ambassador")
        #expect(
            envoy.disputed == [
                Dispute(field: "start", value: "1998-02-24", sources: ["wikidata"]),
                Dispute(field: "successor", value: "V. Lukov", sources: ["wikidata"]),
            ], "the import's other start and successor are disputes with its source")
        #expect(envoy.sources == ["notes", "wikidata"], "the new source is cited on the matched post")
        #expect(envoy.ids.map(\.value) == ["Q99$1"])
    }

    @Test func whatIsNewIsAddedAfterWhatWasThere() throws {
        let dossier = try merged().dossier
        #expect(dossier.tenures.map(\.id) == ["envoy", "consul", "minister-2004"])
        #expect(dossier.tenures[2].person == "ada", "new posts belong to the matched person")
        #expect(dossier.events.map(\.id) == ["talks", "award"], "a near-identical title on the same date is the same event")
        #expect(dossier.events[0].sources == ["notes", "wikidata"])
        #expect(dossier.events[1].people == ["ada"])
        #expect(dossier.sources.map(\.id) == ["notes", "wikidata"])
        _ = try DossierValidator.merge([try DossierLoader.decode(InputFile(path: "m.yml", text: DossierWriter.write(dossier, as: .yaml)))])
    }

    @Test func theReportSaysWhatHappened() throws {
        let report = try merged().report
        #expect(report.added == ["source 'wikidata'", "tenure 'minister-2004'", "event 'award'"])
        #expect(report.matched.count == 3)
        #expect(
            report.disputed == [
                "tenure 'envoy' start: 1998-02-25 here, 1998-02-24 according to 'wikidata'",
                "tenure 'envoy' successor: Vadim Lukov here, V. Lukov according to 'wikidata'",
            ])
    }

    /// Merging the same import twice changes nothing the second time.
    @Test func mergingTwiceIsMergingOnce() throws {
        let once = try merged().dossier
        let imported = try DossierLoader.decode(InputFile(path: "imported.yml", text: Self.imported)).dossier
        let twice = DossierMerge(imported, into: once)
        #expect(DossierWriter.write(twice.dossier, as: .yaml) == DossierWriter.write(once, as: .yaml))
        #expect(twice.report.added.isEmpty && twice.report.disputed.isEmpty)
    }

    /// Posts held one after the other share a boundary year, not their dates: not the same post.
    @Test func consecutivePostsAreNotMatched() throws {
        let kept = try DossierLoader.decode(
            InputFile(
                path: "k.yml",
                text:
                    "cursus: 1\nperson: {id: p, name: P Q}\ntenures:\n  - {id: a, office: Deputy Director of Research, start: 1989, end: 1991}\n  - {id: b, office: Deputy Director of Science, start: 1991, end: 1993}\n"
            )
        ).dossier
        let imported = try DossierLoader.decode(
            InputFile(
                path: "i.yml",
                text:
                    "cursus: 1\nperson: {id: p, name: P Q}\ntenures:\n  - {id: x, office: Deputy director of Science, start: 1991, end: 1993}\n"
            )
        ).dossier
        let merge = DossierMerge(imported, into: kept)
        #expect(merge.report.matched.contains("tenure 'b' (imported 'x')"))
        #expect(merge.report.disputed.isEmpty)
    }
}
