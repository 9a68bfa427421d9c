import CursusCore

/// Splits text into printed pages: each page starts with a running header (title and page
/// number) and a blank line, and pages are separated by form feeds.
struct Paginator {
    let title: String
    let width: Int
    let pageLength: Int
    let words: Words

    func paginate(_ lines: [String]) -> String {
        let body = pageLength - 2
        let pageCount = max(1, (lines.count + body - 1) / body)
        var pages: [String] = []
        for page in 0..<pageCount {
            let slice = lines[min(lines.count, page * body)..<min(lines.count, (page + 1) * body)]
            pages.append(([header(page + 1, of: pageCount), ""] + slice).joined(separator: "\n") + "\n")
        }
        return pages.joined(separator: "\u{0C}")
    }

    private func header(_ page: Int, of count: Int) -> String {
        let number = words.text("text.page", ["page": String(page), "pages": String(count)])
        let room = width - number.count - 2
        let shown = title.count > room ? String(title.prefix(max(0, room - 1))) + "…" : title
        return TextWrapper.pad(shown, to: width - number.count) + number
    }
}
