import CLibXML2
import CursusCore
import Foundation

/// The article in a saved web page, read with libxml2's HTML parser (which copes with the tag
/// soup of real pages): its body's headings and paragraphs with their lines, and what the page's
/// metadata says of it. Navigation, scripts, styles, forms and asides are left out.
enum HTMLArticle {
    /// Elements whose text is never part of the article.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe", "svg", "template",
        "select", "figure", "menu", "dialog", "object", "canvas",
    ]
    /// Elements that hold a block of text of their own.
    static let blockElements: Set<String> = ["p", "li", "blockquote", "dd", "dt", "td", "th", "pre", "caption"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The article in `file`, or an error when the page has no body text.
    static func read(_ file: InputFile) throws(CursusError) -> ArticleDocument {
        let bytes = Array(file.text.utf8)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard
            let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), file.path, "UTF-8", options)
                }
            })
        else {
            throw CursusError(.data, file.diagnostic("is not an HTML page libxml2 can read", line: nil, column: nil, scope: "article"))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw CursusError(.data, file.diagnostic("the HTML page is empty", line: nil, column: nil, scope: "article"))
        }
        var article = ArticleDocument()
        var metadata: [String: String] = [:]
        collectMetadata(root, into: &metadata, title: &article.title)
        // Metadata may be present but blank: a blank value says nothing.
        let value = { (key: String) in
            metadata[key].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        article.title = value("og:title") ?? article.title.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        article.url = value("og:url") ?? value("canonical")
        article.publisher = value("og:site_name")
        article.publishedText = value("article:published_time") ?? value("date") ?? value("time")
        let body = first(named: ["article"], in: root) ?? first(named: ["main"], in: root) ?? first(named: ["body"], in: root) ?? root
        collectBlocks(body, into: &article.blocks)
        guard article.blocks.contains(where: { !$0.isHeading }) else {
            throw CursusError(
                .data,
                file.diagnostic(
                    "the HTML page has no article text (no paragraphs outside navigation, scripts and styles); save the article's own page",
                    line: nil, column: nil, scope: "article"))
        }
        return article
    }

    private static func name(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        // libxml2's default deallocator is the C library's.
        defer { free(value) }
        return String(cString: value)
    }

    private static func elements(_ node: UnsafeMutablePointer<xmlNode>) -> [UnsafeMutablePointer<xmlNode>] {
        var children: [UnsafeMutablePointer<xmlNode>] = []
        var child = node.pointee.children
        while let current = child {
            children.append(current)
            child = current.pointee.next
        }
        return children
    }

    /// The first element named one of `names`, depth first, outside skipped elements.
    private static func first(named names: Set<String>, in node: UnsafeMutablePointer<xmlNode>) -> UnsafeMutablePointer<xmlNode>? {
        for child in elements(node) where child.pointee.type == XML_ELEMENT_NODE {
            let childName = name(child)
            if names.contains(childName) { return child }
            if skipped.contains(childName) { continue }
            if let found = first(named: names, in: child) { return found }
        }
        return nil
    }

    /// `<title>`, `<meta property|name=… content=…>`, `<link rel=canonical>` and `<time datetime>`.
    private static func collectMetadata(_ node: UnsafeMutablePointer<xmlNode>, into metadata: inout [String: String], title: inout String?)
    {
        for child in elements(node) where child.pointee.type == XML_ELEMENT_NODE {
            switch name(child) {
            case "title": if title == nil, !text(of: child).isEmpty { title = text(of: child) }
            case "meta":
                if let key = attribute(child, "property") ?? attribute(child, "name"), let content = attribute(child, "content"),
                    metadata[key.lowercased()] == nil
                {
                    metadata[key.lowercased()] = content
                }
            case "link":
                if attribute(child, "rel")?.lowercased() == "canonical", let href = attribute(child, "href") {
                    metadata["canonical"] = href
                }
            case "time":
                if metadata["time"] == nil, let datetime = attribute(child, "datetime") { metadata["time"] = datetime }
            default: break
            }
            collectMetadata(child, into: &metadata, title: &title)
        }
    }

    private static func collectBlocks(_ node: UnsafeMutablePointer<xmlNode>, into blocks: inout [ArticleBlock]) {
        for child in elements(node) where child.pointee.type == XML_ELEMENT_NODE {
            let childName = name(child)
            if skipped.contains(childName) || attribute(child, "role") == "navigation" || attribute(child, "hidden") != nil { continue }
            let isHeading = headings.contains(childName)
            if isHeading || blockElements.contains(childName), !containsBlocks(child) {
                let text = text(of: child)
                if !text.isEmpty { blocks.append(ArticleBlock(text: text, line: Int(xmlGetLineNo(child)), isHeading: isHeading)) }
            } else {
                collectBlocks(child, into: &blocks)
            }
        }
    }

    /// True when a block holds blocks of its own (a list item with paragraphs): those are read instead.
    private static func containsBlocks(_ node: UnsafeMutablePointer<xmlNode>) -> Bool {
        elements(node).contains { child in
            child.pointee.type == XML_ELEMENT_NODE
                && (blockElements.contains(name(child)) || headings.contains(name(child)) || containsBlocks(child))
        }
    }

    /// The text inside `node`, outside skipped elements, with runs of white space made one space.
    private static func text(of node: UnsafeMutablePointer<xmlNode>) -> String {
        var pieces = ""
        func walk(_ node: UnsafeMutablePointer<xmlNode>) {
            for child in elements(node) {
                if child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE {
                    if let content = child.pointee.content { pieces += String(cString: content) }
                } else if child.pointee.type == XML_ELEMENT_NODE {
                    let childName = name(child)
                    if skipped.contains(childName) || childName == "sup" { continue }
                    if childName == "br" { pieces += " " }
                    walk(child)
                }
            }
        }
        walk(node)
        return pieces.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
