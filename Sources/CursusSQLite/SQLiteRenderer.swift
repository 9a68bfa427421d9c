import CSQLite
import CursusCore
import Foundation

/// The dossier as a SQLite database: a table per record type with typed columns (each date as
/// its EDTF text and its earliest and latest day), milestones, event people, citations and
/// disputes in tables of their own, foreign keys and indexes, an FTS5 index over titles, notes
/// and quotes, and views that join posts and events to people. The same dossier gives the same
/// bytes.
public struct SQLiteRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// Writes `.sqlite`, `.db`; takes no options.
    public let descriptor = RendererDescriptor(
        name: "sqlite",
        summary: "A SQLite database: typed tables, foreign keys, indexes, an FTS5 search index and views",
        fileExtensions: ["sqlite", "sqlite3", "db"],
        options: [])

    static let schema = """
        PRAGMA foreign_keys = ON;
        CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT, author TEXT, publisher TEXT, url TEXT,
          published TEXT, published_earliest TEXT, published_latest TEXT, accessed TEXT, quote TEXT);
        CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, native_name TEXT, native_language TEXT,
          born TEXT, born_earliest TEXT, born_latest TEXT, died TEXT, died_earliest TEXT, died_latest TEXT,
          birth_place TEXT, death_place TEXT, nationality TEXT, notes TEXT);
        CREATE TABLE tenures (id TEXT PRIMARY KEY, person TEXT NOT NULL REFERENCES people(id), office TEXT NOT NULL, role TEXT,
          organization TEXT, place TEXT, country TEXT, category TEXT,
          start TEXT, start_earliest TEXT, start_latest TEXT, "end" TEXT, end_earliest TEXT, end_latest TEXT,
          ongoing INTEGER NOT NULL CHECK (ongoing IN (0, 1)), predecessor TEXT, successor TEXT, notes TEXT);
        CREATE TABLE milestones (tenure TEXT NOT NULL REFERENCES tenures(id), position INTEGER NOT NULL,
          date TEXT NOT NULL, date_earliest TEXT, date_latest TEXT, title TEXT NOT NULL, description TEXT,
          PRIMARY KEY (tenure, position));
        CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, date_earliest TEXT, date_latest TEXT, title TEXT NOT NULL,
          description TEXT, category TEXT, tenure TEXT REFERENCES tenures(id));
        CREATE TABLE event_people (event TEXT NOT NULL REFERENCES events(id), person TEXT NOT NULL REFERENCES people(id),
          PRIMARY KEY (event, person));
        CREATE TABLE citations (record_type TEXT NOT NULL, record_id TEXT NOT NULL, position INTEGER NOT NULL,
          source TEXT NOT NULL REFERENCES sources(id), quote TEXT, locator TEXT, PRIMARY KEY (record_type, record_id, position));
        CREATE TABLE disputes (record_type TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
          sources TEXT);
        CREATE INDEX tenures_by_person ON tenures(person);
        CREATE INDEX tenures_by_start ON tenures(start_earliest);
        CREATE INDEX events_by_date ON events(date_earliest);
        CREATE INDEX citations_by_source ON citations(source);
        CREATE VIRTUAL TABLE search USING fts5(record_type UNINDEXED, record_id UNINDEXED, text);
        CREATE VIEW tenures_with_people AS SELECT people.name AS person_name, tenures.* FROM tenures JOIN people ON people.id = tenures.person;
        CREATE VIEW events_with_people AS SELECT people.name AS person_name, events.* FROM events
          JOIN event_people ON event_people.event = events.id JOIN people ON people.id = event_people.person;
        """

    /// Writes the database to the output's temporary file, in one transaction.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let database = try Database(path: output.temporaryPath, finalPath: output.path)
        defer { database.close() }
        try database.execute(Self.schema + "BEGIN;")
        let dossier = request.dossier
        func dates(_ date: EDTF?) -> [String?] { [date?.text, date?.earliest?.iso, date?.latest?.iso] }
        func cite(_ type: String, _ id: String, _ citations: [Citation]) throws(CursusError) {
            for (index, citation) in citations.enumerated() {
                try database.insert("citations", [type, id, index + 1, citation.source, citation.quote, citation.locator])
            }
        }
        func disputes(_ type: String, _ id: String, _ disputes: [Dispute]) throws(CursusError) {
            for dispute in disputes {
                try database.insert(
                    "disputes", [type, id, dispute.field, dispute.value, dispute.sources.map(\.source).joined(separator: "; ")])
            }
        }
        func search(_ type: String, _ id: String, _ texts: [String?]) throws(CursusError) {
            let text = texts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty { try database.insert("search", [type, id, text]) }
        }
        for source in dossier.sources {
            try database.insert(
                "sources",
                [source.id, source.title, source.kind, source.author, source.publisher, source.url] + dates(source.published)
                    + [source.accessed?.text, source.quote])
            try search("source", source.id, [source.title, source.quote])
        }
        for person in dossier.people {
            try database.insert(
                "people",
                [person.id, person.name, person.nativeName, person.nativeLanguage] + dates(person.born) + dates(person.died)
                    + [person.birthPlace, person.deathPlace, person.nationality, person.notes])
            try cite("person", person.id, person.sources)
            try disputes("person", person.id, person.disputed)
            try search("person", person.id, [person.name, person.nativeName, person.notes] + person.sources.map(\.quote))
        }
        for tenure in dossier.tenures {
            try database.insert(
                "tenures",
                [tenure.id, tenure.person, tenure.office, tenure.role, tenure.organization, tenure.place, tenure.country, tenure.category]
                    + dates(tenure.start) + dates(tenure.end) + [
                        tenure.ongoing ? 1 : 0, tenure.predecessor, tenure.successor, tenure.notes,
                    ])
            try cite("tenure", tenure.id, tenure.sources)
            try disputes("tenure", tenure.id, tenure.disputed)
            for (index, milestone) in tenure.milestones.enumerated() {
                try database.insert(
                    "milestones", [tenure.id, index + 1] + dates(milestone.date) + [milestone.title, milestone.description])
                try cite("milestone", "\(tenure.id)/\(index + 1)", milestone.sources)
                try search(
                    "milestone", "\(tenure.id)/\(index + 1)", [milestone.title, milestone.description] + milestone.sources.map(\.quote))
            }
            try search("tenure", tenure.id, [tenure.office, tenure.organization, tenure.place, tenure.notes] + tenure.sources.map(\.quote))
        }
        for event in dossier.events {
            try database.insert("events", [event.id] + dates(event.date) + [event.title, event.description, event.category, event.tenure])
            for person in event.people { try database.insert("event_people", [event.id, person]) }
            try cite("event", event.id, event.sources)
            try disputes("event", event.id, event.disputed)
            try search("event", event.id, [event.title, event.description] + event.sources.map(\.quote))
        }
        try database.execute("COMMIT;")
    }
}

/// A database being written, through SQLite's C interface.
final class Database {
    private var handle: OpaquePointer?
    private let finalPath: String
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, finalPath: String) throws(CursusError) {
        self.finalPath = finalPath
        unlink(path)
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw failure("cannot create the database")
        }
    }

    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        sqlite3_close(handle)
        handle = nil
    }

    func execute(_ sql: String) throws(CursusError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure("cannot write the database") }
    }

    /// Inserts one row of `values` (texts, whole numbers or nothing) into `table`.
    func insert(_ table: String, _ values: [Any?]) throws(CursusError) {
        let statement: OpaquePointer
        if let prepared = statements[table] {
            statement = prepared
        } else {
            let sql = "INSERT INTO \(table) VALUES (" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")"
            var made: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &made, nil) == SQLITE_OK, let made else { throw failure("cannot prepare \(table)") }
            statements[table] = made
            statement = made
        }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case let text as String: sqlite3_bind_text(statement, position, text, -1, transient)
            case let number as Int: sqlite3_bind_int64(statement, position, Int64(number))
            default: sqlite3_bind_null(statement, position)
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw failure("cannot write a row of \(table)") }
    }

    private func failure(_ what: String) -> CursusError {
        let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
        return CursusError(.failure, Diagnostic(.error, "\(what): \(reason)", at: SourceLocation(file: finalPath)))
    }
}
