import CursusTestSupport
import Foundation
import Testing

@testable import CursusCore

/// A fact's `sources` hold source ids or citations with the passage that states the fact and
/// where it stands; every reader and writer keeps them, and plain ids stay plain.
@Suite struct CitationTests {
    static let dossier = """
        cursus: 1
        person: {id: p, name: Ada, sources: [{source: s, quote: "Ada (born 1950)", locator: line 1}]}
        sources:
          - {id: s, title: A source}
        tenures:
          - id: t
            office: Envoy
            start: 2001
            milestones:
              - {date: 2002, title: Credentials, sources: [{source: s, quote: "She presented; \\"credentials\\"", locator: p. 3}]}
            sources: [s]
        events:
          - {id: e, date: 2003, title: Talks, sources: {source: s, quote: Talks began., locator: § Career}}
        """

    @Test func yamlReadsIdsAndCitations() throws {
        let dossier = try DossierLoader.decode(InputFile(path: "d.yml", text: Self.dossier)).dossier
        #expect(dossier.tenures[0].sources == ["s"])
        #expect(dossier.people[0].sources == [Citation("s", quote: "Ada (born 1950)", locator: "line 1")])
        #expect(dossier.tenures[0].milestones[0].sources[0].quote == #"She presented; "credentials""#)
        #expect(
            dossier.events[0].sources == [Citation("s", quote: "Talks began.", locator: "§ Career")], "a single citation is a list of one")
    }

    /// YAML, JSON and JSON Lines written by Cursus read back to the same dossier.
    @Test(arguments: [DossierWriter.Format.yaml, .json, .jsonl])
    func citationsSurviveEveryFormat(_ format: DossierWriter.Format) throws {
        let dossier = try DossierLoader.decode(InputFile(path: "d.yml", text: Self.dossier)).dossier
        let text = DossierWriter.write(dossier, as: format)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("back.\(format.rawValue)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let back = try DossierLoader.load(path).dossier
        #expect(DossierWriter.write(back, as: .yaml) == DossierWriter.write(dossier, as: .yaml))
        #expect(text.contains("Talks began."))
    }

    /// A source that is cited by id alone is written by id alone: old dossiers stay as they were.
    @Test func plainCitationsAreWrittenAsIds() throws {
        let dossier = try DossierLoader.decode(InputFile(path: "d.yml", text: Self.dossier)).dossier
        let yaml = DossierWriter.write(dossier, as: .yaml)
        #expect(yaml.contains("  sources:\n  - s\n") || yaml.contains("sources: [s]") || yaml.contains("  - s\n"), "\(yaml)")
        #expect(!yaml.contains("source: s\n  sources"))
    }

    /// A citation's source must exist, as a plain id's must; a citation without a source is refused.
    @Test func citationsAreChecked() {
        let missing = Self.dossier.replacingOccurrences(
            of: "{source: s, quote: Talks began.", with: "{source: nowhere, quote: Talks began.")
        #expect(throws: CursusError.self) {
            try DossierValidator.merge([try DossierLoader.decode(InputFile(path: "d.yml", text: missing))])
        }
        let noSource = Self.dossier.replacingOccurrences(of: "{source: s, quote: Talks began.", with: "{quote: Talks began.")
        do {
            _ = try DossierLoader.decode(InputFile(path: "d.yml", text: noSource))
            Issue.record("a citation without a source was accepted")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("a citation needs 'source'") }, "\(error.diagnostics)")
        }
    }

    /// In tables a citation is one item of the `sources` cell: the id, or a JSON object; people
    /// read it as the id with the quote and its place.
    @Test func tableCellsHoldCitationsAsTheyReadBack() throws {
        let dossier = try DossierLoader.decode(InputFile(path: "d.yml", text: Self.dossier)).dossier
        let row = DossierTable.row(dossier.events[0])
        let cell = row[try #require(DossierTable.events.columns.firstIndex(of: "sources"))]
        #expect(cell.text == #"{"source":"s","quote":"Talks began.","locator":"§ Career"}"#)
        #expect(cell.forReading.text == "s: “Talks began.” (§ Career)")
    }
}
