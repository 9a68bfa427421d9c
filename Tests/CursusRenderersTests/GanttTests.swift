import CursusCore
import Foundation
import Testing

@testable import CursusRenderers

@Suite struct DOTEscapingTests {
    @Test func quotedStringsShowTextLiterally() {
        #expect(DOT.quoted(#"say "hi" \N \G \l"#) == #""say \"hi\" \\N \\G \\l""#)
        #expect(DOT.quoted("two\nlines\u{7}") == #""two\nlines ""#)
    }

    @Test func htmlLabelsEscapeMarkup() {
        #expect(DOT.html(#"<b>&amp; "q" 'a' {x|y}</b>"#) == "&lt;b&gt;&amp;amp; &quot;q&quot; &#39;a&#39; {x|y}&lt;/b&gt;")
        #expect(DOT.html(#"\N \G"#) == #"\\N \\G"#, "Graphviz expands backslash escapes even in HTML-like labels")
        #expect(DOT.html("a\u{1B}b") == "a b")
    }

    @Test func numbersAreFixedPoint() {
        #expect(DOT.number(12.345) == "12.35")
        #expect(DOT.number(-0.5) == "-0.50")
        #expect(DOT.number(3) == "3.00")
    }
}

@Suite struct GanttLayoutTests {
    let asOf = CalendarDay(year: 2026, month: 11, day: 22)

    func layout(_ tenures: [Tenure], events: [Event] = [], options: GanttOptions = GanttOptions()) -> GanttChart {
        let dossier = Dossier(people: [Person(id: "p", name: "P")], tenures: tenures, events: events)
        return GanttLayout(dossier: dossier, asOf: asOf, options: options).layout()
    }

    func tenure(_ id: String, _ office: String, _ start: String, _ end: String?, category: String? = nil, ongoing: Bool = false) -> Tenure {
        Tenure(
            id: id, person: "p", office: office, category: category, start: try! EDTF(start), end: end.map { try! EDTF($0) },
            ongoing: ongoing)
    }

    /// `partial: fade`: a year-precise start and end draw over the whole years, fading in across
    /// the first and out across the last.
    @Test func partialDatesCanFadeAcrossTheirPeriod() throws {
        var options = GanttOptions()
        options.partial = .fade
        let chart = layout([tenure("a", "A", "2001", "2003")], options: options)
        let bar = try #require(chart.bars.first)
        let perDay = chart.plot.width / Double(365 * 3)
        #expect(abs(bar.rect.x - chart.plot.x) < 0.01, "from the start's earliest day")
        #expect(abs(bar.rect.width - 365 * 3 * perDay) < 0.01, "to the end's latest day")
        #expect(abs((bar.fadeIn ?? 0) - 365 * perDay) < 0.01 && abs((bar.fadeOut ?? 0) - 365 * perDay) < 0.01)
        #expect(!bar.dashed)
        #expect(chart.legend.contains { $0.label.text.hasPrefix("fade across a period") })
        let middle = layout([tenure("a", "A", "2001", "2003")])
        #expect(middle.bars[0].dashed && middle.bars[0].fadeIn == nil, "the default stays the middle of the period")
    }

    /// With `partial: fade`, an end another source gives otherwise fades from the earlier of the
    /// two dates to the later, as an end known only to its period does; undisputed exact dates don't fade.
    @Test func disputedEndsFadeAcrossTheDisagreement() throws {
        var options = GanttOptions()
        options.partial = .fade
        var disputed = tenure("a", "A", "2001-01-01", "2001-12-31")
        disputed.disputed = [Dispute(field: "end", value: "2002-12-31", sources: ["other"])]
        let chart = layout([disputed], options: options)
        let bar = try #require(chart.bars.first)
        let perDay = chart.plot.width / Double(365 * 2)
        #expect(bar.fadesOut && !bar.fadesIn)
        #expect(abs(bar.rect.maxX - chart.plot.maxX) < 0.01, "to the later date's last day")
        #expect(abs((bar.fadeOut ?? 0) - 366 * perDay) < 0.01, "from the first date's day to the second's, both included")
        let plain = layout([tenure("a", "A", "2001-01-01", "2001-12-31")], options: options)
        #expect(!plain.bars[0].fadesOut && !plain.bars[0].dashed)
    }

    /// A date set into a right-to-left event title is isolated, so that it keeps its own order;
    /// left-to-right titles are left as they are.
    @Test func datesInRightToLeftLabelsAreIsolated() throws {
        let hebrew = Event(id: "e", date: try EDTF("1973-10-06"), title: "מלחמת יום הכיפורים")
        let english = Event(id: "f", date: try EDTF("1974-06-03"), title: "Resigns")
        let chart = layout([tenure("a", "A", "1969", "1974")], events: [hebrew, english])
        #expect(chart.events[0].label.text == "מלחמת יום הכיפורים, \u{2068}6 Oct 1973\u{2069}")
        #expect(chart.events[1].label.text == "Resigns, 3 Jun 1974")
    }

    /// A set is drawn member by member on its event's line: a dot at each date (hollow for one
    /// of them, filled for all of them), a stroke along each range, a thin line joining them;
    /// the label stands clear of them all, and a member beyond the window is left out.
    @Test func setsAreDrawnMemberByMember() throws {
        let oneOf = Event(id: "o", date: try EDTF("[2003-03-01,2004..2005,2019]"), title: "One of")
        let allOf = Event(id: "a", date: try EDTF("{2006-05-01,2006-09-01}"), title: "All of")
        var window = GanttOptions()
        window.to = try EDTF("2009")
        let chart = layout([tenure("t", "A", "2002", "2009")], events: [oneOf, allOf], options: window)
        let perDay =
            chart.plot.width
            / Double(CalendarDay(year: 2010, month: 1, day: 1).daysSinceEpoch - CalendarDay(year: 2002, month: 1, day: 1).daysSinceEpoch)
        let x = { (day: CalendarDay) in
            chart.plot.x + perDay * Double(day.daysSinceEpoch - CalendarDay(year: 2002, month: 1, day: 1).daysSinceEpoch)
        }
        let one = try #require(chart.events.first { $0.event == "o" })
        #expect(one.members.count == 2, "2019 lies beyond the window")
        #expect(one.dots.map(\.hollow) == [true])
        #expect(abs(one.dots[0].x - x(CalendarDay(year: 2003, month: 3, day: 1))) < 0.01)
        #expect(abs(one.x - one.dots[0].x) < 0.01, "the event's line stands at its first member")
        let range = try #require(one.strokes.first { $0.height > 1 })
        #expect(abs(range.x - x(CalendarDay(year: 2004, month: 1, day: 1))) < 0.01)
        #expect(abs(range.maxX - x(CalendarDay(year: 2006, month: 1, day: 1))) < 0.01)
        #expect(one.strokes.contains { $0.height < 1 && abs($0.x - one.dots[0].x) < 0.01 }, "a thin line joins the members")
        let label = one.label.frame()
        #expect(label.maxX < one.dots[0].x || label.x > range.maxX, "the label stands clear of the members")
        let all = try #require(chart.events.first { $0.event == "a" })
        #expect(all.dots.map(\.hollow) == [false, false])
        #expect(all.label.text.contains("1 May 2006 and 1 Sep 2006"))
        var writer = GanttDOTWriter(chart: chart)
        let dot = writer.write()
        #expect(dot.contains("fillcolor=\"#FFFFFF\", color=\"#AA0000\""), "a hollow dot in DOT")
    }

    /// A date open at both ends (`../..`) is no day at all: never drawn at the epoch.
    @Test func datesOpenAtBothEndsAreNotDrawn() throws {
        var milestoneOnly = tenure("a", "A", "2001", "2003")
        milestoneOnly.milestones = [Milestone(date: try EDTF("../.."), title: "Sometime")]
        let chart = layout(
            [tenure("b", "B", "../..", "2001"), milestoneOnly], events: [Event(id: "e", date: try EDTF("../.."), title: "E")])
        #expect(chart.bars.count == 2 && chart.milestones.isEmpty && chart.events.isEmpty)
        #expect(!chart.axisLabels.contains { $0.text.hasPrefix("19") }, "the scale stays near the dates that are known")
    }

    @Test func barsAreExactToTheDayAndPartialDatesSitMidPeriod() throws {
        let chart = layout([tenure("a", "A", "2000-01-01", "2000-12-31"), tenure("b", "B", "2001", "2001")])
        let plot = chart.plot
        let perDay = plot.width / Double(366 + 365)
        #expect(abs(chart.bars[0].rect.x - plot.x) < 0.01)
        #expect(abs(chart.bars[0].rect.width - 366 * perDay) < 0.01, "2000 is a leap year: 366 days, to the end of the last")
        #expect(!chart.bars[0].dashed)
        let b = chart.bars[1]
        #expect(b.dashed, "year-only dates are drawn dashed")
        #expect(abs(b.rect.x - (plot.x + (366 + 182.5) * perDay)) < 0.01, "a year-only start sits mid-year")
    }

    @Test func overlappingTenuresInOneRowTakeSubLanes() {
        let chart = layout([
            tenure("a", "Envoy", "2000", "2005"), tenure("b", "Envoy", "2003", "2008"), tenure("c", "Envoy", "2006", "2009"),
        ])
        #expect(chart.rowLabels.count == 1)
        let tops = chart.bars.sorted { $0.rect.x < $1.rect.x }.map(\.rect.y)
        #expect(tops[0] != tops[1], "overlapping bars are in different lanes")
        #expect(tops[0] == tops[2], "a later bar reuses a free lane")
    }

    @Test func ongoingTenuresFadeAtAsOf() {
        let chart = layout([tenure("a", "Senator", "2017-09-20", nil, ongoing: true)])
        let bar = chart.bars[0]
        #expect(bar.fadesOut && !bar.dashed)
        let asOfX =
            chart.plot.x + chart.plot.width * Double(asOf.daysSinceEpoch + 1 - CalendarDay(year: 2017, month: 1, day: 1).daysSinceEpoch)
            / Double(CalendarDay(year: 2027, month: 1, day: 1).daysSinceEpoch - CalendarDay(year: 2017, month: 1, day: 1).daysSinceEpoch)
        #expect(abs(bar.rect.maxX - asOfX) < 0.01)
        #expect(chart.title?.text == "P — career 2017–present")
    }

    @Test func eventLabelsInOneLaneNeverOverlap() {
        let events = (0..<12).map {
            Event(id: "e\($0)", date: try! EDTF("2016-12-\(10 + $0)"), title: "An event with a long title number \($0)")
        }
        let chart = layout([tenure("a", "A", "2008", "2020")], events: events)
        #expect(chart.events.count == 12)
        let byLane = Dictionary(grouping: chart.events, by: \.dotY)
        #expect(byLane.count > 1, "labels that would collide go to further lanes")
        for (_, lane) in byLane {
            let extents = lane.map { event -> ClosedRange<Double> in
                let width = TextMetrics.width(event.label.text, size: event.label.size)
                return event.label.alignment == .right ? (event.label.x - width)...event.label.x : event.label.x...(event.label.x + width)
            }.sorted { $0.lowerBound < $1.lowerBound }
            for (a, b) in zip(extents, extents.dropFirst()) { #expect(a.upperBound < b.lowerBound) }
        }
    }

    /// An event in the middle of a labelled bar, events whose lines pass other events' labels, and
    /// one on a year of the axis: no line is drawn through any text.
    @Test func eventLinesStopShortOfTexts() {
        let events =
            [
                Event(id: "mid", date: try! EDTF("2014-07-01"), title: "In the middle of the bar"),
                Event(id: "axis", date: try! EDTF("2020-01-01"), title: "On the axis"),
            ] + (0..<6).map { Event(id: "e\($0)", date: try! EDTF("2016-12-\(10 + $0 * 3)"), title: "A long event title, number \($0)") }
        let chart = layout([tenure("a", "Ambassador", "2008-07-26", "2020-12-31")], events: events)
        let texts = chart.bars.compactMap(\.label) + chart.axisLabels + chart.events.map(\.label)
        #expect(chart.bars[0].label != nil && chart.events.count == events.count)
        var crossings = 0
        for event in chart.events {
            #expect(!event.segments.isEmpty)
            #expect(event.segments.first!.lowerBound >= event.lineTop && event.segments.last!.upperBound <= event.dotY)
            for text in texts where text.text != event.label.text {
                let frame = text.frame()
                guard frame.x <= event.x, event.x <= frame.maxX else { continue }
                crossings += 1
                for segment in event.segments {
                    #expect(
                        segment.upperBound <= frame.y || segment.lowerBound >= frame.maxY,
                        "the line of '\(event.label.text)' runs through '\(text.text)'")
                }
            }
        }
        #expect(crossings >= 3, "the bar label, the axis year and other events' labels stand in the way of some lines")
    }

    @Test func windowClipsAndDropsBars() {
        var options = GanttOptions()
        options.from = try! EDTF("2000")
        options.to = try! EDTF("2004")
        let chart = layout([tenure("a", "A", "1990", "1995"), tenure("b", "B", "1998", "2002")], options: options)
        #expect(chart.bars.count == 1)
        #expect(abs(chart.bars[0].rect.x - chart.plot.x) < 0.01, "clipped at the window's start")
        #expect(chart.rowLabels.map(\.text) == ["B"])
    }

    @Test func rowsByPersonMakeASuccessionChart() {
        var dossier = Dossier(people: [Person(id: "a", name: "Yuri Ushakov"), Person(id: "b", name: "Sergey Kislyak")])
        dossier.tenures = [
            Tenure(id: "t1", person: "a", office: "Ambassador", start: try! EDTF("1999"), end: try! EDTF("2008-07")),
            Tenure(id: "t2", person: "b", office: "Ambassador", start: try! EDTF("2008-07-26"), end: try! EDTF("2017-08-21")),
        ]
        var options = GanttOptions()
        options.rows = .person
        let chart = GanttLayout(dossier: dossier, asOf: asOf, options: options).layout()
        #expect(chart.rowLabels.map(\.text) == ["Yuri Ushakov", "Sergey Kislyak"])
        #expect(chart.title?.text == "Careers 1999–2017")
    }

    @Test func categoriesGetStableColoursAndOverrides() {
        var options = GanttOptions()
        options.colors = ["home": "#123456"]
        let tenures = [
            tenure("a", "A", "2000", "2001", category: "abroad"), tenure("b", "B", "2002", "2003", category: "home"),
            tenure("c", "C", "2004", "2005", category: "abroad"),
        ]
        let chart = layout(tenures, options: options)
        #expect(chart.bars.map(\.fill) == [Palette.light[0], "#123456", Palette.light[0]])
        #expect(layout(tenures, options: options).bars.map(\.fill) == chart.bars.map(\.fill))
    }

    @Test func narrowBarsMoveOrDropTheirLabel() {
        var options = GanttOptions()
        options.yearWidth = 4
        let chart = layout([tenure("a", "A", "2000-01-01", "2000-03-01"), tenure("b", "B", "2030", "2031")], options: options)
        #expect(chart.bars[0].label?.alignment == .left, "the label goes after the bar")
    }
}

@Suite struct PluginDescriptorTests {
    func read(_ json: String) throws(PluginDescriptor.Invalid) -> RendererDescriptor {
        let object = try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return try PluginDescriptor.read(object, name: "ics")
    }

    @Test func aDescriptorGivesTypedOptionsAndCursussOwnTimeout() throws {
        let descriptor = try read(
            #"{"summary": "Calendar", "extension": ".ICS", "options": [{"name": "calendar", "type": "string", "default": "Career", "help": "Its name"}, {"name": "alarms", "type": "bool"}]}"#
        )
        #expect(descriptor.fileExtensions == ["ics"], "a dot and capitals do not matter")
        #expect(descriptor.options.map(\.name) == ["calendar", "alarms", "timeout"])
        #expect(descriptor.options[0].defaultValue == .string("Career") && descriptor.options[0].help == "Its name")
        #expect(descriptor.options[2].defaultValue == .int(60))
    }

    @Test(arguments: [
        (#"{"extension": "ics"}"#, "the descriptor has no text 'summary'"),
        (
            #"{"summary": "s", "extension": "ics", "options": [{"name": "n", "type": "float"}]}"#,
            "option 'n' has type 'float'; types are bool, int, list, mapping, string"
        ),
        (
            #"{"summary": "s", "extension": "ics", "options": [{"name": "n", "type": "int", "default": "x"}]}"#,
            "option 'n' has a default that is not of type 'int'"
        ),
        (#"{"summary": "s", "extension": "ics", "options": {"n": 1}}"#, "'options' is not a list of objects"),
    ])
    func aBrokenDescriptorSaysWhatIsWrong(_ json: String, _ reason: String) {
        #expect { try read(json) } throws: { ($0 as? PluginDescriptor.Invalid)?.reason == reason }
    }
}

@Suite struct SHA256Tests {
    /// The FIPS 180-4 examples, and a message that needs two padding blocks.
    @Test func digestsMatchTheStandardsExamples() {
        func hex(_ text: String) -> String { SHA256.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
