import CursusCore
import Foundation
import Stencil

/// Where a chronology template comes from: a built-in one, or a file in the manifest's folder.
/// Templates can include only built-in templates and files inside that folder.
struct TemplateSource {
    /// The name the environment loads the template by.
    let name: String
    let loader: ConfinedLoader

    /// Resolves the `template` option: a built-in name, or a path relative to the manifest.
    static func resolve(_ option: String, request: RenderRequest) throws(CursusError) -> TemplateSource {
        let loader = ConfinedLoader(root: request.baseDirectory, displayRoot: request.displayDirectory)
        if BuiltInTemplates.all[option] != nil {
            return TemplateSource(name: option, loader: loader)
        }
        guard loader.file(named: option) != nil else {
            let (_, path) = request.userPath(option)
            throw CursusError(
                .data,
                Diagnostic(
                    .error,
                    "template '\(option)' not found: it is not a built-in template (\(BuiltInTemplates.all.keys.sorted().joined(separator: ", "))) and there is no file \(path) inside the manifest's folder"
                ))
        }
        return TemplateSource(name: option, loader: loader)
    }

    /// A syntax error at its line and column in the template file that holds it.
    func diagnostic(for error: TemplateSyntaxError) -> Diagnostic {
        guard let token = error.token else { return Diagnostic(.error, "template error: \(error.reason)") }
        let name = token.sourceMap.filename ?? self.name
        let location = token.sourceMap.location
        let file = BuiltInTemplates.all[name] != nil ? "Templates/\(name).stencil" : loader.display(name)
        return Diagnostic(
            .error, "template error: \(error.reason)",
            at: SourceLocation(file: file, line: Int(location.lineNumber), column: location.lineOffset + 1),
            sourceLine: location.content)
    }
}

/// A Stencil loader that serves the built-in templates and files inside one folder, nothing else.
final class ConfinedLoader: Loader {
    let root: String
    let displayRoot: String

    init(root: String, displayRoot: String) {
        self.root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        self.displayRoot = displayRoot
    }

    func loadTemplate(name: String, environment: Environment) throws -> Template {
        if let text = BuiltInTemplates.all[name] {
            return environment.templateClass.init(templateString: text, environment: environment, name: name)
        }
        guard let path = file(named: name) else {
            throw TemplateDoesNotExist(templateNames: [name], loader: self)
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= ChronologyRenderer.maximumTemplateSize,
            let text = String(data: data, encoding: .utf8)
        else {
            throw TemplateSyntaxError("the template \(display(name)) is not UTF-8 text of at most 1 MiB")
        }
        return environment.templateClass.init(templateString: text, environment: environment, name: name)
    }

    /// The file `name` stands for, when it exists inside the root folder (links followed).
    func file(named name: String) -> String? {
        guard !name.hasPrefix("/") else { return nil }
        let path = URL(fileURLWithPath: root + "/" + name).resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard path.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else { return nil }
        return path
    }

    func display(_ name: String) -> String {
        displayRoot.isEmpty ? name : displayRoot + "/" + name
    }
}

extension ConfinedLoader: CustomStringConvertible {
    var description: String { "the built-in templates and the manifest's folder" }
}
