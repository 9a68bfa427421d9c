/// A renderer's options as one typed value, declared once: each `OptionSpec` gives an option's
/// name, type, help and the property it sets; the defaults are those of `init()`. The
/// descriptor (`cursus renderers NAME`, the manifest's checks) and the value a renderer works
/// with both come from that declaration.
public protocol RendererOptions: Sendable {
    init()
    static var specs: [OptionSpec<Self>] { get }
}

extension RendererOptions {
    /// The options as a descriptor lists them, defaults filled in from `init()`.
    public static var declared: [RendererOption] { specs.map(\.option) }

    /// The typed value of options the manifest has already checked against `declared`.
    public init(_ values: RenderOptions) {
        self.init()
        for spec in Self.specs {
            if let value = values.values[spec.option.name] { spec.assign(&self, value) }
        }
    }
}

/// One option of a `RendererOptions` type: how it is described and which property it sets.
public struct OptionSpec<Options: RendererOptions>: @unchecked Sendable {
    /// How the option is described.
    public let option: RendererOption
    /// Sets the property from a value the manifest checked (key paths are immutable: the
    /// unchecked Sendable).
    let assign: (inout Options, OptionValue) -> Void

    private init(_ option: RendererOption, assign: @escaping (inout Options, OptionValue) -> Void) {
        self.option = option
        self.assign = assign
    }

    private static var defaults: Options { Options() }

    /// A text, following `rule` when there is one; nil (not given) by default unless the property says otherwise.
    public static func string(_ name: String, _ path: WritableKeyPath<Options, String?>, rule: ValueRule? = nil, help: String) -> Self {
        Self(RendererOption(name, .string, default: defaults[keyPath: path].map(OptionValue.string), rule: rule, help: help)) {
            options, value in
            if case .string(let text) = value { options[keyPath: path] = text }
        }
    }

    /// A flag.
    public static func bool(_ name: String, _ path: WritableKeyPath<Options, Bool>, help: String) -> Self {
        Self(RendererOption(name, .bool, default: .bool(defaults[keyPath: path]), help: help)) { options, value in
            if case .bool(let flag) = value { options[keyPath: path] = flag }
        }
    }

    /// A whole number within `range`.
    public static func int(_ name: String, _ path: WritableKeyPath<Options, Int>, _ range: ClosedRange<Int>, help: String) -> Self {
        Self(RendererOption(name, .int(range), default: .int(defaults[keyPath: path]), help: help)) { options, value in
            if case .int(let number) = value { options[keyPath: path] = number }
        }
    }

    /// An int with no default: the renderer decides when it is not given.
    public static func int(_ name: String, _ path: WritableKeyPath<Options, Int?>, _ range: ClosedRange<Int>, help: String) -> Self {
        Self(RendererOption(name, .int(range), help: help)) { options, value in
            if case .int(let number) = value { options[keyPath: path] = number }
        }
    }

    /// One of the cases of `Choice`, by their raw words.
    public static func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, _ path: WritableKeyPath<Options, Choice>, help: String
    ) -> Self where Choice.RawValue == String {
        Self(RendererOption(name, .choice(Choice.allCases.map(\.rawValue)), default: .string(defaults[keyPath: path].rawValue), help: help))
        {
            options, value in
            if case .string(let word) = value, let choice = Choice(rawValue: word) { options[keyPath: path] = choice }
        }
    }

    /// A list of cases of `Choice`, in the order given.
    public static func choices<Choice: RawRepresentable & CaseIterable>(
        _ name: String, _ path: WritableKeyPath<Options, [Choice]>, help: String
    ) -> Self where Choice.RawValue == String {
        Self(
            RendererOption(
                name, .choices(Choice.allCases.map(\.rawValue)), default: .strings(defaults[keyPath: path].map(\.rawValue)), help: help)
        ) {
            options, value in
            if case .strings(let words) = value { options[keyPath: path] = words.compactMap(Choice.init(rawValue:)) }
        }
    }

    /// A list of texts; nil (not given) is not the same as an empty list.
    public static func strings(_ name: String, _ path: WritableKeyPath<Options, [String]?>, help: String) -> Self {
        Self(RendererOption(name, .strings, default: defaults[keyPath: path].map(OptionValue.strings), help: help)) { options, value in
            if case .strings(let items) = value { options[keyPath: path] = items }
        }
    }

    /// An EDTF date, checked at its place in the manifest.
    public static func date(_ name: String, _ path: WritableKeyPath<Options, EDTF?>, help: String) -> Self {
        Self(RendererOption(name, .date, help: help)) { options, value in
            if case .string(let text) = value { options[keyPath: path] = try? EDTF(text) }
        }
    }

    /// A mapping of words to texts, each following `rule`.
    public static func map(_ name: String, _ path: WritableKeyPath<Options, [String: String]>, rule: ValueRule?, help: String) -> Self {
        Self(RendererOption(name, .map, rule: rule, help: help)) { options, value in
            if case .map(let entries) = value { options[keyPath: path] = entries }
        }
    }

    /// One character that follows `rule`.
    public static func character(_ name: String, _ path: WritableKeyPath<Options, Character>, rule: ValueRule?, help: String) -> Self {
        Self(RendererOption(name, .character, default: .string(String(defaults[keyPath: path])), rule: rule, help: help)) {
            options, value in
            if case .string(let text) = value, let character = text.first { options[keyPath: path] = character }
        }
    }

    /// Another options type as one option (`chart:` of a page takes the chart's options), limited
    /// to the options named in `only` when given; what is not given keeps the inner type's default.
    public static func group<Inner: RendererOptions>(
        _ name: String, _ path: WritableKeyPath<Options, Inner>, only names: [String]? = nil, help: String
    ) -> Self {
        let inner = Inner.declared.filter { option in names.map { $0.contains(option.name) } ?? true }
        return Self(RendererOption(name, .group(OptionGroup(inner)), help: help)) { options, value in
            if case .options(let values) = value { options[keyPath: path] = Inner(RenderOptions(values)) }
        }
    }
}
