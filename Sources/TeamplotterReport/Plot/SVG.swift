import Foundation

/// Small helpers for writing SVG with the typed HTML builder.
enum SVG {
    static let namespace = "http://www.w3.org/2000/svg"

    /// A coordinate with at most one decimal and no trailing ".0", so the markup stays short and
    /// the same on every machine.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        // Whole tenths this small are exact in an Int, and their digits are what "%.1f" prints;
        // anything else (never a coordinate: huge, infinite, NaN) goes the general way.
        guard tenths.magnitude < 1e15 else { return formatted(tenths / 10) }
        let whole = Int(tenths)
        if whole % 10 == 0 { return String(whole / 10) }
        let digits = whole.magnitude
        return (whole < 0 ? "-" : "") + String(digits / 10) + "." + String(digits % 10)
    }

    /// `number` through the C library, for values beyond its fast path.
    static func formatted(_ rounded: Double) -> String {
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// A line of text. `anchor` is start, middle or end; `rotate` turns it about (x, y).
    static func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: String = "start",
        bold: Bool = false, italic: Bool = false, fill: String = PlotStyle.ink, rotate: Double? = nil
    ) -> HTML {
        var tag = SVGTag("text", capacity: 96 + content.utf8.count)
        tag.number("x", x)
        tag.number("y", y)
        tag.number("font-size", size)
        if anchor != "start" { tag.attribute("text-anchor", anchor) }
        if bold { tag.attribute("font-weight", "bold") }
        if italic { tag.attribute("font-style", "italic") }
        if fill != PlotStyle.ink { tag.attribute("fill", fill) }
        if let rotate {
            tag.attribute("transform", "rotate(\(number(rotate)) \(number(x)) \(number(y)))")
        }
        return tag.line(content: content)
    }

    static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double = 1, dashed: Bool = false, radius: Double = 0, opacity: Double? = nil
    ) -> HTML {
        var tag = SVGTag("rect")
        tag.number("x", x)
        tag.number("y", y)
        tag.number("width", width)
        tag.number("height", height)
        tag.attribute("fill", fill)
        if let opacity { tag.attribute("fill-opacity", String(format: "%.2f", opacity)) }
        if radius > 0 { tag.number("rx", radius) }
        if let stroke {
            tag.attribute("stroke", stroke)
            tag.number("stroke-width", strokeWidth)
            if dashed { tag.attribute("stroke-dasharray", "3 2") }
        }
        return tag.line()
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) -> HTML {
        var tag = SVGTag("line")
        tag.number("x1", x1)
        tag.number("y1", y1)
        tag.number("x2", x2)
        tag.number("y2", y2)
        tag.attribute("stroke", stroke)
        tag.number("stroke-width", width)
        return tag.line()
    }

    /// A line break between elements, so that golden files diff line by line; white space
    /// between elements changes nothing in SVG or HTML.
    static let newline = HTML.raw(trusted: "\n")

    /// A group with a tooltip: the full text of whatever inside was shortened. One line each.
    static func titled(_ title: String, @HTMLBuilder content: () -> HTML) -> HTML {
        // `<g><title>…</title>…</g>`, written whole rather than nested through `element`.
        let inner = content()
        var head: [UInt8] = []
        head.reserveCapacity(24 + title.utf8.count)
        head += "<g><title>".utf8
        HTML.appendEscaped(title, to: &head)
        head += "</title>".utf8
        var markup = String(decoding: head, as: UTF8.self)
        markup.reserveCapacity(head.count + inner.markup.utf8.count + 5)
        markup += inner.markup
        markup += "</g>\n"
        return .raw(trusted: markup)
    }

    /// `appendRoot` as a value, for the small drawings.
    static func root(
        id: String, width: Double, height: Double, title: String, description: String, content: HTML
    ) -> HTML {
        var html = HTML()
        appendRoot(id: id, width: width, height: height, title: title, description: description, to: &html) {
            $0 += content
        }
        return html
    }

    /// The root element: an image for assistive technology, named by its title and described by
    /// its desc, scaling with its container. What `content` appends goes inside.
    static func appendRoot(
        id: String, width: Double, height: Double, title: String, description: String, to html: inout HTML,
        content: (inout HTML) -> Void
    ) {
        appendElement(
            "svg",
            attributes: [
                HTMLAttribute("xmlns", namespace),
                HTMLAttribute("id", id),
                HTMLAttribute("class", "tp-svg"),
                HTMLAttribute("role", "img"),
                HTMLAttribute("aria-labelledby", "\(id)-title \(id)-desc"),
                HTMLAttribute("viewBox", "0 0 \(number(width)) \(number(height))"),
                HTMLAttribute("width", number(width)),
                HTMLAttribute("height", number(height)),
                HTMLAttribute("font-family", PlotStyle.font),
            ],
            to: &html
        ) { html in
            html += newline
            html += element("title", .id("\(id)-title")) { title }
            html += element("desc", .id("\(id)-desc")) { description }
            html += newline
            content(&html)
        }
    }
}

/// One SVG element written as bytes, attribute by attribute, in the order of the calls: the
/// markup `element` would write, without an attribute array and a String per attribute.
struct SVGTag {
    private var bytes: [UInt8] = []
    private let name: StaticString

    init(_ name: StaticString, capacity: Int = 128) {
        self.name = name
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "<"))
        name.withUTF8Buffer { bytes += $0 }
    }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ attribute: StaticString, _ value: String) {
        open(attribute)
        HTML.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="number"`, as `SVG.number` writes it.
    mutating func number(_ attribute: StaticString, _ value: Double) {
        open(attribute)
        let tenths = (value * 10).rounded()
        // As in `SVG.number`: whole tenths this small are exact, the rest goes the general way.
        if tenths.magnitude < 1e15 {
            let whole = Int(tenths)
            if whole < 0 { bytes.append(UInt8(ascii: "-")) }
            let digits = whole.magnitude
            appendDigits(digits / 10)
            if digits % 10 != 0 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(UInt8(ascii: "0") + UInt8(digits % 10))
            }
        } else {
            bytes += SVG.formatted(tenths / 10).utf8
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func open(_ attribute: StaticString) {
        bytes.append(UInt8(ascii: " "))
        attribute.withUTF8Buffer { bytes += $0 }
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendDigits(_ value: UInt) {
        if value >= 10 { appendDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The element with its (escaped) content and closing tag, then a line break.
    consuming func line(content: String = "") -> HTML {
        finish(content: content, lineBreak: true)
    }

    /// The element with its (escaped) content and closing tag.
    consuming func finish(content: String = "", lineBreak: Bool = false) -> HTML {
        bytes.append(UInt8(ascii: ">"))
        HTML.appendEscaped(content, to: &bytes)
        bytes += "</".utf8
        name.withUTF8Buffer { bytes += $0 }
        bytes.append(UInt8(ascii: ">"))
        if lineBreak { bytes.append(UInt8(ascii: "\n")) }
        return .raw(trusted: String(decoding: bytes, as: UTF8.self))
    }
}
