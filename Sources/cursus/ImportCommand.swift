import ArgumentParser
import CursusCore
import CursusFetch
import CursusImport
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a dossier from an article, a Wikipedia page or infobox, Wikidata, Popolo, FollowTheMoney or a CSV table.",
        discussion: """
            KIND is article (prose: plain text, Markdown, wikitext or a saved HTML page; every fact quotes \
            its sentence), wikipedia (a page fetched by title or URL), infobox (wikitext or 'Key: value' lines), \
            wikidata (entity JSON, an entity id to fetch, or --position Q… for every holder), popolo (Popolo JSON), \
            ftm (FollowTheMoney JSON Lines, streamed) or csv (a table as \
            Cursus writes it, or any table with --map). What cannot be understood is reported as a warning \
            at its line; the dossier written is one that 'cursus validate' accepts.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case article, wikipedia, infobox, wikidata, popolo, ftm, csv
    }

    @Argument(help: "article, wikipedia, infobox, wikidata, popolo, ftm or csv.")
    var kind: Kind

    @Argument(
        help:
            "The file to import ('-' for standard input, article only); for wikipedia a page title or URL, for wikidata an entity id (Q…) to fetch.",
        completion: .file())
    var input: String?

    @Option(name: .shortAndLong, help: "Write the dossier here (default: standard output).", completion: .file())
    var output: String?

    @Option(help: "yaml, json, or jsonl (one record a line, for big imports such as dumps).")
    var format: DossierWriter.Format = .yaml

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Option(
        help:
            "Merge the import into this dossier (YAML, JSON or JSON Lines) instead of writing a new one: matched, not duplicated; disagreements kept as disputes.",
        completion: .file())
    var into: String?

    @Flag(help: "With --into: print what would be added, matched and disputed, and write nothing.")
    var dryRun = false

    static let whenExists = "add --force to overwrite it"

    @Option(
        help:
            "wikidata: the people to import, as entity ids separated by commas (default: the entity with positions held, P39; in a dump, every one)."
    )
    var entity: String?

    @Option(help: "wikidata: every holder of this position (an entity id, Q…), through the query service; no INPUT.")
    var position: String?

    @Option(help: "wikidata --position: only posts held in or after this year.")
    var from: Int?

    @Option(help: "wikidata --position: only posts held in or before this year.")
    var to: Int?

    @Option(help: "wikidata: the language of labels; wikipedia: the language edition.")
    var lang = "en"

    @Option(help: "wikipedia, wikidata: the site to fetch from (default https://LANG.wikipedia.org, https://www.wikidata.org).")
    var endpoint: String?

    @Option(help: "wikipedia, wikidata: keep raw answers in this folder, named by request.", completion: .directory)
    var cache: String?

    @Flag(help: "wikipedia, wikidata: answer from --cache alone, never the network.")
    var offline = false

    @Option(help: "wikipedia, wikidata: seconds without an answer before a request is given up.")
    var timeout: Double = 15

    @Option(help: "article: the day it was published (YYYY-MM-DD); relative dates count from it.")
    var published: String?

    @Option(help: "article: the person it is about (default: the one it names most often).")
    var person: String?

    @Option(help: "article: the source's title (default: the article's own).")
    var title: String?

    @Option(help: "article: the source's publisher.")
    var publisher: String?

    @Option(help: "article: the source's URL.")
    var url: String?

    @Option(name: .customLong("kind"), help: "article: the kind of source (news, encyclopedia …).")
    var sourceKind: String?

    @Option(help: "csv: field=Column pairs for a table with other headings, e.g. start=From,end=To,office=Post.")
    var map: String?

    func run() throws {
        try Console.run {
            // Refused before importing, so that nothing is read in vain.
            if into != nil && output != nil { throw CursusError(.usage, Diagnostic(.error, "--into rewrites its dossier; leave out -o")) }
            if dryRun && into == nil { throw CursusError(.usage, Diagnostic(.error, "--dry-run goes with --into FILE")) }
            if let output, !force { try OutputTransaction.refuseExisting([output], Self.whenExists) }
            let existing = try into.map { path throws(CursusError) in try DossierValidator.merge([try DossierLoader.load(path)]) }
            let result: ImportResult
            if kind == .wikidata, let position {
                guard input == nil else {
                    throw CursusError(.usage, Diagnostic(.error, "--position imports every holder; give no INPUT with it"))
                }
                guard WikidataFetcher.isEntityID(position) else {
                    throw CursusError(.usage, Diagnostic(.error, "--position takes an entity id such as Q4115180, not '\(position)'"))
                }
                result = try WikidataFetcher.holders(
                    of: position, service: WikidataFetcher.queryService(endpoint), language: lang, from: from, to: to, client: try client())
                try finish(result, existing: existing)
                return
            }
            guard let input else {
                throw CursusError(
                    .usage, Diagnostic(.error, "name what to import: a file\(kind == .wikidata ? ", an entity id, or --position Q…" : "")"))
            }
            guard position == nil, from == nil, to == nil else {
                throw CursusError(.usage, Diagnostic(.error, "--position, --from and --to go with 'cursus import wikidata' alone"))
            }
            switch kind {
            case .article: result = try ArticleImporter.import(try Self.article(input), options: try articleOptions())
            case .wikipedia:
                let page = WikipediaFetcher.page(input, language: lang)
                result = try WikipediaFetcher.import(
                    title: page.title, site: WikipediaFetcher.site(endpoint, language: page.language), client: try client(),
                    options: try articleOptions())
            case .infobox: result = try InfoboxImporter.import(try InputFile.read(input, what: "infobox"))
            case .wikidata where WikidataFetcher.isEntityID(input) && !FileManager.default.fileExists(atPath: input):
                result = try WikidataFetcher.import(input, site: WikidataFetcher.site(endpoint), language: lang, client: try client())
            case .wikidata:
                let people = (entity ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                result =
                    WikidataImporter.isDump(input)
                    ? try WikidataImporter.importDump(input, entities: people, language: lang)
                    : try WikidataImporter.import(try InputFile.read(input, what: "Wikidata entity"), entities: people, language: lang)
            case .popolo: result = try PopoloImporter.import(try InputFile.read(input, what: "Popolo JSON"))
            case .ftm where format == .jsonl && into == nil && output != nil:
                // An extract of any size: written as it is read, checked without being held.
                return try streamFollowTheMoney(input, to: output!)
            case .ftm: result = try FollowTheMoneyImporter.import(input)
            case .csv: result = try CSVImporter.import(input, mapping: try CSVImporter.mapping(map))
            }
            try finish(result, existing: existing)
        }
    }

    /// Reports the warnings, checks the dossier as `cursus validate` would, and writes it.
    private func finish(_ result: ImportResult, existing: Dossier?) throws {
        Console.report(result.warnings)
        if let into, let existing { return try merge(result.dossier, into: existing, at: into) }
        let text = DossierWriter.write(result.dossier, as: format)
        // What is written must be what `cursus validate` accepts: read it back the same way.
        try Self.readBack(text, as: format, named: output ?? "<import>.\(format.rawValue)")
        guard let output else {
            print(text, terminator: "")
            return
        }
        try OutputTransaction.write([(output, text)], whenExists: force ? nil : Self.whenExists)
    }
}

extension ImportCommand {
    /// Merges `imported` into the dossier `existing` read from `path`, and rewrites that file
    /// (all or nothing), or with `--dry-run` says what would change.
    func merge(_ imported: Dossier, into existing: Dossier, at path: String) throws {
        let merge = DossierMerge(imported, into: existing)
        if dryRun {
            print(merge.report.lines.joined(separator: "\n"), terminator: merge.report.lines.isEmpty ? "" : "\n")
            return
        }
        let format: DossierWriter.Format =
            DossierLoader.isStreamed(path) ? .jsonl : (path.lowercased().hasSuffix(".json") ? .json : .yaml)
        var text = DossierWriter.write(merge.dossier, as: format)
        try Self.readBack(text, as: format, named: path)
        if format == .yaml {
            let original = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
            let header = lines.prefix { $0.hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
            let lost = lines.dropFirst(header.count).filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.count
            if lost > 0 {
                Console.report([
                    Diagnostic(
                        .warning,
                        "\(lost) comment line\(lost == 1 ? "" : "s") inside the dossier \(lost == 1 ? "is" : "are") not kept (Yams does not carry comments); the comments at its top are",
                        at: SourceLocation(file: path))
                ])
            }
            if !header.isEmpty { text = header.joined(separator: "\n") + "\n" + text }
        }
        try OutputTransaction.write([(path, text)], whenExists: nil)
        let report = merge.report
        FileHandle.standardError.write(
            Data("\(path): \(report.added.count) added, \(report.matched.count) matched, \(report.disputed.count) disputed\n".utf8))
    }

    /// Imports the FollowTheMoney entities at `path` into JSON Lines at `output`, a record at a
    /// time, then checks the file as `cursus validate` would before it is moved into place.
    func streamFollowTheMoney(_ path: String, to output: String) throws {
        let transaction = OutputTransaction()
        let file = transaction.add(output)
        do {
            let writer = try file.textWriter()
            let warnings = try FollowTheMoneyImporter.stream(path, into: writer)
            try writer.close()
            Console.report(warnings)
            try DossierLoader.checkJSONLines(file.temporaryPath)
            try transaction.commit()
        } catch {
            transaction.rollback()
            throw error
        }
    }

    /// The article at `path`, or on standard input for `-`.
    static func article(_ path: String) throws(CursusError) -> InputFile {
        guard path == "-" else { return try InputFile.read(path, what: "article") }
        let data = FileHandle.standardInput.readData(ofLength: InputFile.maximumSize + 1)
        if data.count > InputFile.maximumSize {
            throw CursusError(
                .data, Diagnostic(.error, "is larger than \(InputFile.maximumSize / 1024 / 1024) MiB", at: SourceLocation(file: "<stdin>")))
        }
        return try InputFile.decode(data, path: "<stdin>", what: "article")
    }

    /// The HTTP client the fetching kinds use.
    func client() throws(CursusError) -> HTTPClient {
        guard timeout > 0 else { throw CursusError(.usage, Diagnostic(.error, "--timeout takes a number of seconds above 0")) }
        if offline && cache == nil { throw CursusError(.usage, Diagnostic(.error, "--offline answers from --cache DIR; name the cache")) }
        var policy = FetchPolicy()
        policy.idleTimeout = timeout
        // The first wait before a retry, in seconds (the tests use 0).
        if let backoff = ProcessInfo.processInfo.environment["CURSUS_RETRY_BACKOFF"].flatMap(Double.init), backoff >= 0 {
            policy.backoff = backoff
        }
        return HTTPClient(policy: policy, cache: cache.map(ResponseCache.init(folder:)), offline: offline)
    }

    func articleOptions() throws(CursusError) -> ArticleImporter.Options {
        var day: CalendarDay?
        if let published {
            guard let parsed = CalendarDay(iso: published) else {
                throw CursusError(.usage, Diagnostic(.error, "--published takes a day as YYYY-MM-DD, not '\(published)'"))
            }
            day = parsed
        }
        return ArticleImporter.Options(published: day, person: person, title: title, publisher: publisher, url: url, kind: sourceKind)
    }

    /// Reads `text` back as `format`, with every check `cursus validate` makes.
    static func readBack(_ text: String, as format: DossierWriter.Format, named name: String) throws {
        guard format == .jsonl else {
            _ = try DossierValidator.merge([try DossierLoader.decode(InputFile(path: name, text: text))])
            return
        }
        // JSON Lines are read as a stream, from a file: a scratch one, removed on interrupt too.
        let scratch = NSTemporaryDirectory() + "cursus-import-\(getpid())-\(UUID().uuidString).jsonl"
        try InterruptCleanup.shared.withScratchFile(scratch, contents: Data(text.utf8)) {
            try DossierLoader.checkJSONLines(scratch)
        }
    }
}

extension DossierWriter.Format: ExpressibleByArgument {}
