import TeamplotterCore
import TeamplotterReport
import TeamplotterStore

/// A team's own page: its functions, a summary of its needs and gaps, and what can be done with
/// the team as a whole.
struct TeamPage {
    let context: RequestContext
    let stored: StoredTeam
    var renameName: String?
    var renameOrganisation: String?
    var renameWeek: String?
    var errors = FieldErrors()

    func render() -> HTML {
        let l = context.language
        let team = stored.team
        let base = "/teams/\(stored.id)"
        let analysis = GapAnalyser.analyse(team)
        let wording = AnalysisWording(l)
        let catalogue = team.catalogue
        return Layout(language: l, path: base).page(title: team.name, section: .teams) {
            TeamChrome.header(stored, language: l, tab: .overview)
            FormControls.errorSummary(errors, language: l)
            if let organisation = team.organisation { element("p", .class("muted")) { organisation } }

            element("section", .class("panel"), HTMLAttribute("aria-labelledby", "stand-titel")) {
                element("h2", .id("stand-titel")) { l.pick("Stand van zaken", "Where things stand") }
                element("ul", .class("counts")) {
                    for status in RoleStatus.allCases where status.isGap || status == .covered {
                        element("li") {
                            TeamChrome.status(status, l)
                            " " + String(analysis.count(status)) + " " + l.pick(analysis.count(status) == 1 ? "rol" : "rollen", analysis.count(status) == 1 ? "role" : "roles")
                        }
                    }
                }
                if let first = wording.summary(analysis).first { element("p") { first } }
                element("p") {
                    element("a", HTMLAttribute("href", base + "/analysis")) { l.pick("Bekijk de volledige gap-analyse", "See the full gap analysis") }
                }
            }
            TeamChrome.plot(context, stored, analysis)

            element("h2", .id("functies")) { l.pick("Functies", "Functions") }
            element("p") {
                element("a", .class("button"), HTMLAttribute("href", base + "/functions/new")) { l.pick("Functie toevoegen", "Add a function") }
            }
            if team.functions.isEmpty {
                element("p", .class("notice")) {
                    l.pick("Dit team heeft nog geen functies. Voeg de eerste functie toe.", "This team has no functions yet. Add the first one.")
                }
            } else {
                element("div", .class("table-wrap")) {
                    element("table", .class("stack")) {
                        element("caption", .class("visually-hidden")) { l.pick("Functies van dit team", "Functions of this team") }
                        element("thead") {
                            element("tr") {
                                for header in [l.pick("Functie", "Function"), l.pick("Naam", "Name"), "FTE", l.pick("Rollen", "Roles"), l.pick("Let op", "Note"), l.pick("Acties", "Actions")] {
                                    element("th", HTMLAttribute("scope", "col")) { header }
                                }
                            }
                        }
                        element("tbody") {
                            for result in analysis.functions {
                                let number = result.index + 1
                                let function = result.function
                                element("tr", .id("functie-\(number)")) {
                                    element("th", HTMLAttribute("scope", "row")) { function.title }
                                    element("td", HTMLAttribute("data-label", l.pick("Naam", "Name"))) { function.isVacancy ? l.pick("vacature", "vacancy") : (function.holder ?? "—") }
                                    element("td", .class("number"), HTMLAttribute("data-label", "FTE")) { function.workload == nil ? l.pick("onbekend", "unknown") : NumberFormatting.fte(result.fte, l) }
                                    element("td", HTMLAttribute("data-label", l.pick("Rollen", "Roles"))) {
                                        element("ul", .class("plain")) {
                                            for share in result.roles {
                                                element("li") {
                                                    (catalogue.role(id: share.roleId)?.name(l) ?? share.roleId)
                                                        + " (" + NumberFormatting.short(share.sharePercent, l) + "%)"
                                                }
                                            }
                                        }
                                    }
                                    element("td", HTMLAttribute("data-label", l.pick("Let op", "Note"))) {
                                        let warnings = wording.warnings(result.warnings, catalogue: catalogue, withVacancy: false)
                                        if !warnings.isEmpty {
                                            element("ul", .class("warning-list")) {
                                                for warning in warnings { element("li") { warning } }
                                            }
                                        }
                                    }
                                    element("td", .class("row-actions")) {
                                        element("a", HTMLAttribute("href", base + "/functions/\(number)")) {
                                            l.pick("Bewerken", "Edit")
                                            element("span", .class("visually-hidden")) { ": " + function.title + (function.holder.map { ", " + $0 } ?? "") }
                                        }
                                        " · "
                                        element("a", HTMLAttribute("href", base + "/functions/\(number)/remove")) {
                                            l.pick("Verwijderen", "Remove")
                                            element("span", .class("visually-hidden")) { ": " + function.title + (function.holder.map { ", " + $0 } ?? "") }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            element("h2") { l.pick("Behoefte", "Needs") }
            element("p") {
                if team.needs.statesRoleNeeds {
                    let needed = team.needs.roles.count { $0.priority.isNeeded }
                    l.pick("\(needed) van de \(catalogue.roles.count) rollen zijn nodig, gewenst of optioneel.",
                           "\(needed) of the \(catalogue.roles.count) roles are must, should or could.")
                } else {
                    l.pick("Er is nog geen behoefte opgegeven; alle rollen tellen als gewenst.", "No needs stated yet; every role counts as should.")
                }
                " "
                element("a", HTMLAttribute("href", base + "/needs")) { l.pick("Behoefte invullen of aanpassen", "Fill in or change the needs") }
            }

            element("h2") { l.pick("Dit team", "This team") }
            element("div", .class("grid-2")) {
                element("section", .class("panel"), HTMLAttribute("aria-labelledby", "hernoem-titel")) {
                    element("h3", .id("hernoem-titel")) { l.pick("Naam, organisatie en werkweek", "Name, organisation and working week") }
                    FormControls.form(action: base + "/rename", token: context.csrfToken) {
                        FormControls.text(
                            id: "rename-name", name: "name", label: l.pick("Naam van het team", "Team name"),
                            value: renameName ?? team.name, error: errors["rename-name"], required: true)
                        FormControls.text(
                            id: "rename-organisation", name: "organisation", label: l.pick("Organisatie (niet verplicht)", "Organisation (optional)"),
                            value: renameOrganisation ?? team.organisation ?? "", autocomplete: "organization")
                        FormControls.text(
                            id: "rename-week", name: "week", label: l.pick("Uren in één fte", "Hours in one FTE"),
                            value: renameWeek ?? NumberField.show(team.standardWeekHours, l), error: errors["rename-week"],
                            hint: l.pick("36 is de gemeentelijke standaard.", "36 is the Dutch municipal standard."),
                            inputMode: "decimal", width: "short")
                        FormControls.submit(l.pick("Opslaan", "Save"))
                    }
                }
                element("section", .class("panel"), HTMLAttribute("aria-labelledby", "acties-titel")) {
                    element("h3", .id("acties-titel")) { l.pick("Kopiëren, bewaren, verwijderen", "Copy, keep, delete") }
                    element("p") {
                        element("a", HTMLAttribute("href", base + "/download")) { l.pick("Teamdocument downloaden (.json)", "Download the team document (.json)") }
                    }
                    FormControls.form(action: base + "/duplicate", token: context.csrfToken) {
                        FormControls.submit(l.pick("Kopie maken", "Make a copy"), secondary: true)
                    }
                    element("p") {
                        element("a", HTMLAttribute("href", base + "/delete")) { l.pick("Team verwijderen…", "Delete team…") }
                    }
                }
            }
        }
    }
}
