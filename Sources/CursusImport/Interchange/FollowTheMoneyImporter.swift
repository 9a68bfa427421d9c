import CursusCore
import Foundation

/// Imports FollowTheMoney entities as OpenSanctions publishes them: JSON Lines of Person,
/// Position and Occupancy (plain, `.gz` or `.bz2`), read as a stream; each occupancy is a
/// tenure of its holder in its post, dated by `startDate`/`endDate`, ongoing when its
/// `status` is `current`.
public enum FollowTheMoneyImporter {
    private struct Occupancy {
        var id: String
        var holder: String
        var post: String
        var start: EDTF?
        var end: EDTF?
        var current: Bool
        var line: Int
    }

    /// The people, posts and occupancies in the entities file at `path`.
    public static func `import`(_ path: String) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: InputFile(path: path, text: ""), scope: "ftm")
        let source = Source(
            id: "opensanctions", title: "FollowTheMoney entities: \((path as NSString).lastPathComponent)", kind: "database")
        var ids = IDMaker()
        var people: [Person] = []
        var personIndex: [String: Int] = [:]
        var positions: [String: (name: String, country: String?)] = [:]
        var occupancies: [Occupancy] = []
        try DumpLines(path: path, what: "FollowTheMoney entities").forEachEntity(warnings: &warnings) { entity, line, warnings in
            guard let id = entity["id"] as? String, let schema = entity["schema"] as? String else {
                warnings.warn("line \(line) is not a FollowTheMoney entity (no id or schema); left out", line: line)
                return
            }
            let properties = entity["properties"] as? [String: Any] ?? [:]
            func first(_ key: String) -> String? { (properties[key] as? [Any])?.first as? String }
            func date(_ key: String) -> EDTF? { InterchangeDates.edtf(first(key), field: key, warnings: &warnings, line: line) }
            switch schema {
            case "Person":
                guard let name = first("name") ?? (entity["caption"] as? String) else {
                    warnings.warn("the person \(id) has no name; left out", line: line)
                    return
                }
                var person = Person(
                    id: ids.make(name), name: name, born: date("birthDate"), died: date("deathDate"),
                    nationality: first("nationality") ?? first("citizenship"), ids: [("opensanctions", id)], sources: [Citation(source.id)])
                if let wikidata = first("wikidataId") { person.ids.append(("wikidata", wikidata)) }
                personIndex[id] = people.count
                people.append(person)
            case "Position":
                guard let name = first("name") ?? (entity["caption"] as? String) else {
                    warnings.warn("the position \(id) has no name; left out", line: line)
                    return
                }
                positions[id] = (name, first("country"))
            case "Occupancy":
                guard let holder = first("holder"), let post = first("post") else {
                    warnings.warn("the occupancy \(id) names no holder or post; left out", line: line)
                    return
                }
                occupancies.append(
                    Occupancy(
                        id: id, holder: holder, post: post, start: date("startDate"), end: date("endDate"),
                        current: first("status") == "current",
                        line: line))
            default:
                break
            }
        }
        var tenures: [Tenure] = []
        for occupancy in occupancies {
            guard let index = personIndex[occupancy.holder] else {
                warnings.warn(
                    "the occupancy \(occupancy.id) is held by \(occupancy.holder), who is not in the file; left out", line: occupancy.line)
                continue
            }
            guard let position = positions[occupancy.post] else {
                warnings.warn(
                    "the occupancy \(occupancy.id) is of the post \(occupancy.post), which is not in the file; left out",
                    line: occupancy.line)
                continue
            }
            let end = warnings.end(occupancy.end, after: occupancy.start, line: occupancy.line)
            let ongoing = occupancy.current && end == nil && people[index].died == nil
            tenures.append(
                Tenure(
                    id: ids.make(position.name, suffix: occupancy.start?.earliest.map { String($0.year) }), person: people[index].id,
                    office: position.name, country: position.country?.uppercased(), start: occupancy.start, end: ongoing ? nil : end,
                    ongoing: ongoing, ids: [("opensanctions", occupancy.id)], sources: [Citation(source.id)]))
        }
        guard !people.isEmpty else { throw warnings.error("no Person entity in this file", line: nil) }
        return ImportResult(
            dossier: Dossier(people: people, tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source]),
            warnings: warnings.diagnostics)
    }
}
