import CursusCore
import Foundation
import Testing

@testable import CursusRenderers

/// iCalendar's text rules: escapes, and folding that never splits a character.
@Suite struct ICSTests {
    @Test func textIsEscaped() {
        #expect(ICS.escaped("a, b; c\\d\ne\u{7}") == #"a\, b\; c\\d\ne"#)
    }

    @Test func longLinesFoldWithinCharacters() {
        let line = "SUMMARY:" + String(repeating: "Кисляк ", count: 30)
        let folded = ICS.folded(line)
        let physical = folded.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.enumerated().map { $0.offset == 0 ? String($0.element) : String($0.element.dropFirst()) }.joined() == line)
        #expect(folded.hasSuffix("\r\n"))
    }
}
