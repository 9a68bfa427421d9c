import CursusCore
import Foundation

/// Every holder of one position, from the Wikidata Query Service's JSON results for
/// `WikidataPositionImporter.query`: a person per holder (Wikidata id, birth, death) and a
/// tenure per "position held" (P39) statement, with its dates at their precision and its
/// predecessor and successor. Renders straight into a succession chart (`rows: person`).
public enum WikidataPositionImporter {
    /// The SPARQL query for the holders of `position`, labels in `language` then English.
    public static func query(position: String, language: String) -> String {
        """
        SELECT ?statement ?person ?personLabel ?positionLabel ?start ?startPrecision ?end ?endPrecision
               ?born ?bornPrecision ?died ?diedPrecision ?replacesLabel ?replacedByLabel WHERE {
          BIND(wd:\(position) AS ?position)
          ?person p:P39 ?statement .
          ?statement ps:P39 ?position .
          FILTER NOT EXISTS { ?statement wikibase:rank wikibase:DeprecatedRank }
          OPTIONAL { ?statement pqv:P580 [ wikibase:timeValue ?start; wikibase:timePrecision ?startPrecision ] }
          OPTIONAL { ?statement pqv:P582 [ wikibase:timeValue ?end; wikibase:timePrecision ?endPrecision ] }
          OPTIONAL { ?person p:P569/psv:P569 [ wikibase:timeValue ?born; wikibase:timePrecision ?bornPrecision ] }
          OPTIONAL { ?person p:P570/psv:P570 [ wikibase:timeValue ?died; wikibase:timePrecision ?diedPrecision ] }
          OPTIONAL { ?statement pq:P1365 ?replaces }
          OPTIONAL { ?statement pq:P1366 ?replacedBy }
          SERVICE wikibase:label { bd:serviceParam wikibase:language "\(language),en". }
        }
        ORDER BY ?start ?personLabel
        """
    }

    /// The holders in `file` (SPARQL JSON results) of `position`, keeping the posts held at some
    /// time between the years `from` and `to` when given.
    public static func `import`(_ file: InputFile, position: String, from: Int? = nil, to: Int? = nil) throws(CursusError)
        -> ImportResult
    {
        var warnings = ImportWarnings(file: file, scope: "wikidata")
        let root = try WikidataImporter.parse(Array(file.text.utf8)) { error throws(CursusError) in
            let (line, column) = WikidataImporter.position(ofByte: error.offset, in: file.text)
            throw warnings.error("not valid JSON: \(error.message)", line: line, column: column)
        }
        guard let bindings = ((root as? [String: Any])?["results"] as? [String: Any])?["bindings"] as? [[String: Any]] else {
            throw warnings.error("expected SPARQL JSON results: {\"head\": …, \"results\": {\"bindings\": […]}}", line: 1)
        }
        // One row per combination of optional values: group them by statement, in order.
        var order: [String] = []
        var rows: [String: [[String: String]]] = [:]
        for binding in bindings {
            var row: [String: String] = [:]
            for (key, value) in binding { if let text = (value as? [String: Any])?["value"] as? String { row[key] = text } }
            guard let statement = row["statement"], row["person"] != nil else { continue }
            if rows[statement] == nil { order.append(statement) }
            rows[statement, default: []].append(row)
        }
        let label = bindings.lazy.compactMap { (($0["positionLabel"] as? [String: Any])?["value"] as? String) }.first ?? position
        let source = Source(
            id: "wikidata", title: "Wikidata Query Service: holders of \(label) (\(position))", kind: "database",
            url: "https://www.wikidata.org/wiki/\(position)")
        var ids = IDMaker()
        var people: [String: Person] = [:]
        var personOrder: [String] = []
        var tenures: [Tenure] = []
        for statement in order {
            let rows = rows[statement]!
            let first = rows[0]
            let entity = entityID(first["person"]!)
            func time(_ key: String) -> EDTF? {
                guard let value = first[key], let precision = first[key + "Precision"].flatMap(Int.init) else { return nil }
                let signed = value.hasPrefix("-") || value.hasPrefix("+") ? value : "+" + value
                switch WikidataImporter.time(["time": signed, "precision": precision]) {
                case .success(let date): return date
                case .failure(let problem):
                    warnings.warn("\(entity): \(problem.message)", line: nil)
                    return nil
                }
            }
            if people[entity] == nil {
                let name = first["personLabel"] ?? entity
                people[entity] = Person(
                    id: ids.make(name), name: name, born: time("born"), died: time("died"), ids: [("wikidata", entity)],
                    sources: [Citation(source.id)])
                personOrder.append(entity)
            }
            let person = people[entity]!
            let start = time("start")
            var end = time("end")
            end = warnings.end(end, after: start, line: nil)
            let dated = start != nil || first["end"] != nil
            let ongoing = start != nil && first["end"] == nil && person.died == nil
            if !dated {
                warnings.warn("\(person.name)'s term (\(statementID(statement))) has no dates; imported undated, not as ongoing", line: nil)
            }
            let tenure = Tenure(
                id: ids.make(person.name, suffix: start?.earliest.map { String($0.year) }), person: person.id, office: label,
                start: start, end: end, ongoing: ongoing, predecessor: distinct(rows, "replacesLabel"),
                successor: distinct(rows, "replacedByLabel"), ids: [("wikidata", statementID(statement))], sources: [Citation(source.id)])
            if within(tenure, from: from, to: to) { tenures.append(tenure) }
        }
        let kept = Set(tenures.map(\.person))
        let dossier = Dossier(
            people: personOrder.compactMap { people[$0] }.filter { kept.contains($0.id) },
            tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source])
        if dossier.tenures.isEmpty {
            warnings.warn(
                "no holder of \(label) (\(position)) found\(from != nil || to != nil ? " in the years asked for" : "")", line: nil)
        }
        return ImportResult(dossier: dossier, warnings: warnings.diagnostics)
    }

    /// "Q7747" from `http://www.wikidata.org/entity/Q7747`.
    static func entityID(_ uri: String) -> String { String(uri.split(separator: "/").last ?? Substring(uri)) }

    /// "Q7747$5E…" from `http://www.wikidata.org/entity/statement/Q7747-5E…` (the first dash is the `$`).
    static func statementID(_ uri: String) -> String {
        let last = entityID(uri)
        guard let dash = last.firstIndex(of: "-") else { return last }
        return last[..<dash] + "$" + last[last.index(after: dash)...]
    }

    /// The values of `key` across a statement's rows, joined as a list ("A; B").
    private static func distinct(_ rows: [[String: String]], _ key: String) -> String? {
        var values: [String] = []
        for row in rows { if let value = row[key], !values.contains(value) { values.append(value) } }
        return values.isEmpty ? nil : values.joined(separator: "; ")
    }

    /// True when the tenure was held at some time in the years `from` … `to`.
    private static func within(_ tenure: Tenure, from: Int?, to: Int?) -> Bool {
        if let from, !tenure.ongoing, let last = (tenure.end ?? tenure.start)?.latest?.year, last < from { return false }
        if let to, let first = tenure.start?.earliest?.year, first > to { return false }
        return true
    }
}
