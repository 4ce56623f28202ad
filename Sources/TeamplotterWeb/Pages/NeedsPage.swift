import TeamplotterCore
import TeamplotterReport
import TeamplotterStore

/// The needs form: one fieldset per category, with a quick choice for the whole category, and
/// per role its priority, desired FTE, minimum number of people and a note.
struct NeedsPage {
    let context: RequestContext
    let stored: StoredTeam
    let form: NeedsForm
    var errors = FieldErrors()
    var saved = false

    func render() -> HTML {
        let l = context.language
        let base = "/teams/\(stored.id)"
        let catalogue = stored.team.catalogue
        let priorities: [(value: String, text: String)] =
            [("", l.pick("— niet opgegeven —", "— not stated —"))] + Priority.allCases.map { ($0.rawValue, $0.label(l)) }
        let quick: [(value: String, text: String)] =
            [("", l.pick("per rol kiezen (hieronder)", "choose per role (below)"))]
            + Priority.allCases.map { ($0.rawValue, l.pick("alle rollen: ", "all roles: ") + $0.label(l)) }
        return Layout(language: l, path: base + "/needs").page(title: l.pick("Behoefte", "Needs") + " — " + stored.team.name, section: .teams) {
            TeamChrome.header(stored, language: l, tab: .needs)
            if saved {
                element("div", .class("notice"), HTMLAttribute("role", "status")) {
                    l.pick("De behoefte is opgeslagen. ", "The needs have been saved. ")
                    element("a", HTMLAttribute("href", base + "/analysis")) { l.pick("Bekijk de gap-analyse", "See the gap analysis") }
                }
            }
            FormControls.errorSummary(errors, language: l)
            element("p", .class("lead")) {
                l.pick(
                    "Geef per rol aan of uw organisatie hem nodig heeft. Geeft u geen enkele rol een prioriteit, dan tellen alle rollen als gewenst; geeft u er één of meer op, dan tellen de rollen zonder prioriteit als niet nodig.",
                    "State for each role whether your organisation needs it. With no priority given at all, every role counts as should; once you give one or more, roles without a priority count as not needed.")
            }
            FormControls.form(action: base + "/needs", token: context.csrfToken) {
                for category in catalogue.categories {
                    let categoryField = "category-" + category.id
                    element("fieldset", .id("categorie-" + category.id)) {
                        element("legend") { category.name(l) }
                        FormControls.select(
                            id: categoryField, label: l.pick("Snelle keuze voor de hele categorie", "Quick choice for the whole category"),
                            options: quick, selected: form.categoryChoice[category.id] ?? "", error: errors[categoryField],
                            hint: l.pick(
                                "Kiest u hier een prioriteit, dan krijgen alle rollen van deze categorie die prioriteit bij opslaan.",
                                "Choosing a priority here gives every role of this category that priority when you save."),
                            hiddenLabelSuffix: category.name(l))
                        for role in category.roles {
                            element("div", .class("need-row"), .id("need-" + role.id)) {
                                element("h3") { role.name(l) }
                                element("p", .class("hint")) { role.description(l) }
                                element("div", .class("need-fields")) {
                                    FormControls.select(
                                        id: "priority-" + role.id, label: l.pick("Prioriteit", "Priority"), options: priorities,
                                        selected: form.priorities[role.id] ?? "", error: errors["priority-" + role.id],
                                        hiddenLabelSuffix: role.name(l))
                                    FormControls.text(
                                        id: "fte-" + role.id, label: l.pick("Gewenste fte", "Desired FTE"), value: form.desiredFte[role.id] ?? "",
                                        error: errors["fte-" + role.id], inputMode: "decimal", hiddenLabelSuffix: role.name(l))
                                    FormControls.text(
                                        id: "min-" + role.id, label: l.pick("Minimaal aantal personen", "Minimum people"), value: form.minPeople[role.id] ?? "",
                                        error: errors["min-" + role.id], inputMode: "numeric", hiddenLabelSuffix: role.name(l))
                                    FormControls.text(
                                        id: "note-" + role.id, label: l.pick("Toelichting", "Note"), value: form.notes[role.id] ?? "",
                                        error: errors["note-" + role.id], hiddenLabelSuffix: role.name(l))
                                }
                            }
                        }
                    }
                }
                element("fieldset", .id("taken-competenties")) {
                    element("legend") { l.pick("Nodige taken en competenties", "Needed tasks and competencies") }
                    FormControls.textArea(
                        id: "needed-tasks", label: l.pick("Taken die uitgevoerd moeten worden", "Tasks that must be done"), value: form.tasks,
                        hint: l.pick("Eén per regel, bijvoorbeeld: Webcare", "One per line, for example: Webcare"))
                    FormControls.textArea(
                        id: "needed-competencies", label: l.pick("Competenties die in het team nodig zijn", "Competencies the team needs"),
                        value: form.competencies, error: errors["needed-competencies"],
                        hint: l.pick("Eén per regel, eventueel met niveau: Data-analyse (niveau 2)", "One per line, optionally with a level: Data analysis (level 2)"))
                }
                element("div", .class("actions")) {
                    FormControls.submit(l.pick("Behoefte opslaan", "Save needs"))
                    element("a", HTMLAttribute("href", base)) { l.pick("Annuleren", "Cancel") }
                }
            }
        }
    }
}
