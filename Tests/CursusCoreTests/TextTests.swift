import Foundation
import Testing

@testable import CursusCore

/// How a text of words gets its values: every `{name}` filled, unknown names and an unclosed
/// brace left as written, texts in any script.
@Suite struct WordsFillTests {
    @Test(arguments: [
        ("{date} – {end}", "1 Jun 2004 – ?"),
        ("около {date}", "около 1 Jun 2004"),
        ("{unknown} {date}", "{unknown} 1 Jun 2004"),
        ("{date} and {date", "1 Jun 2004 and {date"),
        ("no braces", "no braces"),
        ("{}{date}{", "{}1 Jun 2004{"),
    ])
    func placeholdersAreFilled(_ template: String, _ expected: String) {
        #expect(Words.fill(template, ["date": "1 Jun 2004", "end": "?"]) == expected)
    }
}

/// Whether an office already names its place, case aside, in ASCII and beyond.
@Suite struct TextMatchTests {
    @Test(arguments: [
        ("Ambassador of Russia to the United States", "united states", true),
        ("Ambassador of Russia to the United States", "Washington", false),
        ("Posol Rossii v SShA", "", true),
        ("Посол России в США", "сша", true),
        ("Botschafter in Österreich", "ÖSTERREICH", true),
        ("Envoy", "Envoy to Paris", false),
    ])
    func containsIgnoringCase(_ text: String, _ part: String, _ expected: Bool) {
        #expect(TextMatch.contains(text, ignoringCase: part) == expected)
    }
}

/// Whether a required text says nothing: white space of any script counts, anything visible does not.
@Suite struct BlankTextTests {
    @Test(arguments: [
        ("", true), ("   ", true), ("\t\n", true), ("\u{00A0}\u{3000}", true), ("Envoy", false), (" Envoy", false),
        ("Посол", false), ("\u{00A0}x", false),
    ])
    func blankTexts(_ text: String, _ expected: Bool) {
        #expect(TextMatch.isBlank(text) == expected)
    }
}

/// A record's keys are checked against the allowed ones, whatever their length.
@Suite struct AllowedKeysTests {
    @Test func keysOfEveryLengthAreFound() {
        let keys: AllowedKeys = ["id", "office", "start", "appointed_by", "native_language"]
        #expect(keys.contains("id") && keys.contains("start") && keys.contains("native_language"))
        #expect(!keys.contains("") && !keys.contains("stert") && !keys.contains("native_languages") && !keys.contains("ID"))
        #expect(Array(keys) == ["id", "office", "start", "appointed_by", "native_language"])
    }
}

/// Work spread over the cores gives back its results in order, and outputs rendered at once
/// share the cores.
@Suite struct ParallelTests {
    @Test func indicesAreMappedInOrder() {
        #expect(Parallel.map(10_000, chunk: 7) { $0 * 2 } == (0..<10_000).map { $0 * 2 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
    }

    @Test func outputsAtOnceShareTheCores() throws {
        let processors = ProcessInfo.processInfo.activeProcessorCount
        let shared = try Parallel.sharingCores { () throws(CursusError) in
            try Parallel.sharingCores { () throws(CursusError) in Parallel.cores }
        }
        // Other tests may share the cores too at the same moment: the share is at most half.
        #expect(shared >= 1 && shared <= max(1, processors / 2))
    }
}
