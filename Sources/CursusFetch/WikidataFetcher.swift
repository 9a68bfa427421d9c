import CursusCore
import CursusImport
import Foundation

/// A Wikidata (or other Wikibase) entity fetched with the labels of every entity it refers
/// to, read by the Wikidata importer as if it were one saved document.
public enum WikidataFetcher {
    /// At most this many ids in one `wbgetentities` request (the API's limit).
    public static let batchSize = 50

    /// True for an entity id such as `Q7747`.
    public static func isEntityID(_ text: String) -> Bool {
        text.count > 1 && text.first == "Q" && text.dropFirst().allSatisfy(\.isNumber)
    }

    /// The Wikibase site: `endpoint`, else Wikidata.
    public static func site(_ endpoint: String?) -> String { (endpoint ?? "https://www.wikidata.org").trimmingSuffix("/") }

    /// The career of entity `id` on `site`, labels in `language` (else English, else the id).
    public static func `import`(_ id: String, site: String, language: String, client: HTTPClient) throws(CursusError) -> ImportResult {
        guard let entityURL = URL(string: "\(site)/wiki/Special:EntityData/\(id).json") else {
            throw CursusError(.usage, Diagnostic(.error, "'\(site)' is not a URL; give --endpoint as https://host"))
        }
        let document = try JSONAnswer.object(try client.get(entityURL, what: "entity"), from: entityURL)
        guard var entities = document["entities"] as? [String: Any],
            let entity = entities[id] as? [String: Any] ?? entities.values.first as? [String: Any]
        else {
            throw client.failure(entityURL, "answered without the entity \(id) in \"entities\"", kind: .data)
        }
        if entities[id] == nil { entities[id] = entity }
        let referenced = Self.referencedIDs(entity).subtracting(entities.keys).sorted {
            $0.count != $1.count ? $0.count < $1.count : $0 < $1
        }
        let languages = language == "en" ? "en" : "\(language)|en"
        var urls: [URL] = []
        for start in stride(from: 0, to: referenced.count, by: batchSize) {
            var components = URLComponents(string: site + "/w/api.php")
            components?.queryItems = [
                URLQueryItem(name: "action", value: "wbgetentities"),
                URLQueryItem(name: "ids", value: referenced[start..<min(start + batchSize, referenced.count)].joined(separator: "|")),
                URLQueryItem(name: "props", value: "labels"), URLQueryItem(name: "languages", value: languages),
                URLQueryItem(name: "format", value: "json"),
            ]
            if let url = components?.url { urls.append(url) }
        }
        for (url, body) in zip(urls, try client.getAll(urls, what: "labels")) {
            let answer = try JSONAnswer.object(body, from: url)
            if let error = answer["error"] as? [String: Any] {
                throw client.failure(url, "answered with an error: \(error["info"] as? String ?? "\(error)")", kind: .data)
            }
            for (key, value) in answer["entities"] as? [String: Any] ?? [:] where entities[key] == nil {
                entities[key] = value
            }
        }
        // One document, keys in order, so that the same answers give the same bytes.
        guard let data = try? JSONSerialization.data(withJSONObject: ["entities": entities], options: [.sortedKeys]) else {
            throw client.failure(entityURL, "answered with entities Cursus cannot combine", kind: .data)
        }
        return try WikidataImporter.import(
            InputFile(path: "\(id).json", text: String(decoding: data, as: UTF8.self)), entities: [id], language: language)
    }

    /// The Wikidata Query Service, or `endpoint`.
    public static func queryService(_ endpoint: String?) -> String { endpoint ?? "https://query.wikidata.org/sparql" }

    /// Every holder of `position`, through the query service at `service` (SPARQL, JSON results).
    public static func holders(
        of position: String, service: String, language: String, from: Int?, to: Int?, client: HTTPClient
    ) throws(CursusError) -> ImportResult {
        var components = URLComponents(string: service)
        components?.queryItems = [
            URLQueryItem(name: "query", value: WikidataPositionImporter.query(position: position, language: language)),
            URLQueryItem(name: "format", value: "json"),
        ]
        guard let url = components?.url, url.scheme != nil else {
            throw CursusError(.usage, Diagnostic(.error, "'\(service)' is not a URL; give --endpoint as https://host/sparql"))
        }
        let body = try client.get(url, what: "SPARQL results")
        _ = try JSONAnswer.object(body, from: url)
        return try WikidataPositionImporter.import(
            InputFile(path: "\(position)-holders.json", text: String(decoding: body, as: UTF8.self)), position: position, from: from, to: to
        )
    }

    /// The ids of the items an entity's statements and qualifiers name.
    static func referencedIDs(_ entity: [String: Any]) -> Set<String> {
        var found: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if object["entity-type"] as? String == "item" {
                    if let id = object["id"] as? String {
                        found.insert(id)
                    } else if let number = (object["numeric-id"] as? NSNumber)?.intValue {
                        found.insert("Q\(number)")
                    }
                }
                for child in object.values { collect(child) }
            } else if let list = value as? [Any] {
                for child in list { collect(child) }
            }
        }
        collect(entity["claims"] ?? [:])
        return found
    }
}
