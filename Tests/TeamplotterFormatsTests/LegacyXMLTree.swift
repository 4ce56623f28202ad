import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import TeamplotterCore
@testable import TeamplotterFormats

/// The tree reader the package used before: FoundationXML's XMLParser. Kept only for the oracle
/// (`LegacyXLSXReader`), so that the streaming tokenizer is checked against another parser.
enum LegacyXMLTree {
    /// Parses a whole document with XMLParser, as the reader did before it used `XMLStream`.
    static func parse(_ input: [UInt8], maximumElements: Int = 1_000_000) throws(XMLTree.Failure) -> XMLTree {
        let bytes = try XMLTree.utf8(input)
        if String(decoding: bytes.prefix(16_384), as: UTF8.self).contains("<!DOCTYPE") { throw .doctype }
        let builder = TreeBuilder(maximumElements: maximumElements)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if builder.exceeded { throw .tooManyElements(limit: maximumElements) }
        guard ok, let root = builder.root else {
            // libxml2 says what is wrong in words of its own, which match none of the streaming
            // reader's reasons; the oracle asks only that both find the part malformed.
            let reason: XMLMalformation = parser.parserError == nil ? .noRootElement : .unknownMarkup
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        return root
    }

}

/// Builds an `XMLTree` from XMLParser's events.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLTree] = []
    var root: XMLTree?
    var elements = 0
    var exceeded = false
    let maximumElements: Int

    init(maximumElements: Int) {
        self.maximumElements = maximumElements
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements += 1
        if elements > maximumElements {
            exceeded = true
            parser.abortParsing()
            return
        }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict {
            // Keep the local name; a prefixed name (r:id) also under its full name.
            attributes[key] = value
            if let colon = key.lastIndex(of: ":") { attributes[String(key[key.index(after: colon)...])] = value }
        }
        stack.append(XMLTree(name: Self.localName(elementName), attributes: attributes, children: [], text: ""))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
