import CursusCore
import Foundation

/// What an importer made of its input: a dossier, and everything it could not understand.
public struct ImportResult: Sendable {
    /// The dossier the input describes, as far as it was understood.
    public var dossier: Dossier
    /// Warnings at the line they concern: nothing is dropped silently.
    public var warnings: [Diagnostic]
}

/// Collects an importer's warnings, each at its line of the input.
struct ImportWarnings {
    let file: InputFile
    let scope: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: InputFile, scope: String) {
        self.file = file
        self.scope = scope
    }

    mutating func warn(_ message: String, line: Int?) {
        diagnostics.append(file.diagnostic(message, line: line, column: nil, severity: .warning, scope: scope))
    }

    /// `end`, unless it is over before `start` begins (a dossier would refuse that): then a
    /// warning at `line`, and no end.
    mutating func end(_ end: EDTF?, after start: EDTF?, line: Int?) -> EDTF? {
        guard let start, let end, Tenure.endsBeforeStart(start, end) else { return end }
        warn("the post ends (\(end.text)) before it starts (\(start.text)); the end is left out, check both dates", line: line)
        return nil
    }

    func error(_ message: String, line: Int?, column: Int? = nil) -> CursusError {
        CursusError(.data, file.diagnostic(message, line: line, column: column, scope: scope))
    }
}

/// Ids made from names: lowercase words joined by dashes, unique within one import.
struct IDMaker {
    private var used: Set<String> = []

    /// An id made from `name` (and `suffix`, often a year), not yet used.
    mutating func make(_ name: String, suffix: String? = nil) -> String {
        var slug = ""
        var lastWasDash = true
        for character in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if character.isLetter || character.isNumber, character.isASCII {
                slug.append(character)
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
            if slug.count >= 48 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "item" }
        if let suffix { slug += "-" + suffix }
        return unique(slug)
    }

    /// Marks `id` as taken (by a record already in a dossier).
    mutating func reserve(_ id: String) { used.insert(id) }

    /// `id`, or `id-2`, `id-3` … when it is taken.
    mutating func unique(_ id: String) -> String {
        var candidate = id
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
