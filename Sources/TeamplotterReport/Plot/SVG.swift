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
        var attributes = [
            HTMLAttribute("x", number(x)), HTMLAttribute("y", number(y)),
            HTMLAttribute("font-size", number(size)),
        ]
        if anchor != "start" { attributes.append(HTMLAttribute("text-anchor", anchor)) }
        if bold { attributes.append(HTMLAttribute("font-weight", "bold")) }
        if italic { attributes.append(HTMLAttribute("font-style", "italic")) }
        if fill != PlotStyle.ink { attributes.append(HTMLAttribute("fill", fill)) }
        if let rotate {
            attributes.append(HTMLAttribute("transform", "rotate(\(number(rotate)) \(number(x)) \(number(y)))"))
        }
        return element("text", attributes: attributes, content: HTML(content)) + newline
    }

    static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double = 1, dashed: Bool = false, radius: Double = 0, opacity: Double? = nil
    ) -> HTML {
        var attributes = [
            HTMLAttribute("x", number(x)), HTMLAttribute("y", number(y)),
            HTMLAttribute("width", number(width)), HTMLAttribute("height", number(height)),
            HTMLAttribute("fill", fill),
        ]
        if let opacity { attributes.append(HTMLAttribute("fill-opacity", String(format: "%.2f", opacity))) }
        if radius > 0 { attributes.append(HTMLAttribute("rx", number(radius))) }
        if let stroke {
            attributes.append(HTMLAttribute("stroke", stroke))
            attributes.append(HTMLAttribute("stroke-width", number(strokeWidth)))
            if dashed { attributes.append(HTMLAttribute("stroke-dasharray", "3 2")) }
        }
        return element("rect", attributes: attributes) + newline
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) -> HTML {
        element(
            "line", HTMLAttribute("x1", number(x1)), HTMLAttribute("y1", number(y1)),
            HTMLAttribute("x2", number(x2)), HTMLAttribute("y2", number(y2)),
            HTMLAttribute("stroke", stroke), HTMLAttribute("stroke-width", number(width))) + newline
    }

    /// A line break between elements, so that golden files diff line by line; white space
    /// between elements changes nothing in SVG or HTML.
    static let newline = HTML.raw(trusted: "\n")

    /// A group with a tooltip: the full text of whatever inside was shortened. One line each.
    static func titled(_ title: String, @HTMLBuilder content: () -> HTML) -> HTML {
        element("g") {
            element("title") { title }
            content()
        } + newline
    }

    /// The root element: an image for assistive technology, named by its title and described by
    /// its desc, scaling with its container.
    static func root(
        id: String, width: Double, height: Double, title: String, description: String, content: HTML
    ) -> HTML {
        element(
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
            content: newline + element("title", .id("\(id)-title")) { title }
                + element("desc", .id("\(id)-desc")) { description } + newline
                + content)
    }
}
