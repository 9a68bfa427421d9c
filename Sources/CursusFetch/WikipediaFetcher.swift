import CursusCore
import CursusImport
import Foundation

/// A Wikipedia page fetched through the MediaWiki API, read as an article: the infobox by the
/// infobox importer, the prose by the article importer. The source names the revision read.
public enum WikipediaFetcher {
    /// The page's title and language from a title or a `https://xx.wikipedia.org/wiki/Title` URL.
    public static func page(_ titleOrURL: String, language: String) -> (title: String, language: String) {
        guard let url = URL(string: titleOrURL), let host = url.host, url.scheme?.hasPrefix("http") == true else {
            return (titleOrURL.replacingOccurrences(of: "_", with: " "), language)
        }
        let path = url.path
        let title =
            path.hasPrefix("/wiki/")
            ? String(path.dropFirst(6))
            : (URLComponents(url: url, resolvingAgainstBaseURL: false)?
                .queryItems?.first { $0.name == "title" }?.value ?? path)
        let hostLanguage = host.hasSuffix(".wikipedia.org") ? String(host.split(separator: ".").first ?? "") : language
        return ((title.removingPercentEncoding ?? title).replacingOccurrences(of: "_", with: " "), hostLanguage)
    }

    /// The MediaWiki site a page is read from: `endpoint`, else `https://LANG.wikipedia.org`.
    public static func site(_ endpoint: String?, language: String) -> String {
        (endpoint ?? "https://\(language).wikipedia.org").trimmingSuffix("/")
    }

    /// The dossier of the page `title` on `site`, its newest revision.
    public static func `import`(title: String, site: String, client: HTTPClient, options: ArticleImporter.Options) throws(CursusError)
        -> ImportResult
    {
        var components = URLComponents(string: site + "/w/api.php")
        components?.queryItems = [
            URLQueryItem(name: "action", value: "query"), URLQueryItem(name: "prop", value: "revisions"),
            URLQueryItem(name: "rvprop", value: "ids|timestamp|content"), URLQueryItem(name: "rvslots", value: "main"),
            URLQueryItem(name: "titles", value: title), URLQueryItem(name: "redirects", value: "1"),
            URLQueryItem(name: "format", value: "json"), URLQueryItem(name: "formatversion", value: "2"),
        ]
        guard let url = components?.url else {
            throw CursusError(.usage, Diagnostic(.error, "'\(site)' is not a URL; give --endpoint as https://host"))
        }
        let body = try client.get(url, what: "MediaWiki revisions")
        let object = try JSONAnswer.object(body, from: url)
        guard let pages = (object["query"] as? [String: Any])?["pages"] as? [[String: Any]], let page = pages.first else {
            throw client.failure(url, "answered without query.pages; is \(site) a MediaWiki site?", kind: .data)
        }
        let pageTitle = page["title"] as? String ?? title
        if page["missing"] != nil || page["invalid"] != nil {
            throw client.failure(url, "has no page titled '\(pageTitle)'; check the title and --lang", kind: .data)
        }
        guard let revision = (page["revisions"] as? [[String: Any]])?.first,
            let content = ((revision["slots"] as? [String: Any])?["main"] as? [String: Any])?["content"] as? String
                ?? revision["content"] as? String
        else {
            throw client.failure(url, "answered without the page's wikitext (revisions[0].slots.main.content)", kind: .data)
        }
        let revisionID = (revision["revid"] as? NSNumber)?.intValue
        let timestamp = (revision["timestamp"] as? String).flatMap { CalendarDay(iso: String($0.prefix(10))) }
        var options = options
        options.title = options.title ?? pageTitle
        options.publisher = options.publisher ?? "Wikipedia"
        options.kind = options.kind ?? "encyclopedia"
        options.published = options.published ?? timestamp
        let encodedTitle =
            pageTitle.replacingOccurrences(of: " ", with: "_").addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)
            ?? pageTitle
        options.url =
            options.url ?? (revisionID.map { "\(site)/w/index.php?title=\(encodedTitle)&oldid=\($0)" } ?? "\(site)/wiki/\(encodedTitle)")
        let file = InputFile(path: pageTitle.replacingOccurrences(of: "/", with: "_") + ".wiki", text: content)
        return try ArticleImporter.import(file, options: options)
    }
}

/// JSON answers parsed with their problems located: "malformed JSON at byte 1234".
enum JSONAnswer {
    static func object(_ body: Data, from url: URL) throws(CursusError) -> [String: Any] {
        let bytes = Array(body)
        let checked = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONScanner.SyntaxError) in try JSONScanner.parse(buffer) }
        }
        if case .failure(let error) = checked {
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "answered with malformed JSON at byte \(error.offset): \(error.message)\(looksLikeHTML(body) ? " (an HTML page, not the API's JSON)" : "")",
                    at: SourceLocation(file: url.absoluteString)))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw CursusError(
                .data, Diagnostic(.error, "answered with JSON that is not an object", at: SourceLocation(file: url.absoluteString)))
        }
        return object
    }

    static func looksLikeHTML(_ body: Data) -> Bool {
        String(decoding: body.prefix(100), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
