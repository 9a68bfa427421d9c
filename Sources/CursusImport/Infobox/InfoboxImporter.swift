import CursusCore
import Foundation

/// Imports an officeholder infobox, as wikitext (`{{Infobox officeholder | … }}` and its siblings,
/// plus succession boxes) or in the rendered "Key: value" form, into a dossier.
public enum InfoboxImporter {
    /// Slot fields: a suffix (`term_start2`) says which post they belong to; none is the first.
    static let slotFields: Set<String> = Set([
        "office", "title", "ambassadorfrom", "ministerfrom", "country", "termstart", "termend", "predecessor", "successor",
        "alongside", "constituency", "district", "state", "province", "region", "order", "deputy", "vicepresident",
        "portfolio", "department",
    ]).union(servedUnderFields)
    /// Fields naming whom the post served under, in the order they appear.
    static let servedUnderFields: Set<String> = [
        "president", "primeminister", "monarch", "minister", "governor", "governorgeneral", "premier", "chancellor",
        "appointer", "nominator", "leader", "chiefminister", "mayor", "sovereign",
    ]
    /// Person fields that are pictures or layout, not facts: named in a warning, not imported.
    static let presentationFields: Set<String> = [
        "image", "imagesize", "imageupright", "alt", "caption", "signature", "signaturealt", "footnotes", "module", "embed",
        "honorificprefix", "honorificsuffix", "smallimage",
    ]

    /// The career in `file`: an infobox's wikitext, or its rendered "Key: value" lines.
    public static func `import`(_ file: InputFile) throws(CursusError) -> ImportResult {
        var warnings = ImportWarnings(file: file, scope: "infobox")
        let fields: [Field]
        var successions: [SuccessionPost] = []
        let title = headingTitle(file)
        if file.text.contains("{{") {
            let templates: [WikiTemplate]
            do {
                templates = try Wikitext.templates(in: file.text)
            } catch {
                throw warnings.error("a template that starts here is never closed with '}}'", line: error.line)
            }
            guard let infobox = templates.first(where: { $0.normalizedName.hasPrefix("infobox") }) else {
                throw warnings.error(
                    "no {{Infobox …}} template found; give the wikitext of an officeholder infobox, or its 'Key: value' lines", line: nil)
            }
            var cleaner = WikiCleaner()
            fields = infobox.parameters.compactMap { parameter in
                guard let key = parameter.key else {
                    warnings.warn("a parameter without a name ('\(parameter.value.prefix(40))') is not understood", line: parameter.line)
                    return nil
                }
                let before = cleaner.unknownTemplates.count
                let value = cleaner.clean(parameter.value)
                for name in cleaner.unknownTemplates[before...] {
                    warnings.warn("the template {{\(name)}} in '\(key)' is not understood and was left out", line: parameter.line)
                }
                return Field(key: key, value: value, line: parameter.line)
            }
            successions = SuccessionPost.read(templates, warnings: &warnings)
        } else {
            fields = keyValueLines(file)
            if fields.isEmpty {
                throw warnings.error("no infobox found: neither {{Infobox …}} wikitext nor 'Key: value' lines", line: nil)
            }
        }
        return try build(fields, successions: successions, title: title, file: file, warnings: &warnings)
    }

    struct Field {
        var key: String
        var value: String
        var line: Int

        /// The key without case, spaces or underscores, and its slot number (0 for none).
        var normalized: (base: String, slot: Int) {
            let plain = key.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
            let digits = plain.reversed().prefix { $0.isNumber }
            let base = String(plain.dropLast(digits.count))
            return (base, Int(String(digits.reversed())) ?? 0)
        }
    }

    /// "- Term Start1: 26 July 2008" lines (the rendered form), after an "Infobox" line if there is one.
    static func keyValueLines(_ file: InputFile) -> [Field] {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == "infobox" }.map { $0 + 1 } ?? 0
        var fields: [Field] = []
        for (offset, line) in lines[start...].enumerated() {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { if fields.isEmpty { continue } else { break } }
            if text.hasPrefix("- ") { text.removeFirst(2) }
            guard let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "_" })
            else {
                if fields.isEmpty { continue } else { break }
            }
            fields.append(
                Field(
                    key: String(text[..<colon]), value: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces),
                    line: start + offset + 1))
        }
        return fields
    }

    /// The page title in a "= Title =" heading, when the text has one.
    static func headingTitle(_ file: InputFile) -> String? {
        for line in file.text.split(separator: "\n").prefix(5) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("="), text.hasSuffix("="), !text.hasPrefix("==") {
                return text.trimmingCharacters(in: CharacterSet(charactersIn: "= "))
            }
        }
        return nil
    }

    // MARK: - Building the dossier

    private static func build(
        _ fields: [Field], successions: [SuccessionPost], title: String?, file: InputFile, warnings: inout ImportWarnings
    ) throws(CursusError) -> ImportResult {
        var personFields: [Field] = []
        var slots: [Int: [Field]] = [:]
        for field in fields where !field.value.isEmpty {
            let (base, slot) = field.normalized
            if slotFields.contains(base) {
                slots[slot, default: []].append(field)
            } else if slot == 0 {
                personFields.append(field)
            } else {
                warnings.warn("'\(field.key)' is not a field Cursus knows for a post; left out", line: field.line)
            }
        }

        var person = readPerson(personFields, title: title, warnings: &warnings)
        var ids = IDMaker()
        person.id = ids.make(person.name)
        let source = Source(id: "infobox", title: "Infobox: \(person.name)", kind: "encyclopedia")
        person.sources = [source.id]

        var tenures: [Tenure] = []
        for slot in slots.keys.sorted() {
            if let tenure = readSlot(slots[slot]!, person: person.id, source: source.id, ids: &ids, warnings: &warnings) {
                tenures.append(tenure)
            }
        }
        for post in successions {
            let duplicate = tenures.contains {
                $0.start?.earliest?.year == post.start?.earliest?.year
                    && ($0.office.localizedCaseInsensitiveContains(post.title) || post.title.localizedCaseInsensitiveContains($0.office))
            }
            if duplicate { continue }
            tenures.append(
                Tenure(
                    id: ids.make(post.title, suffix: post.start?.earliest.map { String($0.year) }), person: person.id, office: post.title,
                    start: post.start, end: post.end, ongoing: post.ongoing,
                    predecessor: post.predecessor, successor: post.successor, sources: [source.id]))
        }
        let dossier = Dossier(people: [person], tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source])
        return ImportResult(dossier: dossier, warnings: warnings.diagnostics)
    }

    private static func readPerson(_ fields: [Field], title: String?, warnings: inout ImportWarnings) -> Person {
        var person = Person(id: "", name: title ?? "")
        /// Like MediaWiki, a later value for the same attribute wins; a dossier allows each key once.
        func attribute(_ key: String, _ value: String, line: Int?) {
            if let index = person.attributes.firstIndex(where: { $0.key == key }) {
                warnings.warn("'\(key)' is given more than once; the last value is kept", line: line)
                person.attributes[index].value = value
            } else {
                person.attributes.append((key, value))
            }
        }
        for field in fields {
            let value = field.value
            switch field.normalized.base {
            case "name": person.name = value
            case "nativename": person.nativeName = value
            case "nativenamelang": person.nativeLanguage = value
            case "birthname":
                // "Sergey Ivanovich Kislyak, Сергей Иванович Кисляк": a second name in another script is the native name.
                let parts = value.components(separatedBy: ", ")
                if parts.count == 2, parts[1].unicodeScalars.contains(where: { $0.value > 0x24F && $0.properties.isAlphabetic }) {
                    attribute("birth name", parts[0], line: field.line)
                    if person.nativeName == nil { person.nativeName = parts[1] }
                } else {
                    attribute("birth name", value, line: field.line)
                }
            case "birthdate", "born": person.born = date(field, warnings: &warnings)
            case "deathdate", "died": person.died = date(field, warnings: &warnings)
            case "birthplace": person.birthPlace = value
            case "deathplace": person.deathPlace = value
            case "nationality": person.nationality = value
            case let base where presentationFields.contains(base):
                warnings.warn("'\(field.key)' is presentation, not a fact; left out", line: field.line)
            default:
                attribute(humanize(field.key), value.replacingOccurrences(of: "\n", with: "; "), line: field.line)
            }
        }
        if person.name.isEmpty {
            person.name = person.attributes.first { $0.key == "birth name" }?.value ?? "Unnamed"
            warnings.warn("the infobox gives no name; using '\(person.name)'", line: nil)
        }
        return person
    }

    private static func readSlot(_ fields: [Field], person: String, source: String, ids: inout IDMaker, warnings: inout ImportWarnings)
        -> Tenure?
    {
        var values: [String: Field] = [:]
        var servedUnder: [String] = []
        var alongside: [String] = []
        for field in fields {
            let base = field.normalized.base
            if servedUnderFields.contains(base) {
                servedUnder += list(field.value)
            } else if ["alongside", "deputy", "vicepresident"].contains(base) {
                alongside += list(field.value)
            } else {
                values[base] = field
            }
        }
        let line = fields.first?.line
        var office = values["office"]?.value ?? values["title"]?.value
        var role: String?
        var country = values["country"]?.value
        if office == nil, let from = values["ambassadorfrom"]?.value {
            office = "\(from) Ambassador" + (country.map { " to \($0)" } ?? "")
            role = "Ambassador"
        } else if office == nil, let from = values["ministerfrom"]?.value {
            office = "\(from) Minister" + (values["portfolio"]?.value).map { " of \($0)" }.orEmpty
            role = "Minister"
        }
        guard let office else {
            warnings.warn("a post with no office (no 'office', 'ambassador_from' or 'minister_from'); left out", line: line)
            return nil
        }
        if let text = country, text.lowercased().hasPrefix("the ") { country = String(text.dropFirst(4)) }
        let start = values["termstart"].flatMap { date($0, warnings: &warnings) }
        var endIsPresent = false
        let end = warnings.end(
            values["termend"].flatMap { date($0, warnings: &warnings, ongoing: &endIsPresent) }, after: start, line: values["termend"]?.line
        )
        // An infobox shows a current post with a start and no end, or an end of "Incumbent".
        let ongoing = start != nil && (values["termend"] == nil || endIsPresent)
        let place = ["constituency", "district", "state", "province", "region"].compactMap { values[$0]?.value }.first
        let notes = values["order"].map { "Order: \($0.value)" }
        return Tenure(
            id: ids.make(office, suffix: start?.earliest.map { String($0.year) }), person: person, office: office, role: role,
            organization: values["department"]?.value, place: place, country: country, start: start, end: ongoing ? nil : end,
            ongoing: ongoing, predecessor: values["predecessor"].map { list($0.value).joined(separator: "; ") },
            successor: values["successor"].map { list($0.value).joined(separator: "; ") }, servedUnder: servedUnder,
            alongside: alongside, notes: notes, sources: [source])
    }

    static func date(_ field: Field, warnings: inout ImportWarnings) -> EDTF? {
        var ongoing = false
        return date(field, warnings: &warnings, ongoing: &ongoing)
    }

    static func date(_ field: Field, warnings: inout ImportWarnings, ongoing: inout Bool) -> EDTF? {
        let text = field.value.components(separatedBy: "\n").first ?? field.value
        switch WikiDate.parse(text) {
        case .present?:
            ongoing = true
            return nil
        case .date(let edtf)?:
            return try? EDTF(edtf)
        case nil:
            warnings.warn("'\(field.key)' has a date Cursus cannot read: '\(text)'; left out", line: field.line)
            return nil
        }
    }

    /// Items of a list value: one a line, or separated by commas.
    static func list(_ value: String) -> [String] {
        value.split(separator: "\n").flatMap { $0.components(separatedBy: ", ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func humanize(_ key: String) -> String {
        key.replacingOccurrences(of: "_", with: " ").lowercased()
    }
}

extension Optional where Wrapped == String {
    fileprivate var orEmpty: String { self ?? "" }
}
