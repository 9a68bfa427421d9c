import CursusCore
import CursusTestSupport
import Foundation
import Testing

@testable import CursusRenderers

@Suite struct TextWrapperTests {
    @Test func fillsGreedilyWithinTheWidth() {
        #expect(TextWrapper.lines("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWrapper.lines("  spaced\n\nout  ", width: 20) == ["spaced out"])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        #expect(TextWrapper.lines("a abcdefghijkl b", width: 5) == ["a", "abcde", "fghij", "kl b"])
    }

    @Test func countsCharactersNotBytes() {
        let lines = TextWrapper.lines("Сергей Иванович Кисляк дипломат", width: 15)
        #expect(lines == ["Сергей Иванович", "Кисляк дипломат"])
        #expect(lines.allSatisfy { $0.count <= 15 })
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrapper.lines("", width: 10) == [""])
        #expect(TextWrapper.hanging("", width: 40, indent: 10) == "")
    }

    @Test func hangingIndentAndMarkersStayWithTheirWord() {
        let text = TextWrapper.hanging("one two three four [1, 2]", width: 20, indent: 6, keepingLastWords: "[1, 2]")
        #expect(text == "one two three\n      four [1, 2]")
    }

    @Test func enforceRewrapsOnlyLongLines() {
        let document = "short\n    an indented line that is far too long for it\nok\n"
        #expect(
            TextWrapper.enforcedLines(document, width: 20) == [
                "short", "    an indented line", "    that is far too", "    long for it", "ok",
            ])
    }
}

@Suite struct ChronologyFormatTests {
    @Test func textDropsControlCharacters() {
        #expect(ChronologyFormat.text.escape("a\u{1B}[31mb\u{7}c") == "a [31mb c")
    }

    @Test func markdownEscapesWhatWouldChangeMeaning() {
        #expect(ChronologyFormat.markdown.escape("*x* _y_ [l](u) <b> a|b `c` & ~") == #"\*x\* \_y\_ \[l\](u) \<b\> a\|b \`c\` \& \~"#)
        #expect(ChronologyFormat.markdown.link("https://e.org/a b<c>") == "<https://e.org/a%20b%3Cc%3E>")
        #expect(ChronologyFormat.text.link("https://e.org/a_b") == "https://e.org/a_b")
    }
}

@Suite struct PaginatorTests {
    @Test func pagesCarryAHeaderAndAreSeparatedByFormFeeds() {
        let pages = Paginator(title: "A title", width: 30, pageLength: 5, words: .english).paginate((1...7).map { "line \($0)" })
            .components(separatedBy: "\u{0C}")
        #expect(pages.count == 3)
        #expect(
            pages[0] == "A title".padding(toLength: 30 - "page 1 of 3".count, withPad: " ", startingAt: 0)
                + "page 1 of 3\n\nline 1\nline 2\nline 3\n")
        #expect(pages[2].hasSuffix("\nline 7\n"))
        #expect(pages.allSatisfy { $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 6 })
    }
}

@Suite struct BuiltInTemplateTests {
    /// Templates/ is the source; the binary embeds a generated copy (`make templates`).
    @Test func embeddedTemplatesMatchTemplatesFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".stencil") }
        #expect(Set(files.map { String($0.dropLast(".stencil".count)) }) == Set(BuiltInTemplates.all.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInTemplates.all[String(file.dropLast(".stencil".count))] == text, "\(file): run `make templates`")
        }
    }
}

@Suite struct ChronologyEntryTests {
    @Test func emptyDescriptionsAddNothing() throws {
        var dossier = Dossier(people: [Person(id: "p", name: "P")])
        dossier.events = [
            Event(id: "a", date: try EDTF("2001"), title: "Title only", description: ""),
            Event(id: "b", date: try EDTF("2002"), title: "With", description: "more"),
        ]
        let chronology = Chronology(dossier, parts: [.events])
        #expect(chronology.entries.map(\.text) == ["Title only", "With. more"])
    }

    @Test func sourcesAreNumberedByFirstCitation() throws {
        var dossier = Dossier(people: [Person(id: "p", name: "P")])
        dossier.sources = [Source(id: "never", title: "N"), Source(id: "late", title: "L"), Source(id: "early", title: "E")]
        dossier.events = [
            Event(id: "b", date: try EDTF("2002"), title: "B", sources: ["late", "early"]),
            Event(id: "a", date: try EDTF("2001"), title: "A", sources: ["early"]),
        ]
        let chronology = Chronology(dossier, parts: [.events])
        #expect(chronology.sources.map(\.source.id) == ["early", "late", "never"])
        #expect(chronology.markers(["late", "early"]) == "[2, 1]")
    }
}

@Suite struct ChronologyProgressTests {
    /// Long chronologies report how far they are, as the tables do, and clear the line at the end.
    @Test func aChronologyShowsProgress() throws {
        let log = Transcript()
        let progress = ProgressLine(enabled: true, delay: 0, output: log.append)
        let events = (0..<3_000).map { Event(id: "e\($0)", date: try! EDTF("2001-02-03"), title: "Event \($0)") }
        let dossier = Dossier(people: [Person(id: "p", name: "P")], events: events)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cursus-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = ChronologyRenderer()
        let transaction = OutputTransaction()
        let request = RenderRequest(
            dossier: dossier, options: RenderOptions([:], defaults: renderer.descriptor), asOf: CalendarDay(year: 2026, month: 1, day: 1),
            title: nil, baseDirectory: folder.path, progress: progress, outputName: "c.txt")
        try renderer.render(request, to: transaction.add(folder.appendingPathComponent("c.txt").path))
        try transaction.commit()
        let shown = log.text
        let counts = shown.matches(of: try Regex("c\\.txt: ([0-9,]+) of 3,000 entries, ")).compactMap {
            $0.output[1].substring.flatMap { Int($0.replacing(",", with: "")) }
        }
        #expect(counts.contains { $0 < 3_000 }, "a count short of the total shows: \(shown)")
        #expect(shown.contains(" lines, "), "writing the lines shows too")
        #expect(shown.hasSuffix("\r\u{1B}[K"), "the line is cleared at the end")
    }
}
