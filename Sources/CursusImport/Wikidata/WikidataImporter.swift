import CursusCore
import Foundation

/// Imports a person's positions held (P39) from Wikidata entity JSON, with dates at their precision.
public enum WikidataImporter {
    static let circa = "Q5727902"
    /// Qualifiers of a P39 statement that Cursus reads; others are named in a warning.
    static let knownQualifiers: Set<String> = ["P580", "P582", "P1365", "P1366", "P748", "P642", "P768", "P1480", "P1319", "P1326"]

    /// The career in `file` (entity JSON): the person is `wanted`, or the entity with positions held; labels in `language`.
    public static func `import`(_ file: InputFile, entity wanted: String?, language: String) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: file, scope: "wikidata")
        // Core's own scanner, so that a syntax error is reported at its line and column.
        let parsed = Array(file.text.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(JSONScanner.SyntaxError) in try JSONScanner.parse(bytes) }
        }
        let root: Any
        switch parsed {
        case .success(let value): root = value.foundationValue
        case .failure(let error):
            let (line, column) = position(ofByte: error.offset, in: file.text)
            throw warnings.error("not valid JSON: \(error.message)", line: line, column: column)
        }
        guard let object = root as? [String: Any] else { throw warnings.error("expected a JSON object with \"entities\"", line: 1) }
        let entities = (object["entities"] as? [String: Any] ?? (object["id"] != nil ? [object["id"] as? String ?? "": object] : [:]))
            .compactMapValues { $0 as? [String: Any] }
        guard !entities.isEmpty else { throw warnings.error("no entities found; expected {\"entities\": {\"Q…\": {…}}}", line: 1) }

        let personID: String
        if let wanted {
            guard entities[wanted] != nil else {
                throw warnings.error(
                    "no entity \(wanted) in this file; it has \(entities.keys.sorted().joined(separator: ", "))", line: nil)
            }
            personID = wanted
        } else {
            let candidates = entities.keys.sorted().filter { !claims(entities[$0]!, "P39").isEmpty }
            guard let first = candidates.first else {
                throw warnings.error("no entity has positions held (P39); name the person with --entity", line: nil)
            }
            if candidates.count > 1 {
                warnings.warn(
                    "several entities hold positions (\(candidates.joined(separator: ", "))); importing \(first) (choose with --entity)",
                    line: nil)
            }
            personID = first
        }
        let reader = Reader(entities: entities, language: language, file: file)
        return ImportResult(dossier: reader.dossier(for: personID, warnings: &warnings), warnings: warnings.diagnostics)
    }

    static func claims(_ entity: [String: Any], _ property: String) -> [[String: Any]] {
        ((entity["claims"] as? [String: Any])?[property] as? [[String: Any]]) ?? []
    }

    /// The line and column (in characters) of byte `offset` of `text`.
    static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.utf8.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    struct Reader {
        let entities: [String: [String: Any]]
        let language: String
        let file: InputFile

        func label(_ id: String) -> String {
            ((entities[id]?["labels"] as? [String: Any])?[language] as? [String: Any])?["value"] as? String ?? id
        }

        /// The line where a statement's unique id stands, for warnings.
        func line(of statement: [String: Any]) -> Int? {
            guard let id = statement["id"] as? String, let range = file.text.range(of: "\"\(id)\"") else { return nil }
            return file.text[..<range.lowerBound].count { $0 == "\n" } + 1
        }

        func dossier(for id: String, warnings: inout ImportWarnings) -> Dossier {
            let entity = entities[id]!
            var ids = IDMaker()
            var person = Person(id: ids.make(label(id)), name: label(id))
            person.born = claims(entity, "P569").first.flatMap { time(value(of: $0), warnings: &warnings, line: line(of: $0)) }
            person.died = claims(entity, "P570").first.flatMap { time(value(of: $0), warnings: &warnings, line: line(of: $0)) }
            if let native = claims(entity, "P1559").first.flatMap({ value(of: $0) as? [String: Any] }) {
                person.nativeName = native["text"] as? String
                person.nativeLanguage = native["language"] as? String
            }
            person.nationality = claims(entity, "P27").first.flatMap { (value(of: $0) as? [String: Any])?["id"] as? String }.map(label)
            let source = Source(
                id: "wikidata", title: "Wikidata: \(label(id)) (\(id))", kind: "database", url: "https://www.wikidata.org/wiki/\(id)")
            person.sources = [source.id]

            var tenures: [Tenure] = []
            for statement in claims(entity, "P39") {
                let at = line(of: statement)
                if statement["rank"] as? String == "deprecated" {
                    warnings.warn("a deprecated position held (\(statement["id"] as? String ?? "?")) is skipped", line: at)
                    continue
                }
                guard let office = (value(of: statement) as? [String: Any])?["id"] as? String else {
                    warnings.warn("a position held with no known value (\(statement["id"] as? String ?? "?")) is skipped", line: at)
                    continue
                }
                if let tenure = tenure(
                    statement, office: office, person: person, source: source.id, ids: &ids, warnings: &warnings, line: at)
                {
                    tenures.append(tenure)
                }
            }
            return Dossier(people: [person], tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source])
        }

        private func tenure(
            _ statement: [String: Any], office: String, person: Person, source: String, ids: inout IDMaker,
            warnings: inout ImportWarnings, line: Int?
        ) -> Tenure? {
            let qualifiers = statement["qualifiers"] as? [String: [[String: Any]]] ?? [:]
            for property in qualifiers.keys.sorted() where !WikidataImporter.knownQualifiers.contains(property) {
                warnings.warn("qualifier \(property) of a position held is not read", line: line)
            }
            func first(_ property: String) -> [String: Any]? { qualifiers[property]?.first }
            func entityLabels(_ property: String) -> [String] {
                (qualifiers[property] ?? []).compactMap { ($0["datavalue"] as? [String: Any])?["value"] as? [String: Any] }
                    .compactMap { $0["id"] as? String }.map(label)
            }
            let approximate = (qualifiers["P1480"] ?? []).contains {
                (($0["datavalue"] as? [String: Any])?["value"] as? [String: Any])?["id"] as? String == WikidataImporter.circa
            }
            func date(_ property: String) -> EDTF?? {
                guard let snak = first(property) else { return nil }
                guard snak["snaktype"] as? String == "value" else { return .some(nil) }  // somevalue: unknown
                return .some(
                    time((snak["datavalue"] as? [String: Any])?["value"], warnings: &warnings, line: line, approximate: approximate))
            }
            var start = date("P580") ?? nil
            let endQualifier = date("P582")
            if start == nil, first("P580") == nil, first("P1319") != nil || first("P1326") != nil {
                let earliest = (date("P1319") ?? nil)?.text ?? ""
                let latest = (date("P1326") ?? nil)?.text ?? ""
                start = try? EDTF("\(earliest)/\(latest)")
            }
            // No end time means the position is still held, unless the person has died.
            let ongoing = endQualifier == nil && person.died == nil
            let end = warnings.end(endQualifier ?? nil, after: start, line: line)
            return Tenure(
                id: ids.make(label(office), suffix: start?.earliest.map { String($0.year) }), person: person.id, office: label(office),
                organization: entityLabels("P642").first, place: entityLabels("P768").first, start: start,
                end: end, ongoing: ongoing, predecessor: entityLabels("P1365").first,
                successor: entityLabels("P1366").first, appointedBy: entityLabels("P748"), sources: [source])
        }

        private func value(of statement: [String: Any]) -> Any? {
            ((statement["mainsnak"] as? [String: Any])?["datavalue"] as? [String: Any])?["value"]
        }

        /// A Wikidata time value as EDTF, at its precision: 11 day, 10 month, 9 year, 8 decade (`197X`), 7 century (`19XX`).
        private func time(_ value: Any?, warnings: inout ImportWarnings, line: Int?, approximate: Bool = false) -> EDTF? {
            guard let value = value as? [String: Any], let time = value["time"] as? String,
                let precision = value["precision"] as? Int,
                let match = time.firstMatch(of: #/^([+-])(\d+)-(\d\d)-(\d\d)T/#)
            else {
                warnings.warn("a time value Cursus cannot read", line: line)
                return nil
            }
            let negative = match.output.1 == "-"
            let year = Int(match.output.2) ?? 0
            var digits = String(format: "%04d", year)
            var text: String
            switch precision {
            case 11...: text = "\(digits)-\(match.output.3)-\(match.output.4)"
            case 10: text = "\(digits)-\(match.output.3)"
            case 9: text = digits
            case 8:
                digits.removeLast()
                text = digits + "X"
            case 7:
                digits.removeLast(2)
                text = digits + "XX"
            default:
                warnings.warn("a date of precision \(precision) (coarser than a century) is left out", line: line)
                return nil
            }
            if year > 9999 { text = "Y" + text }
            if negative { text = text.hasPrefix("Y") ? "Y-" + text.dropFirst() : "-" + text }
            if approximate { text += "~" }
            do {
                return try EDTF(text)
            } catch {
                warnings.warn("the date \(time) is not a calendar date (\(error.message)); left out", line: line)
                return nil
            }
        }
    }
}

extension JSONValue {
    /// The value as Foundation's JSON reader gives it (objects as dictionaries, the last of a
    /// repeated key winning; whole numbers as Int), which the importer walks.
    var foundationValue: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let value): return value
        case .number(let text):
            if let whole = Int(text) { return whole }
            return Double(text) ?? 0
        case .string(let text): return text
        case .array(let items): return items.map(\.foundationValue)
        case .object(let members):
            var object: [String: Any] = [:]
            for member in members { object[member.key] = member.value.foundationValue }
            return object
        }
    }
}
