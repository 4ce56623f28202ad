import TeamplotterCore
import TeamplotterReport
import TeamplotterStore

/// The gap analysis of PRODUCT.md §5: the summary, the gaps most urgent first (each linked to
/// where it is fixed), coverage per category, every role, every function, tasks and competencies.
struct AnalysisPage {
    let context: RequestContext
    let stored: StoredTeam

    func render() -> HTML {
        let l = context.language
        let team = stored.team
        let base = "/teams/\(stored.id)"
        let analysis = GapAnalyser.analyse(team)
        let wording = AnalysisWording(l)
        let catalogue = team.catalogue
        return Layout(language: l, path: base + "/analysis").page(title: l.pick("Gap-analyse", "Gap analysis") + " — " + team.name, section: .teams) {
            TeamChrome.header(stored, language: l, tab: .analysis)

            // The summary in words first (what a screen reader meets first), then the picture.
            element("section", .class("panel"), HTMLAttribute("aria-labelledby", "samenvatting")) {
                element("h2", .id("samenvatting")) { l.pick("Samenvatting", "Summary") }
                element("ul", .class("counts")) {
                    for status in RoleStatus.allCases {
                        element("li") { TeamChrome.status(status, l); " " + String(analysis.count(status)) }
                    }
                }
                for line in wording.summary(analysis) { element("p") { line } }
            }
            TeamChrome.plot(context, stored, analysis)

            element("h2", .id("urgent")) { l.pick("Wat het eerst aandacht vraagt", "What needs attention first") }
            if analysis.urgentGaps.isEmpty {
                element("p") { l.pick("Geen rollen die ontbreken, onderbezet zijn of aan één persoon hangen.", "No roles are missing, understaffed or resting on one person.") }
            } else {
                element("ol", .class("gaps")) {
                    for gap in analysis.urgentGaps {
                        element("li") {
                            TeamChrome.status(gap.status, l)
                            " "
                            element("strong") { gap.role.name(l) }
                            " (" + gap.priority.label(l) + ")"
                            let reason = wording.reason(gap)
                            if !reason.isEmpty { ": " + reason }
                            element("span", .class("fix")) { fixLinks(gap, base: base, language: l) }
                        }
                    }
                }
            }

            element("h2", .id("categorieen")) { l.pick("Dekking per categorie", "Coverage per category") }
            element("div", .class("table-wrap")) {
                element("table") {
                    element("caption", .class("visually-hidden")) { l.pick("Dekking per categorie", "Coverage per category") }
                    element("thead") {
                        element("tr") {
                            element("th", HTMLAttribute("scope", "col")) { l.pick("Categorie", "Category") }
                            element("th", HTMLAttribute("scope", "col"), .class("number")) { l.pick("Nodig", "Needed") }
                            element("th", HTMLAttribute("scope", "col"), .class("number")) { l.pick("Aanwezig", "Present") }
                            element("th", HTMLAttribute("scope", "col"), .class("number")) { l.pick("Dekking", "Coverage") }
                        }
                    }
                    element("tbody") {
                        for category in analysis.categories {
                            element("tr") {
                                element("th", HTMLAttribute("scope", "row")) { category.category.name(l) }
                                element("td", .class("number")) { String(category.needed) }
                                element("td", .class("number")) { String(category.present) }
                                element("td", .class("number")) { category.coverage.map(NumberFormatting.percent) ?? "—" }
                            }
                        }
                    }
                }
            }

            element("h2", .id("rollen")) { l.pick("Alle rollen", "All roles") }
            for category in analysis.categories {
                let roles = analysis.roles.filter { $0.categoryId == category.category.id }
                element("div", .class("table-wrap")) {
                    element("table", .class("stack role-table")) {
                        element("caption") { category.category.name(l) }
                        element("thead") {
                            element("tr") {
                                for header in [l.pick("Rol", "Role"), l.pick("Prioriteit", "Priority"), l.pick("Status", "Status"),
                                               l.pick("Personen", "People"), l.pick("Fte (gewenst)", "FTE (desired)"), l.pick("Wie", "Who")] {
                                    element("th", HTMLAttribute("scope", "col")) { header }
                                }
                            }
                        }
                        element("tbody") {
                            for role in roles {
                                element("tr", .id("rol-" + role.role.id)) {
                                    element("th", HTMLAttribute("scope", "row")) { role.role.name(l) }
                                    element("td", HTMLAttribute("data-label", l.pick("Prioriteit", "Priority"))) { role.priority.label(l) }
                                    element("td", HTMLAttribute("data-label", l.pick("Status", "Status"))) {
                                        TeamChrome.status(role.status, l)
                                        let reason = wording.reason(role)
                                        if !reason.isEmpty { element("br"); element("span", .class("hint")) { reason } }
                                    }
                                    element("td", .class("number"), HTMLAttribute("data-label", l.pick("Personen", "People"))) {
                                        String(role.people) + (role.minPeople.map { " / \($0)" } ?? "")
                                    }
                                    element("td", .class("number"), HTMLAttribute("data-label", l.pick("Fte (gewenst)", "FTE (desired)"))) {
                                        NumberFormatting.fte(role.fte, l) + (role.desiredFte.map { " / " + NumberFormatting.short($0, l) } ?? "")
                                    }
                                    element("td", HTMLAttribute("data-label", l.pick("Wie", "Who"))) {
                                        element("ul", .class("plain")) {
                                            for holding in role.holdings {
                                                element("li") {
                                                    element("a", HTMLAttribute("href", base + "/functions/\(holding.functionIndex + 1)")) {
                                                        holding.isVacancy ? holding.functionTitle + " (" + l.pick("vacature", "vacancy") + ")"
                                                            : (holding.holder ?? holding.functionTitle)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            element("h2", .id("functies")) { l.pick("Functies", "Functions") }
            element("div", .class("table-wrap")) {
                element("table", .class("stack")) {
                    element("caption", .class("visually-hidden")) { l.pick("Functies", "Functions") }
                    element("thead") {
                        element("tr") {
                            for header in [l.pick("Functie", "Function"), "FTE", l.pick("Rollen (aandeel)", "Roles (share)"), l.pick("Aandelen samen", "Shares total"), l.pick("Let op", "Note")] {
                                element("th", HTMLAttribute("scope", "col")) { header }
                            }
                        }
                    }
                    element("tbody") {
                        for result in analysis.functions {
                            element("tr") {
                                element("th", HTMLAttribute("scope", "row")) {
                                    element("a", HTMLAttribute("href", base + "/functions/\(result.index + 1)")) {
                                        result.function.title + (result.function.holder.map { " — " + $0 } ?? "")
                                    }
                                }
                                element("td", .class("number"), HTMLAttribute("data-label", "FTE")) { NumberFormatting.fte(result.fte, l) }
                                element("td", HTMLAttribute("data-label", l.pick("Rollen", "Roles"))) {
                                    result.roles.map { share in
                                        (catalogue.role(id: share.roleId)?.name(l) ?? share.roleId) + " " + NumberFormatting.short(share.sharePercent, l) + "%"
                                    }.joined(separator: ", ")
                                }
                                element("td", .class("number"), HTMLAttribute("data-label", l.pick("Aandelen samen", "Shares total"))) { NumberFormatting.short(result.shareTotal, l) + "%" }
                                element("td", HTMLAttribute("data-label", l.pick("Let op", "Note"))) {
                                    wording.warnings(result.warnings, catalogue: catalogue).joined(separator: "; ")
                                }
                            }
                        }
                    }
                }
            }

            element("h2", .id("taken")) { l.pick("Taken en competenties", "Tasks and competencies") }
            element("div", .class("grid-2")) {
                element("section", HTMLAttribute("aria-labelledby", "taken-ontbreken")) {
                    element("h3", .id("taken-ontbreken")) { l.pick("Taken die niemand uitvoert", "Tasks nobody performs") }
                    list(analysis.missingTasks, empty: team.needs.tasks.isEmpty
                        ? l.pick("Er zijn geen nodige taken opgegeven.", "No needed tasks were stated.")
                        : l.pick("Alle nodige taken worden uitgevoerd.", "Every needed task is performed."))
                }
                element("section", HTMLAttribute("aria-labelledby", "comp-ontbreken")) {
                    element("h3", .id("comp-ontbreken")) { l.pick("Competenties die niemand heeft", "Competencies nobody has") }
                    list(analysis.missingCompetencies.map(wording.competency), empty: team.needs.competencies.isEmpty
                        ? l.pick("Er zijn geen nodige competenties opgegeven.", "No needed competencies were stated.")
                        : l.pick("Elke nodige competentie is aanwezig.", "Every needed competency is present."))
                    element("h3") { l.pick("Competenties die maar één persoon heeft", "Competencies only one person has") }
                    list(analysis.singleCompetencies.map { wording.competency($0.competency) + " — " + $0.holders.joined(separator: ", ") },
                         empty: l.pick("Geen.", "None."))
                }
            }
            element("p") {
                element("a", HTMLAttribute("href", base + "/needs#taken-competenties")) {
                    l.pick("Nodige taken en competenties aanpassen", "Change the needed tasks and competencies")
                }
            }
        }
    }

    private func list(_ items: [String], empty: String) -> HTML {
        if items.isEmpty { return element("p") { empty } }
        return element("ul") { for item in items { element("li") { item } } }
    }

    /// Where this gap is fixed: add someone with the role, or change what is needed.
    private func fixLinks(_ gap: RoleResult, base: String, language l: Language) -> HTML {
        let name = gap.role.name(l)
        return element("a", HTMLAttribute("href", base + "/functions/new?role=" + gap.role.id)) {
            l.pick("Functie met deze rol toevoegen", "Add a function with this role")
            element("span", .class("visually-hidden")) { " (" + name + ")" }
        }
            + HTML(" · ")
            + element("a", HTMLAttribute("href", base + "/needs#need-" + gap.role.id)) {
                l.pick("Behoefte aanpassen", "Change the need")
                element("span", .class("visually-hidden")) { " (" + name + ")" }
            }
            + HTML(gap.holdings.isEmpty ? "" : " · ")
            + gap.holdings.map { holding in
                element("a", HTMLAttribute("href", base + "/functions/\(holding.functionIndex + 1)")) {
                    l.pick("Bewerk ", "Edit ") + holding.functionTitle
                        + (holding.holder.map { " (\($0))" } ?? (holding.isVacancy ? l.pick(" (vacature)", " (vacancy)") : ""))
                }
            }.reduce(HTML()) { $0 + ($0.isEmpty ? HTML() : HTML(" · ")) + $1 }
    }
}
