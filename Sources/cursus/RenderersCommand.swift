import ArgumentParser
import CursusCore

struct RenderersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renderers",
        abstract: "List the renderers, or show one renderer's options.")

    @Argument(help: "A renderer to describe.")
    var name: String?

    func run() throws {
        try Console.run {
            guard let name else {
                let width = builtInRenderers.names.map(\.count).max() ?? 0
                for renderer in builtInRenderers.renderers {
                    let descriptor = renderer.descriptor
                    print(descriptor.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + descriptor.summary)
                }
                return
            }
            guard let renderer = builtInRenderers.renderer(named: name) else {
                Console.error("error: unknown renderer '\(name)'\(Suggestion.didYouMean(name, in: builtInRenderers.names)); known renderers: \(builtInRenderers.names.joined(separator: ", "))")
                throw ExitCode.validationFailure
            }
            let descriptor = renderer.descriptor
            print("\(descriptor.name): \(descriptor.summary)")
            print("writes .\(descriptor.fileExtension) files\n\noptions:")
            for option in descriptor.options {
                let defaultText = option.defaultValue.map { " (default: \($0))" } ?? ""
                print("  \(option.name) <\(option.kind.name)>\(defaultText)\n      \(option.help)")
            }
        }
    }
}
