import CursusTestSupport
import Foundation
import Testing

/// The example's calendar, read back by Python's icalendar package as calendar programs read it.
@Suite struct CalendarTests {
    @Test func icalendarReadsEveryEntryAtItsDates() throws {
        let script = #"""
            import sys, yaml, icalendar
            raw = open(sys.argv[1], "rb").read()
            cal = icalendar.Calendar.from_ical(raw)
            events = list(cal.walk("VEVENT"))
            dossier = yaml.load(open(sys.argv[2]), Loader=yaml.BaseLoader)
            tenures = dossier["tenures"]
            expected = sum(("start" in t) + ("end" in t) + len(t.get("milestones", [])) for t in tenures) + len(dossier["events"])
            autumn = [e for e in events if "weighing replacements" in str(e["SUMMARY"])][0]
            lines = raw.split(b"\r\n")
            print(len(events), expected, len({str(e["UID"]) for e in events}),
                  autumn["DTSTART"].dt.isoformat(), autumn["DTEND"].dt.isoformat(), "season" in str(autumn["DESCRIPTION"]),
                  max(len(line) for line in lines), str(events[0]["DTSTAMP"].dt.date()))
            """#
        let (status, output) = try python(
            [
                "-c", script, repositoryRoot.appendingPathComponent("Examples/kislyak/out/kislyak.ics").path,
                repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml").path,
            ])
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(status == 0, "\(fields)")
        #expect(fields.count == 8)
        guard fields.count == 8 else { return }
        #expect(fields[0] == fields[1], "every start, end, milestone and event is one entry")
        #expect(fields[2] == fields[0], "UIDs are unique")
        #expect(fields[3] == "2016-09-01" && fields[4] == "2016-12-01", "autumn 2016 spans September to November")
        #expect(fields[5] == "True", "a partial date says so")
        #expect(Int(fields[6])! <= 75, "lines folded at 75 octets")
        #expect(fields[7] == "2026-11-22", "DTSTAMP is as_of")
    }
}
