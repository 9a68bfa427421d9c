import CursusCore
import Foundation

/// Text compared as people write it: case, accents and punctuation aside.
func normalized(_ text: String) -> String {
    text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
}

/// The tenures grouped by office, each group in date order.
func byOffice(_ dossier: Dossier) -> [[Tenure]] {
    var groups: [String: [Tenure]] = [:]
    var order: [String] = []
    for tenure in dossier.chronologicalTenures {
        let key = normalized(tenure.office)
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(tenure)
    }
    return order.map { groups[$0]! }
}
