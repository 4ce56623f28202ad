import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterReport

@Suite struct TeamPlotTests {
    let analysis: GapAnalysis

    init() throws {
        analysis = GapAnalyser.analyse(try ExampleTeam.load())
    }

    @Test func exampleMatrixMatchesGolden() throws {
        let svg = TeamPlot(language: .nl).document(analysis: analysis)
        #expect(svg == (try ReportGolden.expected(svg, name: "voorbeeldstad-plot.svg")))
    }

    @Test func exampleMatrixInEnglishMatchesGolden() throws {
        let svg = TeamPlot(language: .en).document(analysis: analysis)
        #expect(svg == (try ReportGolden.expected(svg, name: "voorbeeldstad-plot-en.svg")))
    }

    /// The three roles of the acceptance list, each with its own status pattern and symbol.
    @Test func statusRowShowsEachRoleBySymbolAndPattern() {
        let svg = TeamPlot(language: .nl).svg(analysis: analysis).markup
        let expectations: [(String, RoleStatus)] = [
            ("Usability expert: ontbreekt", .missing),
            ("Online servicemedewerker: onderbezet — 0,78 van 1,5 fte; 1 van 2 personen; vacature open", .understaffed),
            ("Webformulieren specialist (bouwen en vernieuwen): ingevuld", .covered),
        ]
        for (tooltip, status) in expectations {
            guard let start = svg.range(of: "<title>\(tooltip)</title>") else {
                Issue.record("no status cell titled \(tooltip)")
                continue
            }
            let cell = svg[start.upperBound...].prefix(700)
            #expect(cell.contains("fill=\"url(#tp-matrix-\(status.rawValue))\""))
            #expect(cell.contains(">\(status.symbol)</text>"))
        }
    }

    @Test func everyHeldRoleIsACellAndVacanciesAreDashed() {
        let svg = TeamPlot(language: .nl).svg(analysis: analysis).markup
        let current = analysis.functions.filter { !$0.function.isVacancy }.map(\.roles.count).reduce(0, +)
        let vacant = analysis.functions.filter(\.function.isVacancy).map(\.roles.count).reduce(0, +)
        // One filled square per role held, plus the one in the legend.
        #expect(svg.occurrences(of: "fill=\"\(PlotStyle.held)\"") == current + 1)
        #expect(svg.contains("<title>Medewerker KCC online — vacature — 0,50 fte: Online servicemedewerker 50% (0,25 fte) — vacature</title>"))
        #expect(vacant == 2)
        // The vacancy's cells, its row label, the open-vacancy marks (2 roles) and the legend.
        #expect(svg.occurrences(of: "stroke-dasharray") == vacant + 1 + 2 + 1)
    }

    @Test func svgIsAnAccessibleImage() {
        for svg in [TeamPlot().svg(analysis: analysis), TeamPlot().coverageSVG(analysis: analysis),
                    TeamPlot().overviewSVG(analysis: analysis)].map(\.markup) {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("role=\"img\""))
            guard let labelled = svg.firstMatch(of: /aria-labelledby="([^" ]+) ([^"]+)"/) else {
                Issue.record("no aria-labelledby")
                continue
            }
            #expect(svg.contains("<title id=\"\(labelled.1)\">"))
            #expect(svg.contains("<desc id=\"\(labelled.2)\">"))
        }
        let description = TeamPlot().svg(analysis: analysis).markup
        #expect(description.contains("Ontbreekt (7): Procesmanager, Beleidsmedewerker / adviseur nieuwe media, Contentmanager alle kanalen, Programmeur, Social media analist, Usability expert, Ontwerper."))
    }

    @Test func figuresCarryTheSameDataAsTables() {
        let plot = TeamPlot(language: .nl)
        let matrix = plot.matrixFigure(analysis: analysis).markup
        #expect(matrix.contains("<details class=\"tp-data\">"))
        #expect(matrix.contains("<th scope=\"row\">Usability expert</th>"))
        #expect(matrix.contains("Online servicemedewerker 50%, Social media analist 50%"))
        let coverage = plot.coverageFigure(analysis: analysis).markup
        for (index, (needed, present)) in [(7, 5), (5, 4), (3, 2), (6, 3)].enumerated() {
            let name = analysis.categories[index].category.name
            #expect(coverage.contains("<th scope=\"row\">\(HTML.escape(name))</th><td class=\"tp-number\">\(needed)</td><td class=\"tp-number\">\(present)</td>"))
        }
        let overview = plot.overviewFigure(analysis: analysis).markup
        #expect(overview.contains("ontbreekt</span></th><td class=\"tp-number\">7</td>"))
        #expect(overview.contains("ingevuld</span></th><td class=\"tp-number\">1</td>"))
    }

    @Test func eachStatusHasItsOwnPattern() {
        let svg = TeamPlot(idPrefix: "x").svg(analysis: analysis).markup
        var bodies = Set<String>()
        for status in RoleStatus.allCases {
            let opening = "<pattern id=\"x-matrix-\(status.rawValue)\""
            #expect(svg.occurrences(of: opening) == 1)
            guard let start = svg.range(of: opening), let end = svg[start.upperBound...].range(of: "</pattern>") else {
                Issue.record("no pattern for \(status)")
                continue
            }
            bodies.insert(String(svg[start.upperBound..<end.lowerBound]))
        }
        #expect(bodies.count == RoleStatus.allCases.count)
    }

    @Test func userTextIsEscaped() {
        var team = Team(name: "</title><script>alert('team')</script>")
        team.functions = [
            TeamFunction(title: "<script>alert('x')</script>", holder: "A & B \"C\"", workload: .hoursPerWeek(36),
                         roles: [RoleAssignment(roleId: "evil")]),
        ]
        team.customCatalogue = CatalogueCustomization(mode: .extend, categories: [
            RoleCategory(id: "eigen", name: "<b>Eigen</b>", roles: [Role(id: "evil", name: "<img src=x onerror=alert(1)>")]),
        ])
        let analysis = GapAnalyser.analyse(team)
        let outputs = [
            TeamPlot().document(analysis: analysis),
            TeamPlot().matrixFigure(analysis: analysis).markup,
            TeamPlot().coverageFigure(analysis: analysis).markup,
            HTMLReport().render(team: team, analysis: analysis),
        ]
        for output in outputs {
            #expect(!output.contains("<script"))
            #expect(!output.contains("<img"))
            #expect(!output.contains("<b>"))
        }
        let svg = outputs[0]
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(svg.contains("A &amp; B &quot;C&quot;"))
        #expect(outputs[3].contains("<th scope=\"row\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</th>"))
    }

    /// 200 functions and 60 roles: every row and column is drawn, and every label fits its place.
    @Test func scalesToLargeTeams() {
        let team = SyntheticTeam.make(functions: 200, roles: 60)
        let analysis = GapAnalyser.analyse(team)
        let drawing = TeamPlot().matrixDrawing(analysis)
        #expect(drawing.width == 12 + 250 + 60 * 32 + 12)
        #expect(drawing.height > 200 * 34)
        let svg = drawing.svg.markup
        #expect(svg.occurrences(of: "<title>Rol 59 met een lange naam voor de kolomkop nummer 59 — prioriteit:") == 1)
        #expect(svg.contains("Functie 199 met een titel die"))
        // Shortened function titles keep their full text in the tooltip.
        #expect(svg.contains("<title>Functie 0 met een titel die te lang is voor de kolom — Medewerker 0 — "))
        #expect(svg.contains("…</text>"))
        // So many rows that the status is repeated above them: two swatches per role, and the numbers.
        // Status swatches: above and below the functions for each role, and six in the legend.
        #expect(svg.occurrences(of: "fill=\"url(#tp-matrix-") == 2 * 60 + 6)
        let small = TeamPlot().svg(analysis: self.analysis).markup
        #expect(small.occurrences(of: "fill=\"url(#tp-matrix-") == 24 + 6)
    }

    @Test func smallTeamsStayReadable() {
        let team = SyntheticTeam.make(functions: 3, roles: 5, categories: 2)
        let drawing = TeamPlot().matrixDrawing(GapAnalyser.analyse(team))
        // Narrow matrices keep room for the legend.
        #expect(drawing.width == 560)
        #expect(drawing.svg.markup.occurrences(of: "<rect x=\"") > 3 * 5)
    }
}

@Suite struct EmptyTeamTests {
    /// A team just started: no functions yet, or a catalogue without roles. Still a picture.
    @Test func rendersWithoutFunctionsOrRoles() {
        let empty = GapAnalyser.analyse(Team(name: "Nieuw team"))
        let svg = TeamPlot().svg(analysis: empty).markup
        #expect(svg.contains("0 functies · 24 rollen"))
        #expect(svg.occurrences(of: "fill=\"url(#tp-matrix-missing)\"") == 24 + 1)
        let noRoles = Team(name: "Leeg", functions: [TeamFunction(title: "Alleen")],
                           customCatalogue: CatalogueCustomization(mode: .replace, categories: []))
        let analysis = GapAnalyser.analyse(noRoles)
        #expect(TeamPlot().svg(analysis: analysis).markup.contains("1 functie · 0 rollen"))
        #expect(HTMLReport().render(team: noRoles, analysis: analysis).contains("<h1>Gap-analyse van Leeg</h1>"))
    }
}

@Suite struct TextMetricsTests {
    @Test func truncatesToTheWidthWithAnEllipsis() {
        let long = "Beleidsmedewerker / adviseur dienstverlening en nog veel meer"
        let result = TextMetrics.truncate(long, maxWidth: 120, size: 11)
        #expect(result.truncated)
        #expect(result.text.hasSuffix("…"))
        #expect(TextMetrics.width(result.text, size: 11) <= 120)
        #expect(TextMetrics.truncate("Strateeg", maxWidth: 120, size: 11) == ("Strateeg", false))
    }

    @Test func wrapsWordsIntoLines() {
        let result = TextMetrics.wrap("Beleidsmedewerker / adviseur dienstverlening", maxWidth: 150, size: 11, maxLines: 2)
        #expect(result.lines == ["Beleidsmedewerker /", "adviseur dienstverlening"])
        #expect(!result.truncated)
        let cut = TextMetrics.wrap("een twee drie vier vijf zes zeven acht negen tien", maxWidth: 60, size: 11, maxLines: 2)
        #expect(cut.lines.count == 2)
        #expect(cut.truncated)
        #expect(cut.lines[1].hasSuffix("…"))
        for line in cut.lines { #expect(TextMetrics.width(line, size: 11) <= 60) }
    }

    @Test func breaksAWordWiderThanTheLine() {
        let result = TextMetrics.wrap("Dienstverleningsorganisatie", maxWidth: 50, size: 11, maxLines: 5)
        #expect(result.lines.count > 1)
        #expect(result.lines.joined() == "Dienstverleningsorganisatie")
        for line in result.lines { #expect(TextMetrics.width(line, size: 11) <= 50) }
    }

    @Test func widerTextMeasuresWider() {
        #expect(TextMetrics.width("mmmm", size: 10) > TextMetrics.width("iiii", size: 10) * 3)
        #expect(TextMetrics.width("Abc", size: 10, bold: true) > TextMetrics.width("Abc", size: 10))
        #expect(TextMetrics.width("Abc", size: 20) == 2 * TextMetrics.width("Abc", size: 10))
    }
}
