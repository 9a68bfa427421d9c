import Foundation

@testable import CursusCore

/// Decodes `text` as a dossier file named `path`, returning the diagnostics it threw (or none).
func dossierProblems(_ text: String, path: String = "test.yml") -> [Diagnostic] {
    do {
        _ = try DossierLoader.decode(InputFile(path: path, text: text))
        return []
    } catch {
        return error.diagnostics
    }
}
