import CursusCore
import Foundation

/// Imports an officeholder infobox, as wikitext (`{{Infobox officeholder | … }}` and its siblings,
/// plus succession boxes) or in the rendered "Key: value" form, into a dossier.
public enum InfoboxImporter {
    /// Slot fields: a suffix (`term_start2`) says which post they belong to; none is the first.
    static let slotFields: Set<String> = Set([
        "office", "title", "ambassadorfrom", "ministerfrom", "country", "termstart", "termend", "predecessor", "successor",
        "alongside", "constituency", "district", "state", "province", "region", "order", "deputy", "vicepresident",
        "portfolio", "department", "jr/sr", "statehouse", "statesenate", "stateassembly", "constituencymp", "parliament",
    ]).union(servedUnderFields)
    /// Fields that make a slot a post of its own; a slot with none of them (only a predecessor,
    /// say) belongs to a neighbour that an editor numbered differently.
    static let postFields: Set<String> = [
        "office", "title", "ambassadorfrom", "ministerfrom", "termstart", "termend", "jr/sr", "statehouse", "statesenate",
        "stateassembly", "constituencymp",
    ]
    /// Fields that hold names of people, where a remark in small print is not part of the name.
    static let nameFields: Set<String> = Set(["predecessor", "successor", "alongside", "deputy", "vicepresident"]).union(servedUnderFields)
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
        var groups: [[InfoboxField]] = []
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
            groups = fieldGroups(of: infobox, cleaner: &cleaner, warnings: &warnings)
            successions = SuccessionPost.read(templates, warnings: &warnings)
        } else {
            groups = [keyValueLines(file)]
            if groups[0].isEmpty {
                throw warnings.error("no infobox found: neither {{Infobox …}} wikitext nor 'Key: value' lines", line: nil)
            }
        }
        return try build(groups, successions: successions, title: title, file: file, warnings: &warnings)
    }

    /// The fields of `infobox`, then those of each infobox embedded in its values (`{{Infobox
    /// officeholder |embed=yes …}}`, often in a collapsed section): one group each, in order.
    static func fieldGroups(of infobox: WikiTemplate, cleaner: inout WikiCleaner, warnings: inout ImportWarnings) -> [[InfoboxField]] {
        var fields: [InfoboxField] = []
        var embedded: [[InfoboxField]] = []
        for parameter in infobox.parameters {
            guard let key = parameter.key else {
                warnings.warn("a parameter without a name ('\(parameter.value.prefix(40))') is not understood", line: parameter.line)
                continue
            }
            let inner = embeddedInfoboxes(in: parameter.value, line: parameter.line)
            guard inner.isEmpty else {
                for template in inner { embedded += fieldGroups(of: template, cleaner: &cleaner, warnings: &warnings) }
                continue
            }
            let before = cleaner.unknownTemplates.count
            let value = cleaner.clean(parameter.value)
            for name in cleaner.unknownTemplates[before...] {
                warnings.warn("the template {{\(name)}} in '\(key)' is not understood and was left out", line: parameter.line)
            }
            fields.append(InfoboxField(key: key, value: value, raw: parameter.value, line: parameter.line))
        }
        return [fields] + embedded
    }

    /// The infoboxes inside a value that starts on `line`, however deep in other templates.
    static func embeddedInfoboxes(in value: String, line: Int) -> [WikiTemplate] {
        guard value.contains("{{"), let templates = try? Wikitext.templates(in: value) else { return [] }
        return templates.flatMap { template -> [WikiTemplate] in
            let placed = template.shifted(by: line - 1)
            if placed.normalizedName.hasPrefix("infobox") { return [placed] }
            return placed.parameters.flatMap { embeddedInfoboxes(in: $0.value, line: $0.line) }
        }
    }

    struct InfoboxField {
        var key: String
        /// The value cleaned to plain text.
        var value: String
        /// The value as written (wikitext), for fields that clean it their own way.
        var raw: String
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
    static func keyValueLines(_ file: InputFile) -> [InfoboxField] {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == "infobox" }.map { $0 + 1 } ?? 0
        var fields: [InfoboxField] = []
        for (offset, line) in lines[start...].enumerated() {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { if fields.isEmpty { continue } else { break } }
            if text.hasPrefix("- ") { text.removeFirst(2) }
            guard let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "_" })
            else {
                if fields.isEmpty { continue } else { break }
            }
            let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            fields.append(InfoboxField(key: String(text[..<colon]), value: value, raw: value, line: start + offset + 1))
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
        _ groups: [[InfoboxField]], successions: [SuccessionPost], title: String?, file: InputFile, warnings: inout ImportWarnings
    ) throws(CursusError) -> ImportResult {
        var personFields: [InfoboxField] = []
        var slotGroups: [[[InfoboxField]]] = []
        for (index, fields) in groups.enumerated() {
            var slots: [Int: [InfoboxField]] = [:]
            for field in fields where !field.value.isEmpty {
                let (base, slot) = field.normalized
                if slotFields.contains(base) {
                    slots[slot, default: []].append(field)
                } else if slot == 0 && (index == 0 || !personFields.contains { $0.normalized.base == base }) {
                    personFields.append(field)
                } else {
                    warnings.warn("'\(field.key)' is not a field Cursus knows for a post; left out", line: field.line)
                }
            }
            slotGroups.append(attachOrphans(slots, warnings: &warnings))
        }

        var person = readPerson(personFields, title: title, warnings: &warnings)
        var ids = IDMaker()
        person.id = ids.make(person.name)
        let source = Source(id: "infobox", title: "Infobox: \(person.name)", kind: "encyclopedia")
        person.sources = [Citation(source.id)]

        var tenures: [Tenure] = []
        for slot in slotGroups.joined() {
            if let tenure = readSlot(slot, person: person.id, source: source.id, ids: &ids, warnings: &warnings) {
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
                    predecessor: post.predecessor, successor: post.successor, sources: [Citation(source.id)]))
        }
        let dossier = Dossier(people: [person], tenures: Dossier(tenures: tenures).chronologicalTenures, sources: [source])
        return ImportResult(dossier: dossier, warnings: warnings.diagnostics)
    }

    /// The slots in order, each slot that is no post of its own (a `predecessor1` beside an
    /// unnumbered `office`, a `successor2` beside `office1`) given to the neighbour that lacks
    /// its fields, the one before first: editors number these inconsistently.
    static func attachOrphans(_ slots: [Int: [InfoboxField]], warnings: inout ImportWarnings) -> [[InfoboxField]] {
        var numbers = slots.keys.sorted()
        var merged = slots
        for number in numbers {
            guard let orphan = merged[number], !orphan.contains(where: { postFields.contains($0.normalized.base) }) else { continue }
            let keys = Set(orphan.map(\.normalized.base))
            let others = numbers.filter { $0 != number && merged[$0] != nil }
            let before = others.filter { $0 < number }.reversed()
            let after = others.filter { $0 > number }
            let fits = { (candidate: Int) in
                let fields = merged[candidate]!
                return fields.contains { postFields.contains($0.normalized.base) } && keys.isDisjoint(with: fields.map(\.normalized.base))
            }
            guard let home = before.first(where: fits) ?? after.first(where: fits) else { continue }
            merged[home]! += orphan
            merged[number] = nil
            let named = orphan.map { "'\($0.key)'" }.joined(separator: ", ")
            let post = merged[home]!.first { postFields.contains($0.normalized.base) }.map { "'\($0.key)'" } ?? "the next post"
            warnings.warn(
                "\(named) stand\(orphan.count == 1 ? "s" : "") apart from any post; taken as the fields of the post of \(post)",
                line: orphan.first?.line)
        }
        numbers = numbers.filter { merged[$0] != nil }
        return numbers.map { merged[$0]! }
    }

    private static func readPerson(_ fields: [InfoboxField], title: String?, warnings: inout ImportWarnings) -> Person {
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
            case "name": person.name = singleLine(value)
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
            case "birthplace": person.birthPlace = singleLine(value)
            case "deathplace": person.deathPlace = singleLine(value)
            case "nationality": person.nationality = singleLine(value)
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

    private static func readSlot(
        _ fields: [InfoboxField], person: String, source: String, ids: inout IDMaker, warnings: inout ImportWarnings
    )
        -> Tenure?
    {
        var values: [String: InfoboxField] = [:]
        var servedUnder: [String] = []
        var alongside: [String] = []
        for field in fields {
            let base = field.normalized.base
            if servedUnderFields.contains(base) {
                servedUnder += names(field, warnings: &warnings)
            } else if ["alongside", "deputy", "vicepresident"].contains(base) {
                alongside += names(field, warnings: &warnings)
            } else {
                values[base] = field
            }
        }
        func text(_ key: String) -> String? { values[key].map { singleLine($0.value) } }
        let line = fields.first?.line
        var role: String?
        var country = text("country")
        let office = text("office") ?? text("title") ?? impliedOffice(text, role: &role)
        guard let office else {
            let known = [
                "office", "ambassador_from", "minister_from", "jr/sr + state", "state + district", "state_house", "constituency_mp",
            ]
            warnings.warn("a post with no office (none of \(known.map { "'\($0)'" }.joined(separator: ", "))); left out", line: line)
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
        // A district is often only an ordinal ("7th"): the state says where.
        let place = [
            "constituency", "constituencymp", "state", "statehouse", "statesenate", "stateassembly", "province", "region", "district",
        ]
        .compactMap(text).first
        let notes = text("order").map { "Order: \($0)" }
        return Tenure(
            id: ids.make(office, suffix: start?.earliest.map { String($0.year) }), person: person, office: office, role: role,
            organization: text("department"), place: place, country: country, start: start, end: ongoing ? nil : end,
            ongoing: ongoing, predecessor: values["predecessor"].map { names($0, warnings: &warnings).joined(separator: "; ") },
            successor: values["successor"].map { names($0, warnings: &warnings).joined(separator: "; ") }, servedUnder: servedUnder,
            alongside: alongside, notes: notes, sources: [Citation(source)])
    }

    /// The office a slot names without an `office`, as the infobox templates spell it out:
    /// an ambassador or minister, a U.S. senator or representative, a member of a state
    /// legislature or of a parliament.
    static func impliedOffice(_ text: (String) -> String?, role: inout String?) -> String? {
        let country = text("country")
        if let from = text("ambassadorfrom") {
            role = "Ambassador"
            return "\(from) Ambassador" + (country.map { " to \($0)" } ?? "")
        }
        if let from = text("ministerfrom") {
            role = "Minister"
            return "\(from) Minister" + (text("portfolio").map { " of \($0)" } ?? "")
        }
        let district = text("district").map { $0.lowercased().hasSuffix("district") ? $0 : $0 + " district" }
        if let title = text("jr/sr") {
            role = "Senator"
            return title + (text("state").map { " from \($0)" } ?? "")
        }
        for (key, body) in [("statehouse", "House of Representatives"), ("statesenate", "Senate"), ("stateassembly", "State Assembly")] {
            if let state = text(key) { return "Member of the \(state) \(body)" + (district.map { " from the \($0)" } ?? "") }
        }
        if let constituency = text("constituencymp") {
            role = "Member of Parliament"
            return "Member of Parliament for \(constituency)"
        }
        if let state = text("state"), let district {
            role = "Representative"
            return "Member of the U.S. House of Representatives from \(state)'s \(district)"
        }
        return nil
    }

    /// A value that is one text (an office, a place) though the page breaks it into lines: the
    /// lines joined by a comma, or by a space where the first ends in punctuation or the next
    /// goes on in lowercase ("Member of the Bundestag / for Mecklenburg-Vorpommern").
    static func singleLine(_ value: String) -> String {
        var result = ""
        for line in value.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if result.isEmpty {
                result = line
            } else if let last = result.last, ",;:(–-".contains(last) || line.first?.isLowercase == true {
                result += " " + line
            } else {
                result += ", " + line
            }
        }
        return result
    }

    /// The people a name field lists, one a line or separated by commas. A remark in small print
    /// beside a name ("(designated)", "(1861–1865)") is not part of it: it is left out, with a
    /// warning that says what it was.
    static func names(_ field: InfoboxField, warnings: inout ImportWarnings) -> [String] {
        var cleaner = WikiCleaner()
        var remarks: [String] = []
        let value = cleaner.clean(field.raw, remarks: &remarks)
        for remark in remarks {
            warnings.warn("'\(field.key)' says '\(remark)' beside a name; the remark is left out", line: field.line)
        }
        return list(value)
    }

    static func date(_ field: InfoboxField, warnings: inout ImportWarnings) -> EDTF? {
        var ongoing = false
        return date(field, warnings: &warnings, ongoing: &ongoing)
    }

    static func date(_ field: InfoboxField, warnings: inout ImportWarnings, ongoing: inout Bool) -> EDTF? {
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
