extension Array {
    /// The elements ordered by `key`, those with equal keys in their original order.
    public func sortedStably<Key: Comparable>(by key: (Element) -> Key) -> [Element] {
        let keys = map(key)
        return indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { self[$0] }
    }
}
