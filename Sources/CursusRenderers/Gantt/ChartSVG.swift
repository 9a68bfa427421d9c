import CursusCore
import Foundation

/// Finishes an SVG that Graphviz drew from a chart: Graphviz gives every node and the graph a
/// `<title>` holding its internal name ("n54"), which browsers show as a tooltip. Marks with a
/// tooltip get it as their `<title>`; every other title goes. The root element is labelled as
/// an image with the chart's title, for screen readers.
enum ChartSVG {
    static func tidy(at path: String, label: String?) throws(CursusError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CursusError(.failure, Diagnostic(.error, "cannot read the SVG Graphviz drew", at: SourceLocation(file: path)))
        }
        let tidied = tidy(text, label: label)
        do {
            try Data(tidied.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CursusError(
                .failure, Diagnostic(.error, "cannot finish the SVG: \(error.localizedDescription)", at: SourceLocation(file: path)))
        }
    }

    static func tidy(_ svg: String, label: String?) -> String {
        let lines = svg.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Substring] = []
        result.reserveCapacity(lines.count)
        var labelled = false
        for (index, line) in lines.enumerated() {
            if !labelled, line.hasPrefix("<svg ") {
                labelled = true
                let name = label.map { " aria-label=\"\(Escaping.xml($0))\"" } ?? ""
                result.append("<svg role=\"img\"\(name) " + line.dropFirst("<svg ".count))
            } else if line.hasPrefix("<title>"), line.hasSuffix("</title>") {
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                if let tooltip = tooltip(in: next) { result.append("<title>\(tooltip)</title>") }
            } else {
                result.append(line)
            }
        }
        return result.joined(separator: "\n")
    }

    /// The (already escaped) tooltip of the link Graphviz opens a mark with, if the line is one.
    private static func tooltip(in line: Substring) -> Substring? {
        guard line.hasPrefix("<g id=\"a_"), let start = line.range(of: "xlink:title=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return rest[..<end]
    }
}
