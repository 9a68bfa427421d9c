/// A person whose career a dossier records.
public struct Person: Sendable {
    /// A single word, unique among people.
    public var id: String
    /// The name as readers know it.
    public var name: String
    /// The name in its own script.
    public var nativeName: String?
    /// Language of the native name (an ISO 639 code such as `ru`).
    public var nativeLanguage: String?
    /// When the person was born.
    public var born: EDTF?
    /// When the person died.
    public var died: EDTF?
    /// Where the person was born.
    public var birthPlace: String?
    /// Where the person died.
    public var deathPlace: String?
    /// The person's nationality, as a word ("Russian").
    public var nationality: String?
    /// Free facts with no field of their own (alma mater, children …), in file order.
    public var attributes: [(key: String, value: String)]
    /// The person's ids in other databases (`wikidata: Q7747`), so that imports merge.
    public var ids: [(key: String, value: String)]
    /// Free text about the person.
    public var notes: String?
    /// The sources this comes from: ids, each perhaps with the passage that states it.
    public var sources: [Citation]
    /// What other sources say of its fields, kept beside the values preferred here.
    public var disputed: [Dispute] = []
    /// Where the record stands in its file, for messages.
    public var location: SourceLocation?

    /// A person with these fields.
    public init(
        id: String, name: String, nativeName: String? = nil, nativeLanguage: String? = nil, born: EDTF? = nil,
        died: EDTF? = nil, birthPlace: String? = nil, deathPlace: String? = nil, nationality: String? = nil,
        attributes: [(key: String, value: String)] = [], ids: [(key: String, value: String)] = [], notes: String? = nil,
        sources: [Citation] = [], location: SourceLocation? = nil
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
        self.ids = ids
        self.notes = notes
        self.sources = sources
        self.location = location
    }
}

/// A post held by a person for a span of time.
public struct Tenure: Sendable {
    /// A single word, unique among tenures.
    public var id: String
    /// The id of the person who held the post.
    public var person: String
    /// Full title, e.g. "Ambassador of Russia to the United States".
    public var office: String
    /// Short title, e.g. "Ambassador".
    public var role: String?
    /// Where the post was held ("Washington, D.C.").
    public var place: String?
    /// Free tag used for colours and filters.
    public var category: String?
    /// When the post began.
    public var start: EDTF?
    /// When it ended; nil when unknown or ongoing.
    public var end: EDTF?
    /// Held to this day ("present"); the end is then absent and resolved against `as_of`.
    public var ongoing: Bool
    /// Where the record stands in its file, for messages.
    public var location: SourceLocation?
    /// The fields most tenures leave empty, out of line: a million tenures stay small.
    private var more = OutOfLine<Details>()

    struct Details: OutOfLineFields {
        var organization: String?
        var country: String?
        var predecessor: String?
        var successor: String?
        var appointedBy: [String] = []
        var servedUnder: [String] = []
        var alongside: [String] = []
        var milestones: [Milestone] = []
        var ids: [(key: String, value: String)] = []
        var notes: String?
        var sources: [Citation] = []
        var disputed: [Dispute] = []

        static let empty = Details()

        var isEmpty: Bool {
            organization == nil && country == nil && predecessor == nil && successor == nil && appointedBy.isEmpty
                && servedUnder.isEmpty && alongside.isEmpty && milestones.isEmpty && ids.isEmpty && notes == nil && sources.isEmpty
                && disputed.isEmpty
        }
    }

    /// The body the post belongs to ("Embassy of Russia in the United States").
    public var organization: String? {
        get { more.value.organization }
        set { more.value.organization = newValue }
    }
    /// The country of the post.
    public var country: String? {
        get { more.value.country }
        set { more.value.country = newValue }
    }
    /// Who held the post before.
    public var predecessor: String? {
        get { more.value.predecessor }
        set { more.value.predecessor = newValue }
    }
    /// Who held it after.
    public var successor: String? {
        get { more.value.successor }
        set { more.value.successor = newValue }
    }
    /// Who appointed the holder, in order.
    public var appointedBy: [String] {
        get { more.value.appointedBy }
        set { more.value.appointedBy = newValue }
    }
    /// Under whom the post was held, in order.
    public var servedUnder: [String] {
        get { more.value.servedUnder }
        set { more.value.servedUnder = newValue }
    }
    /// Who held the post at the same time (co-holders).
    public var alongside: [String] {
        get { more.value.alongside }
        set { more.value.alongside = newValue }
    }
    /// Dated steps within the post.
    public var milestones: [Milestone] {
        get { more.value.milestones }
        set { more.value.milestones = newValue }
    }
    /// The post's ids in other databases (a Wikidata statement id), so that imports merge.
    public var ids: [(key: String, value: String)] {
        get { more.value.ids }
        set { more.value.ids = newValue }
    }
    /// Free text about the post.
    public var notes: String? {
        get { more.value.notes }
        set { more.value.notes = newValue }
    }
    /// The sources this comes from: ids, each perhaps with the passage that states it.
    public var sources: [Citation] {
        get { more.value.sources }
        set { more.value.sources = newValue }
    }
    /// What other sources say of its fields, kept beside the values preferred here.
    public var disputed: [Dispute] {
        get { more.value.disputed }
        set { more.value.disputed = newValue }
    }

    /// True when `end` is over before `start` begins: dates no tenure can have.
    public static func endsBeforeStart(_ start: EDTF?, _ end: EDTF?) -> Bool {
        guard let first = start?.earliest, let last = end?.latest else { return false }
        return last < first
    }

    /// A tenure with these fields.
    public init(
        id: String, person: String, office: String, role: String? = nil, organization: String? = nil,
        place: String? = nil, country: String? = nil, category: String? = nil, start: EDTF? = nil,
        end: EDTF? = nil, ongoing: Bool = false, predecessor: String? = nil, successor: String? = nil,
        appointedBy: [String] = [], servedUnder: [String] = [], alongside: [String] = [],
        milestones: [Milestone] = [], ids: [(key: String, value: String)] = [], notes: String? = nil, sources: [Citation] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.person = person
        self.office = office
        self.role = role
        self.place = place
        self.category = category
        self.start = start
        self.end = end
        self.ongoing = ongoing
        self.location = location
        more = OutOfLine(
            Details(
                organization: organization, country: country, predecessor: predecessor, successor: successor,
                appointedBy: appointedBy, servedUnder: servedUnder, alongside: alongside, milestones: milestones, ids: ids, notes: notes,
                sources: sources))
    }
}

/// A dated step within a tenure: appointed, credentials presented, relieved by decree …
public struct Milestone: Sendable {
    /// When it happened.
    public var date: EDTF
    /// What happened, in a line.
    public var title: String
    /// More about it.
    public var description: String?
    /// The sources this comes from: ids, each perhaps with the passage that states it.
    public var sources: [Citation]
    /// What other sources say of its fields, kept beside the values preferred here.
    public var disputed: [Dispute] = []

    /// A milestone with these fields.
    public init(date: EDTF, title: String, description: String? = nil, sources: [Citation] = []) {
        self.date = date
        self.title = title
        self.description = description
        self.sources = sources
    }
}

/// Something that happened on a date (which may be an interval).
public struct Event: Sendable {
    /// A single word, unique among events.
    public var id: String
    /// When it happened; may be an interval.
    public var date: EDTF
    /// What happened, in a line.
    public var title: String
    /// More about it.
    public var description: String?
    /// Ids of the people it concerns.
    public var people: [String]
    /// Free tag for colours and filters.
    public var category: String?
    /// The id of the tenure it belongs to.
    public var tenure: String?
    /// The sources this comes from: ids, each perhaps with the passage that states it.
    public var sources: [Citation]
    /// What other sources say of its fields, kept beside the values preferred here.
    public var disputed: [Dispute] = []
    /// Where the record stands in its file, for messages.
    public var location: SourceLocation?

    /// An event with these fields.
    public init(
        id: String, date: EDTF, title: String, description: String? = nil, people: [String] = [],
        category: String? = nil, tenure: String? = nil, sources: [Citation] = [], location: SourceLocation? = nil
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

/// Another value a source gives for one of a record's fields ("28 December according to one
/// report, 18 December according to another"): the value written in the field is the one
/// preferred; the others are kept as disputes, each with its own citations, and never dropped.
public struct Dispute: Sendable, Equatable {
    /// The key of the field disputed: `start`, `end`, `office`, `born`, `date` …
    public var field: String
    /// The other value, as that field writes it (EDTF for a date).
    public var value: String
    /// The sources that give it.
    public var sources: [Citation]

    /// A dispute of `field`.
    public init(field: String, value: String, sources: [Citation] = []) {
        self.field = field
        self.value = value
        self.sources = sources
    }
}

/// A fact's reference to a source: the source's id, and perhaps the passage that states the fact
/// and where it stands. Written as the id alone when that is all it holds.
public struct Citation: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The id of the source.
    public var source: String
    /// The passage of the source that states the fact, word for word.
    public var quote: String?
    /// Where the passage stands: "line 12", "p. 3", "§ Diplomatic career".
    public var locator: String?

    /// A citation of `source`, with the passage and its place when known.
    public init(_ source: String, quote: String? = nil, locator: String? = nil) {
        self.source = source
        self.quote = quote
        self.locator = locator
    }

    /// A citation of the source with this id, and nothing more.
    public init(stringLiteral source: String) {
        self.init(source)
    }

    /// True when the citation holds only the source's id.
    public var isPlain: Bool { (quote ?? "").isEmpty && (locator ?? "").isEmpty }
}

/// Where a fact comes from.
public struct Source: Sendable {
    /// A single word, unique among sources.
    public var id: String
    /// The title of the article, page or document.
    public var title: String
    /// news, encyclopedia, book, archive, decree …
    public var kind: String?
    /// Who wrote it.
    public var author: String?
    /// Who published it.
    public var publisher: String?
    /// Where it can be read.
    public var url: String?
    /// When it was published.
    public var published: EDTF?
    /// When it was read.
    public var accessed: EDTF?
    /// A passage from it.
    public var quote: String?
    /// Where the record stands in its file, for messages.
    public var location: SourceLocation?

    /// A source with these fields.
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
    /// The people, in file order.
    public var people: [Person]
    /// The tenures, in file order (`chronologicalTenures` sorts them).
    public var tenures: [Tenure]
    /// The events, in file order (`chronologicalEvents` sorts them).
    public var events: [Event]
    /// The sources, in file order.
    public var sources: [Source]

    /// A dossier of these records.
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
        ChronologicalKey.order(tenures, dates: { ($0.start?.sortKey, $0.end?.sortKey) }, id: { $0.id })
    }

    /// Indices of `events` in chronological order.
    public var chronologicalEventOrder: [Int] {
        ChronologicalKey.order(events, dates: { ($0.date.sortKey, nil) }, id: { $0.id })
    }

}

/// A record's place in chronological order: its first date, then its second (a missing date
/// first), as plain integers, and the record's index for what ties.
private struct ChronologicalKey: Sendable {
    let firstDay: Int
    let secondDay: Int
    /// 0 for no date; else the date's precision rank plus one.
    let firstRank: UInt8
    let secondRank: UInt8
    let index: Int32

    init(_ dates: (EDTF.SortKey?, EDTF.SortKey?), index: Int) {
        firstDay = dates.0?.day ?? 0
        secondDay = dates.1?.day ?? 0
        firstRank = dates.0.map { UInt8(clamping: $0.precision + 1) } ?? 0
        secondRank = dates.1.map { UInt8(clamping: $0.precision + 1) } ?? 0
        self.index = Int32(index)
    }

    /// Whether `a`'s dates come before `b`'s; nil when they are the same.
    static func datesBefore(_ a: ChronologicalKey, _ b: ChronologicalKey) -> Bool? {
        if let before = before(a.firstDay, a.firstRank, b.firstDay, b.firstRank) { return before }
        return before(a.secondDay, a.secondRank, b.secondDay, b.secondRank)
    }

    private static func before(_ dayA: Int, _ rankA: UInt8, _ dayB: Int, _ rankB: UInt8) -> Bool? {
        if rankA == 0 || rankB == 0 { return rankA == rankB ? nil : rankA == 0 }
        if dayA != dayB { return dayA < dayB }
        return rankA == rankB ? nil : rankA < rankB
    }

    /// Indices of `records` sorted by their dates, then id: each core sorts its share of the
    /// keys in place, and the shares are merged (the order is total, so it does not depend on the cores).
    static func order<Record: Sendable>(
        _ records: [Record], dates: @escaping @Sendable (Record) -> (EDTF.SortKey?, EDTF.SortKey?),
        id: @escaping @Sendable (Record) -> String
    ) -> [Int] {
        var keys = Parallel.map(records.count) { ChronologicalKey(dates(records[$0]), index: $0) }
        let less: @Sendable (ChronologicalKey, ChronologicalKey) -> Bool = { a, b in
            datesBefore(a, b) ?? (id(records[Int(a.index)]) < id(records[Int(b.index)]))
        }
        let shares = Parallel.split(keys.count)
        keys.withUnsafeMutableBufferPointer { buffer in
            // Each core sorts its own range of the buffer, and the buffer outlives them all.
            nonisolated(unsafe) let keys = buffer
            _ = Parallel.map(shares) { share in
                var part = UnsafeMutableBufferPointer(rebasing: keys[share])
                part.sort(by: less)
            }
        }
        return merge(keys, shares, by: less)
    }

    /// The indices of `keys`, whose `shares` are each sorted, in one sorted list; among equal
    /// keys, those of an earlier share first.
    private static func merge(
        _ keys: [ChronologicalKey], _ shares: [Range<Int>], by less: (ChronologicalKey, ChronologicalKey) -> Bool
    ) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(keys.count)
        var next = shares.map(\.lowerBound)
        while true {
            var best: Int?
            for share in shares.indices where next[share] < shares[share].upperBound {
                if let current = best, !less(keys[next[share]], keys[next[current]]) { continue }
                best = share
            }
            guard let share = best else { return merged }
            merged.append(Int(keys[next[share]].index))
            next[share] += 1
        }
    }
}
