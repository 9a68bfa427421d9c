import Foundation

/// A value of a renderer option, as written in a manifest.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)
    case strings([String])
    case map([String: String])
    /// The options of a group (`chart:` in an html output), checked against the group's own.
    case options([String: OptionValue])

    /// The value as a manifest writes it.
    public var description: String {
        switch self {
        case .string(let text): return text
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .strings(let values): return "[" + values.joined(separator: ", ") + "]"
        case .map(let values): return "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .options(let values):
            return "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.description)" }.joined(separator: ", ") + "}"
        }
    }
}

extension OptionValue {
    /// The value as JSON/YAML writers take it (mappings with sorted keys).
    public var encoded: EncodedValue {
        switch self {
        case .string(let text): return .string(text)
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .strings(let values): return .list(values.map(EncodedValue.string))
        case .map(let values): return .map(values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        case .options(let values): return .map(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value.encoded) })
        }
    }
}

/// One option a renderer takes: its name, type, default and help.
public struct RendererOption: Sendable {
    /// The type of an option's value.
    public enum Kind: Sendable, Hashable {
        case string
        case bool
        case int(ClosedRange<Int>)
        /// One of a fixed set of words.
        case choice([String])
        case strings
        /// A list whose items are each one of a fixed set of words.
        case choices([String])
        /// A single character (CSV delimiter).
        case character
        /// A mapping of words to texts (category → colour).
        case map
        /// An EDTF date.
        case date
        /// A mapping of options of their own (the chart inside a page), each checked as it would be alone.
        case group(OptionGroup)

        /// The type as `cursus renderers NAME` shows it.
        public var name: String {
            switch self {
            case .string: return "string"
            case .bool: return "bool"
            case .int: return "int"
            case .choice(let values): return values.joined(separator: "|")
            case .strings: return "list"
            case .choices(let values): return "list of " + values.joined(separator: "|")
            case .character: return "character"
            case .map: return "mapping"
            case .date: return "EDTF date"
            case .group(let group): return "mapping of " + group.options.map(\.name).joined(separator: ", ")
            }
        }
    }

    /// The option's key in a manifest.
    public var name: String
    /// The type of its value.
    public var kind: Kind
    /// The value when the manifest gives none; nil: the renderer decides.
    public var defaultValue: OptionValue?
    /// What each text of the value (a string, a character, a mapping's values) must be, beyond its kind.
    public var rule: ValueRule?
    /// What it does, in a sentence.
    public var help: String

    /// An option with this name, type, default, rule and help.
    public init(_ name: String, _ kind: Kind, default defaultValue: OptionValue? = nil, rule: ValueRule? = nil, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.rule = rule
        self.help = help
    }
}

/// The options a `group` option takes; two groups are the same when they name the same options.
public struct OptionGroup: Sendable, Hashable {
    /// The options, in the order they are listed.
    public let options: [RendererOption]

    /// A group of these options.
    public init(_ options: [RendererOption]) {
        self.options = options
    }

    /// Same option names, in the same order.
    public static func == (left: Self, right: Self) -> Bool { left.options.map(\.name) == right.options.map(\.name) }
    /// Hashes the option names.
    public func hash(into hasher: inout Hasher) { hasher.combine(options.map(\.name)) }
}

/// A rule a text in an option's value must follow (a colour, a CSV delimiter), and how to say
/// what it must be.
public struct ValueRule: Sendable {
    /// "a colour: #RRGGBB or a colour name", for the message.
    public let expected: String
    /// True for a text that follows the rule.
    public let accepts: @Sendable (String) -> Bool

    /// A rule: what a text must be, and the test.
    public init(expected: String, accepts: @escaping @Sendable (String) -> Bool) {
        self.expected = expected
        self.accepts = accepts
    }
}

/// What a renderer is: name, one-line summary, the file extensions it writes and its options.
public struct RendererDescriptor: Sendable {
    /// The name a manifest's `renderer:` gives.
    public var name: String
    /// What it writes, in a line.
    public var summary: String
    /// The extensions an output path of this renderer may end in (lowercase, without the dot),
    /// the usual one first.
    public var fileExtensions: [String]
    /// Said when a path ends otherwise ("for an SVG, keep the .dot path and add formats: [svg]").
    public var extensionHint: String?
    /// Its options, in the order they are listed.
    public var options: [RendererOption]

    /// A descriptor with these parts.
    public init(name: String, summary: String, fileExtensions: [String], extensionHint: String? = nil, options: [RendererOption]) {
        self.name = name
        self.summary = summary
        self.fileExtensions = fileExtensions
        self.extensionHint = extensionHint
        self.options = options
    }

    /// The option named `name`.
    public func option(named name: String) -> RendererOption? { options.first { $0.name == name } }

    /// Why an output at `path` cannot be this renderer's (its extension is not one the renderer
    /// writes), or nil when it can.
    public func extensionProblem(_ path: String) -> String? {
        let found = (path as NSString).pathExtension.lowercased()
        guard !fileExtensions.contains(found) else { return nil }
        let expected = fileExtensions.map { "." + $0 }
        let writes = expected.count == 1 ? expected[0] : expected.dropLast().joined(separator: ", ") + " or " + expected.last!
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let ends = found.isEmpty ? "has no extension" : "ends in .\(found)"
        return "the path '\(path)' \(ends), but renderer '\(name)' writes \(writes) files; name it '\(stem).\(fileExtensions[0])'"
            + (extensionHint.map { " (\($0))" } ?? "")
    }
}

/// Checked option values with the descriptor's defaults filled in.
public struct RenderOptions: Sendable {
    /// The values by option name.
    public private(set) var values: [String: OptionValue]

    /// These values, as they are.
    public init(_ values: [String: OptionValue] = [:]) {
        self.values = values
    }

    /// The given values over the descriptor's defaults.
    public init(_ given: [String: OptionValue], defaults descriptor: RendererDescriptor) {
        var values: [String: OptionValue] = [:]
        for option in descriptor.options { values[option.name] = option.defaultValue }
        values.merge(given) { _, new in new }
        self.values = values
    }

    /// The number value of option `name`.
    public func int(_ name: String) -> Int? {
        if case .int(let value) = values[name] { return value }
        return nil
    }
}

/// Everything a renderer gets for one output.
public struct RenderRequest: Sendable {
    /// The dossier after the output's filter.
    public var dossier: Dossier
    /// The options, checked, with the defaults filled in.
    public var options: RenderOptions
    /// The day "present" stands for.
    public var asOf: CalendarDay
    /// The manifest's title.
    public var title: String?
    /// The manifest's folder, against which user paths in options resolve.
    public var baseDirectory: String
    /// The same folder as the user wrote it (relative to the working folder, or empty), for messages.
    public var displayDirectory: String
    /// Where long renders report how far they are.
    public var progress: ProgressLine
    /// The output's name, for the progress line.
    public var outputName: String
    /// The language and date style people read the output in.
    public var presentation: Presentation
    /// Tells the user something worth knowing about the output ("rows continue on 'Tenures (2)'"),
    /// printed as a note at the output's entry in the manifest.
    public var note: @Sendable (String) -> Void

    /// A request with these parts.
    public init(
        dossier: Dossier, options: RenderOptions, asOf: CalendarDay, title: String?, baseDirectory: String,
        displayDirectory: String = "", progress: ProgressLine = .silent, outputName: String = "",
        presentation: Presentation = .standard, note: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.presentation = presentation
        self.progress = progress
        self.outputName = outputName
        self.note = note
        self.dossier = dossier
        self.options = options
        self.asOf = asOf
        self.title = title
        self.baseDirectory = baseDirectory
        self.displayDirectory = displayDirectory
    }

    /// A path from an option, resolved against the manifest's folder, and as messages should name it.
    public func userPath(_ relative: String) -> (path: String, display: String) {
        if relative.hasPrefix("/") { return (relative, relative) }
        return (baseDirectory + "/" + relative, displayDirectory.isEmpty ? relative : displayDirectory + "/" + relative)
    }
}

/// A renderer turns a dossier into one file (and possibly companions, such as images of a chart).
public protocol Renderer: Sendable {
    var descriptor: RendererDescriptor { get }

    /// Checks, without rendering, whatever would make `render` fail that does not depend on the
    /// dossier's records: options that need parsing, files they name, programs they need.
    /// `cursus validate` runs it, and `render` runs it for every output before writing any.
    func check(_ request: RenderRequest) throws(CursusError)

    /// Writes the document to `output`; every problem is a `CursusError` saying what to do.
    func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError)
}

extension Renderer {
    /// Most renderers have nothing to check beyond their options' types, which the manifest checks.
    public func check(_ request: RenderRequest) throws(CursusError) {}
}

/// The renderers a command knows, in the order they are listed; assembled by the CLI.
public struct RendererRegistry: Sendable {
    /// Finds a renderer that is not built in (a plug-in) by name, from the manifest's folder;
    /// nil when there is none. Throws when one is found but cannot be used.
    public typealias Locator = @Sendable (_ name: String, _ directory: String) throws(CursusError) -> (any Renderer)?

    /// The built-in renderers, in the order they are listed.
    public let renderers: [any Renderer]
    let locator: Locator?
    /// Where the locator looks, for messages ("cursus-render-NAME on PATH (/usr/bin, /bin)").
    let lookedIn: @Sendable (_ name: String, _ directory: String) -> String

    /// A registry of these renderers, finding others through `locator`; `lookedIn` says where.
    public init(
        _ renderers: [any Renderer], locator: Locator? = nil,
        lookedIn: @escaping @Sendable (_ name: String, _ directory: String) -> String = { _, _ in "" }
    ) {
        self.renderers = renderers
        self.locator = locator
        self.lookedIn = lookedIn
    }

    /// The built-in renderers' names.
    public var names: [String] { renderers.map(\.descriptor.name) }

    /// A built-in renderer by name.
    public func renderer(named name: String) -> (any Renderer)? {
        renderers.first { $0.descriptor.name == name }
    }

    /// A built-in renderer, else a plug-in; the error says where Cursus looked.
    public func resolve(_ name: String, from directory: String) throws(CursusError) -> any Renderer {
        if let builtIn = renderer(named: name) { return builtIn }
        if let located = try locator?(name, directory) { return located }
        let places = lookedIn(name, directory)
        throw CursusError(
            .data,
            Diagnostic(
                .error,
                "unknown renderer '\(name)'\(Suggestion.didYouMean(name, in: names)); it is not built in (\(names.joined(separator: ", ")))\(places.isEmpty ? "" : " and there is no \(places)")"
            ))
    }
}
