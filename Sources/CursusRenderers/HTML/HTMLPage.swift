import CursusCore
import Foundation

/// The page the html renderer writes: each section a function of the dossier, every text from
/// the dossier escaped, links only for http, https and mailto URLs.
struct HTMLPage {
    typealias Section = HTMLRenderer.Options.Section

    let request: RenderRequest
    let sections: [Section]
    let chartOptions: GanttOptions
    let lang: String
    let chronology: Chronology
    let chart: GanttChart
    let plan: GanttPlan

    /// The first chronology entry of each tenure, where its bar leads.
    private let firstEntry: [String: Int]

    init(request: RenderRequest, sections: [Section], chart chartOptions: GanttOptions, lang: String) {
        self.request = request
        self.sections = sections
        self.chartOptions = chartOptions
        self.lang = lang
        chronology = Chronology(request.dossier, parts: [.tenures, .milestones, .events], presentation: request.presentation)
        plan = GanttPlanner(dossier: request.dossier, asOf: request.asOf, options: chartOptions, presentation: request.presentation).plan()
        var chart = GanttLayout(plan: plan, options: chartOptions).layout()
        // On the page, a mark's tooltip also names its sources, by the numbers of the page's notes.
        let chronology = self.chronology
        let titles = Dictionary(request.dossier.sources.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        func sources(_ citations: [Citation]) -> String {
            let named = zip(chronology.noteNumbers(citations), citations).map { "[\($0)] \(titles[$1.source] ?? $1.source)" }
            return named.isEmpty ? "" : "\n" + request.presentation.text("text.sources_list", ["sources": named.joined(separator: "; ")])
        }
        let tenures = Dictionary(request.dossier.tenures.map { ($0.id, $0.sources) }, uniquingKeysWith: { first, _ in first })
        let events = Dictionary(request.dossier.events.map { ($0.id, $0.sources) }, uniquingKeysWith: { first, _ in first })
        for index in chart.bars.indices { chart.bars[index].tooltip += sources(tenures[chart.bars[index].tenure] ?? []) }
        for index in chart.events.indices { chart.events[index].tooltip += sources(events[chart.events[index].event] ?? []) }
        self.chart = chart
        var firstEntry: [String: Int] = [:]
        for (index, entry) in chronology.entries.enumerated() {
            if let tenure = entry.tenure, firstEntry[tenure] == nil { firstEntry[tenure] = index + 1 }
        }
        self.firstEntry = firstEntry
    }

    /// The whole document.
    func document() -> String {
        let body = sections.map { section -> String in
            switch section {
            case .header: return header()
            case .chart: return chartSection()
            case .career: return career()
            case .chronology: return chronologySection()
            case .sources: return sourcesSection()
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(Escaping.xml(lang))">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(PageAssets.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Cursus">
            <title>\(Escaping.xml(title))</title>
            <style>\(PageAssets.style)</style>
            </head>
            <body>
            <main>

            """ + body.joined(separator: "\n") + """
                </main>
                <script>\(PageAssets.script)</script>
                </body>
                </html>

                """
    }

    private var title: String { request.title ?? plan.title }

    private var multiplePeople: Bool { request.dossier.people.count > 1 }

    private var presentation: Presentation { request.presentation }

    /// A text of the page's language, escaped.
    private func word(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        Escaping.xml(presentation.text(key, values))
    }

    // MARK: - Sections

    private func header() -> String {
        let dossier = request.dossier
        var lines = ["<header class=\"title-block\">", "<h1>\(Escaping.xml(title))</h1>"]
        for person in dossier.people.prefix(20) {
            var parts = ["<strong>\(Escaping.xml(person.name))</strong>"]
            if let native = person.nativeName {
                let language = person.nativeLanguage.flatMap { LanguageTag.isValid($0) ? $0 : nil }
                parts[0] += " (<span\(language.map { " lang=\"\(Escaping.xml($0))\"" } ?? "")>\(Escaping.xml(native))</span>)"
            }
            if let born = person.born {
                parts.append(word("text.born_lower", ["birth": presentation.dateAndPlace(born, person.birthPlace)]))
            }
            if let died = person.died {
                parts.append(word("text.died_lower", ["death": presentation.dateAndPlace(died, person.deathPlace)]))
            }
            if let nationality = person.nationality { parts.append(Escaping.xml(nationality)) }
            lines.append("<p class=\"person\">" + parts.joined(separator: " · ") + "</p>")
        }
        if dossier.people.count > 20 {
            lines.append("<p class=\"person\">\(word("text.more_people", ["count": String(dossier.people.count - 20)]))</p>")
        }
        let asOf = "<time datetime=\"\(request.asOf.iso)\">\(Escaping.xml(presentation.day(request.asOf)))</time>"
        let counts = [("post", dossier.tenures.count), ("event", dossier.events.count), ("source", dossier.sources.count)]
            .map { Escaping.xml(presentation.words.count($0.0, $0.1)) }
        // The date stands in the sentence as a <time>.
        let sentence = presentation.words.text("text.as_of", escapedBy: Escaping.xml, ["date": asOf])
        lines.append("<p class=\"as-of\">\(sentence) · \(counts.joined(separator: " · "))</p>")
        lines.append("</header>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func chartSection() -> String {
        let linksToEntries = sections.contains(.chronology)
        var writer = GanttSVGWriter(chart: chart, label: chart.title?.text ?? title, summary: chartSummary()) { bar in
            linksToEntries ? firstEntry[bar.tenure].map { "#entry-\($0)" } : nil
        }
        return """
            <section id="chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">\(word("heading.chart"))</h2>
            \(filters())<figure class="chart-figure">
            \(writer.write())</figure>
            </section>

            """
    }

    /// The career in words, for the chart's `<desc>`: each post shown with its dates (the first 50).
    private func chartSummary() -> String {
        let spans = plan.rows.flatMap { $0.lanes.flatMap { $0 } }.map(\.tenure)
        let posts = spans.prefix(50).map { "\($0.office) (\(presentation.span($0)))" }
        var text = "\(plan.title). \(presentation.words.count("post", spans.count)): " + posts.joined(separator: "; ")
        if spans.count > posts.count { text += "; " + presentation.text("text.more", ["count": String(spans.count - posts.count)]) }
        if !plan.events.isEmpty {
            text += ". " + presentation.text("text.marked", ["events": presentation.words.count("event", plan.events.count)])
        }
        return text + "."
    }

    /// A checkbox per category, shown only when scripts run (they do the hiding).
    private func filters() -> String {
        var categories: [(name: String, color: String?)] = []
        for bar in chart.bars {
            if let category = bar.category, !categories.contains(where: { $0.name == category }) { categories.append((category, bar.fill)) }
        }
        for event in chart.events {
            if let category = event.category, !categories.contains(where: { $0.name == category }) { categories.append((category, nil)) }
        }
        guard categories.count > 1 else { return "" }
        let boxes = categories.map { category -> String in
            let swatch =
                category.color.map {
                    "<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"\($0)\" stroke=\"\(Palette.outline($0))\"/></svg>"
                } ?? ""
            return "<label><input type=\"checkbox\" value=\"\(Escaping.xml(category.name))\" checked>\(swatch)"
                + "\(Escaping.xml(GanttPlan.humanize(category.name)))</label>"
        }
        return "<fieldset class=\"filters\" hidden><legend>\(word("heading.show"))</legend>\n" + boxes.joined(separator: "\n")
            + "\n</fieldset>\n"
    }

    private func career() -> String {
        var lines = [
            "<section id=\"career\" aria-labelledby=\"career-heading\">", "<h2 id=\"career-heading\">\(word("heading.career"))</h2>",
            "<table class=\"career\">",
            "<thead><tr><th scope=\"col\">\(word("heading.dates"))</th>"
                + (multiplePeople ? "<th scope=\"col\">\(word("heading.held_by"))</th>" : "")
                + "<th scope=\"col\">\(word("heading.post"))</th><th scope=\"col\">\(word("heading.where"))</th></tr></thead>",
            "<tbody>",
        ]
        for post in chronology.posts {
            let holder = multiplePeople ? "<td>\(Escaping.xml(post.holder ?? ""))</td>" : ""
            lines.append(
                "<tr id=\"post-\(Escaping.xml(post.tenure))\"\(category(post.category))><td class=\"dates\">\(Escaping.xml(post.dates))</td>"
                    + "\(holder)<th scope=\"row\">\(Escaping.xml(post.office))</th><td>\(Escaping.xml(post.place ?? ""))</td></tr>")
        }
        lines += ["</tbody>", "</table>", "</section>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func chronologySection() -> String {
        var lines = [
            "<section id=\"chronology\" aria-labelledby=\"chronology-heading\">",
            "<h2 id=\"chronology-heading\">\(word("heading.chronology"))</h2>",
        ]
        var currentYear: String?
        for (index, entry) in chronology.entries.enumerated() {
            let number = (entry.date.earliest ?? entry.date.latest)?.year
            let year = Escaping.xml(number.map(plan.yearText) ?? presentation.text("heading.date_unknown"))
            if year != currentYear {
                if currentYear != nil { lines += ["</ol>", "</section>"] }
                let anchor = number.map { "year-" + ($0 <= 0 ? "bc-\(1 - $0)" : String($0)) } ?? "year-unknown"
                lines += [
                    "<section class=\"year\" aria-labelledby=\"\(anchor)\">", "<h3 id=\"\(anchor)\">\(year)</h3>", "<ol class=\"entries\">",
                ]
                currentYear = year
            }
            let tenure = entry.tenure.map { " data-tenure=\"\(Escaping.xml($0))\"" } ?? ""
            let alternatives = chronology.alternatives(entry, escape: Escaping.xml, markers: markers)
            lines.append(
                "<li class=\"entry entry-\(entry.kind.rawValue)\" id=\"entry-\(index + 1)\"\(tenure)\(category(entry.category))>"
                    + "\(time(entry.date)) <span class=\"text\">\(alternatives)\(Escaping.xml(entry.text))\(cited(entry.citations))</span></li>"
            )
        }
        if currentYear != nil { lines += ["</ol>", "</section>"] }
        lines.append("</section>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func sourcesSection() -> String {
        var lines = [
            "<section id=\"sources\" aria-labelledby=\"sources-heading\">", "<h2 id=\"sources-heading\">\(word("heading.sources"))</h2>",
            "<ol class=\"notes\">",
        ]
        for note in chronology.sources {
            // The title links to the source (its URL printed after it on paper); a URL that may not be a link is shown as text.
            let title = Escaping.xml(note.source.title)
            let url = note.source.url
            var text = url.map { LinkSchemes.isLinkable($0) ? "<a href=\"\(Escaping.xml($0))\">\(title)</a>" : title } ?? title
            text += Escaping.xml(chronology.details(note.source, citing: note.citation))
            if let url, !LinkSchemes.isLinkable(url) { text += " <span class=\"url\">\(Escaping.xml(url))</span>" }
            lines.append("<li id=\"note-\(note.number)\" value=\"\(note.number)\">\(text)</li>")
        }
        lines += ["</ol>", "</section>"]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Pieces

    /// " [1, 2]" as links to the notes (plain when the page lists no sources), or "".
    private func cited(_ citations: [Citation]) -> String {
        let text = markers(citations)
        return text.isEmpty ? "" : " <sup class=\"cite\">\(text)</sup>"
    }

    private func markers(_ citations: [Citation]) -> String {
        let numbers = chronology.noteNumbers(citations)
        guard !numbers.isEmpty, sections.contains(.sources) else { return "" }
        return "[" + numbers.map { "<a href=\"#note-\($0)\">\($0)</a>" }.joined(separator: ", ") + "]"
    }

    /// The date as people read it, with its ISO form for machines when it is a plain day, month or year.
    private func time(_ date: EDTF) -> String {
        let plain = date.text.range(of: #"^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-3][0-9])?)?$"#, options: .regularExpression) != nil
        let machine = plain ? " datetime=\"\(date.text)\"" : " data-edtf=\"\(Escaping.xml(date.text))\""
        return "<time\(machine)>\(Escaping.xml(presentation.date(date)))</time>"
    }

    private func category(_ category: String?) -> String {
        category.map { " data-category=\"\(Escaping.xml($0))\"" } ?? ""
    }

    private typealias Options = HTMLRenderer.Options
}
