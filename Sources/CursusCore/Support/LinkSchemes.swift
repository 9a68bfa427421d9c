/// Which URLs an output may turn into links: only those that open a page or a mail, never
/// `javascript:`, `data:`, `file:` or anything else a document could run or read.
public enum LinkSchemes {
    /// The URL beginnings that may become links.
    public static let allowed = ["http://", "https://", "mailto:"]

    /// True when `url` may become a link (in a workbook, a Markdown file, a page).
    public static func isLinkable(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return allowed.contains { lowered.hasPrefix($0) }
    }
}
