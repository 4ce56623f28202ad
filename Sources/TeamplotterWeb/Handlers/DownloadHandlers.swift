import Foundation
import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport

/// What a team can be taken away as: the plot, the printable report, an Excel workbook; and the
/// empty fill-in template.
enum DownloadHandlers {
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func plot(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let svg = TeamPlot(language: context.language).document(analysis: GapAnalyser.analyse(stored.team))
        var response = HTTPResponse(headers: [("Content-Type", TeamPlot.mediaType)], body: Data(svg.utf8))
        response.setHeader("Content-Disposition", attachment(stored.team.name, suffix: "-teamplot.svg"))
        // Opened on its own, the SVG may use its own styles, and nothing else.
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        return response
    }

    /// The report for management, as the command line writes it: one self-contained page,
    /// ready for the browser's "Print to PDF".
    static func report(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let html = HTMLReport(language: context.language, date: DateFormatting.long(Date(), context.language))
            .render(team: stored.team, analysis: GapAnalyser.analyse(stored.team))
        var response = HTTPResponse(headers: [("Content-Type", HTMLReport.mediaType)], body: Data(html.utf8))
        // The report carries its stylesheet inline so that it is whole when saved; it has no
        // script, and none may run.
        response.setHeader(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        return response
    }

    static func workbook(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let data = SpreadsheetExport(language: context.language).export(stored.team)
        return HTTPResponse(
            headers: [("Content-Type", xlsxType), ("Content-Disposition", attachment(stored.team.name, suffix: ".xlsx"))],
            body: data)
    }

    static func template(_ context: RequestContext) -> HTTPResponse {
        let name = context.pick("teamplotter-invulsjabloon.xlsx", "teamplotter-template.xlsx")
        return HTTPResponse(
            headers: [("Content-Type", xlsxType), ("Content-Disposition", "attachment; filename=\"\(name)\"")],
            body: SpreadsheetExport(language: context.language).template())
    }

    /// A file name from the team's name: letters, digits and hyphens only.
    private static func attachment(_ name: String, suffix: String) -> String {
        let slug = TextKey.slug(name)
        return "attachment; filename=\"" + (slug.isEmpty ? "team" : String(slug.prefix(60))) + suffix + "\""
    }
}
