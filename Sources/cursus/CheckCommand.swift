import ArgumentParser
import CursusBuiltIns
import CursusCheck
import CursusCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a dossier the way a fact-checker would: overlaps, gaps, mismatched successions, uncited facts …",
        discussion: """
            Runs every rule over the merged dossier of a manifest (or of dossiers given together) and prints \
            each finding as FILE:LINE:COL: SEVERITY: [rule] message. 'cursus validate' checks the schema; \
            'check' is where judgements live. Exit 65 when a finding is an error (or, with --strict, a warning).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A manifest or dossiers (default: cursus.yml).", completion: .file(extensions: ["yml", "yaml", "json", "jsonl"]))
    var files: [String] = []

    @Flag(help: "Fail (exit 65) on warnings too.")
    var strict = false

    @Option(help: "text, or json: one object per finding (rule, severity, file, line, column, message, records).")
    var format: Format = .text

    @Option(help: "For dossiers given without a manifest: the day 'present' means (YYYY-MM-DD; default today).")
    var asOf: String?

    @Flag(help: "List the rules with their severities and what they look for.")
    var rules = false

    func run() throws {
        try Console.run {
            if rules {
                for rule in Rules.all {
                    print("\(rule.ids.joined(separator: ", ")) (\(rule.severity.rawValue)): \(rule.explanation)")
                }
                return
            }
            let (dossier, day, overrides) = try load()
            var texts: [String: InputFile] = [:]
            let results = Rules.run(CheckContext(dossier: dossier, asOf: day), overrides: overrides) { location in
                guard let line = location.line else { return nil }
                if texts[location.file] == nil { texts[location.file] = try? InputFile.read(location.file, what: "dossier") }
                return texts[location.file]?.line(line)
            }
            switch format {
            case .text:
                for result in results { print(result.diagnostic.formatted) }
                let counts = Dictionary(grouping: results, by: \.diagnostic.severity).mapValues(\.count)
                FileHandle.standardError.write(
                    Data(
                        "\(Counting.phrase(results.count, "finding")): \(Counting.phrase(counts[.error] ?? 0, "error")), \(Counting.phrase(counts[.warning] ?? 0, "warning")), \(Counting.phrase(counts[.note] ?? 0, "note"))\n"
                            .utf8))
            case .json:
                for result in results {
                    let location = result.diagnostic.location
                    let object: EncodedValue = .map([
                        ("rule", .string(result.finding.rule)), ("severity", .string(result.diagnostic.severity.rawValue)),
                        ("file", location.map { .string($0.file) } ?? .null), ("line", location?.line.map { .int($0) } ?? .null),
                        ("column", location?.column.map { .int($0) } ?? .null), ("message", .string(result.finding.message)),
                        ("records", .list(result.finding.records.map(EncodedValue.string))),
                    ])
                    print(DossierWriter.json(object, pretty: false))
                }
            }
            let failing = results.contains { $0.diagnostic.severity == .error || (strict && $0.diagnostic.severity == .warning) }
            if failing { throw ExitCode(65) }
        }
    }

    /// The dossier to check, the day "present" means, and the manifest's severities.
    private func load() throws(CursusError) -> (Dossier, CalendarDay, [String: Diagnostic.Severity?]) {
        let paths = files.isEmpty ? ["cursus.yml"] : files
        if paths.count == 1, !DossierLoader.isStreamed(paths[0]) {
            let input = try InputFile.read(
                paths[0], what: "dossier or manifest", whenMissing: files.isEmpty ? Manifest.startHint : "check the path")
            if Manifest.isManifest(input) {
                let manifest = try Manifest.decode(input, registry: BuiltInRenderers.registry)
                let unknown = manifest.checks.keys.sorted().filter { !Rules.ids.contains($0) }
                if !unknown.isEmpty {
                    throw CursusError(
                        .data,
                        unknown.map { rule in
                            let location = manifest.checkLocations[rule]
                            return Diagnostic(
                                .error, "'\(rule)' is not a rule of cursus check\(Suggestion.didYouMean(rule, in: Rules.ids))",
                                at: location, sourceLine: location?.line.flatMap(input.line))
                        })
                }
                let day = manifest.asOf ?? .today()
                let (dossier, warnings) = try ManifestRenderer(manifest: manifest).prepare(manifest.outputs, asOf: day)
                Console.report(warnings)
                return (dossier, day, manifest.checks)
            }
        }
        var bag = DiagnosticBag()
        var dossiers: [DossierFile] = []
        for path in paths {
            if let file = bag.collect({ () throws(CursusError) in try DossierLoader.read(path) }) {
                dossiers.append(file)
                bag.append(contentsOf: file.diagnostics)
            }
        }
        let dossier = bag.collect { () throws(CursusError) in try DossierValidator.merge(dossiers) }
        try bag.throwIfErrors(.data)
        Console.report(bag.diagnostics)
        var day = CalendarDay.today()
        if let asOf {
            guard let parsed = CalendarDay(iso: asOf) else {
                throw CursusError(.usage, Diagnostic(.error, "--as-of takes a day as YYYY-MM-DD, not '\(asOf)'"))
            }
            day = parsed
        }
        return (dossier!, day, [:])
    }
}
