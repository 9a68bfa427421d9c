import CursusCore
import Foundation

/// The tenures grouped by office, each group in date order.
func byOffice(_ dossier: Dossier) -> [[Tenure]] {
    var groups: [String: [Tenure]] = [:]
    var order: [String] = []
    for tenure in dossier.chronologicalTenures {
        let key = TextMatch.normalized(tenure.office)
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(tenure)
    }
    return order.map { groups[$0]! }
}
