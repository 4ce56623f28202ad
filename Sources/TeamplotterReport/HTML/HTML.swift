/// Markup that is safe by construction: text is escaped when it goes in; unescaped markup only
/// enters through `HTML.raw(trusted:)`, by name, so that a review can find every place.
/// Serves HTML pages and SVG alike.
public struct HTML: Sendable, Hashable, CustomStringConvertible {
    public private(set) var markup: String

    public init() {
        markup = ""
    }

    /// Text, escaped.
    public init(_ text: String) {
        markup = HTML.escape(text)
    }

    /// Markup that is trusted as it stands (a stylesheet of our own, an SVG we rendered).
    public static func raw(trusted markup: String) -> HTML {
        var html = HTML()
        html.markup = markup
        return html
    }

    public var description: String { markup }

    /// Room for `bytes` bytes of markup, so that appending them does not grow the string step by step.
    mutating func reserveCapacity(_ bytes: Int) {
        markup.reserveCapacity(bytes)
    }
    public var isEmpty: Bool { markup.isEmpty }

    /// Appends trusted markup in place (`+= .raw(trusted:)` without the wrapper).
    mutating func append(trusted markup: String) {
        self.markup += markup
    }

    /// Appends to the left side in place when it is a temporary (`element(…) + SVG.newline`).
    public static func + (lhs: consuming HTML, rhs: HTML) -> HTML {
        lhs.markup += rhs.markup
        return lhs
    }

    public static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    /// Escapes for text and for attribute values (both quotes), so one function serves both.
    /// Works on UTF-8 bytes and hands back the text untouched when nothing needs escaping,
    /// which is most of it.
    public static func escape(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: needsWork) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        appendEscaped(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// `escape(text)`'s bytes, appended: for markup written as bytes.
    static func appendEscaped(_ text: String, to result: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &result) }
    }

    /// One pass over the bytes: the runs between bytes that need work go in as blocks, which for
    /// most text is the whole of it. (A check first and a copy after read every byte twice, and
    /// this runs for every attribute and text of a plot.)
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        var start = 0
        for index in bytes.indices where needsWork(bytes[index]) {
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            switch bytes[index] {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            // Control characters other than tab and line breaks have no place in markup.
            default: break
            }
            start = index + 1
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0x00..<0x20: byte != 0x09 && byte != 0x0A && byte != 0x0D
        default: false
        }
    }
}

/// An attribute. Names are string literals of our own code; values are always escaped.
public struct HTMLAttribute: Sendable, Hashable {
    public let name: String
    /// Nil for a boolean attribute (`required`, `checked`).
    public let value: String?

    public init(_ name: StaticString, _ value: String) {
        self.name = name.description
        self.value = value
    }

    /// A boolean attribute, present or left out.
    public static func flag(_ name: StaticString, _ isOn: Bool = true) -> HTMLAttribute? {
        isOn ? HTMLAttribute(name: name.description, value: nil) : nil
    }

    private init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ value: String) -> HTMLAttribute { HTMLAttribute("class", value) }
    public static func id(_ value: String) -> HTMLAttribute { HTMLAttribute("id", value) }
}

/// Builds HTML from statements: strings become escaped text, `if` and `for` work as expected.
@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ html: HTML) -> HTML { html }
    public static func buildExpression(_ text: String) -> HTML { HTML(text) }
    public static func buildExpression(_ list: [HTML]) -> HTML { joined(list) }
    public static func buildBlock(_ parts: HTML...) -> HTML { joined(parts) }
    public static func buildOptional(_ part: HTML?) -> HTML { part ?? HTML() }
    public static func buildEither(first: HTML) -> HTML { first }
    public static func buildEither(second: HTML) -> HTML { second }
    public static func buildArray(_ parts: [HTML]) -> HTML { joined(parts) }

    /// Appends in place, into one string of the right size, rather than building a new string
    /// for every part.
    private static func joined(_ parts: [HTML]) -> HTML {
        var result = HTML()
        result.reserveCapacity(parts.reduce(0) { $0 + $1.markup.utf8.count })
        for part in parts { result += part }
        return result
    }
}

/// Elements without content or closing tag, as their names' bytes packed into a number (all
/// are at most 8 bytes), so that telling whether a tag is one costs no hashing.
private let voidElements: [UInt64] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
].map { packedName($0.utf8) }

/// The bytes of a tag name of at most 8 bytes as one number; 0 for a longer name (never void).
private func packedName<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var packed: UInt64 = 0
    var count = 0
    for byte in bytes {
        count += 1
        if count > 8 { return 0 }
        packed = packed << 8 | UInt64(byte)
    }
    return packed
}

func isVoidElement(_ name: StaticString) -> Bool {
    let packed = name.withUTF8Buffer { packedName($0) }
    return packed != 0 && voidElements.contains(packed)
}

/// An element: `element("p", .class("lead")) { "Hallo" }`. Nil attributes are left out.
public func element(
    _ name: StaticString, _ attributes: HTMLAttribute?..., @HTMLBuilder content: () -> HTML = { HTML() }
) -> HTML {
    let isVoid = isVoidElement(name)
    return markup(name, attributes.lazy.compactMap { $0 }, content: isVoid ? nil : content())
}

/// `element(name, attributes) { … }` written into `html` in place: the opening tag, what `content`
/// appends, the closing tag. For the big outer elements of a page, whose content would otherwise be
/// copied into every parent in turn. The same bytes as `element` for a non-void element.
func appendElement(
    _ name: StaticString, _ attributes: HTMLAttribute?..., to html: inout HTML, content: (inout HTML) -> Void
) {
    appendElement(name, attributes: attributes.compactMap { $0 }, to: &html, content: content)
}

/// The same with an array of attributes.
func appendElement(
    _ name: StaticString, attributes: [HTMLAttribute], to html: inout HTML, content: (inout HTML) -> Void
) {
    name.withUTF8Buffer { tag in
        html.append(trusted: tags(tag, attributes, closed: false, contentSize: 0))
        content(&html)
        html.append(trusted: "</")
        html.append(trusted: String(decoding: tag, as: UTF8.self))
        html.append(trusted: ">")
    }
}

/// The same with an array of attributes, for attributes built in a loop.
public func element(_ name: StaticString, attributes: [HTMLAttribute], content: HTML = HTML()) -> HTML {
    markup(name, attributes, content: isVoidElement(name) ? nil : content)
}

/// `<name a="v" …>content</name>`, or without content and closing tag for a void element.
private func markup<Attributes: Collection<HTMLAttribute>>(
    _ name: StaticString, _ attributes: Attributes, content: HTML?
) -> HTML {
    // A one-letter literal ("g") may be stored as a scalar rather than bytes; this serves both.
    name.withUTF8Buffer { tag in
        guard let content, !content.isEmpty else {
            return .raw(trusted: tags(tag, attributes, closed: content != nil, contentSize: 0))
        }
        // The content is a String already: appended as one piece, not turned into bytes and
        // checked again as UTF-8 at every level of nesting.
        var markup = tags(tag, attributes, closed: false, contentSize: content.markup.utf8.count + tag.count + 3)
        markup += content.markup
        markup += "</"
        markup += String(decoding: tag, as: UTF8.self)
        markup += ">"
        return .raw(trusted: markup)
    }
}

/// The opening tag, and the closing one right after it when `closed`, in a String with room for
/// `contentSize` more bytes. Written as bytes into one buffer of the right size: appending many
/// short pieces to a String costs far more per piece, and a tag is mostly short pieces.
private func tags<Attributes: Collection<HTMLAttribute>>(
    _ tag: UnsafeBufferPointer<UInt8>, _ attributes: Attributes, closed: Bool, contentSize: Int
) -> String {
    var size = 2 + tag.count + (closed ? 3 + tag.count : 0)
    for attribute in attributes { size += 4 + attribute.name.utf8.count + (attribute.value?.utf8.count ?? 0) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size)
    bytes.append(UInt8(ascii: "<"))
    bytes.append(contentsOf: tag)
    for attribute in attributes {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: attribute.name.utf8)
        if let value = attribute.value {
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            HTML.appendEscaped(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }
    bytes.append(UInt8(ascii: ">"))
    if closed {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: tag)
        bytes.append(UInt8(ascii: ">"))
    }
    var markup = String(decoding: bytes, as: UTF8.self)
    if contentSize > 0 { markup.reserveCapacity(bytes.count + contentSize) }
    return markup
}
