import CursusTestSupport
import Foundation
import Testing

@Suite struct DateCommandTests {
    @Test func jsonGivesOneObjectPerDateWithFixedKeys() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["date", "--json", "2016-23", "1981/..", "-0044-03-15", "2016-02-30"])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(Set(objects[0].keys) == ["input", "valid", "edtf", "level", "earliest", "latest", "precision", "display"])
        #expect(objects[0]["earliest"] as? String == "2016-09-01")
        #expect(objects[0]["display"] as? String == "autumn 2016")
        #expect(objects[1]["latest"] is NSNull)
        #expect(objects[2]["display"] as? String == "15 Mar 45 BC")
        #expect(Set(objects[3].keys) == ["input", "valid", "error"])
        #expect(objects[3]["valid"] as? Bool == false)
        #expect(
            lines[0].hasPrefix(#"{"input": "2016-23", "valid": true, "edtf": "2016-23", "level": 1, "earliest""#),
            "keys in the documented order")
    }

    /// The level each example of the specification's levels needs, and `--` ends the options, so
    /// that a date may begin with a minus.
    @Test(arguments: [
        ("2008-07-26", 0), ("1985-04-12T23:20:30Z", 0), ("1981/1985", 0),
        ("2016-23", 1), ("2004~", 1), ("201X", 1), ("1985-XX-XX", 1), ("-1985", 1), ("Y170000002", 1), ("1985/..", 1), ("2004~/2006", 1),
        ("2004-06-~11", 2), ("2004?-06-11", 2), ("156X-12-25", 2), ("1984-1X", 2), ("XXXX-12-XX", 2), ("2001-34", 2), ("1950S2", 2),
        ("Y-17E7", 2), ("[1667,1668,1670..1672]", 2), ("{1960,1961-12}", 2),
    ])
    func levelsFollowTheSpecification(_ date: String, _ level: Int) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.run(["date", "--json", "--", date])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["input"] as? String == date, "'--' is not a date")
        #expect(object["level"] as? Int == level, "\(date)")
    }

    @Test func textModeExplainsAndPointsAtErrors() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let good = try workspace.run(["date", "2017-07-31~"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("c. 31 Jul 2017"))
        let bad = try workspace.run(["date", "1900-02-29"])
        #expect(bad.status == 65)
        #expect(
            bad.stderr
                == "argument 1:1:9: error: invalid date '1900-02-29': 1900-02-29 is not a calendar date: February 1900 has 28 days\n1900-02-29\n        ^\n"
        )
    }
}
