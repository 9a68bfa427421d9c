/// One record read from its own fields, before anything else in its file is known: the part of
/// reading that any core can do. `RecordReader.accept` then settles it against the file's ids,
/// in file order, so that a file read on many cores gives what a serial read gives.
struct RecordDraft {
    /// The record read.
    enum Record {
        case person(Person)
        case tenure(Tenure)
        case event(Event)
        case source(Source)
    }

    /// A reference to another record, settled or not: whether an earlier record defines it is
    /// known only when the draft is accepted.
    struct Candidate {
        var kind: Reference.Kind
        var id: String
        var location: SourceLocation
        /// Made by one of a tenure's milestones, not by the tenure itself.
        var ofMilestone = false
    }

    var record: Record
    /// The record's id, when it is a usable identifier (defined even when the record is dropped,
    /// so that references to it raise no second error).
    var id: String?
    /// Where the id is written (duplicates are reported there).
    var idLocation: SourceLocation
    /// Where the record stands.
    var location: SourceLocation
    /// The record is whole and is kept.
    var isKept: Bool
    /// A tenure or event that names no person, waiting to learn whether the file has exactly one.
    var awaitsOwner = false
    /// The ids its fields name.
    var references: [Candidate] = []

    var kind: Reference.Kind {
        switch record {
        case .person: .person
        case .tenure: .tenure
        case .event: .event
        case .source: .source
        }
    }

    /// A person.
    static func person<R: RecordFields>(_ reader: R) -> RecordDraft {
        var person = Person(id: "", name: "")
        var found: [Candidate] = []
        let complete = Person.fields.read(
            reader, into: &person,
            reference: { kind, id, key in
                if let candidate = candidate(kind, id, key: key, in: reader) { found.append(candidate) }
            })
        person.location = reader.location(of: "id")
        return RecordDraft(
            record: .person(person), id: usableID(person.id, in: reader), idLocation: person.location!, location: reader.location,
            isKept: complete, references: found)
    }

    /// A source.
    static func source<R: RecordFields>(_ reader: R) -> RecordDraft {
        var source = Source(id: "", title: "")
        let complete = Source.fields.read(reader, into: &source)
        source.location = reader.location(of: "id")
        return RecordDraft(
            record: .source(source), id: usableID(source.id, in: reader), idLocation: source.location!, location: reader.location,
            isKept: complete)
    }

    /// A tenure; one that names no person gets `defaultPerson`, or with `deferring` waits for the
    /// file's one person (JSON Lines may list the person last).
    static func tenure<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool) -> RecordDraft {
        var tenure = Tenure(id: "", person: "", office: "")
        var found: [Candidate] = []
        let complete = Tenure.fields.read(reader, into: &tenure) { reader, key in
            reader.records(key, what: "milestone").compactMap { milestoneReader in
                var milestone = Milestone(date: Milestone.undated, title: "")
                var ofMilestone: [Candidate] = []
                let complete = Milestone.fields.read(
                    milestoneReader, into: &milestone,
                    reference: { kind, id, key in
                        if var candidate = candidate(kind, id, key: key, in: milestoneReader) {
                            candidate.ofMilestone = true
                            ofMilestone.append(candidate)
                        }
                    })
                guard complete else { return nil }
                found += ofMilestone
                return milestone
            }
        } reference: { kind, id, key in
            if let candidate = candidate(kind, id, key: key, in: reader) { found.append(candidate) }
        }
        let id = usableID(tenure.id, in: reader)
        let named = reader.has("person")
        if !named, let defaultPerson { tenure.person = defaultPerson }
        if !named && defaultPerson == nil && !deferring {
            reader.reportHere("a tenure needs 'person' (a person id) unless the dossier has exactly one person")
        }
        if let start = tenure.start, let end = tenure.end, Tenure.endsBeforeStart(start, end) {
            reader.report("end", "the tenure ends (\(end.text)) before it starts (\(start.text)); check both dates")
        }
        if tenure.ongoing && tenure.end != nil {
            reader.report("ongoing", "an ongoing tenure has no end; remove 'end' or set 'ongoing: false'")
        }
        tenure.location = reader.location(of: "id")
        return RecordDraft(
            record: .tenure(tenure), id: id, idLocation: tenure.location!, location: reader.location,
            isKept: complete && (named || defaultPerson != nil || deferring), awaitsOwner: !named && defaultPerson == nil,
            references: found)
    }

    /// An event; one that names no people concerns `defaultPerson`, or with `deferring` waits
    /// for the file's one person.
    static func event<R: RecordFields>(_ reader: R, defaultPerson: String?, deferring: Bool) -> RecordDraft {
        var event = Event(id: "", date: Milestone.undated, title: "")
        var found: [Candidate] = []
        let complete = Event.fields.read(
            reader, into: &event,
            reference: { kind, id, key in
                if let candidate = candidate(kind, id, key: key, in: reader) { found.append(candidate) }
            })
        let named = reader.has("people")
        if !named { event.people = defaultPerson.map { [$0] } ?? [] }
        event.location = reader.location(of: "id")
        return RecordDraft(
            record: .event(event), id: usableID(event.id, in: reader), idLocation: event.location!, location: reader.location,
            isKept: complete, awaitsOwner: deferring && !named, references: found)
    }

    /// The record's id when it is a usable identifier (one the field table read); else nil, reported.
    private static func usableID<R: RecordFields>(_ id: String, in reader: R) -> String? {
        guard !id.isEmpty else { return nil }
        guard isWord(id) else {
            reader.report("id", "the id '\(id)' contains spaces; ids are single words like 'us-ambassador'")
            return nil
        }
        return id
    }

    /// A reference to `id`; an id that can never be defined is reported here rather than as
    /// "unknown id" later.
    private static func candidate<R: RecordFields>(_ kind: Reference.Kind, _ id: String, key: String, in reader: R) -> Candidate? {
        guard !id.isEmpty else { return nil }
        guard isWord(id) else {
            reader.report(key, "'\(id)' is not an id: ids are single words like 'us-ambassador'")
            return nil
        }
        return Candidate(kind: kind, id: id, location: reader.location(of: key))
    }

    /// True for a usable id: no spaces or control characters.
    private static func isWord(_ id: String) -> Bool {
        // Most ids are ASCII: check bytes, and Unicode properties only when there is more.
        id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            || !id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value <= 0x20 || $0.value == 0x7F })
    }
}
