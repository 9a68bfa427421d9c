import CursusTestSupport
import Foundation
import Testing

@testable import CursusCore

/// Cursus against other EDTF implementations' own test suites (`Tests/Fixtures/edtf/implementations.tsv`):
/// the same validity and the same earliest and latest day, except where the fixture gives
/// Cursus's own answer and the reason, which is then held too.
@Suite struct EDTFImplementationsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: Answer
        var from: String
        /// Cursus's answer where it differs on purpose, and why.
        var cursus: (answer: Answer, reason: String)?

        var testDescription: String { "\(from): '\(input)'" }
    }

    /// Valid or not, and the bounds when a suite gives them ("open" for none).
    struct Answer: Equatable, Sendable {
        var valid: Bool
        var earliest: String?
        var latest: String?
    }

    static let cases: [Case] = {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/edtf/implementations.tsv")
        let lines = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: true) ?? []
        return lines.filter { !$0.hasPrefix("#") }.dropFirst().map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let blank = { (text: String) in text.isEmpty ? nil : text }
            var cursus: (Answer, String)?
            if columns[5].contains("|") {
                let parts = columns[5].split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let words = parts[0].split(separator: " ").map(String.init)
                cursus = (Answer(valid: words[0] == "valid", earliest: words.dropFirst().first, latest: words.dropFirst(2).first), parts[1])
            }
            return Case(
                input: columns[0], expected: Answer(valid: columns[1] == "valid", earliest: blank(columns[2]), latest: blank(columns[3])),
                from: columns[4], cursus: cursus)
        }
    }()

    /// What the README says of the fixture: 251 inputs from three suites, 14 answered otherwise on purpose.
    @Test func theFixtureHoldsWhatTheReadmeSays() {
        #expect(Self.cases.count == 251)
        #expect(Self.cases.filter { $0.cursus != nil }.count == 14)
        #expect(Set(Self.cases.map(\.from)) == ["python-edtf", "edtf.js", "go-edtf"])
    }

    @Test(arguments: cases)
    func cursusAgreesOrSaysWhy(_ test: Case) {
        let wanted = test.cursus?.answer ?? test.expected
        let date = try? EDTF(test.input)
        #expect((date != nil) == wanted.valid, "\(test.cursus?.reason ?? "")")
        guard let date, wanted.valid else { return }
        let bound = { (day: CalendarDay?) in day?.iso ?? "open" }
        if let earliest = wanted.earliest { #expect(bound(date.earliest) == earliest) }
        if let latest = wanted.latest { #expect(bound(date.latest) == latest) }
    }
}
