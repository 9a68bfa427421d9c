import CursusTestSupport
import Foundation
import Testing

/// `cursus check` as people run it.
@Suite struct CheckCLITests {
    func example() throws -> Workspace {
        let workspace = try Workspace()
        for name in ["cursus.yml", "kislyak.yml"] {
            try workspace.write(name, try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/\(name)")))
        }
        return workspace
    }

    /// The example's two findings are real: a campaign and an election before the senator took his seat.
    @Test func theExamplesFindingsAreItsPreAppointmentMilestones() throws {
        let workspace = try example()
        defer { workspace.remove() }
        let result = try workspace.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("kislyak.yml:") }
        #expect(findings.count == 2)
        #expect(
            findings.allSatisfy { $0.contains("warning: [milestone-outside]") && $0.contains("'senator-mordovia' starts (2017-09-20)") })
        #expect(result.stderr.contains("2 findings: 0 errors, 2 warnings, 0 notes"))
        #expect(try workspace.run(["check", "--strict"]).status == 65, "--strict fails on warnings")
    }

    @Test func aManifestSetsSeverities() throws {
        let workspace = try example()
        defer { workspace.remove() }
        let manifest =
            String(decoding: try workspace.read("cursus.yml"), as: UTF8.self) + "checks: {milestone-outside: off, uncited: error}\n"
        try workspace.write("cursus.yml", manifest)
        let result = try workspace.run(["check", "--strict"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("0 findings"))
        try workspace.write("cursus.yml", manifest.replacingOccurrences(of: "uncited: error", with: "uncitd: error"))
        let unknown = try workspace.run(["check"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("error: 'uncitd' is not a rule of cursus check (did you mean 'uncited'?)"), "\(unknown.stderr)")
        try workspace.write("cursus.yml", manifest.replacingOccurrences(of: "uncited: error", with: "uncited: loud"))
        let severity = try workspace.run(["validate"])
        #expect(severity.status == 65)
        #expect(severity.stderr.contains("'loud' is not a severity for 'uncited'; write error, warning, note or off"), "\(severity.stderr)")
    }

    /// Scripts get one JSON object a finding; an error-severity finding fails the run.
    @Test func jsonForScriptsAndErrorsFail() throws {
        let workspace = try Workspace([
            "d.yml": """
            cursus: 1
            person: {id: p, name: Ada Example, died: 2000}
            sources: [{id: s, title: A source}]
            tenures:
              - {id: t, office: Envoy, start: 1990, ongoing: true, sources: [s]}

            """
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["check", "d.yml", "--format", "json", "--as-of", "2026-01-01"])
        #expect(result.status == 65)
        let objects = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let death = try #require(objects.first { $0["rule"] as? String == "ongoing-after-death" })
        #expect(death["severity"] as? String == "error")
        #expect(death["file"] as? String == "d.yml" && death["line"] as? Int == 5)
        #expect(death["records"] as? [String] == ["tenure t", "person p"])
    }
}
