import CursusCore
import Foundation
import Testing

@testable import CursusCheck

/// Each rule on a dossier that triggers it and on one that does not.
@Suite struct RuleTests {
    /// The findings of `rule` on a dossier of `tenures` (YAML list items) and `events`.
    func findings(
        _ rule: any Rule, tenures: String, events: String = "", people: String = "  - {id: p, name: Ada Example, born: 1950, died: 2020}",
        sources: String = "  - {id: s, title: A source}", asOf: CalendarDay = CalendarDay(year: 2026, month: 1, day: 1)
    ) throws -> [Finding] {
        let text =
            "cursus: 1\npeople:\n\(people)\nsources:\n\(sources)\ntenures:\n\(tenures)\n" + (events.isEmpty ? "" : "events:\n\(events)\n")
        let dossier = try DossierValidator.merge([try DossierLoader.decode(InputFile(path: "d.yml", text: text))])
        return rule.findings(in: CheckContext(dossier: dossier, asOf: asOf))
    }

    @Test func endBeforeStartLooksAtDisputedDates() throws {
        let bad = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2004, sources: [s], disputed: [{field: end, value: 1999}]}"
        #expect(try findings(EndBeforeStart(), tenures: bad).map(\.rule) == ["end-before-start"])
        let good = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2004, sources: [s], disputed: [{field: end, value: 2005}]}"
        #expect(try findings(EndBeforeStart(), tenures: good).isEmpty)
    }

    @Test func milestoneOutside() throws {
        let bad = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2004, sources: [s], milestones: [{date: 2006, title: Late}]}"
        #expect(try findings(MilestoneOutside(), tenures: bad).count == 1)
        let good = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2004, sources: [s], milestones: [{date: 2003, title: In}]}"
        #expect(try findings(MilestoneOutside(), tenures: good).isEmpty)
    }

    @Test func outsideLife() throws {
        let tenure = "  - {id: t, person: p, office: Envoy, start: 1940, end: 1945, sources: [s]}"
        let event = "  - {id: e, date: 2022, title: After, people: [p], sources: [s]}"
        #expect(
            Set(try findings(OutsideLife(), tenures: tenure, events: event).map(\.rule)) == ["tenure-outside-life", "event-outside-life"])
        let fine = "  - {id: t, person: p, office: Envoy, start: 1990, end: 1995, sources: [s]}"
        #expect(try findings(OutsideLife(), tenures: fine, events: "  - {id: e, date: 2001, title: In, people: [p], sources: [s]}").isEmpty)
    }

    @Test func ongoingAfterDeath() throws {
        #expect(try findings(OngoingAfterDeath(), tenures: "  - {id: t, person: p, office: Envoy, start: 2001, ongoing: true}").count == 1)
        let alive = "  - {id: p, name: Ada Example, born: 1950}"
        #expect(
            try findings(OngoingAfterDeath(), tenures: "  - {id: t, person: p, office: Envoy, start: 2001, ongoing: true}", people: alive)
                .isEmpty)
    }

    static let two = "  - {id: p, name: Ada Example}\n  - {id: q, name: Bob Other}"

    @Test func samePostOverlap() throws {
        let twice =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2005}\n  - {id: b, person: p, office: Envoy, start: 2003, end: 2006}"
        #expect(try findings(SamePostOverlap(), tenures: twice).map(\.records) == [["tenure a", "tenure b"]])
        let after =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2002}\n  - {id: b, person: p, office: Envoy, start: 2003, end: 2006}"
        #expect(try findings(SamePostOverlap(), tenures: after).isEmpty)
    }

    @Test func successionOverlapAndPrecision() throws {
        let overlapping =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2005}\n  - {id: b, person: q, office: envoy, start: 2004, end: 2008}"
        #expect(try findings(SuccessionOverlap(), tenures: overlapping, people: Self.two).map(\.rule) == ["succession-overlap"])
        let coarse =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2008}\n  - {id: b, person: q, office: Envoy, start: 2008-07-26, end: 2012}"
        #expect(try findings(SuccessionOverlap(), tenures: coarse, people: Self.two).map(\.rule) == ["precision-overlap"])
        let clean =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2008-07-25}\n  - {id: b, person: q, office: Envoy, start: 2008-07-26, end: 2012}"
        #expect(try findings(SuccessionOverlap(), tenures: clean, people: Self.two).isEmpty)
    }

    @Test func successionGap() throws {
        let gap =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2003}\n  - {id: b, person: q, office: Envoy, start: 2006, end: 2008}"
        #expect(try findings(SuccessionGap(), tenures: gap, people: Self.two).count == 1)
        let close =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2003}\n  - {id: b, person: q, office: Envoy, start: 2004, end: 2008}"
        #expect(try findings(SuccessionGap(), tenures: close, people: Self.two).isEmpty)
    }

    @Test func successionMismatch() throws {
        let names = "  - {id: p, name: Ada Example}\n  - {id: q, name: Bob Other}\n  - {id: r, name: Cy Third}"
        let wrong =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2004, successor: Bob Other}\n  - {id: b, person: q, office: Envoy, start: 2004, end: 2008, predecessor: Cy Third}"
        #expect(Set(try findings(SuccessionMismatch(), tenures: wrong, people: names).map(\.rule)) == ["predecessor-mismatch"])
        let far =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2004, successor: Bob Other}\n  - {id: b, person: q, office: Envoy, start: 2010, end: 2012}"
        #expect(try findings(SuccessionMismatch(), tenures: far, people: names).map(\.rule) == ["successor-mismatch"])
        let right =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2004, successor: Bob Other}\n  - {id: b, person: q, office: Envoy, start: 2004, end: 2008, predecessor: Ada Example}"
        #expect(try findings(SuccessionMismatch(), tenures: right, people: names).isEmpty)
        let byID =
            "  - {id: a, person: p, office: Envoy, start: 2001, end: 2004, successor: q}\n  - {id: b, person: q, office: Envoy, start: 2004, end: 2008, predecessor: p}"
        #expect(try findings(SuccessionMismatch(), tenures: byID, people: names).isEmpty, "a successor named by the person's id")
    }

    @Test func missingDates() throws {
        #expect(try findings(MissingDates(), tenures: "  - {id: t, person: p, office: Envoy, start: 2001}").count == 1)
        #expect(try findings(MissingDates(), tenures: "  - {id: t, person: p, office: Envoy, start: 2001, end: 2002}").isEmpty)
    }

    @Test func uncitedAndUnusedSources() throws {
        let bare = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2002}"
        #expect(try findings(Uncited(), tenures: bare).count == 1)
        #expect(try findings(UnusedSource(), tenures: bare).map(\.records) == [["source s"]])
        let cited = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2002, sources: [s]}"
        #expect(try findings(Uncited(), tenures: cited).isEmpty)
        #expect(try findings(UnusedSource(), tenures: cited).isEmpty)
    }

    @Test func duplicateEvent() throws {
        let tenure = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2002, sources: [s]}"
        let twice =
            "  - {id: a, date: 2001-09, title: Talks in Brussels, sources: [s]}\n  - {id: b, date: 2001-09, title: Talks held in Brussels, sources: [s]}"
        #expect(try findings(DuplicateEvent(), tenures: tenure, events: twice).count == 1)
        let distinct =
            "  - {id: a, date: 2001-09, title: Talks in Brussels, sources: [s]}\n  - {id: b, date: 2001-09, title: Arrives in Ottawa, sources: [s]}"
        #expect(try findings(DuplicateEvent(), tenures: tenure, events: distinct).isEmpty)
    }

    @Test func disputedIsNoted() throws {
        let disputed =
            "  - {id: t, person: p, office: Envoy, start: 2016-12-28, sources: [s], disputed: [{field: start, value: 2016-12-18, sources: [s]}]}"
        #expect(try findings(Disputed(), tenures: disputed).map(\.message) == ["tenure 't' start: 2016-12-18 according to s"])
        #expect(try findings(Disputed(), tenures: "  - {id: t, person: p, office: Envoy, start: 2016-12-28, sources: [s]}").isEmpty)
    }

    @Test func asOfBeforeData() throws {
        let tenure = "  - {id: t, person: p, office: Envoy, start: 2001, end: 2019, sources: [s]}"
        #expect(try findings(AsOfBeforeData(), tenures: tenure, asOf: CalendarDay(year: 2010, month: 1, day: 1)).count == 1)
        #expect(try findings(AsOfBeforeData(), tenures: tenure).isEmpty)
    }

    /// Every rule is listed once, under ids of its own.
    @Test func ruleIdsAreUnique() {
        #expect(Set(Rules.ids).count == Rules.ids.count)
        #expect(Rules.ids.count >= 17)
    }
}
