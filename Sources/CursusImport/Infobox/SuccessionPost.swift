import CursusCore

/// A post from succession boxes: `{{s-bef}}`, `{{s-ttl}}`, `{{s-aft}}` or `{{succession box}}`.
struct SuccessionPost {
    var title: String
    var start: EDTF?
    var end: EDTF?
    var ongoing = false
    var predecessor: String?
    var successor: String?

    /// What a box titled `title` is when it is no post: orders of precedence and lines of
    /// succession are lists that people stand in, not offices they hold.
    static func notAPost(_ title: String) -> String? {
        let lowered = title.lowercased()
        for (phrase, kind) in [
            ("order of precedence", "an order of precedence"), ("line of succession", "a line of succession"),
            ("succession to the", "a line of succession"), ("honorary title", "an honorary title"),
        ] where lowered.contains(phrase) {
            return kind
        }
        return nil
    }

    /// The posts the succession boxes in `templates` describe.
    static func read(_ templates: [WikiTemplate], warnings: inout ImportWarnings) -> [SuccessionPost] {
        var posts: [SuccessionPost] = []
        var before: String?
        var cleaner = WikiCleaner()
        for template in templates {
            switch template.normalizedName {
            case "s-bef":
                before = template.value("before").map { cleaner.clean($0) }
            case "s-ttl", "succession box":
                guard let title = template.value("title").map({ cleaner.clean($0) }), !title.isEmpty else {
                    warnings.warn("a succession box without a title; left out", line: template.line)
                    continue
                }
                if let kind = Self.notAPost(title) {
                    warnings.warn("the succession box '\(title)' is \(kind), not a post; left out", line: template.line)
                    before = nil
                    continue
                }
                var post = SuccessionPost(title: title)
                post.predecessor = template.value("before").map { cleaner.clean($0) } ?? before
                post.successor = template.value("after").map { cleaner.clean($0) }
                if let years = template.value("years").map({ cleaner.clean($0) }) {
                    let parts = years.replacingOccurrences(of: "—", with: "–").replacingOccurrences(of: " - ", with: "–")
                        .components(separatedBy: "–").map { $0.trimmingCharacters(in: .whitespaces) }
                    if case .date(let start)? = parts.first.flatMap(WikiDate.parse) { post.start = try? EDTF(start) }
                    if parts.count == 1, post.start?.precision == .year {
                        // "2007": the post spans that year.
                        post.end = post.start
                    } else if parts.count > 1 {
                        switch WikiDate.parse(parts[1]) {
                        case .date(let end)?: post.end = warnings.end(try? EDTF(end), after: post.start, line: template.line)
                        case .present?: post.ongoing = true
                        case nil: if parts[1].isEmpty { post.ongoing = true }
                        }
                    }
                    if post.start == nil {
                        warnings.warn("succession box years '\(years)' are not dates Cursus can read", line: template.line)
                    }
                }
                before = nil
                posts.append(post)
            case "s-aft":
                if let last = posts.indices.last, posts[last].successor == nil {
                    posts[last].successor = template.value("after").map { cleaner.clean($0) }
                }
            default:
                continue
            }
        }
        return posts
    }
}
