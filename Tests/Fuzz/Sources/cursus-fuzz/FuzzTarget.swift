import CursusBuiltIns
import CursusCore
import CursusImport
import Foundation

/// What each fuzz target feeds its input to, and the properties it checks beyond "does not crash".
/// A broken property stops the fuzzer with `fatalError`, which libFuzzer saves as a crash.
enum FuzzTarget: String, CaseIterable {
    case edtf, dossier, jsonl, table, manifest, infobox, wikidata, article
    case csvImport = "csv-import"

    nonisolated(unsafe) static var selected = FuzzTarget.edtf

    func run(_ data: Data) {
        switch self {
        case .edtf: Self.edtf(String(decoding: data, as: UTF8.self))
        case .dossier: Self.dossier(data, path: data.first == UInt8(ascii: "{") ? "fuzz.json" : "fuzz.yml")
        case .jsonl: Self.streamed(data, extension: "jsonl")
        case .table: Self.streamed(data, extension: "csv")
        case .manifest: Self.manifest(data)
        case .infobox:
            Self.imported(data, extension: "txt") { path in try InfoboxImporter.import(try InputFile.read(path, what: "infobox")) }
        case .wikidata:
            Self.imported(data, extension: "json") { path in
                try WikidataImporter.import(try InputFile.read(path, what: "Wikidata entity"), entities: [], language: "en")
            }
        case .article:
            Self.imported(data, extension: data.first == UInt8(ascii: "<") ? "html" : "txt") { path in
                try ArticleImporter.import(
                    try InputFile.read(path, what: "article"), options: .init(published: CalendarDay(year: 2017, month: 6, day: 26)))
            }
        case .csvImport: Self.imported(data, extension: "csv") { path in try CSVImporter.import(path, mapping: [:]) }
        }
    }

    /// A parsed date's canonical text must parse to the same canonical text and bounds, in order.
    static func edtf(_ text: String) {
        guard let date = try? EDTF(text) else { return }
        _ = (date.value, date.display, date.precisionName, date.isQualified, date.isExactDay)
        guard let again = try? EDTF(date.edtf) else { fatalError("'\(date.edtf)' (from '\(text)') does not parse") }
        check(
            again.edtf == date.edtf && again.precision == date.precision && again.earliest == date.earliest && again.latest == date.latest,
            "'\(text)' does not round-trip")
        if let earliest = date.earliest, let latest = date.latest {
            check(!(latest < earliest), "'\(text)' ends before it starts")
        }
    }

    static func dossier(_ data: Data, path: String) {
        guard let input = try? InputFile.decode(data, path: path, what: "dossier") else { return }
        accept { () throws(CursusError) in try DossierLoader.decode(input) }
    }

    static func streamed(_ data: Data, extension: String) {
        let path = scratchFile(data, extension: `extension`)
        accept { () throws(CursusError) in try DossierLoader.load(path) }
    }

    /// The built-in renderers check their options; there is no plug-in locator, so no manifest
    /// makes the fuzzer run a program.
    static let builtInRenderers = RendererRegistry(BuiltInRenderers.all)

    static func manifest(_ data: Data) {
        guard let input = try? InputFile.decode(data, path: "fuzz-manifest.yml", what: "manifest") else { return }
        do {
            _ = try Manifest.decode(input, registry: builtInRenderers)
        } catch {
            format(error.diagnostics)
        }
    }

    /// An import that succeeds gives a dossier that Cursus reads back unchanged, in YAML and JSON.
    static func imported(_ data: Data, extension: String, _ importer: (String) throws -> ImportResult) {
        let path = scratchFile(data, extension: `extension`)
        let result: ImportResult
        do {
            result = try importer(path)
        } catch let error as CursusError {
            return format(error.diagnostics)
        } catch {
            fatalError("an importer threw \(type(of: error)), which Cursus cannot report: \(error)")
        }
        format(result.warnings)
        roundTrip(result.dossier)
    }

    /// Loads a dossier; when it is valid, writing it and reading it back must give the same dossier.
    private static func accept(_ load: () throws(CursusError) -> DossierFile) {
        do {
            let file = try load()
            format(file.warnings)
            let dossier = try DossierValidator.merge([file])
            for table in DossierTable.allCases { table.forEachRow(of: dossier) { _ in } }
            roundTrip(dossier)
        } catch {
            format(error.diagnostics)
        }
    }

    private static func roundTrip(_ dossier: Dossier) {
        let encoded = DossierEncoding.encode(dossier)
        for format in DossierWriter.Format.allCases {
            let text = DossierWriter.write(dossier, as: format)
            do {
                // JSON Lines are read as a stream, from a file, as a dossier input would be.
                let file =
                    format == .jsonl
                    ? try DossierLoader.load(scratchFile(Data(text.utf8), extension: "jsonl"))
                    : try DossierLoader.decode(InputFile(path: "again.\(format.rawValue)", text: text))
                let again = try DossierValidator.merge([file])
                check(DossierEncoding.encode(again) == encoded, "the \(format.rawValue) written differs when read back:\n\(text)")
            } catch {
                fatalError(
                    "the \(format.rawValue) written does not read back:\n\(error.diagnostics.map(\.formatted).joined(separator: "\n"))\n---\n\(text)"
                )
            }
        }
    }

    private static func format(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { _ = diagnostic.formatted }
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }

    /// Writes the input where the streaming readers can open it: one file per target and process.
    private static func scratchFile(_ data: Data, extension: String) -> String {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(folder)/cursus-fuzz-\(getpid()).\(`extension`)"
        guard FileManager.default.createFile(atPath: path, contents: data) else { fatalError("cannot write \(path)") }
        return path
    }
}
