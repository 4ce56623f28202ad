import TeamplotterCore
import TeamplotterReport
import TeamplotterStore

/// The home page: the teams, and the ways to start a new one.
struct TeamsListPage {
    /// What was typed in the create forms, kept when one fails.
    struct Input {
        var emptyName = ""
        var uploadName = ""
        var errors = FieldErrors()
        /// Problems found in an uploaded file, each naming its place.
        var uploadProblems: [String] = []
    }

    let context: RequestContext
    let teams: [TeamSummary]
    var input = Input()

    func render() -> HTML {
        let l = context.language
        let token = context.csrfToken
        return Layout(language: l, path: "/").page(title: l.pick("Teams", "Teams"), section: .teams) {
            element("h1") { l.pick("Uw online teams", "Your online teams") }
            element("p", .class("lead")) {
                l.pick(
                    "Breng per functie de taken, rollen en competenties in kaart, geef aan welke rollen nodig zijn en zie welke rollen ontbreken of aan één persoon hangen.",
                    "Map each function's tasks, roles and competencies, state which roles are needed, and see which roles are missing or rest on one person.")
            }
            FormControls.errorSummary(input.errors, language: l)
            if teams.isEmpty {
                element("p", .class("notice")) { l.pick("Er zijn nog geen teams. Begin hieronder.", "There are no teams yet. Start below.") }
            } else {
                element("div", .class("table-wrap")) {
                    element("table") {
                        element("caption") { l.pick("Teams", "Teams") }
                        element("thead") {
                            element("tr") {
                                element("th", HTMLAttribute("scope", "col")) { l.pick("Team", "Team") }
                                element("th", HTMLAttribute("scope", "col")) { l.pick("Organisatie", "Organisation") }
                                element("th", HTMLAttribute("scope", "col"), .class("number")) { l.pick("Functies", "Functions") }
                                element("th", HTMLAttribute("scope", "col")) { l.pick("Gewijzigd", "Changed") }
                                element("th", HTMLAttribute("scope", "col")) { l.pick("Analyse", "Analysis") }
                            }
                        }
                        element("tbody") {
                            for team in teams {
                                element("tr") {
                                    element("td") { element("a", HTMLAttribute("href", "/teams/\(team.id)")) { team.name } }
                                    element("td") { team.organisation ?? "" }
                                    element("td", .class("number")) { String(team.functionCount) }
                                    element("td") { Dates.show(team.updatedAt, l) }
                                    element("td") {
                                        element("a", HTMLAttribute("href", "/teams/\(team.id)/analysis")) {
                                            l.pick("Gap-analyse", "Gap analysis")
                                            element("span", .class("visually-hidden")) { " " + l.pick("van", "of") + " " + team.name }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            element("h2", .id("nieuw")) { l.pick("Nieuw team", "New team") }
            element("div", .class("grid-2")) {
                element("section", .class("panel"), HTMLAttribute("aria-labelledby", "leeg-titel")) {
                    element("h3", .id("leeg-titel")) { l.pick("Leeg beginnen", "Start empty") }
                    FormControls.form(action: "/teams", token: token) {
                        element("input", HTMLAttribute("type", "hidden"), HTMLAttribute("name", "mode"), HTMLAttribute("value", "empty"))
                        FormControls.text(
                            id: "team-name", name: "name", label: l.pick("Naam van het team", "Team name"), value: input.emptyName,
                            error: input.errors["team-name"], hint: l.pick("Bijvoorbeeld: Online team Dienstverlening", "For example: Online services team"),
                            required: true)
                        FormControls.submit(l.pick("Team aanmaken", "Create team"))
                    }
                }
                element("section", .class("panel"), HTMLAttribute("aria-labelledby", "voorbeeld-titel")) {
                    element("h3", .id("voorbeeld-titel")) { l.pick("Vanuit het voorbeeld", "From the example") }
                    element("p") {
                        l.pick(
                            "Een ingevuld voorbeeld van de fictieve gemeente Voorbeeldstad, om mee te oefenen of als begin.",
                            "A filled-in example from the fictional municipality of Voorbeeldstad, to practise with or start from.")
                    }
                    FormControls.form(action: "/teams", token: token) {
                        element("input", HTMLAttribute("type", "hidden"), HTMLAttribute("name", "mode"), HTMLAttribute("value", "example"))
                        FormControls.submit(l.pick("Voorbeeldteam toevoegen", "Add the example team"), secondary: true)
                    }
                }
            }
            element("section", .class("panel"), HTMLAttribute("aria-labelledby", "upload-titel")) {
                element("h3", .id("upload-titel")) { l.pick("Een bestand inlezen", "Read a file") }
                element("p") {
                    l.pick(
                        "Een teamdocument (.json, uit Teamplotter), een Excel-bestand (.xlsx, zoals het invulsjabloon) of een ingevuld werkblad (.csv, zoals Excel het opslaat). ",
                        "A team document (.json, from Teamplotter), an Excel workbook (.xlsx, such as the fill-in template) or a filled-in worksheet (.csv, as Excel saves it). ")
                    element("a", HTMLAttribute("href", "/template.xlsx"), HTMLAttribute("download", "")) {
                        l.pick("Download het invulsjabloon voor Excel (.xlsx)", "Download the fill-in template for Excel (.xlsx)")
                    }
                    "."
                }
                FormControls.form(action: "/teams", token: token, multipart: true) {
                    element("input", HTMLAttribute("type", "hidden"), HTMLAttribute("name", "mode"), HTMLAttribute("value", "upload"))
                    // The server's limit is on the whole form, so the hint counts both files.
                    let limit = ByteSizes.show(context.config.limits.maximumBodyBytes, l)
                    fileField(
                        id: "team-file", label: l.pick("Teambestand (.json, .xlsx of .csv)", "Team file (.json, .xlsx or .csv)"),
                        hint: l.pick("Hoogstens \(limit), samen met het behoeftebestand.", "At most \(limit), together with the needs file."),
                        error: input.errors["team-file"], problems: input.uploadProblems)
                    fileField(
                        id: "needs-file", label: l.pick("Behoefte (.csv, niet verplicht)", "Needs (.csv, optional)"),
                        hint: l.pick(
                            "Kolommen: Rol; Prioriteit; Gewenste fte; Minimaal aantal personen; Toelichting.",
                            "Columns: Rol; Prioriteit; Gewenste fte; Minimaal aantal personen; Toelichting."),
                        error: input.errors["needs-file"], problems: [], accept: Self.needsFileTypes)
                    FormControls.text(
                        id: "upload-name", name: "name", label: l.pick("Naam van het team (niet verplicht)", "Team name (optional)"),
                        value: input.uploadName, hint: l.pick("Leeg laten: de naam uit het bestand.", "Leave empty: the name from the file."))
                    FormControls.submit(l.pick("Inlezen", "Read file"))
                }
            }
        }
    }

    static let teamFileTypes = ".json,.xlsx,.csv,.txt,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// Without JSON: a team document holds its own needs, and is refused as a needs file.
    static let needsFileTypes = ".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    private func fileField(
        id: String, label: String, hint: String? = nil, error: String?, problems: [String], accept: String = Self.teamFileTypes
    ) -> HTML {
        let describedBy = [hint.map { _ in FormControls.hintId(id) }, error.map { _ in FormControls.errorId(id) }].compactMap { $0 }
        return element("div", .class(error == nil ? "field" : "field field-invalid")) {
            element("label", HTMLAttribute("for", id)) { label }
            if let hint { element("p", .class("hint"), .id(FormControls.hintId(id))) { hint } }
            if let error {
                element("div", .class("field-error"), .id(FormControls.errorId(id))) {
                    element("p") { error }
                    if !problems.isEmpty {
                        element("ul") { for problem in problems { element("li") { problem } } }
                    }
                }
            }
            element(
                "input", HTMLAttribute("type", "file"), .id(id), HTMLAttribute("name", id),
                HTMLAttribute("accept", accept),
                describedBy.isEmpty ? nil : HTMLAttribute("aria-describedby", describedBy.joined(separator: " ")),
                error == nil ? nil : HTMLAttribute("aria-invalid", "true"))
        }
    }
}
