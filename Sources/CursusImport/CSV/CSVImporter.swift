import CursusCore
import Foundation

/// Imports a table: one Cursus CSV file read back losslessly (see `CSVTableLoader`), or any
/// table whose columns `--map` names. People and sources the rows name but the table does not
/// describe are added by id, with a warning, so the dossier validates on its own.
public enum CSVImporter {
    /// `start=From,end=To` as field → column heading.
    public static func mapping(_ text: String?) throws(CursusError) -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        var mapping: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CursusError(
                    .data,
                    Diagnostic(
                        .error, "--map takes field=Column pairs separated by commas, e.g. start=From,office=Post; '\(pair)' is not one"))
            }
            mapping[parts[0]] = parts[1]
        }
        return mapping
    }

    /// The table at `path` as a dossier; `mapping` names the columns of a table Cursus did not write.
    public static func `import`(_ path: String, mapping: [String: String]) throws(CursusError) -> ImportResult {
        let file: DossierFile
        do {
            file = try CSVTableLoader.read(path, mapping: mapping, strict: false).checked()
        } catch {
            throw CursusError(
                error.kind,
                error.diagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    diagnostic.scope = "csv"
                    return diagnostic
                })
        }
        var dossier = file.dossier
        var warnings = file.warnings.map { warning -> Diagnostic in
            var warning = warning
            warning.scope = "csv"
            return warning
        }
        var added: Set<String> = []
        for reference in file.references where added.insert("\(reference.kind.rawValue) \(reference.id)").inserted {
            switch reference.kind {
            case .person:
                dossier.people.append(Person(id: reference.id, name: reference.id))
                warnings.append(
                    Diagnostic(
                        .warning, "person '\(reference.id)' is named but not described here; added with the id as the name",
                        at: SourceLocation(file: path), scope: "csv"))
            case .source:
                dossier.sources.append(Source(id: reference.id, title: reference.id))
                warnings.append(
                    Diagnostic(
                        .warning, "source '\(reference.id)' is cited but not described here; added with the id as the title",
                        at: SourceLocation(file: path), scope: "csv"))
            case .event:
                continue  // nothing refers to events
            case .tenure:
                for index in dossier.events.indices where dossier.events[index].tenure == reference.id {
                    dossier.events[index].tenure = nil
                }
                warnings.append(
                    Diagnostic(
                        .warning, "events name tenure '\(reference.id)', which this table does not hold; the link is left out",
                        at: SourceLocation(file: path), scope: "csv"))
            }
        }
        return ImportResult(dossier: dossier, warnings: warnings)
    }
}
