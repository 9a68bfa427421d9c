extension Dossier {
    /// The ids of the sources something in the dossier cites: people, tenures, milestones and
    /// events, and the disputes of each.
    public var citedSourceIDs: Set<String> {
        var cited: Set<String> = []
        func cite(_ citations: [Citation], _ disputes: [Dispute]) {
            for citation in citations { cited.insert(citation.source) }
            for dispute in disputes { for citation in dispute.sources { cited.insert(citation.source) } }
        }
        for person in people { cite(person.sources, person.disputed) }
        for tenure in tenures {
            cite(tenure.sources, tenure.disputed)
            for milestone in tenure.milestones { cite(milestone.sources, milestone.disputed) }
        }
        for event in events { cite(event.sources, event.disputed) }
        return cited
    }
}
