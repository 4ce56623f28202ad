import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterReport

@Suite struct HTMLReportTests {
    let team: Team
    let analysis: GapAnalysis

    init() throws {
        team = try ExampleTeam.load()
        analysis = GapAnalyser.analyse(team)
    }

    @Test func exampleReportMatchesGolden() throws {
        let html = HTMLReport(language: .nl).render(team: team, analysis: analysis)
        #expect(html == (try ReportGolden.expected(html, name: "voorbeeldstad-rapport.html")))
    }

    @Test func exampleReportInEnglishMatchesGolden() throws {
        let html = HTMLReport(language: .en).render(team: team, analysis: analysis)
        #expect(html == (try ReportGolden.expected(html, name: "voorbeeldstad-report-en.html")))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h2 id=\"eerst-aanpakken-kop\">Act on first</h2>"))
    }

    /// One file that needs nothing else: no scripts, no links, no outside requests.
    @Test func reportIsSelfContained() {
        let html = HTMLReport().render(team: team, analysis: analysis)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "href=", "@import", "https://"] {
            #expect(!html.contains(forbidden), "the report contains \(forbidden)")
        }
        // The only URL is the SVG namespace, which is a name, not a request.
        let urls = html.matches(of: /https?:\/\/[^"\s]+/).map { String($0.output) }
        #expect(Set(urls) == ["http://www.w3.org/2000/svg"])
        #expect(html.matches(of: /url\(([^)]*)\)/).allSatisfy { $0.output.1.hasPrefix("#") })
        #expect(html.contains("<style>"))
        #expect(html.occurrences(of: "<svg ") == 3)
    }

    /// The web app serves the figures' stylesheet on its own; the report carries it inline.
    @Test func figureStylesheetStandsOnItsOwn() {
        let css = TeamPlot.stylesheet
        #expect(css.contains(".tp-status-missing"))
        #expect(css.contains("details.tp-data { display: none; }"))
        #expect(!css.contains("url(") && !css.contains("@import"))
        #expect(HTMLReport().render(team: team, analysis: analysis).contains(css))
    }

    @Test func sectionsComeInTheOrderManagementReads() {
        let html = HTMLReport().render(team: team, analysis: analysis)
        let order = ["id=\"samenvatting\"", "id=\"eerst-aanpakken\"", "id=\"teamplot\"", "id=\"per-categorie\"",
                     "id=\"functies\""]
        let positions = order.compactMap { html.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
    }

    @Test func gapsAreListedMostUrgentFirst() throws {
        let html = HTMLReport().render(team: team, analysis: analysis)
        let table = try #require(html.range(of: "<table class=\"tp-table tp-urgent\">"))
        let rows = html[table.upperBound...].matches(of: /<th scope="row">([^<]+)<\/th>/).prefix(analysis.urgentGaps.count)
            .map { String($0.output.1) }
        #expect(rows.first == "Usability expert")
        #expect(rows.count == 20)
        #expect(Array(rows[1...5]) == ["Strateeg", "Contentmanager website", "Online servicemedewerker",
                                       "Applicatie-beheerder", "Website analist"])
        #expect(rows.last == "Proces analist")
    }

    @Test func printStylesheetKeepsThePlotWholeOnItsOwnPage() {
        let html = HTMLReport().render(team: team, analysis: analysis)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@page tp-landscape { size: A4 landscape;"))
        #expect(html.contains("<section id=\"teamplot\" class=\"tp-plot-page tp-landscape\""))
        #expect(html.contains("break-inside: avoid"))
    }

    @Test func plotPlacementFollowsItsShape() {
        #expect(ReportStyle.placement(width: 1042, height: 718) == .landscape)
        #expect(ReportStyle.placement(width: 560, height: 900) == .portrait)
        let large = GapAnalyser.analyse(SyntheticTeam.make(functions: 200, roles: 40))
        let drawing = TeamPlot().matrixDrawing(large)
        #expect(ReportStyle.placement(width: drawing.width, height: drawing.height) == .flow)
    }

    /// A team too long for one page is printed in parts of a page each, every part a whole matrix
    /// with its own headers, together holding every function once.
    @Test func longTeamIsPrintedInWholeParts() throws {
        let team = SyntheticTeam.make(functions: 200, roles: 40)
        let analysis = GapAnalyser.analyse(team)
        let html = HTMLReport().render(team: team, analysis: analysis)
        #expect(html.contains("<section id=\"teamplot\" class=\"tp-plot-page tp-flow tp-flow-"))
        let parts = html.occurrences(of: "<div class=\"tp-plot-part\">")
        #expect(parts > 1)
        #expect(html.occurrences(of: "Functie — medewerker, fte</text>") == parts)
        for index in [0, 99, 199] {
            // The row's label and each of its cells, in one part only.
            #expect(html.occurrences(of: "<title>Functie \(index) met een titel die te lang is voor de kolom — ")
                == 1 + analysis.functions[index].roles.count)
        }
        // Each part is its own SVG with its own ids.
        let ids = html.matches(of: /<svg [^>]*id="([^"]+)"/).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == parts + 2)
        let paging = ReportStyle.paging(width: 1322, fixedHeight: 500, rowHeight: 34)
        #expect(paging.rowsPerPage >= 8)
    }

    @Test func dateAndOrganisationAppearWhenGiven() {
        var team = team
        team.organisation = "Gemeente Voorbeeldstad"
        let html = HTMLReport(date: "3 december 2026").render(team: team, analysis: analysis)
        #expect(html.contains("<p class=\"tp-meta\">Gemeente Voorbeeldstad — 3 december 2026 — 9 functies · 6,96 fte bezet · 1 vacature · 24 rollen in de rollenlijst</p>"))
        #expect(!HTMLReport().render(team: team, analysis: analysis).contains("2026"))
    }

    @Test func teamWithoutGapsSaysSo() {
        let team = Team(
            name: "Klein", functions: [
                TeamFunction(title: "A", holder: "Een", workload: .fte(1), roles: [RoleAssignment(roleId: "strateeg")]),
                TeamFunction(title: "B", holder: "Twee", workload: .fte(1), roles: [RoleAssignment(roleId: "strateeg")]),
            ],
            needs: Needs(roles: [RoleNeed(roleId: "strateeg", priority: .must)]))
        let html = HTMLReport().render(team: team, analysis: GapAnalyser.analyse(team))
        #expect(html.contains("Er zijn geen gaten"))
        #expect(!html.contains("<table class=\"tp-table tp-urgent\">"))
        #expect(!html.contains("id=\"taken-competenties\""))
    }
}
