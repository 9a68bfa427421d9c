import CursusTestSupport
import Foundation
import Testing

/// The html renderer's page, opened in real headless Chromium (Tests/Support/page.py): what a
/// reader meets with scripts on and off, on screen and printed on A4 and US Letter.
@Suite(.serialized) struct HTMLPageTests {
    static let example = repositoryRoot.appendingPathComponent("Examples/kislyak/out/kislyak.html").path

    /// How many bars and chronology entries the Kislyak dossier makes, counted from the dossier
    /// itself: a bar per dated post; an entry per start, end, milestone and event.
    func expectedCounts() throws -> (bars: Int, entries: Int, posts: Int) {
        let script = #"""
            import sys, yaml
            d = yaml.load(open(sys.argv[1]), Loader=yaml.BaseLoader)
            t = d["tenures"]
            print(len([x for x in t if "start" in x or "end" in x]),
                  sum(("start" in x) + ("end" in x) + len(x.get("milestones", [])) for x in t) + len(d["events"]), len(t))
            """#
        let (status, output) = try python(["-c", script, repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml").path])
        let numbers = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(status == 0 && numbers.count == 3)
        return (numbers[0], numbers[1], numbers[2])
    }

    @Test func examplePageLoadsCleanAndWorksWithScripts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try chromiumPage(Self.example, folder: folder)
        let expected = try expectedCounts()
        #expect((page["console"] as? [String]) == [], "no console errors or warnings")
        #expect((page["requests"] as? [String]) == [], "no request beyond the page itself")
        #expect(page["bars"] as? Int == expected.bars, "one bar per tenure")
        #expect(page["entries"] as? Int == expected.entries, "one entry per chronology item")
        #expect(page["posts"] as? Int == expected.posts)
        #expect(page["titlesLeft"] as? Int == 0, "with scripts on, tooltips replace the SVG titles")
        #expect(page["svgRole"] as? String == "img")
        let description = try #require(page["svgDescription"] as? String)
        #expect(description.contains("Ambassador of Russia to the United States (26 Jul 2008 – 21 Aug 2017)"))
        #expect((page["links"] as? [String]) == ["https://en.wikipedia.org/wiki/Sergey_Kislyak"])

        // The keyboard reaches the first bar, and its tooltip shows: office, dates, sources.
        let tooltip = try #require(page["tooltip"] as? [String: Any])
        #expect(tooltip["shown"] as? Bool == true)
        #expect(tooltip["role"] as? String == "tooltip" && tooltip["describedBy"] as? String == "chart-tooltip")
        let tip = try #require(tooltip["text"] as? String)
        #expect(tip.hasPrefix("Second Secretary") && tip.contains("1981 – 1985") && tip.contains("Sources: [1]"), "\(tip)")

        // A bar leads to its chronology entries and lights them.
        let selected = try #require(page["selected"] as? [String: Any])
        let tenure = try #require(selected["tenure"] as? String)
        let lit = try #require(selected["entries"] as? [String])
        #expect(lit.count == 2 && lit.allSatisfy { $0 == tenure }, "the post's start and end: \(lit)")
        #expect((selected["hash"] as? String)?.hasPrefix("#entry-") == true)

        // Unticking a category hides its bars and entries together, and nothing else.
        let filtered = try #require(page["filtered"] as? [String: Any])
        let category = try #require(filtered["category"] as? String)
        let bars = try #require(filtered["bars"] as? [String?])
        let entries = try #require(filtered["entries"] as? [String?])
        #expect(!bars.isEmpty && !bars.contains(category) && !entries.contains(category))
        #expect(bars.count < expected.bars && filtered["barsAfterTickingAgain"] as? Int == expected.bars)

        let screenshot = try Data(contentsOf: URL(fileURLWithPath: try #require(page["screenshot"] as? String)))
        #expect(screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]) && screenshot.count > 20_000)
    }

    /// Printed on A4, on US Letter and by `chromium --print-to-pdf`: pdftotext reads every page,
    /// the chart lies whole on one page (landscape), no word falls off a page, the chronology
    /// flows over several, and URLs are printed after their links.
    @Test func examplePagePrintsWithTheChartWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try chromiumPage(Self.example, folder: folder)
        let chartWords = Set(try #require(page["chartWords"] as? [String]))
        #expect(chartWords.contains("1993–95") && chartWords.contains("Senator"))
        let printed = try #require(page["printed"] as? [String: [[String: Any]]])
        let paper = ["a4": (595.92, 841.92), "letter": (612.0, 792.0), "cli": (612.0, 792.0)]
        for (name, pages) in printed {
            let (width, height) = try #require(paper[name])
            #expect(pages.count >= 3, "\(name): the chronology flows over pages")
            let holding = pages.indices.filter { chartWords.isSubset(of: Set(pages[$0]["words"] as? [String] ?? [])) }
            #expect(holding.count == 1, "\(name): one page holds every word of the chart: \(holding)")
            for (index, sheet) in pages.enumerated() {
                let size = (sheet["width"] as? Double ?? 0, sheet["height"] as? Double ?? 0)
                let landscape = holding.contains(index)
                #expect(
                    abs(size.0 - (landscape ? height : width)) < 1 && abs(size.1 - (landscape ? width : height)) < 1,
                    "\(name) page \(index + 1) is \(size)")
                #expect((sheet["outside"] as? [String]) == [], "\(name) page \(index + 1): no word off the page")
            }
            let text = pages.flatMap { $0["words"] as? [String] ?? [] }.joined(separator: " ")
            #expect(text.contains("Chronology") && text.contains("Sanctioned"))
            #expect(text.contains("<https://en.wikipedia.org/wiki/Sergey_Kislyak>"), "\(name): the URL printed after its link")
        }
    }

    @Test func examplePageReadsTheSameWithScriptsOff() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try chromiumPage(Self.example, folder: folder, scripts: false)
        let expected = try expectedCounts()
        #expect((page["console"] as? [String]) == [])
        #expect(page["bars"] as? Int == expected.bars && page["entries"] as? Int == expected.entries)
        #expect(page["filtersShown"] as? Bool == false, "filters need scripts, so they stay hidden")
        #expect(page["marks"] as? Int == page["titlesLeft"] as? Int, "every mark keeps its SVG title as a tooltip")
    }

    /// Markup, scripts and dangerous URLs in a dossier stay text: nothing runs, nothing loads,
    /// only http, https and mailto become links.
    @Test func hostileDossierStaysText() throws {
        let workspace = try Workspace([
            "cursus.yml": """
            cursus: 1
            inputs: [d.yml]
            as_of: 2020-01-01
            outputs: [{renderer: html, path: page.html}]
            """,
            "d.yml": """
            cursus: 1
            people: [{id: p, name: "<img src=x onerror=alert(1)>", native_name: "</title><script>alert(2)</script>", native_language: "ru\\" onload=\\"x"}]
            tenures:
              - {id: t, person: p, office: "<script>alert(3)</script>", place: "a & b", category: "x\\" onclick=\\"alert(4)", start: 2001, end: 2003, sources: [s1, s2, s3, s4]}
            events:
              - {id: e, date: 2002, title: "<a href='javascript:alert(5)'>click</a>", people: [p], sources: [s1]}
            sources:
              - {id: s1, title: "JS", url: "javascript:alert(6)"}
              - {id: s2, title: "Data", url: "data:text/html,<script>alert(7)</script>"}
              - {id: s3, title: "File", url: "file:///etc/passwd"}
              - {id: s4, title: "Mail", url: "mailto:desk@example.org"}
            """,
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = String(decoding: try workspace.read("out/page.html"), as: UTF8.self)
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("href=\"javascript"))
        #expect(html.components(separatedBy: "<script>").count == 2, "the page's own script only")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try chromiumPage(workspace.url.appendingPathComponent("out/page.html").path, folder: folder)
        #expect((page["console"] as? [String]) == [] && (page["requests"] as? [String]) == [])
        #expect((page["links"] as? [String]) == ["mailto:desk@example.org"])
        #expect(page["bars"] as? Int == 1)
    }

    /// The checks above can fail: a page that loads an image and logs an error is caught.
    @Test func chromiumCheckSeesWhatThePolicyRefuses() throws {
        var html = try String(contentsOfFile: Self.example, encoding: .utf8)
        html = html.replacingOccurrences(of: "<main>", with: "<main><img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\">")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("tampered.html")
        try html.write(to: copy, atomically: true, encoding: .utf8)
        let page = try chromiumPage(copy.path, folder: folder)
        let console = try #require(page["console"] as? [String])
        #expect(console.contains { $0.contains("Content Security Policy") }, "\(console)")
    }

    @Test func optionsAreCheckedWhereTheyAreWritten() throws {
        let cases: [(String, String)] = [
            ("{chart: {formats: [svg]}}", "unknown option 'formats' for 'chart' of renderer 'html'"),
            ("{chart: {partial: blurry}}", "option 'partial' must be one of middle, fade"),
            ("{lang: \"en US\"}", "is not a BCP 47 language tag"),
            ("{sections: [header, appendix]}", "found 'appendix'"),
        ]
        for (options, message) in cases {
            let workspace = try Workspace([
                "cursus.yml": "cursus: 1\ninputs: [d.yml]\noutputs:\n  - {renderer: html, path: page.html, options: \(options)}\n",
                "d.yml": "people: [{id: p, name: P}]\n",
            ])
            defer { workspace.remove() }
            let result = try workspace.run(["render"])
            #expect(result.status == 65, "\(options)")
            #expect(result.stderr.contains("cursus.yml:4:") && result.stderr.contains(message), "\(result.stderr)")
            #expect(!workspace.exists("out/page.html") && !workspace.exists("page.html"), "nothing written")
        }
    }

    @Test func sectionsComeInTheOrderAskedAndTheChartTakesItsOptions() throws {
        let workspace = try Workspace([
            "cursus.yml": """
            cursus: 1
            inputs: [kislyak.yml]
            as_of: 2026-11-22
            outputs:
              - {renderer: html, path: page.html, options: {sections: [chronology, header], lang: en-GB}}
              - {renderer: html, path: chart.html, options: {sections: [chart], chart: {rows: category, title: "Posts by kind", partial: fade}}}
            """,
            "kislyak.yml": try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/kislyak/kislyak.yml"), encoding: .utf8),
        ])
        defer { workspace.remove() }
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = String(decoding: try workspace.read("out/page.html"), as: UTF8.self)
        #expect(page.contains("<html lang=\"en-GB\">") && !page.contains("<svg"))
        let chronology = try #require(page.range(of: "id=\"chronology\""))
        let header = try #require(page.range(of: "class=\"title-block\""))
        #expect(chronology.lowerBound < header.lowerBound)
        #expect(!page.contains("href=\"#note-"), "no source list, so the markers link nowhere and are left out")
        let chart = String(decoding: try workspace.read("out/chart.html"), as: UTF8.self)
        #expect(chart.contains(">Posts by kind</text>") && chart.contains("linearGradient"))
        #expect(!chart.contains("<a href=\"#entry-"), "with no chronology, bars take focus but lead nowhere")
    }

    /// Text on the chart and the page is dark enough: a contrast of at least 4.5:1 (WCAG AA)
    /// against white, the row bands and, for labels inside bars, every palette colour.
    @Test func textColoursHaveEnoughContrast() throws {
        let html = try String(contentsOfFile: Self.example, encoding: .utf8)
        func luminance(_ hex: Substring) -> Double {
            let value = Int(hex, radix: 16) ?? 0
            let bytes: [Int] = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
            let channels: [Double] = bytes.map { byte -> Double in
                let channel = Double(byte) / 255
                return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        func contrast(_ a: Substring, _ b: Substring) -> Double {
            let (x, y) = (luminance(a), luminance(b))
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }
        // White text is the tooltip's alone, on its own dark background.
        let textColours = Set(
            html.matches(of: /<(?:text|tspan)[^>]* fill="#([0-9A-F]{6})"/).map(\.output.1)
                + html.matches(of: /[{;] color: #([0-9A-F]{6})/).map(\.output.1)
        ).subtracting(["FFFFFF"])
        #expect(textColours.count >= 4)
        #expect(html.contains("background: #222222; color: #FFFFFF;") && contrast("FFFFFF", "222222") >= 4.5)
        for colour in textColours {
            for background in ["FFFFFF", "F2F2F2"] {
                #expect(contrast(colour, Substring(background)) >= 4.5, "#\(colour) on #\(background)")
            }
        }
        let barFills = Set(html.matches(of: /class="bar-body"[^>]* fill="#([0-9A-F]{6})"/).map(\.output.1))
        #expect(barFills.count >= 3)
        for fill in barFills { #expect(contrast("222222", fill) >= 4.5, "bar label on #\(fill)") }
    }
}
