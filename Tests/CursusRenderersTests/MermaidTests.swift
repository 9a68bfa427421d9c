import CursusCore
import Foundation
import Testing

@testable import CursusRenderers

/// The Mermaid block: one task per post at the chart's dates, text Mermaid cannot misread.
@Suite struct MermaidTests {
    @Test func textCannotEndATaskOrStartAComment() {
        #expect(MermaidRenderer.text("Envoy: Paris; #1\nnext") == "Envoy – Paris, ,1 next")
    }

    @Test func everyPostIsATaskAndEveryLineIsGanttSyntax() throws {
        let text = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Examples/kislyak/out/career-mermaid.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "```mermaid" && lines.last == "```")
        let body = lines.dropFirst().dropLast()
        #expect(body.first == "gantt")
        let task = /^    [^:#;]+ :(milestone, )?[tm]\d+, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|0d)$/
        for line in body.dropFirst() {
            let known =
                line.hasPrefix("    title ") || line.hasPrefix("    dateFormat ") || line.hasPrefix("    axisFormat ")
                || line.hasPrefix("    section ") || line.wholeMatch(of: task) != nil
            #expect(known, "\(line)")
        }
        #expect(body.filter { $0.contains(" :t") }.count == 11, "one task per post of the example")
    }
}
