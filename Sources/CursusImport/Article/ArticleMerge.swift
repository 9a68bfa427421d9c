import CursusCore
import Foundation

/// Joins what a page's infobox says with what its prose says: a post both state is one tenure
/// with the infobox's dates (which give days where prose gives years) and both citations.
enum ArticleMerge {
    /// Words too common in titles to tell two posts apart.
    static let commonWords: Set<String> = [
        "the", "of", "to", "at", "in", "and", "for", "a", "an", "on", "from", "with", "russia", "russian", "soviet", "union",
        "federation", "ussr", "united", "republic", "s",
    ]

    static func merge(infobox: ImportResult, prose: Dossier, sourceID: String, warnings: inout ImportWarnings) -> Dossier {
        let infoboxCitation = Citation(sourceID, locator: "infobox")
        var person = infobox.dossier.people.first ?? prose.people[0]
        let read = prose.people[0]
        person.born = person.born ?? read.born
        person.died = person.died ?? read.died
        person.birthPlace = person.birthPlace ?? read.birthPlace
        person.sources = [infoboxCitation] + read.sources
        var tenures = infobox.dossier.tenures.map { tenure -> Tenure in
            var tenure = tenure
            tenure.person = person.id
            tenure.sources = [infoboxCitation]
            return tenure
        }
        var ids = IDMaker()
        for tenure in tenures { _ = ids.make(tenure.id) }
        for stated in prose.tenures {
            if let index = tenures.firstIndex(where: { samePost($0, stated) }) {
                tenures[index].sources += stated.sources
                tenures[index].start = tenures[index].start ?? stated.start
                tenures[index].role = tenures[index].role ?? stated.role
                tenures[index].organization = tenures[index].organization ?? stated.organization
                tenures[index].place = tenures[index].place ?? stated.place
                if tenures[index].end == nil && !tenures[index].ongoing { tenures[index].end = stated.end }
            } else {
                var stated = stated
                stated.person = person.id
                stated.id = ids.make(stated.id)
                tenures.append(stated)
            }
        }
        for warning in infobox.warnings { warnings.warn(warning.message, line: warning.location?.line) }
        let events = prose.events.map { event -> Event in
            var event = event
            event.people = [person.id]
            return event
        }
        return Dossier(people: [person], tenures: Dossier(tenures: tenures).chronologicalTenures, events: events)
    }

    /// True when two tenures are one post: the same first year, no disagreeing last year, and
    /// titles that share most of their telling words.
    static func samePost(_ a: Tenure, _ b: Tenure) -> Bool {
        guard let startA = a.start?.earliest?.year, let startB = b.start?.earliest?.year, startA == startB else { return false }
        if let endA = a.end?.latest?.year, let endB = b.end?.latest?.year, endA != endB { return false }
        let wordsA = words(a.office)
        let wordsB = words(b.office)
        let shared = wordsA.intersection(wordsB).count
        return shared > 0 && Double(shared) >= 0.5 * Double(min(wordsA.count, wordsB.count))
    }

    /// The more precise of two dates when it lies within the other ("April 1990" within "1990");
    /// else the first.
    static func finer(_ first: EDTF?, _ second: EDTF?) -> EDTF? {
        guard let first else { return second }
        guard let second, let low = first.earliest, let high = first.latest, let secondLow = second.earliest,
            let secondHigh = second.latest, !(secondLow < low), !(high < secondHigh),
            secondHigh.daysSinceEpoch - secondLow.daysSinceEpoch < high.daysSinceEpoch - low.daysSinceEpoch
        else { return first }
        return second
    }

    static func words(_ office: String) -> Set<String> {
        Set(
            office.lowercased().replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
                .split { !$0.isLetter }.map { word in
                    // "ministry" and "minister", "affairs" and "affair" are one word here.
                    String(word.hasPrefix("minist") ? "minist" : word)
                }
                .filter { !commonWords.contains($0) })
    }
}
