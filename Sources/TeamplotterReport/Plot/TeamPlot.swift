import TeamplotterCore

/// The team plot: the team matrix (functions × roles), the coverage per category and the counts
/// per status, as SVG, each also as a figure with the same data in a table beside it.
///
/// Pure: it turns an analysis into markup and does no I/O, so the CLI report and the web app
/// render the same pictures.
public struct TeamPlot: Sendable {
    public var language: Language
    /// Starts every element id, so that several plots can share one HTML page.
    public var idPrefix: String

    public init(language: Language = .nl, idPrefix: String = "tp") {
        self.language = language
        self.idPrefix = idPrefix
    }

    /// The media type of `document(analysis:)`, for a download.
    public static let mediaType = "image/svg+xml; charset=utf-8"

    /// The team matrix as an inline `<svg>` element.
    public func svg(analysis: GapAnalysis) -> HTML {
        matrixDrawing(analysis).svg
    }

    /// The team matrix as a file of its own (`plot.svg`): an XML declaration and the SVG.
    public func document(analysis: GapAnalysis) -> String {
        var html = HTML.raw(trusted: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        appendMatrix(analysis, to: &html)
        html.append(trusted: "\n")
        return html.markup
    }

    /// The coverage per category as an inline `<svg>`.
    public func coverageSVG(analysis: GapAnalysis) -> HTML {
        coverageDrawing(analysis).svg
    }

    /// The number of roles per status, at a glance, as an inline `<svg>`.
    public func overviewSVG(analysis: GapAnalysis) -> HTML {
        overviewDrawing(analysis).svg
    }

    /// The matrix as a `<figure>`: the SVG, a caption, and the same data as tables in a
    /// `<details>` beside it (open it without JavaScript).
    public func matrixFigure(analysis: GapAnalysis) -> HTML {
        matrixFigure(analysis, pages: [analysis.functions.indices])
    }

    /// The matrix in parts of a page each (the functions in `pages`), every part with its own
    /// headers and status rows, for printing a long team. `functionsTable` is this plot's
    /// `functionsTable(analysis)` when the caller has it already.
    func matrixFigure(_ analysis: GapAnalysis, pages: [Range<Int>], functionsTable table: HTML? = nil) -> HTML {
        var html = HTML()
        appendMatrixFigure(analysis, pages: pages, functionsTable: table, to: &html)
        return html
    }

    /// `matrixFigure` written into `html`: the parts go straight into the page rather than being
    /// copied through every element around them.
    func appendMatrixFigure(
        _ analysis: GapAnalysis, pages: [Range<Int>], functionsTable table: HTML? = nil, to html: inout HTML
    ) {
        appendFigure(
            "matrix",
            caption: pick(
                "Teamplot: welke functie welke rol vervult, en de status van elke rol (onderste rijen).",
                "Team plot: which function holds which role, and each role's status (bottom rows)."),
            table: (table ?? functionsTable(analysis)) + rolesTable(analysis, roles: analysis.roles), to: &html
        ) { html in
            appendMatrixParts(analysis, pages: pages, to: &html)
        }
    }

    public func coverageFigure(analysis: GapAnalysis) -> HTML {
        figure(
            "coverage", svg: coverageSVG(analysis: analysis),
            caption: pick("Dekking per categorie: de rollen die nodig zijn, naar status.",
                          "Coverage per category: the needed roles, by status."),
            table: coverageTable(analysis))
    }

    public func overviewFigure(analysis: GapAnalysis) -> HTML {
        figure(
            "overview", svg: overviewSVG(analysis: analysis),
            caption: pick("Aantal rollen per status.", "Number of roles per status."),
            table: overviewTable(analysis))
    }

    private func figure(_ kind: String, svg: HTML, caption: String, table: HTML) -> HTML {
        var html = HTML()
        appendFigure(kind, caption: caption, table: table, to: &html) { $0 += svg }
        return html
    }

    /// A figure: what `svg` appends in a scrolling box, the caption, and the table in a `<details>`.
    private func appendFigure(
        _ kind: String, caption: String, table: HTML, to html: inout HTML, svg: (inout HTML) -> Void
    ) {
        appendElement("figure", .class("tp-figure tp-\(kind)"), to: &html) { html in
            appendElement("div", .class("tp-scroll"), to: &html, content: svg)
            html += SVG.newline
            html += element("figcaption") { caption }
            html += element("details", .class("tp-data")) {
                element("summary") { pick("Dezelfde gegevens als tabel", "The same data as a table") }
                table
            }
        }
    }

    func pick(_ dutch: String, _ english: String) -> String { language.pick(dutch, english) }

    /// "1 functie", "9 functies": a count with its noun in the plot's language.
    func counted(_ count: Int, _ dutch: (one: String, many: String), _ english: (one: String, many: String)) -> String {
        let noun = language == .nl ? dutch : english
        return "\(count) " + (count == 1 ? noun.one : noun.many)
    }

    func functions(_ count: Int) -> String { counted(count, ("functie", "functies"), ("function", "functions")) }
    func roles(_ count: Int) -> String { counted(count, ("rol", "rollen"), ("role", "roles")) }

    /// An id unique to this plot.
    func id(_ suffix: String) -> String { "\(idPrefix)-\(suffix)" }
}
