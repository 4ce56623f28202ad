import Foundation
import TeamplotterCore

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
        case malformed(line: Int, column: Int, reason: XMLMalformation)
        /// A DTD has no place in OOXML, and entity expansion is the classic XML bomb.
        case doctype
        case tooManyElements(limit: Int)
        /// Not UTF-8 (or UTF-16 with a byte order mark), or declared in another encoding.
        case encoding(String)

        /// The failure as a problem of the workbook's part.
        var damage: XMLDamage {
            switch self {
            case .malformed(let line, let column, let reason): .malformed(line: line, column: column, reason)
            case .doctype: .doctype
            case .tooManyElements(let limit): .tooManyElements(limit: limit)
            case .encoding(let encoding): .encoding(encoding)
            }
        }
    }

    /// Parses a whole document; the root element comes back. Read with `XMLStream`, as the
    /// sheets are: FoundationXML's XMLParser crashed (strlen of a null name) on crafted parts.
    static func parse(_ input: [UInt8], maximumElements: Int = 1_000_000) throws(Failure) -> XMLTree {
        let bytes = try utf8(input)
        if containsDoctype(bytes) { throw .doctype }
        var stream = XMLStream(handler: TreeBuilder(maximumElements: maximumElements))
        do {
            try bytes.withUnsafeBufferPointer { (buffer) throws(XMLStream<TreeBuilder>.Failure) in try stream.feed(buffer) }
            try stream.finish()
        } catch {
            switch error {
            case .xml(let failure): throw failure
            case .handler: throw .tooManyElements(limit: maximumElements)
            }
        }
        guard let root = stream.handler.root else { throw .malformed(line: 1, column: 1, reason: .noRootElement) }
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

/// Builds an `XMLTree` from an `XMLStream`'s events.
private struct TreeBuilder: XMLStreamHandler {
    struct TooManyElements: Error {}

    var stack: [XMLTree] = []
    var root: XMLTree?
    var elements = 0
    let maximumElements: Int

    init(maximumElements: Int) {
        self.maximumElements = maximumElements
    }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes) throws {
        elements += 1
        if elements > maximumElements { throw TooManyElements() }
        var dictionary: [String: String] = [:]
        attributes.forEach { qualified, local, value in
            // Keep the local name; a prefixed name (r:id) also under its full name.
            dictionary[qualified] = value
            dictionary[local] = value
        }
        stack.append(XMLTree(name: String(decoding: name, as: UTF8.self), attributes: dictionary, children: [], text: ""))
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: bytes, as: UTF8.self)
    }
}
