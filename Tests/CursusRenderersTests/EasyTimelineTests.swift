import CursusCore
import Foundation
import Testing

@testable import CursusRenderers

/// The EasyTimeline markup of the example: every stretch on a declared bar, in a declared
/// colour, inside the period, in fractional years.
@Suite struct EasyTimelineTests {
    @Test func fractionalYearsFallOnTheirDay() {
        let day = Double(CalendarDay(year: 2008, month: 7, day: 26).daysSinceEpoch)
        #expect(EasyTimelineRenderer.year(day) == "2008.566")
        #expect(EasyTimelineRenderer.text("He said \"no\" ~ ^") == "He said 'no' - -")
    }

    @Test func everyStretchIsDeclaredAndInsideThePeriod() throws {
        let text = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Examples/kislyak/out/career-easytimeline.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "<timeline>" && lines.last == "</timeline>")
        let bars = Set(lines.compactMap { $0.wholeMatch(of: #/  bar:(\w+) text:"[^"]*"/#)?.output.1 }.map(String.init))
        let colors = Set(lines.compactMap { $0.firstMatch(of: /^  id:(\w+) value:rgb\(/)?.output.1 }.map(String.init))
        let period = try #require(lines.first { $0.hasPrefix("Period") }?.firstMatch(of: /from:(\d+) till:(\d+)/))
        let stretches = lines.compactMap { $0.wholeMatch(of: #/  bar:(\w+) from:([\d.]+) till:([\d.]+) color:(\w+) text:"[^"]*"/#) }
        #expect(stretches.count == 11, "a stretch per post")
        for stretch in stretches {
            #expect(bars.contains(String(stretch.output.1)) && colors.contains(String(stretch.output.4)))
            let from = Double(stretch.output.2)!
            let till = Double(stretch.output.3)!
            #expect(from < till && from >= Double(period.output.1)! && till <= Double(period.output.2)!)
        }
    }
}
