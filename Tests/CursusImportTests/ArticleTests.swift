import CursusCore
import CursusTestSupport
import Foundation
import Testing

@testable import CursusImport

/// The seed documents the Kislyak example was built from (`../shared/seeds/`).
let seeds = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

/// The first date `sentence` mentions: its kind and its start and end as EDTF (or the partial form).
private func firstMention(_ sentence: String) -> (kind: DateMention.Kind, start: ProseDate?, end: ProseDate?, invalid: Bool)? {
    ProseDates.mentions(in: sentence).first.map { ($0.kind, $0.start, $0.end, $0.invalid != nil) }
}

@Suite struct ProseDateTests {
    /// Every complete form of the README's table, in a sentence, gives its EDTF date.
    @Test(arguments: [
        ("He arrived on 26 July 2008.", "2008-07-26"),
        ("He arrived on July 26, 2008.", "2008-07-26"),
        ("He spoke on Friday, Sept. 6, 2013, in Washington.", "2013-09-06"),
        ("He joined the service in 1981.", "1981"),
        ("He became minister in February 2011.", "2011-02"),
        ("In the fall of 2016, replacements were considered.", "2016-23"),
        ("He was sent there in the early 1980s.", "198X~"),
        ("Trade grew in the 2000s.", "200X"),
        ("He returned at the end of July 2017.", "2017-07-31~"),
        ("He left in mid-2017.", "2017~"),
        ("Spicer spoke in early January 2017.", "2017-01~"),
        ("In a November 2016 speech he denied it.", "2016-11"),
        ("They met in a 2021 summit.", "2021"),
        ("He was born on 1950-09-07.", "1950-09-07"),
    ])
    func completeForms(_ sentence: String, _ edtf: String) throws {
        let mention = try #require(firstMention(sentence))
        #expect(mention.kind == .single)
        #expect(mention.start == .edtf(edtf))
        #expect(try EDTF(edtf).text == edtf, "the form makes valid EDTF")
    }

    /// Spans, starts and ends: "from 1981 to 1985", "between 2011 and 2016", "(1998-2003)", "2003-06",
    /// "since 2006", "until 2010".
    @Test(arguments: [
        ("From 1981 to 1985, he was Second Secretary.", DateMention.Kind.span, "1981", "1985"),
        ("He taught between 2011 and 2016.", .span, "2011", "2016"),
        ("Ambassador to Canada (1998-2003)", .span, "1998", "2003"),
        ("Ambassador to Russia (2011–2014)", .span, "2011", "2014"),
        ("He was deputy foreign minister from 2003-08.", .span, "2003", "2008"),
        ("He was deputy foreign minister 2003-06.", .span, "2003", "2006"),
        ("He served from 26 July 2008 to 21 August 2017.", .span, "2008-07-26", "2017-08-21"),
        ("He has been ambassador since 2006.", .since, "2006", ""),
        ("He stayed until 2010.", .until, "", "2010"),
    ])
    func spans(_ sentence: String, _ kind: DateMention.Kind, _ start: String, _ end: String) throws {
        let mention = try #require(firstMention(sentence))
        #expect(mention.kind == kind)
        #expect(mention.start == (start.isEmpty ? nil : .edtf(start)))
        #expect(mention.end == (end.isEmpty ? nil : .edtf(end)))
    }

    @Test func aSpanToThePresentIsOngoing() throws {
        let mention = try #require(firstMention("Return to academia (2014–present)"))
        #expect(mention.end == .present)
    }

    /// Days and months whose year is unsaid, and words that count from the day of writing.
    @Test(arguments: [
        ("The reception is on July 11.", ProseDate.dayMonth(day: 11, month: 7)),
        ("It happened on 11 Jul.", .dayMonth(day: 11, month: 7)),
        ("He died on Feb. 20.", .dayMonth(day: 20, month: 2)),
        ("He resigned in February.", .month(2, approximate: false, shift: 0)),
        ("They met in late May.", .month(5, approximate: true, shift: 0)),
        ("They met last December.", .month(12, approximate: false, shift: -1)),
        ("They meet next May.", .month(5, approximate: false, shift: 1)),
        ("BuzzFeed News on Sunday first reported it.", .weekday(1, shift: 0)),
        ("He died Monday.", .weekday(2, shift: 0)),
        ("He left last month.", .monthOffset(-1)),
        ("He leaves later this month.", .monthOffset(0)),
        ("Elections are this year.", .yearOffset(0)),
        ("Elections are next year.", .yearOffset(1)),
        ("He arrived yesterday.", .day(offset: -1)),
    ])
    func partialAndRelativeForms(_ sentence: String, _ date: ProseDate) throws {
        let mention = try #require(firstMention(sentence))
        #expect(mention.start == date)
    }

    /// Words that look like a date but cannot be one are reported, never made into a date.
    @Test func anImpossibleDayIsFlagged() throws {
        let mention = try #require(firstMention("He resigned on 31 February 2017."))
        #expect(mention.invalid)
    }

    /// A year used as a name ("the 2016 election", "the 2018 FIFA World Cup") dates nothing.
    @Test(arguments: ["Interference in the 2016 United States elections was investigated.", "Venues for the 2018 FIFA World Cup."])
    func aYearInANameIsNoDate(_ sentence: String) {
        #expect(ProseDates.mentions(in: sentence).isEmpty)
    }
}

@Suite struct RelativeDateTests {
    /// Published on Monday 26 June 2017, as the news seed was.
    let dates = RelativeDates(published: CalendarDay(year: 2017, month: 6, day: 26))

    @Test(arguments: [
        (ProseDate.weekday(1, shift: 0), Tense.past, "2017-06-25"),
        (.weekday(2, shift: 0), .past, "2017-06-26"),
        (.weekday(6, shift: 0), .future, "2017-06-30"),
        (.weekday(2, shift: -1), .past, "2017-06-19"),
        (.dayMonth(day: 11, month: 7), .future, "2017-07-11"),
        (.dayMonth(day: 11, month: 7), .past, "2016-07-11"),
        (.month(2, approximate: false, shift: 0), .past, "2017-02"),
        (.month(12, approximate: false, shift: 0), .past, "2016-12"),
        (.month(12, approximate: false, shift: 0), .future, "2017-12"),
        (.month(6, approximate: false, shift: 0), .past, "2017-06"),
        (.month(5, approximate: true, shift: 0), .past, "2017-05~"),
        (.month(12, approximate: false, shift: -1), .unclear, "2016-12"),
        (.month(5, approximate: false, shift: 1), .unclear, "2018-05"),
        (.monthOffset(-1), .past, "2017-05"),
        (.yearOffset(0), .past, "2017"),
        (.yearOffset(1), .future, "2018"),
        (.day(offset: -1), .past, "2017-06-25"),
        (.week(offset: 0), .past, "2017-06-26/2017-06-26"),
    ])
    func countFromThePublicationDate(_ date: ProseDate, _ tense: Tense, _ expected: String) {
        #expect(dates.resolve(date, tense: tense, anchor: nil, words: "it") == .date(expected))
    }

    /// "on July 11" in a sentence with no tense: the nearest July 11, with a warning.
    @Test func anUnclearDirectionTakesTheNearestAndSaysSo() {
        guard
            case .assumed(let date, let reason) = dates.resolve(
                .dayMonth(day: 11, month: 7), tense: .unclear, anchor: nil, words: "'on July 11'")
        else {
            Issue.record("expected an assumed date")
            return
        }
        #expect(date == "2017-07-11")
        #expect(reason.contains("'on July 11'") && reason.contains("nearest"))
    }

    /// In an encyclopedia's narrative, "On 15 May" after "On 10 May 2017" is 2017; "had … in
    /// December" after 26 May 2017 is December 2016.
    @Test func theParagraphsOwnYearComesFirst() {
        let noPublication = RelativeDates(published: nil)
        let may10 = CalendarDay(year: 2017, month: 5, day: 10)
        #expect(noPublication.resolve(.dayMonth(day: 15, month: 5), tense: .past, anchor: may10, words: "x") == .date("2017-05-15"))
        let may26 = CalendarDay(year: 2017, month: 5, day: 26)
        #expect(
            noPublication.resolve(.month(12, approximate: false, shift: 0), tense: .past, anchor: may26, earlier: true, words: "x")
                == .date("2016-12"))
        #expect(
            noPublication.resolve(.month(8, approximate: false, shift: 0), tense: .past, anchor: may26, words: "x") == .date("2017-08"))
    }

    @Test func withoutAPublicationDateRelativeWordsAskForOne() {
        let noPublication = RelativeDates(published: nil)
        for date in [
            ProseDate.weekday(1, shift: 0), .monthOffset(-1), .dayMonth(day: 11, month: 7), .month(12, approximate: false, shift: 0),
        ] {
            guard case .unknown(let reason) = noPublication.resolve(date, tense: .past, anchor: nil, words: "it") else {
                Issue.record("\(date) was placed without a publication date")
                continue
            }
            #expect(reason.contains("--published"))
        }
    }
}

@Suite struct ArticleImporterTests {
    private func importText(_ text: String, path: String = "article.txt", published: String? = nil, person: String? = nil) throws
        -> ImportResult
    {
        try ArticleImporter.import(
            InputFile(path: path, text: text),
            options: ArticleImporter.Options(published: published.flatMap { CalendarDay(iso: $0) }, person: person))
    }

    private func posts(_ dossier: Dossier) -> [[String]] {
        dossier.tenures.map { [$0.office, $0.start?.text ?? "", $0.ongoing ? "present" : ($0.end?.text ?? "")] }
    }

    /// The career sentences of the issue, each to its post.
    @Test(arguments: [
        (
            "From 1981 to 1985, he was the Second Secretary at the Permanent Mission of the Soviet Union to the United Nations in New York City.",
            ["Second Secretary at the Permanent Mission of the Soviet Union to the United Nations in New York City", "1981", "1985"]
        ),
        ("Ivan Petrov served as ambassador to Canada from 1998 to 2003.", ["Ambassador to Canada", "1998", "2003"]),
        ("Petrov became Deputy Defense Minister in February 2011.", ["Deputy Defense Minister", "2011-02", ""]),
        ("Ambassador to Canada (1998-2003)", ["Ambassador to Canada", "1998", "2003"]),
        ("Petrov was Russia's deputy foreign minister from 2003-08.", ["Russia's deputy foreign minister", "2003", "2008"]),
        ("He has been serving as ambassador since 2008.", ["Ambassador", "2008", "present"]),
    ])
    func careerSentencesBecomePosts(_ sentence: String, _ expected: [String]) throws {
        let result = try importText("Ivan Petrov is a diplomat.\n\n" + sentence + "\n", published: "2020-01-01", person: "Ivan Petrov")
        #expect(posts(result.dossier) == [expected])
        let citation = try #require(result.dossier.tenures.first?.sources.first)
        #expect(citation.quote == sentence.trimmingCharacters(in: .whitespaces))
        #expect(citation.locator == "line 3")
    }

    /// Bios list posts: the same title to several places, each with its span; a post held
    /// "since" with "had been"; a possessive "her tenure as"; a name written family name first.
    @Test(arguments: [
        (
            "Ivan Petrov", "He also served as Ambassador to Russia (1991-1994), then-East Germany (1990-1991) and Syria (1986-1988).",
            [
                ["Ambassador to Syria", "1986", "1988"], ["Ambassador to East Germany", "1990", "1991"],
                ["Ambassador to Russia", "1991", "1994"],
            ]
        ),
        (
            "Li Wen", "Li also served as China's ambassador to the Philippines (1998-2000) and Australia (2000-03).",
            [["China's ambassador to the Philippines", "1998", "2000"], ["China's ambassador to Australia", "2000", "2003"]]
        ),
        (
            "Ivan Petrov", "Before that posting, he had been Pakistan's High Commissioner to India since 1997.",
            [["Pakistan's High Commissioner to India", "1997", ""]]
        ),
        ("Li Wen", "During her tenure as ambassador to the UK since 2007, Li won recognition.", [["Ambassador to the UK", "2007", ""]]),
        ("Li Wen", "Li, 57, is the second female vice foreign minister since 1949.", []),
        (
            "Ivan Petrov", "He was president of Claremont (Calif.) School of Theology from 1990 to 2000.",
            [["President of Claremont (Calif.) School of Theology", "1990", "2000"]]
        ),
        ("Ivan Petrov", "From 1986 to 1992 Ivan Petrov was bishop of the Dresden Area.", [["Bishop of the Dresden Area", "1986", "1992"]]),
        (
            "Ivan Petrov", "From 1977 to 1981 and again from 1983 to 1990, he was the Director of Research.",
            [["Director of Research", "1977", "1981"], ["Director of Research", "1983", "1990"]]
        ),
        (
            "Ivan Petrov",
            "From 1981 to 1983, Petrov was the Deputy Representative to the United Nations, then from 1983 to 1986 Ambassador to India.",
            [["Deputy Representative to the United Nations", "1981", "1983"], ["Ambassador to India", "1983", "1986"]]
        ),
        (
            "Ivan Petrov", "He was named Minister of Foreign Affairs by Prime Minister Ivan Sidorov on 20 May 1991.",
            [["Minister of Foreign Affairs", "1991-05-20", ""]]
        ),
        (
            "Ivan Petrov", "In 1990, he was promoted Permanent Representative to the United Nations.",
            [["Permanent Representative to the United Nations", "1990", ""]]
        ),
    ])
    func listsAndPossessives(_ person: String, _ sentence: String, _ expected: [[String]]) throws {
        let result = try importText(sentence + "\n", published: "2010-01-11", person: person)
        #expect(posts(result.dossier) == expected)
    }

    /// A news lead names its subject first; a day "this year" is in the year of publication.
    @Test func aNewsLeadsSubjectAndThisYear() throws {
        let text = """
            Envoy to Panama resigns

            Ambassador Ivan Petrov, a career diplomat, announced his retirement on Friday, telling the ministry he could no longer serve President Anna Smith.

            A spokeswoman confirmed his departure as of March 9 this year. President Smith declined to comment, and Smith's office said nothing.

            Petrov has served as the Ambassador to Panama since 3 October, 2015.
            """
        let result = try importText(text, published: "2018-01-12")
        #expect(result.dossier.people.first?.name == "Ivan Petrov")
        #expect(result.dossier.events.map(\.date.text).contains("2018-03-09"))
        #expect(posts(result.dossier) == [["Ambassador to Panama", "2015-10-03", "present"]])
    }

    @Test func aMonthOfAYear() throws {
        let mention = try #require(ProseDates.mentions(in: "His appointment in September of 2002 capped a career.").first)
        #expect(mention.start == .edtf("2002-09"))
    }

    @Test func anOfficeWithTwoTitlesIsTwoPosts() throws {
        let result = try importText(
            "From 1998 to 2003, he served as the Ambassador of Russia to Belgium and Russia's Head of Mission to NATO.\n",
            person: "Ivan Petrov")
        #expect(
            posts(result.dossier) == [
                ["Ambassador of Russia to Belgium", "1998", "2003"], ["Russia's Head of Mission to NATO", "1998", "2003"],
            ])
    }

    /// Someone else's post is an event, not the person's tenure.
    @Test func anotherPersonsPostIsNoTenure() throws {
        let result = try importText(
            "Ivan Petrov met him. John Beyrle, the U.S. ambassador to Russia from 2008 to 2012, said that Petrov is a professional.\n",
            person: "Ivan Petrov")
        #expect(result.dossier.tenures.isEmpty)
        #expect(result.dossier.events.map(\.date.text) == ["2008/2012"])
    }

    @Test(arguments: [
        ("Ivan Petrov (born 7 September 1950) is a diplomat.", "1950-09-07" as String?, nil as String?, nil as String?),
        ("Ivan Petrov was born in Moscow in 1952.", "1952", "Moscow", nil),
        ("Ivan Petrov, the envoy, died in Vienna on February 20.", nil, nil, "2017-02-20"),
    ])
    func birthAndDeathGoToThePerson(_ sentence: String, _ born: String?, _ place: String?, _ died: String?) throws {
        let result = try importText(sentence + "\n", published: "2017-02-21", person: "Ivan Petrov")
        let person = try #require(result.dossier.people.first)
        #expect(person.born?.text == born)
        #expect(person.birthPlace == place)
        #expect(person.died?.text == died)
        #expect(person.sources.first?.quote == sentence)
    }

    /// An encyclopedia's lead gives the life in brackets; an election is an event, not a start.
    @Test func theLeadsLifeSpanAndAnElection() throws {
        let result = try importText(
            "Abraham Lincoln (February 12, 1809 – April 15, 1865) was the 16th President.\n\nLincoln was elected president on November 6, 1860.\n"
        )
        let person = try #require(result.dossier.people.first)
        #expect([person.born?.text, person.died?.text] == ["1809-02-12", "1865-04-15"])
        #expect(person.sources.count == 1)
        #expect(result.dossier.tenures.isEmpty)
        #expect(result.dossier.events.map(\.date.text) == ["1860-11-06"])
    }

    /// A wire obituary: a dateline in the first sentence, "who served as", "Born in … on …",
    /// "… and became", and the same post twice with the more precise start kept.
    @Test func aWireObituary() throws {
        let result = try ArticleImporter.import(
            try fixture("obituary.txt"), options: .init(published: CalendarDay(year: 2024, month: 3, day: 4)))
        let dossier = result.dossier
        let person = try #require(dossier.people.first)
        #expect(person.name == "Maria Lopez")
        #expect([person.born?.text, person.birthPlace, person.died?.text] == ["1942-05-12", "Seville", "2024-02-27"])
        #expect(
            posts(dossier) == [["Consul general in Miami", "1983", ""], ["Spain's ambassador to Chile", "1990-04", "1995"]])
        #expect(dossier.tenures[1].sources.count == 2, "both sentences that state the post")
        #expect(!dossier.events.contains { $0.date.text == "2024-03-04" }, "the dateline is not an event")
        #expect(dossier.events.contains { $0.date.text == "2024-03-08" }, "next Friday")
    }

    /// The news seed, published on Monday 26 June 2017: the four dates the issue names.
    @Test func theNewsSeedPlacesItsRelativeDates() throws {
        let file = try InputFile.read(seeds.appendingPathComponent("000_599169268d1e5d02.txt").path, what: "article")
        let result = try ArticleImporter.import(file, options: .init(published: CalendarDay(year: 2017, month: 6, day: 26)))
        func date(quoting words: String) -> String? {
            result.dossier.events.first { $0.sources.contains { $0.quote?.contains(words) == true } }?.date.text
        }
        #expect(date(quoting: "on July 11") == "2017-07-11")
        #expect(date(quoting: "on Sunday") == "2017-06-25")
        #expect(date(quoting: "in February following") == "2017-02")
        #expect(date(quoting: "spoke to Kislyak in December") == "2016-12")
        #expect(result.dossier.people.map(\.name) == ["Sergey Kislyak"], "the person the text names most often")
        #expect(result.dossier.sources.first?.title == "Reports: Kremlin To Recall Russian Ambassador Kislyak To Moscow")
    }

    /// The encyclopedia seed against the hand-made answer: at least 9 of its 11 tenures with the
    /// same start and end, at least 80 % of its dated events and milestones.
    @Test func theEncyclopediaSeedFindsTheHandMadeCareer() throws {
        let file = try InputFile.read(seeds.appendingPathComponent("004_c8d21a3f9913e109.txt").path, what: "article")
        let imported = try ArticleImporter.import(file).dossier
        let answer = try DossierLoader.load(repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml").path).dossier
        let found = answer.tenures.filter { wanted in
            imported.tenures.contains {
                $0.start?.text == wanted.start?.text && ($0.end?.text == wanted.end?.text && $0.ongoing == wanted.ongoing)
            }
        }
        #expect(found.count >= 9, "found \(found.map(\.id))")
        let cited = { (sources: [Citation]) in sources.contains { $0.source == "wikipedia" } }
        var wanted = answer.events.filter { cited($0.sources) }.map(\.date.text)
        for tenure in answer.tenures {
            wanted += tenure.milestones.filter { cited($0.sources.isEmpty ? tenure.sources : $0.sources) }.map(\.date.text)
        }
        var available = imported.events.map(\.date.text)
        var matched = 0
        for date in wanted {
            if let index = available.firstIndex(of: date) {
                available.remove(at: index)
                matched += 1
            }
        }
        #expect(Double(matched) >= 0.8 * Double(wanted.count), "\(matched) of \(wanted.count)")
        // Every fact quotes a sentence of the article, word for word.
        for event in imported.events {
            let quote = try #require(event.sources.first?.quote)
            #expect(file.text.replacingOccurrences(of: "\n", with: " ").contains(quote), "\(quote)")
        }
    }

    /// Nothing dated is dropped silently: an impossible day and a day with no year are warnings.
    @Test func undatableSentencesAreWarnings() throws {
        let result = try importText(
            "Ivan Petrov resigned on 31 February 2017. Petrov left on July 11. He arrived in 1990.\n", person: "Ivan Petrov")
        let messages = result.warnings.map(\.message)
        #expect(messages.contains { $0.contains("31 February 2017' is not a date") })
        #expect(messages.contains { $0.contains("--published") })
        #expect(result.dossier.events.map(\.date.text) == ["1990"])
    }

    @Test func aMarkdownArticleIsReadAsProse() throws {
        let result = try importText(
            "# Ivan Petrov\n\n## Career\n\n**Ivan Petrov** became [ambassador to Canada](https://example.org) on 2 May 1998.\n",
            path: "a.md")
        #expect(posts(result.dossier) == [["Ambassador to Canada", "1998-05-02", ""]])
        #expect(result.dossier.sources.first?.title == "Ivan Petrov")
    }

    /// A whole wikitext page: the infobox through the infobox importer, the prose through this one, merged.
    @Test func aWikitextPageMergesItsInfoboxAndProse() throws {
        let page = """
            {{Infobox officeholder
            | name = Ivan Petrov
            | office = Ambassador of Russia to Canada
            | term_start = {{start date|1998|2|25}}
            | term_end = {{end date|2003|5|28}}
            }}
            '''Ivan Petrov''' (born 3 March 1950) is a [[diplomat]].<ref>A note.</ref>

            == Career ==
            From 1998 to 2003, he served as the [[Ambassador of Russia to Canada]]. In 2004 he retired.
            """
        let result = try importText(page, path: "petrov.wiki")
        #expect(posts(result.dossier) == [["Ambassador of Russia to Canada", "1998-02-25", "2003-05-28"]])
        #expect(result.dossier.tenures[0].sources.map(\.locator) == ["infobox", "line 10"])
        #expect(result.dossier.people.first?.born?.text == "1950-03-03")
        #expect(result.dossier.events.map(\.date.text) == ["2004"])
    }

    /// A saved page: the article's paragraphs, without navigation, scripts, styles or asides.
    @Test func anHTMLPageKeepsItsArticleBody() throws {
        let page = """
            <!doctype html><html><head><title>Petrov named envoy</title>
            <meta property="article:published_time" content="2017-06-26T10:00:00Z">
            <style>p { color: red }</style><script>var d = "on 1 January 1999";</script></head>
            <body><nav><p>Home, published 2 February 2002</p></nav>
            <article><h1>Petrov named envoy</h1>
            <p>Ivan Petrov became ambassador to Canada on Sunday.</p>
            <aside><p>Related: on 3 March 2003</p></aside>
            </article></body></html>
            """
        let result = try importText(page, path: "page.html")
        #expect(posts(result.dossier) == [["Ambassador to Canada", "2017-06-25", ""]])
        #expect(result.dossier.events.isEmpty)
        #expect(result.dossier.sources.first?.published?.text == "2017-06-26")
        #expect(result.dossier.tenures.first?.sources.first?.locator == "line 6")
    }

    /// A saved news page: metadata describes the source, the dateline is no event, the tense of
    /// the verb that governs each date decides its direction.
    @Test func aSavedNewsPageReadsAsItsReaderWould() throws {
        let result = try ArticleImporter.import(try fixture("article.html"))
        let dossier = result.dossier
        let source = try #require(dossier.sources.first)
        #expect(source.title == "Envoy recalled after nine years")
        #expect(source.publisher == "The Example Courier")
        #expect(source.url == "https://example.org/envoy-recalled")
        #expect(source.published?.text == "2017-06-26")
        #expect(dossier.people.first?.born?.text == "1952")
        #expect(dossier.people.first?.birthPlace == "Tver")
        func date(quoting words: String) -> String? {
            dossier.events.first { $0.sources.contains { $0.quote?.contains(words) == true } }?.date.text
        }
        #expect(date(quoting: "officials said on Sunday") == "2017-06-25", "said: the Sunday before")
        #expect(date(quoting: "scheduled for July 11") == "2017-07-11", "is scheduled: ahead")
        #expect(date(quoting: "said in December") == "2016-12")
        #expect(dossier.events.contains { $0.date.text == "2018" }, "early next year")
        let all = DossierWriter.write(dossier, as: .yaml)
        for hidden in ["1999", "2002", "2003-03-03", "2004", "2013"] {
            #expect(!all.contains("date: \"\(hidden)"), "\(hidden) is outside the article")
        }
        #expect(!dossier.events.contains { $0.title == "MOSCOW" }, "a dateline is not an event")
    }

    @Test func aDatelineWithoutAYearAsksForThePublicationDate() throws {
        let result = try importText(
            "WASHINGTON, July 22. /TASS/. Ivan Petrov left his post on Sunday. He had arrived in 1990.\n", person: "Ivan Petrov")
        #expect(result.warnings.contains { $0.message.contains("the dateline 'WASHINGTON, July 22. /TASS/.' gives no year") })
        #expect(result.warnings.contains { $0.message.contains("--published") })
    }

    @Test func anHTMLPageWithoutABodyIsRefused() throws {
        #expect(throws: CursusError.self) {
            try importText("<html><head><title>x</title></head><body><nav><p>Menu 1 May 2001</p></nav></body></html>", path: "p.html")
        }
    }

    /// The same text gives the same dossier.
    @Test func importsAreDeterministic() throws {
        let file = try InputFile.read(seeds.appendingPathComponent("004_c8d21a3f9913e109.txt").path, what: "article")
        let first = DossierWriter.write(try ArticleImporter.import(file).dossier, as: .yaml)
        let second = DossierWriter.write(try ArticleImporter.import(file).dossier, as: .yaml)
        #expect(first == second)
    }
}
