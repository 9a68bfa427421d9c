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
    /// Entries written at once on one core.
    static let entriesPerChunk = 1_024

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

        // Entries can number millions: their dates and lines are made on every core, a chunk at a
        // time, and joined in order; records for templates that loop over `entries` are made only
        // if one asks for them.
        let entries = chronology.entries
        let displays = Parallel.map(entries.count) { presentation.date(entries[$0].date) }
        let dateWidth = (displays.map(\.count).max() ?? 0) + 2
        @Sendable func entry(_ index: Int) -> (date: String, text: String, markers: String, cited: String) {
            let markers = chronology.markers(entries[index].citations)
            let text = chronology.alternatives(entries[index], escape: format.escape) + format.escape(entries[index].text)
            return (displays[index], text, markers, markers.isEmpty ? text : text + " " + markers)
        }
        /// The entry's line of a text chronology: its date in a column, its text wrapped beside it.
        @Sendable func textLine(_ index: Int) -> String {
            let (display, _, markers, cited) = entry(index)
            return TextWrapper.pad(display, to: dateWidth)
                + TextWrapper.hanging(cited, width: width, indent: min(dateWidth, width / 2), keepingLastWords: markers)
        }
        var task = request.progress.task(request.outputName, total: entries.count, unit: "entries")
        defer { task.finish() }
        var chronologyBlock = ""
        // Chunks of lines made on every core at once, joined onto the block in order (only a
        // round's chunks are held apart).
        Parallel.rounds(entries.count, chunk: Self.entriesPerChunk) { range in
            range.map { index in
                guard format == .text else { return "- **\(displays[index])** — \(entry(index).cited)" }
                return textLine(index)
            }.joined(separator: "\n")
        } consume: { parts, done in
            for (index, part) in parts.enumerated() {
                if done.lowerBound > 0 || index > 0 { chronologyBlock += "\n" }
                chronologyBlock += part
            }
            task.advance(by: done.count)
        }

        let spanWidth = min((chronology.posts.map(\.dates.count).max() ?? 0) + 2, width / 2)
        let posts = chronology.posts
        /// A post as the summary shows it: its texts escaped, "office (place)" unless the office names its place.
        @Sendable func post(_ index: Int) -> (office: String, place: String, holder: String?, text: String) {
            let post = posts[index]
            let office = format.escape(post.office)
            let place = post.place.map(format.escape) ?? ""
            let held = place.isEmpty || TextMatch.contains(post.office, ignoringCase: post.place ?? "") ? office : "\(office) (\(place))"
            let holder = post.holder.map(format.escape)
            return (office, place, holder, holder.map { "\($0): \(held)" } ?? held)
        }
        @Sendable func summaryLine(_ index: Int) -> String {
            TextWrapper.pad(posts[index].dates, to: spanWidth) + TextWrapper.hanging(post(index).text, width: width, indent: spanWidth)
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
        let career = Parallel.map(posts.count) { index in
            guard format == .text else {
                let (office, place, _, _) = post(index)
                return "| \(posts[index].dates) | \(office) | \(place) |"
            }
            return summaryLine(index)
        }
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
            "summary": LazyValueWrapper(
                posts.indices.map { index in
                    let (office, place, holder, text) = post(index)
                    return TemplateRecord([
                        "dates": posts[index].dates, "holder": holder ?? "", "office": office, "place": place, "post": text,
                        "category": posts[index].category.map(escape) ?? "", "line": summaryLine(index),
                    ])
                }),
            "entries": LazyValueWrapper(
                entries.indices.map { index in
                    let (display, text, markers, cited) = entry(index)
                    return TemplateRecord([
                        "date": display, "edtf": entries[index].date.text, "kind": entries[index].kind.rawValue, "text": text,
                        "markers": markers, "cited": cited, "category": entries[index].category.map(escape) ?? "", "line": textLine(index),
                    ])
                }),
            "sources": LazyValueWrapper(sources.map(TemplateRecord.init)),
            "date_width": dateWidth,
        ]
    }
}
