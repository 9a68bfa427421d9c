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
