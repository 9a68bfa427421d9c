import CursusTestSupport
import Foundation
import Testing

/// The example's TimelineJS3 JSON: a slide per post, milestone and event, dates TimelineJS reads.
@Suite struct TimelineJSTests {
    @Test func everySlideHasADateTimelineJSReads() throws {
        let script = #"""
            import sys, json, yaml, datetime
            timeline = json.load(open(sys.argv[1]))
            dossier = yaml.load(open(sys.argv[2]), Loader=yaml.BaseLoader)
            expected = sum(("start" in t) + len(t.get("milestones", [])) for t in dossier["tenures"]) + len(dossier["events"])
            ok = True
            for slide in timeline["events"]:
                for key in ("start_date", "end_date"):
                    if key in slide:
                        d = slide[key]
                        ok &= isinstance(d["year"], int) and bool(d["display_date"])
                        datetime.date(d["year"], d.get("month", 1), d.get("day", 1))
                ok &= bool(slide["text"]["headline"])
            ids = [s["unique_id"] for s in timeline["events"]]
            ongoing = [s for s in timeline["events"] if s["unique_id"] == "tenure-senator-mordovia"][0]
            print(len(timeline["events"]), expected, len(set(ids)), ok, ongoing["end_date"]["year"], "headline" in timeline["title"]["text"])
            """#
        let (status, output) = try python(
            [
                "-c", script, repositoryRoot.appendingPathComponent("Examples/kislyak/out/timeline.json").path,
                repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml").path,
            ])
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(status == 0, "\(fields)")
        guard fields.count == 6 else {
            Issue.record("\(fields)")
            return
        }
        #expect(fields[0] == fields[1], "a slide per post, milestone and event")
        #expect(fields[2] == fields[0], "unique ids")
        #expect(fields[3] == "True", "every date is a calendar date with its reading form")
        #expect(fields[4] == "2026", "an ongoing post runs to as_of")
        #expect(fields[5] == "True")
    }
}
