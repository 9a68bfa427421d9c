import CursusCore
import Foundation

/// Imports FollowTheMoney entities as OpenSanctions publishes them: JSON Lines of Person,
/// Position and Occupancy (plain, `.gz` or `.bz2`), read as a stream; each occupancy is a
/// tenure of its holder in its post, dated by `startDate`/`endDate`, ongoing when its
/// `status` is `current`. `stream` writes JSON Lines as it reads, for extracts of any size.
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

    /// What one line holds.
    private enum Entity {
        case person(String, Person)
        case position(String, name: String, country: String?)
        case occupancy(Occupancy)
        case other
    }

    static let source = Source(id: "opensanctions", title: "", kind: "database")

    /// The people, posts and occupancies in the entities file at `path`, in date order.
    public static func `import`(_ path: String) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: InputFile(path: path, text: ""), scope: "ftm")
        var ids = IDMaker()
        var people: [Person] = []
        var personIndex: [String: Int] = [:]
        var positions: [String: (name: String, country: String?)] = [:]
        var occupancies: [Occupancy] = []
        try lines(path).forEachEntity(warnings: &warnings) { json, line, warnings in
            switch entity(json, line: line, ids: &ids, warnings: &warnings) {
            case .person(let id, let person):
                personIndex[id] = people.count
                people.append(person)
            case .position(let id, let name, let country): positions[id] = (name, country)
            case .occupancy(let occupancy): occupancies.append(occupancy)
            case .other: break
            }
        }
        var tenures: [Tenure] = []
        for occupancy in occupancies {
            let holder = personIndex[occupancy.holder].map { (people[$0].id, people[$0].died != nil) }
            if let tenure = tenure(occupancy, holder: holder, position: positions[occupancy.post], ids: &ids, warnings: &warnings) {
                tenures.append(tenure)
            }
        }
        guard !people.isEmpty else { throw warnings.error("no Person entity in this file", line: nil) }
        return ImportResult(
            dossier: Dossier(people: people, tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source(for: path)]),
            warnings: warnings.diagnostics)
    }

    /// Imports the entities file at `path` straight into JSON Lines on `writer`, in two streamed
    /// passes (people and posts, then occupancies, in file order), keeping only ids and names in
    /// memory; returns the warnings.
    public static func stream(_ path: String, into writer: TextWriter) throws(CursusError) -> [Diagnostic] {
        var warnings = ImportWarnings(file: InputFile(path: path, text: ""), scope: "ftm")
        var ids = IDMaker()
        var holders: [String: (id: String, died: Bool)] = [:]
        var positions: [String: (name: String, country: String?)] = [:]
        writer.write(JSONLinesRecord.header)
        writer.write(JSONLinesRecord.line(source(for: path)))
        let lines = lines(path)
        try lines.forEachEntity(warnings: &warnings) { json, line, warnings in
            switch entity(json, line: line, ids: &ids, warnings: &warnings, occupancies: false) {
            case .person(let id, let person):
                holders[id] = (person.id, person.died != nil)
                writer.write(JSONLinesRecord.line(person))
            case .position(let id, let name, let country): positions[id] = (name, country)
            default: break
            }
        }
        guard !holders.isEmpty else { throw warnings.error("no Person entity in this file", line: nil) }
        // The second pass reports only what the first did not read.
        var secondPass = ImportWarnings(file: InputFile(path: path, text: ""), scope: "ftm")
        try lines.forEachEntity(warnings: &secondPass) { json, line, secondPass in
            guard case .occupancy(let occupancy) = entity(json, line: line, ids: &ids, warnings: &secondPass, people: false) else { return }
            if let tenure = tenure(
                occupancy, holder: holders[occupancy.holder], position: positions[occupancy.post], ids: &ids, warnings: &secondPass)
            {
                writer.write(JSONLinesRecord.line(tenure, single: nil))
            }
        }
        return warnings.diagnostics
            + secondPass.diagnostics.filter { diagnostic in
                !warnings.diagnostics.contains { $0.message == diagnostic.message && $0.location?.line == diagnostic.location?.line }
            }
    }

    private static func lines(_ path: String) -> DumpLines { DumpLines(path: path, what: "FollowTheMoney entities") }

    private static func source(for path: String) -> Source {
        var source = source
        source.title = "FollowTheMoney entities: \((path as NSString).lastPathComponent)"
        return source
    }

    /// The entity on one line; people (and their ids) only when `people`, occupancies only when `occupancies`.
    private static func entity(
        _ entity: [String: Any], line: Int, ids: inout IDMaker, warnings: inout ImportWarnings, people: Bool = true,
        occupancies: Bool = true
    ) -> Entity {
        guard let id = entity["id"] as? String, let schema = entity["schema"] as? String else {
            warnings.warn("line \(line) is not a FollowTheMoney entity (no id or schema); left out", line: line)
            return .other
        }
        let properties = entity["properties"] as? [String: Any] ?? [:]
        func first(_ key: String) -> String? { (properties[key] as? [Any])?.first as? String }
        func date(_ key: String) -> EDTF? { InterchangeDates.edtf(first(key), field: key, warnings: &warnings, line: line) }
        switch schema {
        case "Person" where people:
            guard let name = first("name") ?? (entity["caption"] as? String) else {
                warnings.warn("the person \(id) has no name; left out", line: line)
                return .other
            }
            var person = Person(
                id: ids.make(name), name: name, born: date("birthDate"), died: date("deathDate"),
                nationality: first("nationality") ?? first("citizenship"), ids: [("opensanctions", id)], sources: [Citation(source.id)])
            if let wikidata = first("wikidataId") { person.ids.append(("wikidata", wikidata)) }
            return .person(id, person)
        case "Position" where people:
            guard let name = first("name") ?? (entity["caption"] as? String) else {
                warnings.warn("the position \(id) has no name; left out", line: line)
                return .other
            }
            return .position(id, name: name, country: first("country"))
        case "Occupancy" where occupancies:
            guard let holder = first("holder"), let post = first("post") else {
                warnings.warn("the occupancy \(id) names no holder or post; left out", line: line)
                return .other
            }
            return .occupancy(
                Occupancy(
                    id: id, holder: holder, post: post, start: date("startDate"), end: date("endDate"),
                    current: first("status") == "current",
                    line: line))
        default:
            return .other
        }
    }

    /// The tenure of an occupancy, or nil (with a warning) when its holder or post is unknown.
    private static func tenure(
        _ occupancy: Occupancy, holder: (id: String, died: Bool)?, position: (name: String, country: String?)?, ids: inout IDMaker,
        warnings: inout ImportWarnings
    ) -> Tenure? {
        guard let holder else {
            warnings.warn(
                "the occupancy \(occupancy.id) is held by \(occupancy.holder), who is not in the file; left out", line: occupancy.line)
            return nil
        }
        guard let position else {
            warnings.warn(
                "the occupancy \(occupancy.id) is of the post \(occupancy.post), which is not in the file; left out", line: occupancy.line)
            return nil
        }
        let end = warnings.end(occupancy.end, after: occupancy.start, line: occupancy.line)
        let ongoing = occupancy.current && end == nil && !holder.died
        return Tenure(
            id: ids.make(position.name, suffix: occupancy.start?.earliest.map { String($0.year) }), person: holder.id,
            office: position.name,
            country: position.country?.uppercased(), start: occupancy.start, end: ongoing ? nil : end, ongoing: ongoing,
            ids: [("opensanctions", occupancy.id)], sources: [Citation(source.id)])
    }
}
