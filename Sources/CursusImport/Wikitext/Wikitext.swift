import Foundation

/// A template call found in wikitext: `{{name|positional|key = value}}`.
struct WikiTemplate {
    struct Parameter {
        /// nil for a positional parameter.
        var key: String?
        var value: String
        /// 1-based line where the parameter starts.
        var line: Int
    }

    var name: String
    var parameters: [Parameter]
    var line: Int
    /// Where the call stands in the text it was found in, in Unicode scalars.
    var range: Range<Int>

    /// The value of a named parameter.
    func value(_ key: String) -> String? {
        parameters.first { $0.key?.lowercased() == key.lowercased() }?.value
    }

    var positional: [String] { parameters.filter { $0.key == nil }.map(\.value) }

    /// The template name normalised: lowercase, single spaces, no underscores.
    var normalizedName: String { Wikitext.normalize(name) }

    /// The same call with its lines `lines` further down (found in a value that starts there).
    func shifted(by lines: Int) -> WikiTemplate {
        var template = self
        template.line += lines
        for index in template.parameters.indices { template.parameters[index].line += lines }
        return template
    }
}

/// Reading wikitext: template calls with their parameters, and values cleaned to plain text.
enum Wikitext {
    struct Unclosed: Error {
        let line: Int
    }

    static func normalize(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// Top-level template calls in `text`, nested ones left inside their parameters.
    static func templates(in text: String) throws(Unclosed) -> [WikiTemplate] {
        let scalars = Array(text.unicodeScalars)
        var lineStarts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
        func line(at offset: Int) -> Int {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low + 1
        }
        var result: [WikiTemplate] = []
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "{", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            let start = index
            guard let end = closing(scalars, from: start) else { throw Unclosed(line: line(at: start)) }
            var template = parse(scalars, body: (start + 2)..<(end - 2), line: line)
            template.range = start..<end
            result.append(template)
            index = end
        }
        return result
    }

    /// The offset just after the `}}` that closes the `{{` at `start`, nesting counted.
    private static func closing(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "{" && scalars[index + 1] == "{" {
                depth += 1
                index += 2
            } else if scalars[index] == "}" && scalars[index + 1] == "}" {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func parse(_ scalars: [Unicode.Scalar], body: Range<Int>, line: (Int) -> Int) -> WikiTemplate {
        var pieces: [(text: String, offset: Int)] = []
        var current = ""
        var pieceStart = body.lowerBound
        var templates = 0
        var links = 0
        var index = body.lowerBound
        while index < body.upperBound {
            let scalar = scalars[index]
            let next = index + 1 < body.upperBound ? scalars[index + 1] : nil
            if scalar == "{" && next == "{" {
                templates += 1
                current += "{{"
                index += 2
                continue
            }
            if scalar == "}" && next == "}" {
                templates -= 1
                current += "}}"
                index += 2
                continue
            }
            if scalar == "[" && next == "[" {
                links += 1
                current += "[["
                index += 2
                continue
            }
            if scalar == "]" && next == "]" {
                links -= 1
                current += "]]"
                index += 2
                continue
            }
            if scalar == "|" && templates == 0 && links == 0 {
                pieces.append((current, pieceStart))
                current = ""
                pieceStart = index + 1
            } else {
                current.unicodeScalars.append(scalar)
            }
            index += 1
        }
        pieces.append((current, pieceStart))
        let name = pieces[0].text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parameters = pieces.dropFirst().map { piece -> WikiTemplate.Parameter in
            let leading = piece.text.prefix { $0.isWhitespace }
            let offset = piece.offset + leading.unicodeScalars.count
            if let equals = topLevelEquals(piece.text) {
                let key = String(piece.text[..<equals]).trimmingCharacters(in: .whitespacesAndNewlines)
                let value = String(piece.text[piece.text.index(after: equals)...]).trimmingCharacters(in: .whitespacesAndNewlines)
                return .init(key: key, value: value, line: line(offset))
            }
            return .init(key: nil, value: piece.text.trimmingCharacters(in: .whitespacesAndNewlines), line: line(offset))
        }
        return WikiTemplate(name: name, parameters: parameters, line: line(body.lowerBound - 2), range: body)
    }

    /// The first `=` outside nested templates and links: what separates a key from its value.
    private static func topLevelEquals(_ text: String) -> String.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("{{") || rest.hasPrefix("[[") {
                depth += 1
                index = text.index(index, offsetBy: 2)
                continue
            }
            if rest.hasPrefix("}}") || rest.hasPrefix("]]") {
                depth -= 1
                index = text.index(index, offsetBy: 2)
                continue
            }
            if text[index] == "=" && depth == 0 { return index }
            if text[index] == "<" { return nil }
            index = text.index(after: index)
        }
        return nil
    }
}
