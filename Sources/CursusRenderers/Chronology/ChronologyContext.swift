import CursusCore
import Stencil

/// One record a template sees (`entry`, `post`, `source`, `person`). Stencil copies plain
/// dictionaries on every lookup; a record answers lookups directly, which keeps big chronologies fast.
final class TemplateRecord: DynamicMemberLookup {
    let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    subscript(dynamicMember member: String) -> Any? { values[member] }
}

/// The variables a chronology template sees (documented in the README, "Chronology templates").
struct ChronologyContext {
    let values: [String: Any]

    init(chronology: Chronology, request: RenderRequest, width: Int, format: ChronologyFormat) {
        let escape = format.escape
        let dossier = request.dossier
        let presentation = chronology.presentation
        let date = presentation.date
        let people = dossier.people.map { person -> TemplateRecord in
            var values: [String: Any] = ["id": person.id, "name": escape(person.name)]
            values["native_name"] = person.nativeName.map(escape)
            values["native_language"] = person.nativeLanguage.map(escape)
            values["born"] = person.born.map(date)
            values["died"] = person.died.map(date)
            values["birth_place"] = person.birthPlace.map(escape)
            values["death_place"] = person.deathPlace.map(escape)
            values["nationality"] = person.nationality.map(escape)
            values["attributes"] = person.attributes.map { TemplateRecord(["key": escape($0.key), "value": escape($0.value)]) }
            values["birth"] = person.born.map { escape(presentation.dateAndPlace($0, person.birthPlace)) }
            return TemplateRecord(values)
        }
        let title =
            request.title ?? dossier.people.first.map { presentation.text("text.chronology_title", ["name": $0.name]) }
            ?? presentation.text("text.chronology")

        // Entries can number millions: the block is built in one pass, keeping nothing per entry;
        // records for templates that loop over `entries` are made only if one asks for them.
        let dateWidth = (chronology.entries.map { date($0.date).count }.max() ?? 0) + 2
        func entry(_ entry: Chronology.Entry) -> [String: Any] {
            let display = date(entry.date)
            let markers = chronology.markers(entry.citations)
            let text = chronology.alternatives(entry, escape: escape) + escape(entry.text)
            let cited = markers.isEmpty ? text : text + " " + markers
            return [
                "date": display, "edtf": entry.date.text, "kind": entry.kind.rawValue, "text": text,
                "markers": markers, "cited": cited, "category": entry.category.map(escape) ?? "",
                "line": TextWrapper.pad(display, to: dateWidth)
                    + TextWrapper.hanging(cited, width: width, indent: min(dateWidth, width / 2), keepingLastWords: markers),
            ]
        }
        var chronologyBlock = ""
        var task = request.progress.task(request.outputName, total: chronology.entries.count, unit: "entries")
        defer { task.finish() }
        for (index, item) in chronology.entries.enumerated() {
            task.advance()
            let values = entry(item)
            if index > 0 { chronologyBlock += "\n" }
            chronologyBlock += format == .text ? values["line"] as! String : "- **\(values["date"]!)** — \(values["cited"]!)"
        }

        let spanWidth = min((chronology.posts.map(\.dates.count).max() ?? 0) + 2, width / 2)
        let summary = chronology.posts.map { post -> [String: Any] in
            let office = escape(post.office)
            let place = post.place.map(escape) ?? ""
            let held = place.isEmpty || TextMatch.contains(post.office, ignoringCase: post.place ?? "") ? office : "\(office) (\(place))"
            let holder = post.holder.map(escape)
            let text = holder.map { "\($0): \(held)" } ?? held
            return [
                "dates": post.dates, "holder": holder ?? "", "office": office, "place": place, "post": text,
                "category": post.category.map(escape) ?? "",
                "line": TextWrapper.pad(post.dates, to: spanWidth) + TextWrapper.hanging(text, width: width, indent: spanWidth),
            ]
        }

        let markerWidth = "[\(chronology.sources.count)] ".count
        let sources = chronology.sources.map { numbered -> [String: Any] in
            let source = numbered.source
            let marker = "[\(numbered.number)]"
            let citation = escape(chronology.describe(source, citing: numbered.citation))
            let url = source.url.map(format.link)
            let text = [citation, url].compactMap { $0 }.joined(separator: " ")
            var values: [String: Any] = [
                "number": numbered.number, "marker": marker, "id": source.id, "citation": citation, "text": text,
                "title": escape(source.title),
                "line": TextWrapper.pad(marker, to: markerWidth) + TextWrapper.hanging(text, width: width, indent: markerWidth),
            ]
            values["publisher"] = source.publisher.map(escape)
            values["url"] = url
            return values
        }

        // The blocks the built-in templates print whole; `entries`, `summary` and `sources` give the
        // same per item, for templates of one's own.
        let career =
            format == .text
            ? summary.map { $0["line"] as! String } : summary.map { "| \($0["dates"]!) | \($0["office"]!) | \($0["place"]!) |" }
        let notes = format == .text ? sources.map { $0["line"] as! String } : sources.map { "\($0["number"]!). \($0["text"]!)" }

        values = [
            "title": escape(title), "as_of": presentation.day(request.asOf), "width": width,
            "as_of_line": presentation.text("text.as_of", ["date": presentation.day(request.asOf)]),
            "born_line": (people.first?.values["birth"] as? String).map { presentation.text("text.born", ["birth": $0]) } ?? "",
            "words": TemplateRecord(
                ["career", "chronology", "sources", "dates", "post", "place"].reduce(into: [String: Any]()) {
                    $0[$1] = escape(presentation.text("heading.\($1)"))
                }),
            "rule": String(repeating: "=", count: width),
            "person": people.first ?? TemplateRecord([:]), "people": people,
            "career": career.joined(separator: "\n"), "chronology": chronologyBlock, "notes": notes.joined(separator: "\n"),
            "summary": LazyValueWrapper(summary.map(TemplateRecord.init)),
            "entries": LazyValueWrapper(chronology.entries.map { TemplateRecord(entry($0)) }),
            "sources": LazyValueWrapper(sources.map(TemplateRecord.init)),
            "date_width": dateWidth,
        ]
    }
}
