import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterReport

/// The renderers' fast paths give what the general way gives, byte for byte.
@Suite struct RenderFastPathTests {
    /// The general way `SVG.number` worked: through printf.
    private func printfNumber(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    @Test func coordinatesAreWrittenAsPrintfWritesThem() {
        var values: [Double] = [
            0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.15, 0.25, 0.35, 1.45, 2.5, -2.5, 3.5, 12.3, 16.5, 33.25, 99.95,
            -99.95, 0.1 + 0.2, 1.0 / 3, -1.0 / 3, 250, 262.5, 1e6 + 0.05, 123_456_789.12, -7.0000001, 1e14 / 10 + 0.3,
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { values.append(Double.random(in: -5_000...5_000, using: &random)) }
        for step in 0..<2_000 { values.append(Double(step) * 0.05) }
        for value in values {
            #expect(SVG.number(value) == printfNumber(value), "\(value)")
        }
        // Written straight into a tag's bytes, numbers come out as `SVG.number` writes them.
        for value in values.prefix(5_000) + [1e16 + 2] {
            var tag = SVGTag("rect")
            tag.number("x", value)
            #expect(tag.finish().markup == "<rect x=\"\(SVG.number(value))\"></rect>", "\(value)")
        }
        // Beyond the fast path: the general way.
        #expect(SVG.number(1e16 + 2) == printfNumber(1e16 + 2))
        #expect(SVG.number(.nan) == "nan")
    }

    /// The general way `TextMetrics` measured: character by character, through the classes.
    private func classifiedWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text { ems += TextMetrics.classifiedEm(character) }
        return ems * size * (bold ? 1.08 : 1) * TextMetrics.safety
    }

    private let samples = [
        "", "a", "Functie 12 — Medewerker 3 · 0,89 fte", "Coördinator Ëmoji 👩‍💻 team", "e\u{301}e\u{301}",
        "CR LF\r\nsamen", "los \r en \n", "\r", "\r\n\r\n", "\u{1}\u{7f}\t", "WWW mmm iii …", "50%", "ÀÉÎÕÜ àéîõü ß",
        "① ✗ ◐", "🇳🇱🇧🇪", "tab\tna", String(repeating: "Lange naam met woorden ", count: 500),
        String(repeating: "é", count: 3_000),
    ]

    @Test func widthsAreTheSameByTableAndByClass() {
        for text in samples {
            for bold in [false, true] {
                #expect(TextMetrics.width(text, size: 11, bold: bold) == classifiedWidth(text, size: 11, bold: bold), "\(text)")
            }
        }
        for byte in UInt8(0)..<128 {
            let character = Character(Unicode.Scalar(byte))
            #expect(TextMetrics.em(character) == TextMetrics.classifiedEm(character))
        }
        #expect(TextMetrics.em("\r\n") == TextMetrics.classifiedEm("\r\n"))
    }

    /// The general way `truncate` worked: measuring every candidate anew.
    private func measuredTruncate(_ text: String, maxWidth: Double, size: Double, bold: Bool) -> (String, Bool) {
        if classifiedWidth(text, size: size, bold: bold) <= maxWidth { return (text, false) }
        var kept = ""
        for character in text {
            let candidate = kept + String(character)
            if classifiedWidth(candidate + "…", size: size, bold: bold) > maxWidth { break }
            kept = candidate
        }
        while kept.last == " " { kept.removeLast() }
        return (kept.isEmpty ? "…" : kept + "…", true)
    }

    @Test func truncatingIsTheSameAsMeasuringEveryCandidate() {
        for text in samples {
            for maxWidth in [0.0, 5, 20, 60, 119.99, 236, 1_000] {
                for bold in [false, true] {
                    let fast = TextMetrics.truncate(text, maxWidth: maxWidth, size: 12, bold: bold)
                    let measured = measuredTruncate(text, maxWidth: maxWidth, size: 12, bold: bold)
                    #expect(fast.text == measured.0 && fast.truncated == measured.1, "\(text) in \(maxWidth)")
                }
            }
        }
    }

    @Test func escapingAsBytesIsEscaping() {
        for text in samples + ["<a href=\"x\">'&'</a>", "\u{0}\u{1f}\u{9}\u{a}\u{d}", "&amp;"] {
            var bytes: [UInt8] = []
            HTML.appendEscaped(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == HTML.escape(text))
        }
    }

    /// Escaping written the plain way, character by character.
    private func plainEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The one-pass escape (runs between special bytes copied as blocks) against the plain one:
    /// specials at either end, side by side, alone, none at all, non-ASCII around them, and long text.
    @Test func escapingInOnePassIsThePlainEscape() {
        let long = String(repeating: "Teamleider ‘digitaal’ & <co>ördinator \u{7}", count: 5_000)
        let edges = ["", "&", "<>", "&&&", "a&", "&a", "\u{0}", "x\u{1f}y", "\r\n\t", "é<ü>ñ", "🙂\"🙂'",
                     "plain text without specials", String(repeating: "z", count: 100_000), long]
        for text in samples + edges {
            var bytes: [UInt8] = [0x41]
            HTML.appendEscaped(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A" + plainEscape(text), "\(text.prefix(40))")
            #expect(HTML.escape(text) == plainEscape(text))
        }
    }

    @Test func elementsAreWrittenWhole() {
        // A one-letter tag, stored as a scalar rather than bytes.
        #expect(element("g") { "x" }.markup == "<g>x</g>")
        #expect(element("g").markup == "<g></g>")
        #expect(element("p", HTMLAttribute("title", "a\u{1}<é>\"'")).markup == "<p title=\"a&lt;é&gt;&quot;&#39;\"></p>")
        #expect(element("td", attributes: [HTMLAttribute("class", "n"), .flag("hidden")!], content: HTML("1 & 2")).markup
            == "<td class=\"n\" hidden>1 &amp; 2</td>")
        for name: StaticString in ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"] {
            #expect(isVoidElement(name), "\(name)")
        }
        for name: StaticString in ["a", "g", "b", "tr", "area2", "inputs", "textarea", "blockquote", "figcaption", "colgroup"] {
            #expect(!isVoidElement(name), "\(name)")
        }
        #expect(element("br") { "ignored" }.markup == "<br>")
        let nested = element("div", .class("a")) { element("span") { "ü" }; "<" }
        #expect(nested.markup == "<div class=\"a\"><span>ü</span>&lt;</div>")
        let long = String(repeating: "0123456789", count: 100_000)
        #expect(element("p") { HTML.raw(trusted: long) }.markup == "<p>" + long + "</p>")
        // `+` appends to a temporary in place and leaves a kept value alone.
        let kept = HTML("a")
        let joined = kept + HTML("b")
        #expect(kept.markup == "a" && joined.markup == "ab")
    }

    /// The SVG helpers write their tags directly; `element` is the general way.
    @Test func svgHelpersWriteWhatElementWrites() {
        let text = SVG.text("a < b & \u{1}c", x: 1.25, y: -3, size: 10.5, anchor: "middle", bold: true, italic: true,
                            fill: "#fff", rotate: -90)
        #expect(text.markup == element("text", attributes: [
            HTMLAttribute("x", "1.3"), HTMLAttribute("y", "-3"), HTMLAttribute("font-size", "10.5"),
            HTMLAttribute("text-anchor", "middle"), HTMLAttribute("font-weight", "bold"),
            HTMLAttribute("font-style", "italic"), HTMLAttribute("fill", "#fff"),
            HTMLAttribute("transform", "rotate(-90 1.3 -3)"),
        ], content: HTML("a < b & \u{1}c")).markup + "\n")
        #expect(SVG.text("", x: 0, y: 0, size: 12).markup == "<text x=\"0\" y=\"0\" font-size=\"12\"></text>\n")
        let rect = SVG.rect(x: 0.04, y: 2, width: 3, height: 4, fill: "none", stroke: "#000", strokeWidth: 1.5,
                            dashed: true, radius: 3, opacity: 0.12)
        #expect(rect.markup == "<rect x=\"0\" y=\"2\" width=\"3\" height=\"4\" fill=\"none\" fill-opacity=\"0.12\" rx=\"3\" stroke=\"#000\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"></rect>\n")
        #expect(SVG.line(x1: 1, y1: 2, x2: 3, y2: 4.45, stroke: "\"").markup
            == "<line x1=\"1\" y1=\"2\" x2=\"3\" y2=\"4.5\" stroke=\"&quot;\" stroke-width=\"1\"></line>\n")
        #expect(SVG.titled("<t>") { "x" }.markup == element("g") { element("title") { "<t>" }; "x" }.markup + "\n")
        #expect(SVG.titled("") { HTML() }.markup == "<g><title></title></g>\n")
    }

    @Test func theMatrixSizeIsTheDrawingsSize() {
        let teams = [
            SyntheticTeam.make(functions: 0, roles: 3, categories: 1),
            SyntheticTeam.make(functions: 3, roles: 5, categories: 2),
            SyntheticTeam.make(functions: 45, roles: 60),
            SyntheticTeam.make(functions: 200, roles: 24),
        ]
        for team in teams {
            let analysis = GapAnalyser.analyse(team)
            let plot = TeamPlot(language: .en)
            for rows in [nil, 0..<min(21, analysis.functions.count), 0..<analysis.functions.count / 2] {
                let drawing = plot.matrixDrawing(analysis, rows: rows)
                let size = plot.matrixSize(analysis, rows: rows)
                #expect(size.width == drawing.width && size.height == drawing.height)
            }
        }
    }

    /// Elements written in place into a page give the bytes of the nested values they replace.
    @Test func appendedElementsAreTheNestedOnes() {
        let texts = ["", "plain", "a < b & \"c\" 'd'", "café — ∑ 🙂", "tab\tnew\nline\u{01}"]
        for text in texts {
            for content in [HTML(), HTML(text), element("p") { text }] {
                var html = HTML.raw(trusted: "before ")
                appendElement("section", .id(text), nil, HTMLAttribute("aria-label", text), to: &html) { $0 += content }
                #expect(html.markup == "before " + element("section", .id(text), nil, HTMLAttribute("aria-label", text)) { content }.markup)
                var listed = HTML()
                appendElement("div", attributes: [.class(text)], to: &listed) { $0 += content }
                #expect(listed == element("div", attributes: [.class(text)], content: content))
            }
        }
        // Nested in place three deep, as the report's outer elements are.
        var nested = HTML()
        appendElement("html", to: &nested) { html in
            appendElement("body", to: &html) { html in
                appendElement("main", .class("m"), to: &html) { $0 += HTML("x") }
            }
        }
        #expect(nested == element("html") { element("body") { element("main", .class("m")) { "x" } } })
    }

    /// Parts drawn from one layout shared by all of them are the parts each drawn on its own.
    @Test func partsOfOneLayoutAreEachDrawnAlone() {
        let analysis = GapAnalyser.analyse(SyntheticTeam.make(functions: 50, roles: 24))
        for plot in [TeamPlot(language: .nl), TeamPlot(language: .en, idPrefix: "x")] {
            for pages in [[0..<50], [0..<9, 9..<18, 18..<50], [0..<25, 25..<49, 49..<50]] {
                var shared = HTML()
                plot.appendMatrixParts(analysis, pages: pages, to: &shared)
                var alone = HTML()
                for (number, rows) in pages.enumerated() {
                    let part = number == 0 ? plot : TeamPlot(language: plot.language, idPrefix: "\(plot.idPrefix)-p\(number + 1)")
                    alone += element("div", .class("tp-plot-part")) { part.matrixDrawing(analysis, rows: rows).svg }
                }
                #expect(shared == alone)
            }
        }
    }

    /// The matrix written into a page that has content already is the drawing, appended.
    @Test func theMatrixAppendedIsTheDrawing() {
        let analysis = GapAnalyser.analyse(SyntheticTeam.make(functions: 60, roles: 24))
        let plot = TeamPlot(language: .nl)
        for rows in [nil, 0..<9, 50..<60] {
            var html = HTML.raw(trusted: "<p>ervoor</p>")
            let size = plot.appendMatrix(analysis, rows: rows, to: &html)
            let drawing = plot.matrixDrawing(analysis, rows: rows)
            #expect(html.markup == "<p>ervoor</p>" + drawing.svg.markup)
            #expect(size.width == drawing.width && size.height == drawing.height)
        }
    }
}
