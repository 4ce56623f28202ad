import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element read into memory: local name (namespace prefix dropped), attributes by local
/// name, children and text. Small parts of an XLSX file are read whole this way.
struct XMLTree: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [XMLTree]
    var text: String

    func attribute(_ name: String) -> String? { attributes[name] }

    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// All text below this element, in document order.
    var allText: String {
        children.isEmpty ? text : text + children.map(\.allText).joined()
    }

    enum Failure: Error, Sendable, Equatable {
        case malformed(line: Int, column: Int, reason: String)
        /// A DTD has no place in OOXML, and entity expansion is the classic XML bomb.
        case doctype
        case tooManyElements(limit: Int)
        /// Not UTF-8 (or UTF-16 with a byte order mark), or declared in another encoding.
        case encoding(String)
    }

    /// Parses a whole document; the root element comes back.
    static func parse(_ input: [UInt8], maximumElements: Int = 1_000_000) throws(Failure) -> XMLTree {
        let bytes = try utf8(input)
        if containsDoctype(bytes) { throw .doctype }
        let builder = TreeBuilder(maximumElements: maximumElements)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if builder.exceeded { throw .tooManyElements(limit: maximumElements) }
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        return root
    }

    /// The document as valid UTF-8. XMLParser runs libxml2 in recovery mode and force-unwraps
    /// names it cannot decode, so bytes that are not UTF-8 must never reach it.
    static func utf8(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var bytes = bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
                units.append(UInt16(low) | UInt16(high) << 8)
                index += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else { throw .encoding("UTF-16") }
            // The declaration says UTF-16, which the converted bytes no longer are; drop it.
            var converted = Substring(text)
            if converted.hasPrefix("<?xml"), let end = converted.range(of: "?>") {
                converted = converted[end.upperBound...]
            }
            bytes = Array(converted.utf8)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .encoding("UTF-8") }
        if let declared = declaredEncoding(bytes), !["utf-8", "utf8"].contains(declared.lowercased()) {
            throw .encoding(declared)
        }
        return bytes
    }

    /// The `encoding` of the XML declaration, if the document starts with one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        let trimmed = head.hasPrefix("\u{FEFF}") ? String(head.dropFirst()) : head
        guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else { return nil }
        let declaration = trimmed[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        // A DTD can only come before the root element, so the first few KiB tell.
        let head = bytes.prefix(16_384)
        guard head.count >= marker.count else { return false }
        for start in 0...(head.count - marker.count) where head[start] == marker[0] {
            if Array(head[start..<(start + marker.count)]) == marker { return true }
        }
        return false
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
