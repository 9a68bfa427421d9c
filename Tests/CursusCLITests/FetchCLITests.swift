import CursusTestSupport
import Foundation
import Testing

/// `cursus import wikipedia` and `cursus import wikidata Q…` against a real HTTP server on
/// 127.0.0.1 that answers as the MediaWiki and Wikibase APIs do, failures included.
@Suite(.serialized) struct FetchCLITests {
    static let realFixtures = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/real")
    /// No waiting between retries in tests.
    static let environment = ProcessInfo.processInfo.environment.merging(["CURSUS_RETRY_BACKOFF": "0"]) { _, new in new }

    /// A server with one page (a real page's wikitext in a MediaWiki answer) and one entity.
    func server() throws -> APIServer {
        let folder = try temporaryFolder("cursus-api")
        let pages = folder.appendingPathComponent("pages")
        let entities = folder.appendingPathComponent("entities")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: entities, withIntermediateDirectories: true)
        let wikitext = try String(contentsOf: Self.realFixtures.appendingPathComponent("infobox/Harry_McPherson.wiki"), encoding: .utf8)
        let revision: [String: Any] = [
            "revid": 700_123_456, "parentid": 700_123_455, "timestamp": "2016-01-15T10:20:30Z",
            "slots": ["main": ["contentmodel": "wikitext", "contentformat": "text/x-wiki", "content": wikitext]],
        ]
        let answer: [String: Any] = [
            "batchcomplete": true,
            "query": ["pages": [["pageid": 1_041_925, "ns": 0, "title": "Harry McPherson", "revisions": [revision]]]],
        ]
        try JSONSerialization.data(withJSONObject: answer).write(to: pages.appendingPathComponent("Harry McPherson.json"))
        let document = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.realFixtures.appendingPathComponent("wikidata/Q7747.json")))
        let entity = try #require(((document as? [String: Any])?["entities"] as? [String: Any])?["Q7747"])
        try JSONSerialization.data(withJSONObject: entity).write(to: entities.appendingPathComponent("Q7747.json"))
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Tests/Support/api/sparql"), to: folder.appendingPathComponent("sparql"))
        return try APIServer(folder: folder)
    }

    func run(_ workspace: Workspace, _ arguments: [String]) throws -> CLIResult {
        try workspace.run(arguments, environment: Self.environment)
    }

    @Test func aWikipediaPageImportsWithItsRevision() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikipedia", "Harry McPherson", "--endpoint", api.base, "-o", "d.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        let dossier = String(decoding: try workspace.read("d.yml"), as: UTF8.self)
        #expect(dossier.contains("url: \(api.base)/w/index.php?title=Harry_McPherson&oldid=700123456"), "the revision read")
        #expect(dossier.contains("published: \"2016-01-15\""))
        #expect(dossier.contains("publisher: Wikipedia"))
        #expect(dossier.contains("office: White House Counsel"), "the infobox's posts")
        #expect(dossier.contains("quote: "), "the prose's facts quote their sentences")
        #expect(try workspace.run(["validate", "d.yml"]).status == 0)
        let request = try #require(api.requests.first)
        #expect(request[0].contains("action=query") && request[0].contains("titles=Harry%20McPherson"))
        #expect(request[1].hasPrefix("Cursus/") && request[1].contains("https://"), "a User-Agent naming Cursus and a contact")
        #expect(request[2].contains("gzip"))
    }

    @Test func aPageURLNamesTheTitle() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikipedia", "https://en.wikipedia.org/wiki/Harry_McPherson", "--endpoint", api.base])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("name: Harry McPherson"))
    }

    @Test func aMissingPageIsBadData() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikipedia", "No Such Page", "--endpoint", api.base, "-o", "d.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("has no page titled 'No Such Page'"), "\(result.stderr)")
        #expect(!workspace.exists("d.yml"))
    }

    /// The entity, then the labels of everything it names, at most 50 ids a request.
    @Test func aWikidataEntityImportsWithItsLabelsInBatches() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikidata", "Q7747", "--endpoint", api.base, "-o", "d.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.run(["validate", "d.yml"]).status == 0)
        let requests = api.requests.map { $0[0] }
        #expect(requests.first == "/wiki/Special:EntityData/Q7747.json")
        let batches = requests.filter { $0.contains("action=wbgetentities") }
        #expect(batches.count >= 2)
        for batch in batches {
            let ids = try #require(URLComponents(string: batch)?.queryItems?.first { $0.name == "ids" }?.value)
            #expect(ids.split(separator: "|").count <= 50)
        }
        let dossier = String(decoding: try workspace.read("d.yml"), as: UTF8.self)
        #expect(dossier.contains("name: Vladimir Putin"))
        #expect(dossier.contains("Label of Q"), "labels come from the batches")
    }

    /// Every holder of a position through the query service: a person each (with the Wikidata
    /// id), a tenure per statement, ready for a succession chart.
    @Test func theHoldersOfAPositionImportThroughSPARQL() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikidata", "--position", "Q218295", "--endpoint", api.base + "/sparql", "-o", "d.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        let dossier = String(decoding: try workspace.read("d.yml"), as: UTF8.self)
        #expect(dossier.contains("wikidata: Q7747"))
        #expect(dossier.contains("born: \"1952-10-07\""))
        #expect(dossier.contains("office: President of Russia"))
        #expect(dossier.contains("wikidata: Q7747$6841bac1-4ad1-867c-0c6b-580acf144efc"), "the statement id")
        #expect(dossier.contains("predecessor: Boris Yeltsin") && dossier.contains("successor: Dmitry Medvedev"))
        let request = try #require(api.requests.first?[0])
        let query = try #require(URLComponents(string: request)?.queryItems?.first { $0.name == "query" }?.value)
        #expect(query.contains("BIND(wd:Q218295 AS ?position)") && query.contains("p:P39"))
        try workspace.write(
            "m.yml",
            "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: gantt, path: s.dot, options: {rows: person}}\n  - {renderer: csv, path: s.csv}\n"
        )
        let rendered = try workspace.run(["render", "m.yml"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        // Only the posts held in the years asked for.
        let later = try run(
            workspace, ["import", "wikidata", "--position", "Q218295", "--from", "2010", "--endpoint", api.base + "/sparql"])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.contains("2012-05-07") && !later.stdout.contains("2000-05-07"))
    }

    @Test func aPositionThatNoOneHeldIsAWarning() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikidata", "--position", "Q1", "--endpoint", api.base + "/sparql"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("no holder of Q1 (Q1) found"), "\(result.stderr)")
        let bad = try run(workspace, ["import", "wikidata", "--position", "Putin", "--endpoint", api.base + "/sparql"])
        #expect(bad.status == 64)
    }

    /// Each failure: one message naming the URL and what went wrong, its exit code, nothing written.
    @Test(arguments: [
        ("/slow", 1 as Int32, "did not answer in time (timeout)"),
        ("/error500", 1, "answered HTTP 500: internal_api_error_DBQueryError: A database query error has occurred. (after 5 attempts)"),
        ("/truncated", 1, "dropped the connection before the answer was complete"),
        ("/html", 65, "answered with malformed JSON at byte 0"),
        ("/away", 1, "redirected too often, or elsewhere than its own host"),
        ("/big", 1, "answered with more than 64 MiB"),
    ])
    func failuresAreClearAndWriteNothing(_ mode: String, _ status: Int32, _ message: String) throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(
            workspace, ["import", "wikipedia", "Harry McPherson", "--endpoint", api.base + mode, "--timeout", "1", "-o", "d.yml"])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains("\(api.base)\(mode)/w/api.php"), "names the URL: \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!workspace.exists("d.yml"))
    }

    /// Answers compressed with gzip are read, and a redirect within the host is followed.
    @Test func gzipAndRedirectsWithinTheHostGoThrough() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let direct = try run(workspace, ["import", "wikidata", "Q7747", "--endpoint", api.base])
        #expect(direct.status == 0, "\(direct.stderr)")
        for mode in ["/gzip", "/moved"] {
            let result = try run(workspace, ["import", "wikidata", "Q7747", "--endpoint", api.base + mode])
            #expect(result.status == 0, "\(mode): \(result.stderr)")
            #expect(result.stdout == direct.stdout, "\(mode)")
        }
    }

    /// 429 with Retry-After, then the answer: the import goes through.
    @Test func aRateLimitIsWaitedOut() throws {
        let api = try server()
        defer { api.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikipedia", "Harry McPherson", "--endpoint", api.base + "/flaky"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(api.requests.count == 2)
    }

    @Test func aRefusedConnectionIsANetworkError() throws {
        // A port nothing listens on: the server's, once it is stopped.
        let api = try server()
        api.stop()
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try run(workspace, ["import", "wikidata", "Q7747", "--endpoint", api.base, "--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused the connection"), "\(result.stderr)")
    }

    /// With --cache the answers are kept; with --offline the import runs from them alone, byte for byte.
    @Test func theCacheReplaysAnImportOffline() throws {
        let api = try server()
        let workspace = try Workspace()
        defer { workspace.remove() }
        let online = try run(workspace, ["import", "wikidata", "Q7747", "--endpoint", api.base, "--cache", "answers"])
        #expect(online.status == 0, "\(online.stderr)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: workspace.url.appendingPathComponent("answers").path)
        #expect(kept.count == api.requests.count)
        api.stop()
        let offline = try run(workspace, ["import", "wikidata", "Q7747", "--endpoint", api.base, "--cache", "answers", "--offline"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout == online.stdout)
        let missing = try run(
            workspace, ["import", "wikipedia", "Harry McPherson", "--endpoint", api.base, "--cache", "answers", "--offline"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("is not in the cache"), "\(missing.stderr)")
    }
}
