import CursusCore
import Foundation
import Stencil

/// A printable chronology (plain text or Markdown) rendered from a user-editable Stencil template.
public struct ChronologyRenderer: Renderer {
    /// The renderer; it holds nothing.
    public init() {}

    /// What the manifest may say about a chronology.
    public struct Options: RendererOptions {
        /// What a chronology can list.
        public enum Part: String, CaseIterable, Sendable {
            case tenures, milestones, events
        }

        /// The longest line, in characters (text output).
        public var width = 80
        /// A built-in template or a file beside the manifest; nil picks the built-in one for the format.
        public var template: String?
        /// What the chronology lists.
        public var include: [Part] = Part.allCases
        /// Lines per printed page; nil: one long page.
        public var pageLength: Int?

        /// The defaults, as the descriptor lists them.
        public init() {}

        /// Every option, declared once.
        public static let specs: [OptionSpec<Options>] = [
            .int("width", \.width, 40...1000, help: "Longest line, in characters (text output)"),
            .string(
                "template", \.template,
                help:
                    "A built-in template (chronology, chronology-md) or a .stencil file relative to the manifest; default chronology, or chronology-md for .md outputs"
            ),
            .choices("include", \.include, help: "Which entries the chronology lists"),
            .int(
                "page_length", \.pageLength, 10...1000,
                help: "Lines per printed page: pages are separated by form feeds and carry a running header with page numbers (text output)"
            ),
        ]
    }

    /// Writes plain text or Markdown, by the path's extension.
    public let descriptor = RendererDescriptor(
        name: "chronology",
        summary: "A printable chronology from a template: plain text (wrapped, paginated) or Markdown",
        fileExtensions: ["txt", "text", "md", "markdown"],
        extensionHint: ".md and .markdown give Markdown, the others plain text",
        options: Options.declared)

    /// Largest user template read.
    static let maximumTemplateSize = 1 << 20

    /// What a render needs from its options, checked: the format the path asks for, the lines'
    /// width and page length, the parts listed, and the template, found and parsed.
    struct Setup {
        var format: ChronologyFormat
        var width: Int
        var pageLength: Int?
        var parts: Chronology.Parts
        var template: TemplateSource
        var environment: Environment
    }

    func setUp(_ request: RenderRequest) throws(CursusError) -> Setup {
        let format: ChronologyFormat = [".md", ".markdown"].contains { request.outputName.lowercased().hasSuffix($0) } ? .markdown : .text
        let options = Options(request.options)
        let (width, pageLength) = (options.width, options.pageLength)
        if pageLength != nil && format == .markdown {
            throw CursusError(.data, Diagnostic(.error, "option 'page_length' paginates text output; a Markdown file has no pages"))
        }
        var parts: Chronology.Parts = []
        for part in options.include {
            switch part {
            case .tenures: parts.insert(.tenures)
            case .milestones: parts.insert(.milestones)
            case .events: parts.insert(.events)
            }
        }
        let template = try TemplateSource.resolve(
            options.template ?? (format == .markdown ? "chronology-md" : "chronology"), request: request)
        let environment = Environment(loader: template.loader, extensions: [Self.filters(width: width)], trimBehaviour: .smart)
        return Setup(format: format, width: width, pageLength: pageLength, parts: parts, template: template, environment: environment)
    }

    /// The options hold, and the template exists and parses (unknown tags and filters included).
    public func check(_ request: RenderRequest) throws(CursusError) {
        let setup = try setUp(request)
        try setup.catchingTemplateErrors {
            let template = try setup.environment.loadTemplate(name: setup.template.name)
            _ = try TokenParser(tokens: template.tokens, environment: setup.environment).parse()
        }
    }

    /// Renders the template over the chronology and writes it, wrapped (or paginated) for text.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let setup = try setUp(request)
        let (format, width, pageLength) = (setup.format, setup.width, setup.pageLength)
        let chronology = Chronology(request.dossier, parts: setup.parts, presentation: request.presentation)
        let context = ChronologyContext(chronology: chronology, request: request, width: width, format: format).values
        var writing = request.progress.task(request.outputName, total: nil, unit: "lines")
        defer { writing.finish() }
        let document = try setup.catchingTemplateErrors {
            try setup.environment.renderTemplate(name: setup.template.name, context: context)
        }
        let writer = try output.textWriter()
        if format == .markdown {
            writer.write(document)
            if !document.hasSuffix("\n") { writer.write("\n") }
        } else if let pageLength {
            let lines = TextWrapper.enforcedLines(document, width: width)
            writer.write(
                Paginator(title: context["title"] as? String ?? "", width: width, pageLength: pageLength, words: request.presentation.words)
                    .paginate(lines))
        } else {
            // Line by line into the file: a chronology of a million entries is never copied whole.
            TextWrapper.forEachEnforcedLine(document, width: width) { line in
                writing.advance()
                writer.write(line)
                writer.write("\n")
            }
        }
        try writer.close()
    }

    /// Filters templates may use: `pad:N` pads to N characters; `wrap:N` wraps to the width,
    /// indenting continuation lines by N (the first line follows a column N wide).
    static func filters(width: Int) -> Extension {
        let filters = Extension()
        filters.registerFilter("pad") { value, arguments in
            TextWrapper.pad(stringify(value), to: try integer(arguments, filter: "pad"))
        }
        filters.registerFilter("wrap") { value, arguments in
            let indent = arguments.isEmpty ? 0 : try integer(arguments, filter: "wrap")
            return TextWrapper.hanging(stringify(value), width: width, indent: min(indent, width / 2))
        }
        return filters
    }

    private static func stringify(_ value: Any?) -> String {
        value.map { "\($0)" } ?? ""
    }

    private static func integer(_ arguments: [Any?], filter: String) throws -> Int {
        guard arguments.count == 1, let argument = arguments[0] else {
            throw TemplateSyntaxError("'\(filter)' takes one number, e.g. \(filter):16")
        }
        if let number = argument as? Int { return max(0, min(number, 1000)) }
        if let number = Int("\(argument)") { return max(0, min(number, 1000)) }
        throw TemplateSyntaxError("'\(filter)' takes a number, found '\(argument)'")
    }
}

extension ChronologyRenderer.Setup {
    /// Runs `body`, turning Stencil's errors into diagnostics at their place in the template.
    func catchingTemplateErrors<T>(_ body: () throws -> T) throws(CursusError) -> T {
        do {
            return try body()
        } catch let error as TemplateSyntaxError {
            throw CursusError(.data, template.diagnostic(for: error))
        } catch let error as TemplateDoesNotExist {
            throw CursusError(.data, Diagnostic(.error, "a template includes one that does not exist: \(error.description)"))
        } catch let error as CursusError {
            throw error
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "the template '\(template.name)' failed: \(error)"))
        }
    }
}

/// Plain text or Markdown: decides how dossier text is escaped and whether lines are wrapped.
enum ChronologyFormat {
    case text, markdown

    /// Dossier text made safe for the output: control characters become spaces; in Markdown,
    /// characters with a meaning are backslash-escaped so that text shows as written.
    func escape(_ text: String) -> String {
        Escaping.escape(text, self == .markdown ? Self.markdownSpecials : [:], control: Escaping.space)
    }

    /// Characters that change the meaning of Markdown inline text, each with a backslash before it.
    private static let markdownSpecials: [Unicode.Scalar: String] = Dictionary(
        uniqueKeysWithValues: "\\`*_{}[]<>|~&".unicodeScalars.map { ($0, "\\" + String($0)) })

    /// A URL as the output shows it: as written in text; in Markdown, an `<autolink>` with the
    /// characters that would end or break it percent-encoded, when its scheme may be a link
    /// (`LinkSchemes`), else escaped text (`javascript:` never becomes a link).
    func link(_ url: String) -> String {
        if self == .markdown && !LinkSchemes.isLinkable(url) { return escape(url) }
        var cleaned = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "<": cleaned += "%3C"
            case ">": cleaned += "%3E"
            case " ": cleaned += "%20"
            default:
                if scalar.properties.generalCategory == .control { cleaned += "%20" } else { cleaned.unicodeScalars.append(scalar) }
            }
        }
        return self == .markdown ? "<\(cleaned)>" : cleaned
    }
}
