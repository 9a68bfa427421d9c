import ArgumentParser
import CursusCore
import CursusImport
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a dossier from a Wikipedia infobox, a Wikidata entity or a CSV table.",
        discussion: """
            KIND is infobox (wikitext or 'Key: value' lines), wikidata (entity JSON) or csv (a table as \
            Cursus writes it, or any table with --map). What cannot be understood is reported as a warning \
            at its line; the dossier written is one that 'cursus validate' accepts.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case infobox, wikidata, csv
    }

    @Argument(help: "infobox, wikidata or csv.")
    var kind: Kind

    @Argument(help: "The file to import.", completion: .file())
    var input: String

    @Option(name: .shortAndLong, help: "Write the dossier here (default: standard output).", completion: .file())
    var output: String?

    @Option(help: "yaml, json, or jsonl (one record a line, for big imports such as dumps).")
    var format: DossierWriter.Format = .yaml

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    static let whenExists = "add --force to overwrite it"

    @Option(
        help:
            "wikidata: the people to import, as entity ids separated by commas (default: the entity with positions held, P39; in a dump, every one)."
    )
    var entity: String?

    @Option(help: "wikidata: the language of labels.")
    var lang = "en"

    @Option(help: "csv: field=Column pairs for a table with other headings, e.g. start=From,end=To,office=Post.")
    var map: String?

    func run() throws {
        try Console.run {
            // Refused before importing, so that nothing is read in vain.
            if let output, !force { try OutputTransaction.refuseExisting([output], Self.whenExists) }
            let result: ImportResult
            switch kind {
            case .infobox: result = try InfoboxImporter.import(try InputFile.read(input, what: "infobox"))
            case .wikidata:
                let people = (entity ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                result =
                    WikidataImporter.isDump(input)
                    ? try WikidataImporter.importDump(input, entities: people, language: lang)
                    : try WikidataImporter.import(try InputFile.read(input, what: "Wikidata entity"), entities: people, language: lang)
            case .csv: result = try CSVImporter.import(input, mapping: try CSVImporter.mapping(map))
            }
            Console.report(result.warnings)
            let text = DossierWriter.write(result.dossier, as: format)
            // What is written must be what `cursus validate` accepts: read it back the same way.
            try Self.readBack(text, as: format, named: output ?? "<import>.\(format.rawValue)")
            guard let output else {
                print(text, terminator: "")
                return
            }
            try OutputTransaction.write([(output, text)], whenExists: force ? nil : Self.whenExists)
        }
    }
}

extension ImportCommand {
    /// Reads `text` back as `format`, with every check `cursus validate` makes.
    static func readBack(_ text: String, as format: DossierWriter.Format, named name: String) throws {
        guard format == .jsonl else {
            _ = try DossierValidator.merge([try DossierLoader.decode(InputFile(path: name, text: text))])
            return
        }
        // JSON Lines are read as a stream, from a file: a scratch one, removed on interrupt too.
        let scratch = NSTemporaryDirectory() + "cursus-import-\(getpid())-\(UUID().uuidString).jsonl"
        try InterruptCleanup.shared.withScratchFile(scratch, contents: Data(text.utf8)) {
            _ = try DossierValidator.merge([try DossierLoader.readJSONLines(scratch).checked()])
        }
    }
}

extension DossierWriter.Format: ExpressibleByArgument {}
