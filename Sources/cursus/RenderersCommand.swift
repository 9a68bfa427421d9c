import ArgumentParser
import CursusBuiltIns
import CursusCore
import CursusRenderers
import Foundation

struct RenderersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renderers",
        abstract: "List the renderers, or show one renderer's options.")

    @Argument(help: "A renderer to describe.")
    var name: String?

    func run() throws {
        try Console.run {
            guard let name else {
                list()
                return
            }
            let renderer: any Renderer
            do throws(CursusError) {
                renderer = try BuiltInRenderers.registry.resolve(name, from: FileManager.default.currentDirectoryPath)
            } catch {
                // A name on the command line that finds no renderer is a usage error.
                throw error.kind == .data ? CursusError(.usage, error.diagnostics) : error
            }
            let descriptor = renderer.descriptor
            print("\(descriptor.name): \(descriptor.summary)")
            if let plugin = renderer as? ExternalRenderer { print("plug-in: \(plugin.executable)") }
            print("writes \(descriptor.fileExtensions.map { "." + $0 }.joined(separator: ", ")) files\n")
            print(descriptor.options.isEmpty ? "no options" : "options:")
            for option in descriptor.options {
                let defaultText = option.defaultValue.map { " (default: \($0))" } ?? ""
                print("  \(option.name) <\(option.kind.name)>\(defaultText)\n      \(option.help)")
                if case .group(let group) = option.kind {
                    for inner in group.options {
                        let innerDefault = inner.defaultValue.map { " (default: \($0))" } ?? ""
                        print("    \(option.name).\(inner.name) <\(inner.kind.name)>\(innerDefault)\n        \(inner.help)")
                    }
                }
            }
        }
    }

    /// Built-in renderers, then the plug-ins on PATH. Listing runs none of them: a plug-in runs
    /// only when a manifest names it, or when it is named here (`cursus renderers NAME`).
    private func list() {
        var rows = BuiltInRenderers.registry.renderers.map { ($0.descriptor.name, $0.descriptor.summary) }
        for (name, path) in ExternalRenderer.onPath() where BuiltInRenderers.registry.renderer(named: name) == nil {
            rows.append((name, "plug-in: \(path) (run 'cursus renderers \(name)' to ask it what it does)"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (name, summary) in rows {
            print(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + summary)
        }
    }
}
