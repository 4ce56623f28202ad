import TeamplotterCore

/// The report for management: one self-contained HTML file (inline CSS and SVG, no scripts, no
/// outside requests) with the summary, the plot, the gaps in order of urgency, the detail per
/// category and the functions. Prints on A4; the plot gets a page of its own.
public struct HTMLReport: Sendable {
    public var language: Language
    /// The date shown under the title, as the caller words it ("3 december 2026"); nil leaves it
    /// out, which keeps the output the same from day to day (for golden files).
    public var date: String?

    public init(language: Language = .nl, date: String? = nil) {
        self.language = language
        self.date = date
    }

    public static let mediaType = "text/html; charset=utf-8"

    public func render(team: Team, analysis: GapAnalysis) -> String {
        // One buffer for the whole page: the report runs to megabytes for a large team, and
        // nested values would copy it into every parent element in turn.
        var html = HTML.raw(trusted: "<!DOCTYPE html>\n")
        document(team: team, analysis: analysis, into: &html)
        html.append(trusted: "\n")
        return html.markup
    }

    private func pick(_ dutch: String, _ english: String) -> String { language.pick(dutch, english) }

    private func document(team: Team, analysis: GapAnalysis, into html: inout HTML) {
        let plot = TeamPlot(language: language, idPrefix: "tp")
        // The plot's data table and the functions section show the same table: made once.
        let functionsTable = plot.functionsTable(analysis)
        let title = pick("Gap-analyse van \(analysis.teamName)", "Gap analysis of \(analysis.teamName)")
        appendElement("html", HTMLAttribute("lang", language.rawValue), to: &html) { html in
            html += element("head") {
                element("meta", HTMLAttribute("charset", "utf-8"))
                element("meta", HTMLAttribute("name", "viewport"), HTMLAttribute("content", "width=device-width, initial-scale=1"))
                element("title") { "Teamplotter — " + title }
                element("style") { HTML.raw(trusted: "\n" + ReportStyle.css + "\n") }
            }
            appendElement("body", to: &html) { html in
                appendElement("main", .class("tp-report"), to: &html) { html in
                    html += header(team: team, analysis: analysis, title: title)
                    html += SVG.newline
                    html += summary(analysis, plot: plot)
                    html += SVG.newline
                    html += urgent(analysis, plot: plot)
                    html += SVG.newline
                    plotSection(analysis, plot: plot, functionsTable: functionsTable, into: &html)
                    html += SVG.newline
                    html += categories(analysis, plot: plot)
                    html += SVG.newline
                    html += functions(functionsTable)
                    html += SVG.newline
                    html += tasksAndCompetencies(analysis)
                    html += SVG.newline
                    html += element("footer") {
                        element("p") {
                            pick("Gemaakt met Teamplotter, naar de Teamplotter en rollenlijst van VNG Realisatie. ",
                                 "Made with Teamplotter, after the Teamplotter and role catalogue of VNG Realisatie. ")
                            pick("1 fte = \(NumberFormatting.short(analysis.standardWeekHours, language)) uur per week.",
                                 "1 FTE = \(NumberFormatting.short(analysis.standardWeekHours, language)) hours a week.")
                        }
                    }
                }
            }
        }
    }

    private func header(team: Team, analysis: GapAnalysis, title: String) -> HTML {
        let plot = TeamPlot(language: language)
        // By index, without putting a whole result together per function.
        let results = analysis.functions
        let current = results.indices.filter { !results.teamFunctions[$0].isVacancy }
        let vacancies = results.count - current.count
        let fte = current.map(results.fte).reduce(0, +)
        var facts = [
            plot.functions(analysis.functions.count),
            pick("\(NumberFormatting.short(fte, language)) fte bezet", "\(NumberFormatting.short(fte, language)) FTE filled"),
        ]
        if vacancies > 0 {
            facts.append(pick(vacancies == 1 ? "1 vacature" : "\(vacancies) vacatures",
                              vacancies == 1 ? "1 vacancy" : "\(vacancies) vacancies"))
        }
        facts.append(plot.roles(analysis.roles.count) + pick(" in de rollenlijst", " in the catalogue"))
        return element("header") {
            element("p", .class("tp-kicker")) { pick("Teamplotter — rapport", "Teamplotter — report") }
            element("h1") { title }
            element("p", .class("tp-meta")) {
                ([team.organisation, date].compactMap { $0 } + [facts.joined(separator: " · ")]).joined(separator: " — ")
            }
        }
    }

    private func summary(_ analysis: GapAnalysis, plot: TeamPlot) -> HTML {
        element("section", .id("samenvatting"), HTMLAttribute("aria-labelledby", "samenvatting-kop")) {
            element("h2", .id("samenvatting-kop")) { pick("Samenvatting", "Summary") }
            plot.overviewFigure(analysis: analysis)
            element("ul", .class("tp-summary")) {
                for sentence in AnalysisWording(language).summary(analysis) {
                    element("li") { sentence }
                }
            }
        }
    }

    private func urgent(_ analysis: GapAnalysis, plot: TeamPlot) -> HTML {
        let words = AnalysisWording(language)
        return element("section", .id("eerst-aanpakken"), HTMLAttribute("aria-labelledby", "eerst-aanpakken-kop")) {
            element("h2", .id("eerst-aanpakken-kop")) { pick("Eerst aanpakken", "Act on first") }
            if analysis.urgentGaps.isEmpty {
                element("p") { pick("Er zijn geen gaten: elke rol die nodig is, is ingevuld door meer dan één persoon.",
                                    "There are no gaps: every needed role is held by more than one person.") }
            } else {
                element("p") {
                    pick("De urgentste eerst: ontbrekende rollen die nodig zijn, onderbezette rollen, andere ontbrekende rollen, rollen die aan één persoon hangen.",
                         "Most urgent first: missing roles that are needed, understaffed roles, other missing roles, roles that rest on one person.")
                }
                element("table", .class("tp-table tp-urgent")) {
                    element("caption", .class("tp-visually-hidden")) { pick("Gaten, de urgentste eerst", "Gaps, most urgent first") }
                    element("thead") {
                        plot.tableRow {
                            plot.header("#", column: "rank", numeric: true)
                            plot.header(pick("Rol", "Role"), column: "role")
                            plot.header(pick("Status", "Status"), column: "status")
                            plot.header(pick("Prioriteit", "Priority"), column: "priority")
                            plot.header(pick("Waarom", "Why"), column: "details")
                        }
                    }
                    element("tbody") {
                        for (number, role) in analysis.urgentGaps.enumerated() {
                            plot.tableRow {
                                element("td", .class("tp-number")) { "\(number + 1)" }
                                element("th", HTMLAttribute("scope", "row")) { role.role.name(language) }
                                element("td") { plot.statusBadge(role.status) }
                                element("td") { role.priority.label(language) }
                                element("td") { [words.reason(role), role.note ?? ""].filter { !$0.isEmpty }.joined(separator: "; ") }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The plot gets a page of its own, turned to landscape when that shows it larger; a plot too
    /// big to read on one page (a very large team) runs over several pages instead of shrinking.
    private func plotSection(_ analysis: GapAnalysis, plot: TeamPlot, functionsTable: HTML, into html: inout HTML) {
        // Only the sizes are needed to choose the page; the parts are drawn once, below.
        let size = plot.matrixSize(analysis)
        let placement = ReportStyle.placement(width: size.width, height: size.height)
        var pages = [analysis.functions.indices]
        var classes = "tp-plot-page tp-\(placement.rawValue)"
        if placement == .flow {
            // Measured on a part long enough to repeat the status row, so every part fits.
            let sample = min(analysis.functions.count, TeamPlot.matrixRepeatsStatusAbove + 1)
            let part = plot.matrixSize(analysis, rows: 0..<sample)
            let paging = ReportStyle.paging(
                width: part.width, fixedHeight: part.height - Double(sample) * TeamPlot.matrixRowHeight,
                rowHeight: TeamPlot.matrixRowHeight)
            pages = stride(from: 0, to: analysis.functions.count, by: paging.rowsPerPage).map {
                $0..<min($0 + paging.rowsPerPage, analysis.functions.count)
            }
            classes += " tp-flow-\(paging.orientation.rawValue)"
        }
        appendElement("section", .id("teamplot"), .class(classes), HTMLAttribute("aria-labelledby", "teamplot-kop"),
                      to: &html) { html in
            html += element("h2", .id("teamplot-kop")) { pick("Teamplot", "Team plot") }
            html += element("p", .class("tp-how")) {
                pick("Elke rij is een functie, elke kolom een rol. Een blauw vak: de functie vervult de rol, met het deel van de tijd; gestippeld: vacature. Onderaan de status van elke rol, met symbool en patroon.",
                     "Each row is a function, each column a role. A blue cell: the function holds the role, with the share of its time; dashed: a vacancy. At the bottom each role's status, with symbol and pattern.")
            }
            plot.appendMatrixFigure(analysis, pages: pages, functionsTable: functionsTable, to: &html)
        }
    }

    private func categories(_ analysis: GapAnalysis, plot: TeamPlot) -> HTML {
        element("section", .id("per-categorie"), HTMLAttribute("aria-labelledby", "per-categorie-kop")) {
            element("h2", .id("per-categorie-kop")) { pick("Per categorie", "Per category") }
            plot.coverageFigure(analysis: analysis)
            for (number, category) in analysis.categories.enumerated() {
                let roles = analysis.roles.filter { $0.categoryId == category.category.id }
                element("div", .class("tp-category")) {
                    element("h3") {
                        "\(number + 1). \(category.category.name(language))"
                        element("span", .class("tp-coverage-note")) { " — " + plot.coverageSentence(category) }
                    }
                    plot.rolesTable(analysis, roles: roles, caption: category.category.name(language), showsCategory: false)
                }
            }
        }
    }

    private func functions(_ table: HTML) -> HTML {
        element("section", .id("functies"), HTMLAttribute("aria-labelledby", "functies-kop")) {
            element("h2", .id("functies-kop")) { pick("Functies", "Functions") }
            table
        }
    }

    private func tasksAndCompetencies(_ analysis: GapAnalysis) -> HTML {
        let words = AnalysisWording(language)
        let hasAny = !analysis.missingTasks.isEmpty || !analysis.missingCompetencies.isEmpty
            || !analysis.singleCompetencies.isEmpty
        guard hasAny else { return HTML() }
        return element("section", .id("taken-competenties"), HTMLAttribute("aria-labelledby", "taken-competenties-kop")) {
            element("h2", .id("taken-competenties-kop")) { pick("Taken en competenties", "Tasks and competencies") }
            element("ul") {
                for task in analysis.missingTasks {
                    element("li") { pick("Taak die niemand uitvoert: ", "Task nobody performs: ") + task }
                }
                for competency in analysis.missingCompetencies {
                    element("li") { pick("Competentie die niemand heeft: ", "Competency nobody has: ") + words.competency(competency) }
                }
                for result in analysis.singleCompetencies {
                    element("li") {
                        pick("Competentie bij één persoon: ", "Competency held by one person: ")
                            + words.competency(result.competency) + " (\(result.holders.joined(separator: ", ")))"
                    }
                }
            }
        }
    }
}
