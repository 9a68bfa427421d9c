import CursusTestSupport
import Foundation
import Testing

/// The example's database, opened and queried with the `sqlite3` program.
@Suite struct SQLiteTests {
    func query(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "sqlite3", "-readonly", repositoryRoot.appendingPathComponent("Examples/kislyak/out/kislyak.sqlite").path, sql,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(sql)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func tablesHoldTheDossier() throws {
        #expect(try query("SELECT count(*) FROM people") == "1")
        #expect(try query("SELECT count(*) FROM tenures") == "11")
        #expect(try query("SELECT count(*) FROM events") == "25")
        #expect(try query("SELECT count(*) FROM milestones WHERE tenure = 'us-ambassador'") == "6")
        #expect(
            try query("SELECT start_earliest, end_latest, ongoing FROM tenures WHERE id = 'us-ambassador'") == "2008-07-26|2017-08-21|0")
        #expect(
            try query("SELECT date, date_earliest, date_latest FROM milestones WHERE date = '2016-23'") == "2016-23|2016-09-01|2016-11-30")
    }

    @Test func keysIndexesSearchAndViewsWork() throws {
        #expect(try query("PRAGMA foreign_key_check").isEmpty, "every reference resolves")
        #expect(try query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE '%_by_%'") == "4")
        let found = try query("SELECT record_id FROM search WHERE search MATCH 'Kushner' ORDER BY record_id")
        #expect(found.split(separator: "\n").contains("flynn-kushner-meeting"))
        #expect(try query("SELECT DISTINCT person_name FROM tenures_with_people") == "Sergey Kislyak")
        #expect(try query("SELECT count(*) FROM events_with_people") == "24", "every event but the one that concerns nobody")
        #expect(try query("SELECT count(DISTINCT source) FROM citations") == "2")
    }
}
