import Yams

/// A YAML or JSON document composed into nodes that remember where they stand.
struct YAMLTree {
    let file: InputFile
    let root: Node

    /// Composes `file`; syntax errors and alias bombs become diagnostics at their line.
    init(_ file: InputFile) throws(CursusError) {
        self.file = file
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: file.text)
        } catch let error as YamlError {
            throw CursusError(.data, Self.diagnostic(for: error, in: file))
        } catch {
            throw CursusError(.data, file.diagnostic("cannot be read as YAML: \(error)", line: nil, column: nil))
        }
        guard let composed else {
            throw CursusError(.data, file.diagnostic("is empty; it starts with 'cursus: 1'", line: nil, column: nil))
        }
        root = composed
        // Aliases share nodes, so a small file can stand for billions of them ("billion laughs").
        // A real document has fewer nodes than bytes; refuse any that expands past that.
        let budget = max(10_000, file.text.utf8.count)
        var count = 0
        guard Self.countNodes(root, count: &count, budget: budget) else {
            throw CursusError(
                .data,
                file.diagnostic(
                    "YAML aliases expand this document to more than \(budget) nodes; refusing to expand it (write the values out, or use fewer nested aliases)",
                    line: nil, column: nil))
        }
    }

    private static func countNodes(_ node: Node, count: inout Int, budget: Int) -> Bool {
        count += 1
        if count > budget { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard countNodes(key, count: &count, budget: budget), countNodes(value, count: &count, budget: budget)
                else { return false }
            }
        case .sequence(let sequence):
            for item in sequence where !countNodes(item, count: &count, budget: budget) { return false }
        default:
            break
        }
        return true
    }

    private static func diagnostic(for error: YamlError, in file: InputFile) -> Diagnostic {
        let syntax = file.path.lowercased().hasSuffix(".json") ? "JSON" : "YAML"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return file.diagnostic(
                    "nesting deeper than 1000 levels; refusing to read it (no dossier needs that many)",
                    line: mark.line, column: mark.column)
            }
            var message = "\(syntax) syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return file.diagnostic(message, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return file.diagnostic(
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return file.diagnostic("cannot be read as \(syntax): \(problem)", line: nil, column: nil)
        default:
            return file.diagnostic("cannot be read as \(syntax): \(error)", line: nil, column: nil)
        }
    }
}
