import CursusCore
import Foundation

/// A renderer that is a program (`cursus-render-NAME`), speaking protocol 1: `--describe` prints
/// its descriptor as JSON; to render, it reads one JSON request on standard input and writes the
/// document to standard output. It runs directly, never through a shell.
public struct ExternalRenderer: Renderer {
    /// The version of the protocol Cursus speaks with plug-ins.
    public static let protocolVersion = 1
    /// What a plug-in's program name starts with: `cursus-render-NAME`.
    public static let prefix = "cursus-render-"
    static let describeTimeout = 10.0

    /// The plug-in's program, run directly (never through a shell).
    public let executable: String
    /// What the plug-in said of itself (`--describe`), with Cursus's own `timeout` option.
    public let descriptor: RendererDescriptor

    /// Cursus's own option for every plug-in: how long it may run.
    static let timeoutOption = RendererOption(
        "timeout", .int(1...86_400), default: .int(60), help: "Seconds before Cursus stops the plug-in")

    /// Finds the plug-in for `name`: a path (it contains `/`, relative to `directory`), or
    /// `cursus-render-NAME` on PATH; nil when there is none.
    public static func locate(_ name: String, from directory: String) throws(CursusError) -> ExternalRenderer? {
        let path: String?
        if name.contains("/") {
            let candidate = name.hasPrefix("/") ? name : directory + "/" + name
            path = FileManager.default.isExecutableFile(atPath: candidate) ? URL(fileURLWithPath: candidate).standardizedFileURL.path : nil
        } else {
            path = ProgramRunner.onPath(prefix + name)
        }
        return try path.map { path throws(CursusError) in try describe(path, name: name) }
    }

    /// Where `locate` looks for `name`, for the message when it finds nothing.
    public static func places(_ name: String, from directory: String) -> String {
        if name.contains("/") {
            return "executable file at "
                + URL(fileURLWithPath: name.hasPrefix("/") ? name : directory + "/" + name).standardizedFileURL.path
        }
        return "program \(prefix)\(name) on PATH (\(ProgramRunner.searchPath().joined(separator: ":")))"
    }

    /// Every plug-in on PATH, by name (the first of each name wins, as PATH does).
    public static func onPath() -> [(name: String, path: String)] {
        var found: [(String, String)] = []
        for folder in ProgramRunner.searchPath() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in names.sorted() where file.hasPrefix(prefix) && file.count > prefix.count {
                let name = String(file.dropFirst(prefix.count))
                let path = folder + "/" + file
                if FileManager.default.isExecutableFile(atPath: path), !found.contains(where: { $0.0 == name }) {
                    found.append((name, path))
                }
            }
        }
        return found
    }

    /// Runs `path --describe` and checks what it prints.
    static func describe(_ path: String, name: String) throws(CursusError) -> ExternalRenderer {
        let output = NSTemporaryDirectory() + "cursus-describe-\(getpid())-\(UUID().uuidString)"
        let outcome: ProgramRunner.Outcome
        let data: Data
        do {
            (outcome, data) = try InterruptCleanup.shared.withScratchFile(output) { () throws -> (ProgramRunner.Outcome, Data) in
                let outcome = try ProgramRunner.run(path, arguments: ["--describe"], output: output, timeout: describeTimeout)
                return (outcome, FileManager.default.contents(atPath: output) ?? Data())
            }
        } catch let error as CursusError {
            throw error
        } catch {
            throw CursusError(.failure, Diagnostic(.error, "cannot run the plug-in \(path): \(error)"))
        }
        func broken(_ reason: String) -> CursusError {
            CursusError(
                .failure,
                Diagnostic(
                    .error,
                    "the plug-in \(path) \(reason); a plug-in prints {\"name\", \"summary\", \"extension\", \"options\": [{\"name\", \"type\", \"default\", \"help\"}]} for --describe (see the README, \"Plug-in protocol\")"
                ))
        }
        if outcome.timedOut { throw broken("did not answer --describe within \(Int(describeTimeout)) seconds") }
        if outcome.status != 0 {
            throw broken(
                "failed on --describe (exit \(outcome.status))\(outcome.standardError.isEmpty ? "" : ": \(outcome.standardError)")")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            let shown = String(decoding: data.prefix(60), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            throw broken("printed something that is not a JSON object for --describe ('\(shown)')")
        }
        do {
            let descriptor = try PluginDescriptor.read(object, name: name)
            return ExternalRenderer(executable: path, descriptor: descriptor)
        } catch {
            throw broken("printed a descriptor Cursus cannot use: \(error.reason)")
        }
    }

    /// Runs the plug-in with the request on standard input; its standard output is the document.
    public func render(_ request: RenderRequest, to output: OutputFile) throws(CursusError) {
        let requestPath = output.temporaryPath + ".request"
        let options = request.options.values.filter { $0.key != "timeout" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value.encoded) }
        let message = EncodedValue.map([
            ("protocol", .int(Self.protocolVersion)), ("options", .map(options)), ("as_of", .string(request.asOf.iso)),
            ("title", request.title.map(EncodedValue.string) ?? .null), ("dossier", DossierEncoding.encode(request.dossier)),
        ])
        let timeout = request.options.int("timeout") ?? 60
        let body = Data(DossierWriter.json(message, pretty: false).utf8)
        let outcome: ProgramRunner.Outcome = try CursusError.converting("running the plug-in \(executable)") {
            try InterruptCleanup.shared.withScratchFile(requestPath, contents: body) {
                try ProgramRunner.run(executable, arguments: [], input: requestPath, output: output.temporaryPath, timeout: Double(timeout))
            }
        }
        if outcome.timedOut {
            throw CursusError(
                .failure,
                Diagnostic(
                    .error,
                    "the plug-in \(executable) ran past its timeout of \(timeout) s and was stopped; raise the option 'timeout' if it needs longer"
                ))
        }
        guard outcome.status == 0 else {
            let said = outcome.standardError.isEmpty ? "" : ":\n\(outcome.standardError)"
            throw CursusError(.failure, Diagnostic(.error, "the plug-in \(executable) failed (exit \(outcome.status))\(said)"))
        }
    }
}

/// Reads a plug-in's descriptor, checking every field.
enum PluginDescriptor {
    struct Invalid: Error {
        let reason: String
    }

    static let kinds: [String: RendererOption.Kind] = [
        "string": .string, "bool": .bool, "int": .int(Int.min...Int.max), "list": .strings, "mapping": .map,
    ]

    static func read(_ object: [String: Any], name: String) throws(Invalid) -> RendererDescriptor {
        func text(_ key: String, in object: [String: Any], of what: String) throws(Invalid) -> String {
            guard let value = object[key] as? String, !value.isEmpty else { throw Invalid(reason: "\(what) has no text '\(key)'") }
            return value
        }
        let summary = try text("summary", in: object, of: "the descriptor")
        let fileExtension = try text("extension", in: object, of: "the descriptor")
        guard let list = object["options"] as? [[String: Any]] ?? (object["options"] == nil ? [] : nil) else {
            throw Invalid(reason: "'options' is not a list of objects")
        }
        var options: [RendererOption] = []
        for entry in list {
            let optionName = try text("name", in: entry, of: "an option")
            let type = try text("type", in: entry, of: "option '\(optionName)'")
            guard let kind = kinds[type] else {
                throw Invalid(reason: "option '\(optionName)' has type '\(type)'; types are \(kinds.keys.sorted().joined(separator: ", "))")
            }
            var defaultValue: OptionValue?
            if let value = entry["default"], !(value is NSNull) {
                guard let converted = convert(value, to: kind) else {
                    throw Invalid(reason: "option '\(optionName)' has a default that is not of type '\(type)'")
                }
                defaultValue = converted
            }
            options.append(RendererOption(optionName, kind, default: defaultValue, help: entry["help"] as? String ?? ""))
        }
        options.removeAll { $0.name == ExternalRenderer.timeoutOption.name }
        return RendererDescriptor(
            name: name, summary: summary, fileExtensions: [String(fileExtension.lowercased().drop { $0 == "." })],
            options: options + [ExternalRenderer.timeoutOption])
    }

    private static func convert(_ value: Any, to kind: RendererOption.Kind) -> OptionValue? {
        switch kind {
        case .string: return (value as? String).map(OptionValue.string)
        case .bool: return (value as? Bool).map(OptionValue.bool)
        case .int: return (value as? Int).map(OptionValue.int)
        case .strings: return (value as? [String]).map(OptionValue.strings)
        case .map: return (value as? [String: String]).map(OptionValue.map)
        default: return nil
        }
    }
}
