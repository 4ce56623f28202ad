import TeamplotterCore

/// Colours, patterns and fonts of the plot. Status colours come from the Okabe–Ito palette, which
/// colour-blind readers can tell apart; each status also has its own pattern and symbol, so that
/// the plot still reads when printed in black and white.
enum PlotStyle {
    static let font = "Arial, 'Liberation Sans', Helvetica, sans-serif"
    /// Body text: 17:1 on white.
    static let ink = "#1a1a1a"
    /// Secondary text: at least 7:1 on white and on the row stripes.
    static let muted = "#4d4d4d"
    static let rule = "#c8c8c8"
    static let stripe = "#f4f6f8"
    /// A cell where a function holds a role: white text on it has 5.2:1.
    static let held = "#0072B2"
    /// Text on white in the held colour's family: 7.4:1.
    static let heldInk = "#005a8c"
    static let categoryFills = ["#e3ecf5", "#f1f1ea"]

    static func fill(_ status: RoleStatus) -> String {
        switch status {
        case .missing: "#D55E00"
        case .understaffed: "#E69F00"
        case .single: "#F0E442"
        case .covered: "#009E73"
        case .extra: "#56B4E9"
        case .notNeeded: "#ffffff"
        }
    }

    /// The id of a status's pattern inside one SVG.
    static func patternId(_ status: RoleStatus, prefix: String) -> String {
        "\(prefix)-\(status.rawValue)"
    }

    /// One pattern per status: cross-hatched for missing, diagonal stripes for understaffed,
    /// dots for single-person, plain for covered, horizontal lines for extra, white for not needed.
    static func patterns(prefix: String) -> HTML {
        element("defs") {
            for status in RoleStatus.allCases {
                element(
                    "pattern", HTMLAttribute("id", patternId(status, prefix: prefix)),
                    HTMLAttribute("patternUnits", "userSpaceOnUse"), HTMLAttribute("width", "6"),
                    HTMLAttribute("height", "6")
                ) {
                    element("rect", HTMLAttribute("width", "6"), HTMLAttribute("height", "6"),
                            HTMLAttribute("fill", fill(status)))
                    marks(status)
                }
                SVG.newline
            }
        } + SVG.newline
    }

    private static func marks(_ status: RoleStatus) -> HTML {
        let stroke = [HTMLAttribute("stroke", ink), HTMLAttribute("stroke-width", "1"),
                      HTMLAttribute("stroke-opacity", "0.6"), HTMLAttribute("fill", "none")]
        switch status {
        case .missing:
            return element("path", attributes: [HTMLAttribute("d", "M0,0L6,6M6,0L0,6")] + stroke)
        case .understaffed:
            return element("path", attributes: [HTMLAttribute("d", "M-1,1L1,-1M0,6L6,0M5,7L7,5")] + stroke)
        case .single:
            return element("circle", HTMLAttribute("cx", "3"), HTMLAttribute("cy", "3"),
                           HTMLAttribute("r", "1.1"), HTMLAttribute("fill", ink))
        case .extra:
            return element("path", attributes: [HTMLAttribute("d", "M0,3H6")] + stroke)
        case .covered, .notNeeded:
            return HTML()
        }
    }

    /// A status swatch: the pattern, framed, with the symbol on a white badge in the middle so
    /// that it keeps full contrast whatever the colour behind it.
    static func swatch(
        _ status: RoleStatus, prefix: String, x: Double, y: Double, width: Double, height: Double
    ) -> HTML {
        let radius = min(width, height) / 2 - 3
        var square = SVGTag("rect")
        square.number("x", x)
        square.number("y", y)
        square.number("width", width)
        square.number("height", height)
        square.attribute("fill", "url(#\(patternId(status, prefix: prefix)))")
        square.attribute("stroke", ink)
        square.attribute("stroke-width", "1")
        var badge = SVGTag("circle")
        badge.number("cx", x + width / 2)
        badge.number("cy", y + height / 2)
        badge.number("r", radius)
        badge.attribute("fill", "#ffffff")
        badge.attribute("stroke", ink)
        badge.attribute("stroke-width", "0.75")
        return square.finish() + badge.finish()
            + SVG.text(status.symbol, x: x + width / 2, y: y + height / 2 + radius * 0.45,
                       size: (radius * 1.25).rounded(), anchor: "middle", bold: true)
    }
}
