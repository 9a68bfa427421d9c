import CursusCore
import CursusTestSupport
import Foundation
import Testing

/// Every row of the README's EDTF table, and a few more, as each built-in language and house
/// style writes it: month names and orders from CLDR (ICU), Cursus's words around them.
@Suite struct DateWriterTests {
    static let reading: [(String, [String])] = [
        // EDTF, then: en, en-US, de, fr, es, ru, uk (\u{202F} is CLDR's narrow no-break space)
        (
            "2008-07-26",
            [
                "26 Jul 2008", "Jul 26, 2008", "26. Juli 2008", "26 juil. 2008", "26 jul 2008", "26 июля 2008\u{202F}г.",
                "26 лип. 2008\u{202F}р.",
            ]
        ),
        ("2008-07", ["Jul 2008", "Jul 2008", "Juli 2008", "juil. 2008", "jul 2008", "июль 2008\u{202F}г.", "лип. 2008\u{202F}р."]),
        ("1981", ["1981", "1981", "1981", "1981", "1981", "1981\u{202F}г.", "1981\u{202F}р."]),
        (
            "2016-23",
            ["autumn 2016", "autumn 2016", "Herbst 2016", "automne 2016", "otoño de 2016", "осень 2016\u{202F}г.", "осінь 2016\u{202F}р."]
        ),
        ("2004~", ["c. 2004", "c. 2004", "um 2004", "vers 2004", "hacia 2004", "около 2004\u{202F}г.", "близько 2004\u{202F}р."]),
        (
            "2017-07-31~",
            [
                "c. 31 Jul 2017", "c. Jul 31, 2017", "um 31. Juli 2017", "vers 31 juil. 2017", "hacia 31 jul 2017",
                "около 31 июля 2017\u{202F}г.", "близько 31 лип. 2017\u{202F}р.",
            ]
        ),
        ("2017?", ["2017?", "2017?", "2017?", "2017 ?", "2017?", "2017\u{202F}г.?", "2017\u{202F}р.?"]),
        ("2004%", ["c. 2004?", "c. 2004?", "um 2004?", "vers 2004 ?", "hacia 2004?", "около 2004\u{202F}г.?", "близько 2004\u{202F}р.?"]),
        (
            "2004-06-~11",
            [
                "11 Jun 2004 (day approximate)", "Jun 11, 2004 (day approximate)", "11. Juni 2004 (Tag ungefähr)",
                "11 juin 2004 (jour approximatif)", "11 jun 2004 (día aproximado)", "11 июня 2004\u{202F}г. (день примерный)",
                "11 черв. 2004\u{202F}р. (день приблизний)",
            ]
        ),
        (
            "?2004-%06-11",
            [
                "11 Jun 2004 (year uncertain, month approximate and uncertain)",
                "Jun 11, 2004 (year uncertain, month approximate and uncertain)",
                "11. Juni 2004 (Jahr unsicher, Monat ungefähr und unsicher)",
                "11 juin 2004 (année incertaine, mois approximatif et incertain)",
                "11 jun 2004 (año incierto, mes aproximado e incierto)",
                "11 июня 2004\u{202F}г. (год под вопросом, месяц примерный и под вопросом)",
                "11 черв. 2004\u{202F}р. (рік під питанням, місяць приблизний і під питанням)",
            ]
        ),
        ("201X", ["2010s", "2010s", "2010er", "années 2010", "años 2010", "2010-е", "2010-ті"]),
        ("19XX", ["20th century", "20th century", "20. Jahrhundert", "XXe siècle", "siglo XX", "XX век", "XX століття"]),
        (
            "1XXX",
            ["2nd millennium", "2nd millennium", "2. Jahrtausend", "IIe millénaire", "II milenio", "II тысячелетие", "II тисячоліття"]
        ),
        (
            "156X-12-25",
            [
                "25 Dec, 1560s", "Dec 25, 1560s", "25. Dez., 1560er", "25 déc., années 1560", "25 dic, años 1560", "25 дек., 1560-е",
                "25 груд., 1560-ті",
            ]
        ),
        (
            "XXXX-12",
            [
                "Dec, year unknown", "Dec, year unknown", "Dez, Jahr unbekannt", "déc., année inconnue", "dic, año desconocido",
                "дек., год неизвестен", "груд., рік невідомий",
            ]
        ),
        ("1985-04-XX", ["Apr 1985", "Apr 1985", "Apr. 1985", "avr. 1985", "abr 1985", "апр. 1985\u{202F}г.", "квіт. 1985\u{202F}р."]),
        (
            "1981/1985",
            [
                "1981 – 1985", "1981 – 1985", "1981 – 1985", "1981 – 1985", "1981 – 1985", "1981\u{202F}г. – 1985\u{202F}г.",
                "1981\u{202F}р. – 1985\u{202F}р.",
            ]
        ),
        (
            "2008-07/2017-08-21",
            [
                "Jul 2008 – 21 Aug 2017", "Jul 2008 – Aug 21, 2017", "Juli 2008 – 21. Aug. 2017", "juil. 2008 – 21 août 2017",
                "jul 2008 – 21 ago 2017", "июль 2008\u{202F}г. – 21 авг. 2017\u{202F}г.", "лип. 2008\u{202F}р. – 21 серп. 2017\u{202F}р.",
            ]
        ),
        ("1985/..", ["1985 onwards", "1985 onwards", "ab 1985", "depuis 1985", "desde 1985", "с 1985\u{202F}г.", "з 1985\u{202F}р."]),
        ("../1985", ["until 1985", "until 1985", "bis 1985", "jusqu’à 1985", "hasta 1985", "до 1985\u{202F}г.", "до 1985\u{202F}р."]),
        ("1985/", ["1985 – ?", "1985 – ?", "1985 – ?", "1985 – ?", "1985 – ?", "1985\u{202F}г. – ?", "1985\u{202F}р. – ?"]),
        ("/1985", ["? – 1985", "? – 1985", "? – 1985", "? – 1985", "? – 1985", "? – 1985\u{202F}г.", "? – 1985\u{202F}р."]),
        (
            "-0044-03-15",
            [
                "15 Mar 45 BC", "Mar 15, 45 BC", "15. März 45 v. Chr.", "15 mars 45 av. J.-C.", "15 mar 45 a. C.",
                "15 марта 45\u{202F}г. до н. э.", "15 бер. 45\u{202F}р. до н. е.",
            ]
        ),
        ("Y170000002", ["170000002", "170000002", "170000002", "170000002", "170000002", "170000002\u{202F}г.", "170000002\u{202F}р."]),
        (
            "1985-04-12T23:20:30Z",
            [
                "12 Apr 1985", "Apr 12, 1985", "12. Apr. 1985", "12 avr. 1985", "12 abr 1985", "12 апр. 1985\u{202F}г.",
                "12 квіт. 1985\u{202F}р.",
            ]
        ),
        (
            "1985-04-12T23:20:30.5+02:30",
            [
                "12 Apr 1985", "Apr 12, 1985", "12. Apr. 1985", "12 avr. 1985", "12 abr 1985", "12 апр. 1985\u{202F}г.",
                "12 квіт. 1985\u{202F}р.",
            ]
        ),
        (
            "1985-04-12T24:00:00",
            [
                "12 Apr 1985", "Apr 12, 1985", "12. Apr. 1985", "12 avr. 1985", "12 abr 1985", "12 апр. 1985\u{202F}г.",
                "12 квіт. 1985\u{202F}р.",
            ]
        ),
        (
            "1950S2",
            [
                "c. 1950 (1900 – 1999)", "c. 1950 (1900 – 1999)", "um 1950 (1900 – 1999)", "vers 1950 (1900 – 1999)",
                "hacia 1950 (1900 – 1999)", "около 1950\u{202F}г. (1900\u{202F}г. – 1999\u{202F}г.)",
                "близько 1950\u{202F}р. (1900\u{202F}р. – 1999\u{202F}р.)",
            ]
        ),
        (
            "Y-17E7",
            [
                "170000001 BC", "170000001 BC", "170000001 v. Chr.", "170000001 av. J.-C.", "170000001 a. C.",
                "170000001\u{202F}г. до н. э.", "170000001\u{202F}р. до н. е.",
            ]
        ),
        (
            "[1667,1668,1670..1672]",
            [
                "1667, 1668 or 1670–1672", "1667, 1668 or 1670–1672", "1667, 1668 oder 1670–1672", "1667, 1668 ou 1670–1672",
                "1667, 1668 o 1670–1672", "1667\u{202F}г., 1668\u{202F}г. или 1670\u{202F}г.–1672\u{202F}г.",
                "1667\u{202F}р., 1668\u{202F}р. або 1670\u{202F}р.–1672\u{202F}р.",
            ]
        ),
        (
            "{1960,1961-12}",
            [
                "1960 and Dec 1961", "1960 and Dec 1961", "1960 und Dez. 1961", "1960 et déc. 1961", "1960 y dic 1961",
                "1960\u{202F}г. и дек. 1961\u{202F}г.", "1960\u{202F}р. і груд. 1961\u{202F}р.",
            ]
        ),
        ("../..", ["? – ?", "? – ?", "? – ?", "? – ?", "? – ?", "? – ?", "? – ?"]),
        (
            "2001-34",
            [
                "2nd quarter 2001", "2nd quarter 2001", "2. Quartal 2001", "2e trimestre 2001", "segundo trimestre de 2001",
                "II квартал 2001\u{202F}г.", "II квартал 2001\u{202F}р.",
            ]
        ),
        (
            "2017-03-02",
            ["2 Mar 2017", "Mar 2, 2017", "2. März 2017", "2 mars 2017", "2 mar 2017", "2 марта 2017\u{202F}г.", "2 бер. 2017\u{202F}р."]
        ),
        ("2017-09", ["Sep 2017", "Sep 2017", "Sept. 2017", "sept. 2017", "sept 2017", "сент. 2017\u{202F}г.", "вер. 2017\u{202F}р."]),
    ]
    static let styles: [(String, [String])] = [
        // EDTF, then: en-US long, en-US medium, en ap, en chicago, de long, de medium, ru long, en iso
        (
            "2008-07-26",
            [
                "July 26, 2008", "Jul 26, 2008", "July 26, 2008", "July 26, 2008", "26. Juli 2008", "26.07.2008", "26 июля 2008\u{202F}г.",
                "2008-07-26",
            ]
        ),
        (
            "2017-03-02",
            [
                "March 2, 2017", "Mar 2, 2017", "March 2, 2017", "March 2, 2017", "2. März 2017", "02.03.2017", "2 марта 2017\u{202F}г.",
                "2017-03-02",
            ]
        ),
        (
            "2017-09",
            [
                "September 2017", "Sep 2017", "September 2017", "September 2017", "September 2017", "Sept. 2017", "сентябрь 2017\u{202F}г.",
                "2017-09",
            ]
        ),
        ("2004~", ["c. 2004", "c. 2004", "about 2004", "ca. 2004", "um 2004", "um 2004", "около 2004\u{202F}г.", "2004~"]),
        (
            "2017-07-31~",
            [
                "c. July 31, 2017", "c. Jul 31, 2017", "about July 31, 2017", "ca. July 31, 2017", "um 31. Juli 2017", "um 31.07.2017",
                "около 31 июля 2017\u{202F}г.", "2017-07-31~",
            ]
        ),
        (
            "-0044-03-15",
            [
                "March 15, 45 BC", "Mar 15, 45 BC", "March 15, 45 BC", "March 15, 45 BC", "15. März 45 v. Chr.", "15.03.45 v. Chr.",
                "15 марта 45\u{202F}г. до н. э.", "-0044-03-15",
            ]
        ),
        (
            "2016-23",
            ["autumn 2016", "autumn 2016", "autumn 2016", "autumn 2016", "Herbst 2016", "Herbst 2016", "осень 2016\u{202F}г.", "2016-23"]
        ),
        (
            "2008-07/2017-08-21",
            [
                "July 2008 – August 21, 2017", "Jul 2008 – Aug 21, 2017", "July 2008 – Aug. 21, 2017", "July 2008 – August 21, 2017",
                "Juli 2008 – 21. August 2017", "Juli 2008 – 21.08.2017", "июль 2008\u{202F}г. – 21 августа 2017\u{202F}г.",
                "2008-07/2017-08-21",
            ]
        ),
    ]

    static let readingLocales = ["en", "en-US", "de", "fr", "es", "ru", "uk"]
    static let styleColumns: [(String, DateStyle)] = [
        ("en-US", .long), ("en-US", .medium), ("en", .ap), ("en", .chicago), ("de", .long), ("de", .medium), ("ru", .long), ("en", .iso),
    ]

    func writer(_ locale: String, _ style: DateStyle) throws -> DateWriter {
        let (presentation, warnings) = try Presentation.resolve(locale: locale, style: style, directory: nil)
        #expect(warnings.isEmpty, "\(locale): \(warnings.map(\.message))")
        return presentation.dates
    }

    @Test(arguments: readingLocales.indices)
    func everyDateFormReadsInEveryLanguage(_ column: Int) throws {
        let writer = try writer(Self.readingLocales[column], .reading)
        for (text, expected) in Self.reading {
            #expect(writer.write(try EDTF(text)) == expected[column], "\(text) in \(Self.readingLocales[column])")
        }
    }

    @Test(arguments: styleColumns.indices)
    func houseStylesWriteTheirForms(_ column: Int) throws {
        let (locale, style) = Self.styleColumns[column]
        let writer = try writer(locale, style)
        for (text, expected) in Self.styles {
            #expect(writer.write(try EDTF(text)) == expected[column], "\(text) in \(locale) \(style)")
        }
    }

    /// English reading is what `display` has always written; a style for English alone falls
    /// back to long dates elsewhere, with a warning.
    @Test func englishReadingIsDisplayAndEnglishOnlyStylesFallBack() throws {
        for (text, _) in Self.reading {
            let date = try EDTF(text)
            #expect(DateWriter.standard.write(date) == date.display)
        }
        let (german, warnings) = try Presentation.resolve(locale: "de", style: .ap, directory: nil)
        let day = try EDTF("2017-08-21")
        #expect(german.dates.style == .long && german.date(day) == "21. August 2017")
        #expect(warnings.map(\.message) == ["date_style 'ap' is for English; writing 'long' dates in Deutsch"])
    }

    /// The Level 2 parts of a year, in each language's words.
    @Test func partsOfTheYearReadInEveryLanguage() throws {
        let expected = [
            "en": "2nd quarter 2001", "de": "2. Quartal 2001", "fr": "2e trimestre 2001", "es": "segundo trimestre de 2001",
            "ru": "II квартал 2001\u{202F}г.", "uk": "II квартал 2001\u{202F}р.",
        ]
        for (locale, text) in expected {
            #expect(try writer(locale, .reading).write(try EDTF("2001-34")) == text, "\(locale)")
        }
    }

    @Test func countsTakeTheFormsOfTheLanguage() throws {
        let russian = try Presentation.resolve(locale: "ru", style: .reading, directory: nil).0.words
        #expect(
            [1, 2, 5, 11, 21, 22, 25, 111].map { russian.count("post", $0) } == [
                "1 должность", "2 должности", "5 должностей", "11 должностей", "21 должность", "22 должности", "25 должностей",
                "111 должностей",
            ])
        let french = try Presentation.resolve(locale: "fr", style: .reading, directory: nil).0.words
        #expect([0, 1, 2].map { french.count("source", $0) } == ["0 source", "1 source", "2 sources"])
        #expect([1, 2].map { Words.english.count("person", $0) } == ["1 person", "2 people"])
    }

    /// Every built-in language has every word English has (counts in their own forms).
    @Test(arguments: Words.builtIn)
    func builtInLanguagesAreComplete(_ tag: String) throws {
        let (_, warnings) = try Words.resolve(tag, folder: nil)
        #expect(warnings.isEmpty, "\(tag): \(warnings.map(\.message))")
    }

    /// A language added as a file beside the manifest is used without touching Swift; what it
    /// lacks comes from English, with a warning; an unknown locale writes English, with one.
    @Test func aLanguageCanBeAddedAsAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        cursus-words: 1
        language: português
        cldr: pt
        plural: one-other
        date:
          about: "c. de {date}"
          seasons: [primavera, verão, outono, inverno]
          season: "{season} de {year}"
          present: "hoje {weekday}"
        """.write(to: folder.appendingPathComponent("pt.yml"), atomically: true, encoding: .utf8)
        let (words, warnings) = try Words.resolve("pt-BR", folder: folder.path)
        let writer = DateWriter(words: words, style: .reading, locale: "pt-BR")
        #expect(writer.write(try EDTF("2008-07-26")) == "26 de jul. de 2008")
        #expect(writer.write(try EDTF("2004~")) == "c. de 2004")
        #expect(writer.write(try EDTF("2016-23")) == "outono de 2016")
        #expect(writer.write(try EDTF("1985/..")) == "1985 onwards", "what the file lacks is English")
        let messages = warnings.map(\.message)
        #expect(messages.contains { $0.hasPrefix("lacks ") && $0.contains("date.onwards") })
        #expect(messages.contains("'date.present' names {weekday}, which Cursus does not fill there"))
        // A file that is not a words file is an error at its line, not English in disguise.
        try "language: x\nplural: one-other\n".write(to: folder.appendingPathComponent("xy.yml"), atomically: true, encoding: .utf8)
        #expect(throws: CursusError.self) { try Words.resolve("xy", folder: folder.path) }
        try "cursus-words: 1\nplural: dual\n".write(to: folder.appendingPathComponent("xz.yml"), atomically: true, encoding: .utf8)
        do {
            _ = try Words.resolve("xz", folder: folder.path)
            Issue.record("an unknown plural rule is refused")
        } catch {
            #expect(error.diagnostics.first?.message.contains("'plural' must be one of one-other") == true)
        }
        let (fallback, unknown) = try Words.resolve("xx", folder: folder.path)
        #expect(fallback.tag == "en" && unknown.count == 1 && unknown[0].severity == .warning)
    }
}

/// Every word the code asks for by name is in the English words file, the one every language
/// falls back to.
@Suite struct WordKeysTests {
    @Test func everyKeyTheCodeNamesExistsInEnglish() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        var named: Set<String> = []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /text\("((?:date|text|heading|legend)\.[a-z_.]+)"/) { named.insert(String(match.output.1)) }
            for match in text.matches(of: /count\("([a-z]+)",/) { named.insert("count.\(match.output.1).other") }
        }
        #expect(named.count > 40, "the scan finds the code's words")
        let english = Words.english
        for key in named.sorted() { #expect(english.text(key) != key, "Locales/en.yml has no '\(key)'") }
    }
}
