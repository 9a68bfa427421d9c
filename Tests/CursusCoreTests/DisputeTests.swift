import CursusTestSupport
import Foundation
import Testing

@testable import CursusCore

/// Disagreements between sources kept as data: a record's `disputed` list holds other values of
/// its date and name fields, each with its sources.
@Suite struct DisputeTests {
    static let dossier = """
        cursus: 1
        person: {id: p, name: Ada}
        sources:
          - {id: a, title: One report}
          - {id: b, title: Another report}
        tenures:
          - id: t
            office: Deputy Minister
            start: 2016-12-28
            sources: [a]
            disputed:
              - {field: start, value: 2016-12-18, sources: [b]}
        """

    @Test func disputesAreReadWithTheirSources() throws {
        let dossier = try DossierLoader.decode(InputFile(path: "d.yml", text: Self.dossier)).dossier
        #expect(dossier.tenures[0].disputed == [Dispute(field: "start", value: "2016-12-18", sources: ["b"])])
        #expect(dossier.tenures[0].start?.text == "2016-12-28", "the preferred value stays the field's")
        let yaml = DossierWriter.write(dossier, as: .yaml)
        #expect(yaml.contains("disputed:\n  - field: start\n    value: \"2016-12-18\""), "\(yaml)")
    }

    @Test(arguments: [
        ("{field: colour, value: red}", "'colour' cannot be disputed here; a dispute names one of"),
        ("{field: start, value: 2016-13-18}", "invalid date '2016-13-18' for a disputed 'start'"),
        ("{field: start}", "a disputed value needs 'value'"),
        ("{field: sources, value: b}", "'sources' cannot be disputed here"),
    ])
    func badDisputesAreErrorsAtTheirPlace(_ dispute: String, _ message: String) {
        let text = Self.dossier.replacingOccurrences(of: "{field: start, value: 2016-12-18, sources: [b]}", with: dispute)
        do {
            _ = try DossierLoader.decode(InputFile(path: "d.yml", text: text))
            Issue.record("accepted \(dispute)")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains(message) }, "\(error.diagnostics.map(\.message))")
            #expect(error.diagnostics.allSatisfy { $0.location?.line != nil })
        }
    }

    /// A source cited only by a dispute stays with it through an output's filter.
    @Test func aFilterKeepsTheSourcesOfDisputes() throws {
        let dossier = try DossierLoader.decode(InputFile(path: "d.yml", text: Self.dossier)).dossier
        let filtered = DossierFilter(categories: nil, from: try EDTF("2016")).apply(
            to: dossier, asOf: CalendarDay(year: 2026, month: 1, day: 1))
        #expect(filtered.tenures.count == 1)
        #expect(filtered.sources.map(\.id) == ["a", "b"], "b is cited only by the dispute")
        #expect(filtered.citedSourceIDs == ["a", "b"])
    }

    @Test func aDisputesSourceMustExist() throws {
        let text = Self.dossier.replacingOccurrences(of: "sources: [b]}", with: "sources: [nowhere]}")
        #expect(throws: CursusError.self) { try DossierValidator.merge([try DossierLoader.decode(InputFile(path: "d.yml", text: text))]) }
    }
}
