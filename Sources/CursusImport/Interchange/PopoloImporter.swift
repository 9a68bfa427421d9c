import CursusCore
import Foundation

/// Imports Popolo JSON (EveryPolitician's format): persons, organizations, posts, areas and
/// memberships; each membership is a tenure, dated by its own start and end, else by its
/// legislative period's.
public enum PopoloImporter {
    /// The people and their memberships in `file`.
    public static func `import`(_ file: InputFile) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: file, scope: "popolo")
        let root = try WikidataImporter.parse(Array(file.text.utf8)) { error throws(CursusError) in
            let (line, column) = WikidataImporter.position(ofByte: error.offset, in: file.text)
            throw warnings.error("not valid JSON: \(error.message)", line: line, column: column)
        }
        guard let object = root as? [String: Any], let persons = object["persons"] as? [[String: Any]] else {
            throw warnings.error("expected Popolo JSON: an object with \"persons\" (and \"memberships\")", line: 1)
        }
        func byID(_ key: String) -> [String: [String: Any]] {
            var found: [String: [String: Any]] = [:]
            for record in object[key] as? [[String: Any]] ?? [] { if let id = record["id"] as? String { found[id] = record } }
            return found
        }
        let organizations = byID("organizations")
        let posts = byID("posts")
        let areas = byID("areas")
        let periods = byID("events")
        func name(_ record: [String: Any]?) -> String? { (record?["name"] ?? record?["label"]) as? String }
        func line(_ id: String?) -> Int? { id.flatMap { WikidataImporter.lineOf(string: $0, in: file.text) } }

        let source = Source(id: "popolo", title: "Popolo data: \((file.path as NSString).lastPathComponent)", kind: "database")
        var ids = IDMaker()
        var people: [Person] = []
        var personIDs: [String: String] = [:]
        for record in persons {
            guard let popoloID = record["id"] as? String, let fullName = name(record) else {
                warnings.warn("a person without an id or a name is left out", line: nil)
                continue
            }
            var person = Person(id: ids.make(fullName), name: fullName, ids: [("popolo", popoloID)], sources: [Citation(source.id)])
            for identifier in record["identifiers"] as? [[String: Any]] ?? [] {
                if let scheme = identifier["scheme"] as? String, let value = identifier["identifier"] as? String,
                    !person.ids.contains(where: { $0.key == scheme })
                {
                    person.ids.append((scheme, value))
                }
            }
            let at = line(popoloID)
            person.born = InterchangeDates.edtf(record["birth_date"] as? String, field: "birth_date", warnings: &warnings, line: at)
            person.died = InterchangeDates.edtf(record["death_date"] as? String, field: "death_date", warnings: &warnings, line: at)
            person.nationality = record["nationality"] as? String
            personIDs[popoloID] = person.id
            people.append(person)
        }

        var tenures: [Tenure] = []
        for membership in object["memberships"] as? [[String: Any]] ?? [] {
            let at = line(membership["id"] as? String ?? membership["person_id"] as? String)
            guard let personID = membership["person_id"] as? String, let person = personIDs[personID] else {
                warnings.warn(
                    "a membership of a person not in \"persons\" (\(membership["person_id"] as? String ?? "none")) is left out", line: at)
                continue
            }
            let post = (membership["post_id"] as? String).flatMap { posts[$0] }
            let organization = name(
                (membership["organization_id"] as? String ?? post?["organization_id"] as? String).flatMap { organizations[$0] })
            let role = membership["role"] as? String
            let office =
                (membership["label"] as? String) ?? name(post) ?? role.map { r in organization.map { "\(r), \($0)" } ?? r }
                ?? organization.map { "Member of \($0)" }
            guard let office else {
                warnings.warn("a membership that names no post, role or organization is left out", line: at)
                continue
            }
            let period = (membership["legislative_period_id"] as? String).flatMap { periods[$0] }
            let start = InterchangeDates.edtf(
                membership["start_date"] as? String ?? period?["start_date"] as? String, field: "start_date", warnings: &warnings, line: at)
            var end = InterchangeDates.edtf(
                membership["end_date"] as? String ?? period?["end_date"] as? String, field: "end_date", warnings: &warnings, line: at)
            end = warnings.end(end, after: start, line: at)
            var notes: [String] = []
            if let party = name((membership["on_behalf_of_id"] as? String).flatMap { organizations[$0] }) {
                notes.append("On behalf of \(party)")
            }
            if let period { notes.append("Term: \(name(period) ?? period["id"] as? String ?? "")") }
            tenures.append(
                Tenure(
                    id: ids.make(office, suffix: start?.earliest.map { String($0.year) }), person: person, office: office, role: role,
                    organization: organization,
                    place: name((membership["area_id"] as? String ?? post?["area_id"] as? String).flatMap { areas[$0] }),
                    start: start, end: end, ids: (membership["id"] as? String).map { [("popolo", $0)] } ?? [],
                    notes: notes.isEmpty ? nil : notes.joined(separator: "; "), sources: [Citation(source.id)]))
        }
        guard !people.isEmpty else { throw warnings.error("no person with an id and a name in \"persons\"", line: nil) }
        return ImportResult(
            dossier: Dossier(people: people, tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source]),
            warnings: warnings.diagnostics)
    }
}
