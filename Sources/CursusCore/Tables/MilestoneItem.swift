/// How a milestone stands as one item of a tenure's `milestones` cell, so that a table reads
/// back exactly: `DATE title` when that is all it holds, else its fields as one JSON object in
/// the schema of dossier files (`{"date": "2017-07-31~", "title": "…", "sources": ["tass"]}`).
/// A date never starts with `{`, so the two forms cannot be confused.
enum MilestoneItem {
    static func text(_ milestone: Milestone) -> String {
        guard milestone.description?.isEmpty ?? true, milestone.sources.isEmpty else {
            return DossierWriter.json(Milestone.fields.encode(milestone), pretty: false)
        }
        return "\(milestone.date.text) \(milestone.title)"
    }

    /// The fields of an item as texts, lists joined as a table cell joins them; or the reason the
    /// item is not one.
    static func fields(_ item: String) -> Result<[String: String], JSONScanner.SyntaxError> {
        guard item.hasPrefix("{") else {
            // Keeping empty pieces: a blank item is a milestone without a date (reported), not a crash.
            let parts = item.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return .success(["date": parts[0], "title": parts.count > 1 ? parts[1] : ""])
        }
        return CellObject.fields(item, what: "a milestone")
    }
}
