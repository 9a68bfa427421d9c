import CursusTestSupport
import Foundation
import Testing

@testable import CursusCore

@Suite struct DossierWriterTests {
    /// `text` read back as the loader reads a file named `path` (JSON Lines from a file of its own).
    func load(_ text: String, path: String) throws -> Dossier {
        guard path.hasSuffix(".jsonl") else {
            return try DossierValidator.merge([try DossierLoader.decode(InputFile(path: path, text: text))])
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(path)
        try Data(text.utf8).write(to: file)
        return try DossierValidator.merge([try DossierLoader.load(file.path)])
    }

    /// Writing, reading back and writing again gives the same text, in every format.
    @Test(arguments: DossierWriter.Format.allCases)
    func theExampleRoundTrips(_ format: DossierWriter.Format) throws {
        let original = try DossierValidator.merge([
            try DossierLoader.load(repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml").path)
        ])
        let written = DossierWriter.write(original, as: format)
        let reread = try load(written, path: "x.\(format.rawValue)")
        #expect(DossierWriter.write(reread, as: format) == written)
        #expect(reread.tenures.count == original.tenures.count && reread.events.count == original.events.count)
        #expect(reread.tenures.map { $0.start?.text } == original.tenures.map { $0.start?.text })
        #expect(reread.tenures.flatMap(\.milestones).count == original.tenures.flatMap(\.milestones).count)
        #expect(reread.people[0].attributes.map(\.value) == original.people[0].attributes.map(\.value))
    }

    @Test func stringsThatLookLikeOtherThingsStayStrings() throws {
        var dossier = Dossier(people: [Person(id: "p", name: "null", nativeName: "yes")])
        dossier.tenures = [
            Tenure(id: "t", person: "p", office: "~", role: "true", place: "- a: b", start: try EDTF("2008"), end: try EDTF("2010-02-03"))
        ]
        for format in DossierWriter.Format.allCases {
            let reread = try load(DossierWriter.write(dossier, as: format), path: "x.\(format.rawValue)")
            #expect(reread.people[0].name == "null")
            #expect(reread.people[0].nativeName == "yes")
            #expect(reread.tenures[0].office == "~")
            #expect(reread.tenures[0].role == "true")
            #expect(reread.tenures[0].place == "- a: b")
            #expect(reread.tenures[0].end?.text == "2010-02-03")
        }
    }
}
