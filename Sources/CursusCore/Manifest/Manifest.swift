import Foundation
import Yams

/// One file a manifest asks for: which renderer, where, with which options and filter.
public struct OutputSpec: Sendable {
    /// The renderer's name, as the manifest gives it.
    public var renderer: String
    /// The renderer itself: built in, or a plug-in found for that name.
    public var implementation: any Renderer
    /// As written in the manifest, relative to `output_dir`.
    public var path: String
    /// The options, checked, defaults filled in.
    public var options: RenderOptions
    /// What of the dossier the output shows.
    public var filter: DossierFilter
    /// Where the output's entry stands in the manifest.
    public var location: SourceLocation
    /// The manifest's line with the output's entry, for messages.
    public var sourceLine: String?
    /// The language people read it in (BCP 47), and where that is said; the manifest's when the output names none.
    public var locale: Setting<String>?
    /// How its dates are written for people; the manifest's when the output names none.
    public var dateStyle: DateStyle?
}

/// A value from a manifest and where it is written, for messages about it.
public struct Setting<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where the manifest says it.
    public var location: SourceLocation
}

/// A `cursus.yml`: which renderers run over which dossiers and where their files go.
public struct Manifest: Sendable {
    /// The manifest format versions this build reads.
    public static let supportedVersions = [1]
    static let keys: AllowedKeys = [
        "$schema", "cursus", "title", "inputs", "as_of", "output_dir", "outputs", "checks", "locale", "date_style",
    ]
    static let outputKeys: AllowedKeys = ["renderer", "path", "options", "filter", "locale", "date_style"]
    static let filterKeys: AllowedKeys = ["people", "categories", "from", "to"]

    /// The manifest's path, as given.
    public var path: String
    /// The manifest's folder; every relative path resolves against it.
    public var directory: String
    /// The manifest's folder as the user wrote it (empty for the working folder), for messages.
    public var displayDirectory: String
    /// The title outputs show.
    public var title: String?
    /// Input paths joined to the manifest's folder as written, with where each is named.
    public var inputs: [(path: String, location: SourceLocation)]
    /// The day "present" stands for; nil when the manifest gives none.
    public var asOf: CalendarDay?
    /// Absolute (or manifest-relative resolved) output folder.
    public var outputDirectory: String
    /// The outputs, in the order listed.
    public var outputs: [OutputSpec]
    /// `cursus check`'s severities by rule id (nil: the rule is off), as `checks:` sets them.
    public var checks: [String: Diagnostic.Severity?] = [:]
    /// Where each rule of `checks` is named, for messages about unknown rules.
    public var checkLocations: [String: SourceLocation] = [:]

    /// What to do without a manifest.
    public static let startHint =
        "check the path, or start one here with 'cursus init' (it writes cursus.yml and a starter dossier)"

    /// Reads and checks a manifest, including every renderer name and option against `registry`.
    public static func load(_ path: String, registry: RendererRegistry) throws(CursusError) -> Manifest {
        let file = try InputFile.read(path, what: "manifest", whenMissing: startHint)
        return try decode(file, registry: registry)
    }

    /// Reads and checks an already-read manifest.
    public static func decode(_ file: InputFile, registry: RendererRegistry) throws(CursusError) -> Manifest {
        let tree = try YAMLTree(file)
        let problems = ReadProblems()
        let manifest = read(tree.root, file: file, registry: registry, problems: problems)
        try problems.bag.throwIfErrors()
        return manifest!
    }

    private static func read(_ root: Node, file: InputFile, registry: RendererRegistry, problems: ReadProblems) -> Manifest? {
        guard let top = MappingReader(root, what: "manifest", file: file, problems: problems) else { return nil }
        top.checkKeys(keys)
        if !top.has("cursus") {
            problems.bag.append(
                file.diagnostic(at: root, "a manifest starts with 'cursus: 1' (the format version); add it as the first line"))
        } else if let version = top.int("cursus"), !supportedVersions.contains(version) {
            top.report("cursus", "unsupported manifest format version \(version); this Cursus reads version 1")
        }
        let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent().standardizedFileURL.path
        // Inputs keep the form the user wrote (relative to the working folder when the manifest's
        // path was), so that diagnostics name them as the user would.
        let writtenDirectory = (file.path as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String {
            if relative.hasPrefix("/") { return relative }
            return writtenDirectory.isEmpty ? relative : writtenDirectory + "/" + relative
        }

        let inputNodes = top.sequence("inputs")
        top.requireNonEmptyList("inputs", "a manifest needs 'inputs': a list of dossier files")
        var inputs: [(String, SourceLocation)] = []
        for node in inputNodes {
            guard case .scalar(let scalar) = node, !node.isNull else {
                problems.bag.append(file.diagnostic(at: node, "'inputs' lists file paths, found \(node.kindDescription)"))
                continue
            }
            inputs.append((resolve(scalar.string), file.location(of: node)))
        }

        var asOf: CalendarDay?
        if let text = top.string("as_of") {
            asOf = CalendarDay(iso: text)
            if asOf == nil { top.report("as_of", "'as_of' must be a calendar day written YYYY-MM-DD, found '\(text)'") }
        }

        let outputNodes = top.sequence("outputs")
        top.requireNonEmptyList("outputs", "a manifest needs 'outputs': a list of {renderer, path} entries; nothing would be rendered")
        let language = readLanguage(top)
        let outputs = outputNodes.compactMap { node in
            readOutput(node, file: file, directory: directory, registry: registry, problems: problems).map { output in
                var output = output
                output.locale = output.locale ?? language.locale
                output.dateStyle = output.dateStyle ?? language.dateStyle
                return output
            }
        }
        var manifest = Manifest(
            path: file.path, directory: directory, displayDirectory: writtenDirectory, title: top.string("title"), inputs: inputs,
            asOf: asOf,
            outputDirectory: URL(fileURLWithPath: resolve(top.string("output_dir") ?? "out")).standardizedFileURL.path,
            outputs: outputs)
        if let checks = top.mapping("checks", what: "checks mapping") {
            for rule in checks.keys {
                guard let text = checks.string(rule) else { continue }
                let severities: [String: Diagnostic.Severity?] = [
                    "error": .error, "warning": .warning, "note": .note, "off": Diagnostic.Severity?.none,
                ]
                guard let severity = severities[text] else {
                    checks.report(rule, "'\(text)' is not a severity for '\(rule)'; write error, warning, note or off")
                    continue
                }
                manifest.checks[rule] = severity
                manifest.checkLocations[rule] = checks.location(of: rule)
            }
        }
        return manifest
    }

    private static func readOutput(
        _ node: Node, file: InputFile, directory: String, registry: RendererRegistry, problems: ReadProblems
    ) -> OutputSpec? {
        guard let entry = MappingReader(node, what: "output", file: file, problems: problems) else { return nil }
        entry.checkKeys(outputKeys)
        let rendererName = entry.string("renderer", required: true)
        let path = entry.string("path", required: true)
        var renderer: (any Renderer)?
        if let rendererName {
            do {
                renderer = try registry.resolve(rendererName, from: directory)
            } catch {
                for diagnostic in error.diagnostics { entry.report("renderer", diagnostic.message) }
            }
        }
        var given: [String: OptionValue] = [:]
        if let options = entry.mapping("options", what: "options mapping"), let renderer {
            given = readOptions(options, declared: renderer.descriptor.options, owner: "renderer '\(renderer.descriptor.name)'")
        }
        let filter = entry.mapping("filter", what: "filter").map { reader in
            reader.checkKeys(filterKeys)
            return DossierFilter(
                people: reader.has("people") ? reader.strings("people") : nil,
                categories: reader.has("categories") ? reader.strings("categories") : nil,
                from: reader.date("from"), to: reader.date("to"))
        }
        let language = readLanguage(entry)
        guard let renderer, let path else { return nil }
        if let problem = renderer.descriptor.extensionProblem(path) { entry.report("path", problem) }
        let location = file.location(of: node)
        return OutputSpec(
            renderer: rendererName ?? renderer.descriptor.name, implementation: renderer, path: path,
            options: RenderOptions(given, defaults: renderer.descriptor), filter: filter ?? DossierFilter(),
            location: location, sourceLine: location.line.flatMap(file.line), locale: language.locale, dateStyle: language.dateStyle)
    }

    /// `locale` (a BCP 47 tag) and `date_style` (one of the styles), checked where they are written.
    private static func readLanguage(_ reader: MappingReader) -> (locale: Setting<String>?, dateStyle: DateStyle?) {
        var locale: Setting<String>?
        if let tag = reader.string("locale") {
            if LanguageTag.isValid(tag) {
                locale = Setting(value: tag, location: reader.location(of: "locale"))
            } else {
                reader.report("locale", "'\(tag)' is not a BCP 47 language tag; write one such as en, de, en-US or pt-BR")
            }
        }
        var dateStyle: DateStyle?
        if let text = reader.string("date_style") {
            dateStyle = DateStyle(rawValue: text)
            if dateStyle == nil {
                let styles = DateStyle.allCases.map(\.rawValue)
                reader.report(
                    "date_style",
                    "'date_style' must be one of \(styles.joined(separator: ", ")), found '\(text)'\(Suggestion.didYouMean(text, in: styles))"
                )
            }
        }
        return (locale, dateStyle)
    }

    /// Checks each option against those `declared` (a renderer's, or a group's, whose `owner`
    /// messages name): known name, right type, allowed value.
    private static func readOptions(_ options: MappingReader, declared: [RendererOption], owner: String) -> [String: OptionValue] {
        let names = declared.map(\.name)
        var values: [String: OptionValue] = [:]
        for key in options.keys {
            guard let option = declared.first(where: { $0.name == key }) else {
                options.report(
                    key,
                    "unknown option '\(key)' for \(owner)\(Suggestion.didYouMean(key, in: names)); its options: \(names.joined(separator: ", "))"
                )
                continue
            }
            guard options.has(key) else { continue }
            switch option.kind {
            case .string:
                if let text = options.string(key), follows(option.rule, text, key: key, in: options) { values[key] = .string(text) }
            case .bool:
                if let value = options.bool(key) { values[key] = .bool(value) }
            case .int(let range):
                if let value = options.int(key) {
                    if range.contains(value) {
                        values[key] = .int(value)
                    } else {
                        options.report(key, "option '\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
                    }
                }
            case .character:
                if let text = options.string(key) {
                    if text.count != 1 {
                        options.report(key, "option '\(key)' must be a single character, found '\(text)'")
                    } else if follows(option.rule, text, key: key, in: options) {
                        values[key] = .string(text)
                    }
                }
            case .date:
                // Checked here, at the option's own place: a bad date never reaches a renderer.
                if options.date(key) != nil, let text = options.string(key) { values[key] = .string(text) }
            case .choice(let allowed):
                if let text = options.string(key) {
                    if allowed.contains(text) {
                        values[key] = .string(text)
                    } else {
                        options.report(
                            key,
                            "option '\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(text)'\(Suggestion.didYouMean(text, in: allowed))"
                        )
                    }
                }
            case .strings:
                values[key] = .strings(options.strings(key))
            case .map:
                if let mapping = options.mapping(key, what: "'\(key)' mapping") {
                    var entries: [String: String] = [:]
                    for entry in mapping.keys {
                        guard let text = mapping.string(entry), follows(option.rule, text, key: entry, in: mapping) else { continue }
                        entries[entry] = text
                    }
                    values[key] = .map(entries)
                }
            case .choices(let allowed):
                let items = options.strings(key)
                for item in items where !allowed.contains(item) {
                    options.report(
                        key,
                        "option '\(key)' takes items from \(allowed.joined(separator: ", ")), found '\(item)'\(Suggestion.didYouMean(item, in: allowed))"
                    )
                }
                values[key] = .strings(items)
            case .group(let group):
                if let mapping = options.mapping(key, what: "'\(key)' mapping") {
                    values[key] = .options(readOptions(mapping, declared: group.options, owner: "'\(key)' of \(owner)"))
                }
            }
        }
        return values
    }

    /// True when `text`, the value of `key`, follows `rule` (or there is none); else reported there.
    private static func follows(_ rule: ValueRule?, _ text: String, key: String, in reader: MappingReader) -> Bool {
        guard let rule, !rule.accepts(text) else { return true }
        reader.report(key, "'\(text)' for '\(key)' is not \(rule.expected)")
        return false
    }
}

extension Manifest {
    /// True when the file reads as a manifest (it names `inputs` or `outputs`) rather than a dossier.
    public static func isManifest(_ file: InputFile) -> Bool {
        guard let tree = try? YAMLTree(file), case .mapping(let mapping) = tree.root else { return false }
        return mapping.keys.contains { $0.string == "outputs" || $0.string == "inputs" }
    }
}
