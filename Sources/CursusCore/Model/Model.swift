/// A person whose career a dossier records.
public struct Person: Sendable {
    public var id: String
    public var name: String
    public var nativeName: String?
    /// Language of the native name (an ISO 639 code such as `ru`).
    public var nativeLanguage: String?
    public var born: EDTF?
    public var died: EDTF?
    public var birthPlace: String?
    public var deathPlace: String?
    public var nationality: String?
    /// Free facts with no field of their own (alma mater, children …), in file order.
    public var attributes: [(key: String, value: String)]
    public var notes: String?
    public var sources: [String]
    public var location: SourceLocation?

    public init(
        id: String, name: String, nativeName: String? = nil, nativeLanguage: String? = nil, born: EDTF? = nil,
        died: EDTF? = nil, birthPlace: String? = nil, deathPlace: String? = nil, nationality: String? = nil,
        attributes: [(key: String, value: String)] = [], notes: String? = nil, sources: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.nativeName = nativeName
        self.nativeLanguage = nativeLanguage
        self.born = born
        self.died = died
        self.birthPlace = birthPlace
        self.deathPlace = deathPlace
        self.nationality = nationality
        self.attributes = attributes
        self.notes = notes
        self.sources = sources
        self.location = location
    }
}

/// A post held by a person for a span of time.
public struct Tenure: Sendable {
    public var id: String
    public var person: String
    /// Full title, e.g. "Ambassador of Russia to the United States".
    public var office: String
    /// Short title, e.g. "Ambassador".
    public var role: String?
    public var organization: String?
    public var place: String?
    public var country: String?
    /// Free tag used for colours and filters.
    public var category: String?
    public var start: EDTF?
    public var end: EDTF?
    /// Held to this day ("present"); the end is then absent and resolved against `as_of`.
    public var ongoing: Bool
    public var predecessor: String?
    public var successor: String?
    public var appointedBy: [String]
    public var servedUnder: [String]
    public var alongside: [String]
    public var milestones: [Milestone]
    public var notes: String?
    public var sources: [String]
    public var location: SourceLocation?

    /// True when `end` is over before `start` begins: dates no tenure can have.
    public static func endsBeforeStart(_ start: EDTF?, _ end: EDTF?) -> Bool {
        guard let first = start?.earliest, let last = end?.latest else { return false }
        return last < first
    }

    public init(
        id: String, person: String, office: String, role: String? = nil, organization: String? = nil,
        place: String? = nil, country: String? = nil, category: String? = nil, start: EDTF? = nil,
        end: EDTF? = nil, ongoing: Bool = false, predecessor: String? = nil, successor: String? = nil,
        appointedBy: [String] = [], servedUnder: [String] = [], alongside: [String] = [],
        milestones: [Milestone] = [], notes: String? = nil, sources: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.person = person
        self.office = office
        self.role = role
        self.organization = organization
        self.place = place
        self.country = country
        self.category = category
        self.start = start
        self.end = end
        self.ongoing = ongoing
        self.predecessor = predecessor
        self.successor = successor
        self.appointedBy = appointedBy
        self.servedUnder = servedUnder
        self.alongside = alongside
        self.milestones = milestones
        self.notes = notes
        self.sources = sources
        self.location = location
    }
}

/// A dated step within a tenure: appointed, credentials presented, relieved by decree …
public struct Milestone: Sendable {
    public var date: EDTF
    public var title: String
    public var description: String?
    public var sources: [String]

    public init(date: EDTF, title: String, description: String? = nil, sources: [String] = []) {
        self.date = date
        self.title = title
        self.description = description
        self.sources = sources
    }
}

/// Something that happened on a date (which may be an interval).
public struct Event: Sendable {
    public var id: String
    public var date: EDTF
    public var title: String
    public var description: String?
    public var people: [String]
    public var category: String?
    public var tenure: String?
    public var sources: [String]
    public var location: SourceLocation?

    public init(
        id: String, date: EDTF, title: String, description: String? = nil, people: [String] = [],
        category: String? = nil, tenure: String? = nil, sources: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.date = date
        self.title = title
        self.description = description
        self.people = people
        self.category = category
        self.tenure = tenure
        self.sources = sources
        self.location = location
    }
}

/// Where a fact comes from.
public struct Source: Sendable {
    public var id: String
    public var title: String
    /// news, encyclopedia, book, archive, decree …
    public var kind: String?
    public var author: String?
    public var publisher: String?
    public var url: String?
    public var published: EDTF?
    public var accessed: EDTF?
    public var quote: String?
    public var location: SourceLocation?

    public init(
        id: String, title: String, kind: String? = nil, author: String? = nil, publisher: String? = nil,
        url: String? = nil, published: EDTF? = nil, accessed: EDTF? = nil, quote: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.author = author
        self.publisher = publisher
        self.url = url
        self.published = published
        self.accessed = accessed
        self.quote = quote
        self.location = location
    }
}

/// People, their tenures, events and sources; several dossiers merge into one.
public struct Dossier: Sendable {
    public var people: [Person]
    public var tenures: [Tenure]
    public var events: [Event]
    public var sources: [Source]

    public init(people: [Person] = [], tenures: [Tenure] = [], events: [Event] = [], sources: [Source] = []) {
        self.people = people
        self.tenures = tenures
        self.events = events
        self.sources = sources
    }

    /// Where the first record of `kind` with `id` stands (looked up only to report a duplicate).
    func firstLocation(of id: String, kind: Reference.Kind) -> SourceLocation? {
        switch kind {
        case .person: return people.first { $0.id == id }?.location
        case .tenure: return tenures.first { $0.id == id }?.location
        case .event: return events.first { $0.id == id }?.location
        case .source: return sources.first { $0.id == id }?.location
        }
    }

    /// Appends another dossier's records (ids are checked by `DossierValidator`).
    public mutating func merge(_ other: Dossier) {
        people += other.people
        tenures += other.tenures
        events += other.events
        sources += other.sources
    }

    /// Tenures in chronological order of their start (unknown starts first), then end, then id.
    public var chronologicalTenures: [Tenure] { chronologicalTenureOrder.map { tenures[$0] } }

    /// Events in chronological order of their date, then id.
    public var chronologicalEvents: [Event] { chronologicalEventOrder.map { events[$0] } }

    /// Indices of `tenures` in chronological order, for walking them without copying the records.
    public var chronologicalTenureOrder: [Int] {
        Self.order(tenures) { ($0.start?.sortKey, $0.end?.sortKey, $0.id) }
    }

    /// Indices of `events` in chronological order.
    public var chronologicalEventOrder: [Int] {
        Self.order(events) { ($0.date.sortKey, nil, $0.id) }
    }

    /// Sorts by keys computed once per record (records are large; keys are cheap to compare).
    /// A missing date sorts first.
    static func order<Record>(
        _ records: [Record], by key: (Record) -> (EDTF.SortKey?, EDTF.SortKey?, String)
    ) -> [Int] {
        let keys = records.map(key)
        func less(_ a: EDTF.SortKey?, _ b: EDTF.SortKey?) -> Bool? {
            switch (a, b) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?): return a == b ? nil : a < b
            }
        }
        return keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            return less(a.0, b.0) ?? less(a.1, b.1) ?? (a.2 < b.2)
        }
    }


}
