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
