import ArgumentParser
import CursusCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of dossier files, for editors that complete and check YAML and JSON.",
        discussion: "It is made from the fields Cursus reads, so it is always this version's; Schemas/dossier.schema.json is a copy.")

    func run() throws {
        print(DossierSchema.text, terminator: "")
    }
}
