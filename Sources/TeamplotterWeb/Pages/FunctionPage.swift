import TeamplotterCore
import TeamplotterReport
import TeamplotterStore

/// The form for one function: title, holder, hours or FTE, vacancy, tasks, roles with their
/// share (grouped by category, each role's description beside it), competencies.
struct FunctionPage {
    let context: RequestContext
    let stored: StoredTeam
    /// Nil for a new function.
    let number: Int?
    let form: FunctionForm
    var errors = FieldErrors()
    /// The fingerprint of the function as the form was opened; by default the posted one, or
    /// the stored function's when the form is first shown.
    var original: String?

    func render() -> HTML {
        let l = context.language
        let base = "/teams/\(stored.id)"
        let title = number == nil ? l.pick("Functie toevoegen", "Add a function") : l.pick("Functie bewerken", "Edit function")
        let action = number.map { base + "/functions/\($0)" } ?? base + "/functions"
        let catalogue = stored.team.catalogue
        // The language switch goes to the form's GET address, also after a failed post.
        let path = number.map { base + "/functions/\($0)" } ?? base + "/functions/new"
        return Layout(language: l, path: path).page(title: title + " — " + stored.team.name, section: .teams) {
            TeamChrome.breadcrumbs(stored, language: l, current: title)
            element("h1") { title }
            FormControls.errorSummary(errors, language: l)
            FormControls.form(action: action, token: context.csrfToken) {
                if let number, let fingerprint = original ?? context.form[FunctionHandlers.originalField]
                    ?? stored.team.functions[safe: number - 1]?.fingerprint {
                    element("input", HTMLAttribute("type", "hidden"), HTMLAttribute("name", FunctionHandlers.originalField), HTMLAttribute("value", fingerprint))
                }
                element("fieldset") {
                    element("legend") { l.pick("De functie", "The function") }
                    FormControls.text(
                        id: "title", label: l.pick("Functietitel", "Job title"), value: form.title, error: errors["title"],
                        hint: l.pick("Bijvoorbeeld: Webredacteur", "For example: Web editor"), required: true)
                    FormControls.text(
                        id: "holder", label: l.pick("Naam van de medewerker (niet verplicht)", "Name of the person (optional)"),
                        value: form.holder, error: errors["holder"],
                        hint: l.pick(
                            "Een schuilnaam mag ook. Dezelfde naam bij twee functies telt als één persoon.",
                            "A pseudonym is fine. The same name in two functions counts as one person."),
                        autocomplete: "off")
                    FormControls.checkbox(
                        id: "vacancy", name: "vacancy", label: l.pick("Vacature: de functie bestaat, maar er zit nu niemand op", "Vacancy: the function exists, but nobody holds it now"),
                        checked: form.vacancy)
                    FormControls.text(
                        id: "hours", label: l.pick("Uren per week", "Hours per week"), value: form.hours, error: errors["hours"],
                        hint: l.pick("Bijvoorbeeld 36 of 22,5. Of vul hieronder fte in.", "For example 36 or 22.5. Or enter FTE below."),
                        inputMode: "decimal", width: "short")
                    FormControls.text(
                        id: "fte", label: "FTE", value: form.fte, error: errors["fte"],
                        hint: l.pick(
                            "Bijvoorbeeld 0,8. 1 fte is \(NumberFormatting.short(stored.team.standardWeekHours, l)) uur per week.",
                            "For example 0.8. 1 FTE is \(NumberFormatting.short(stored.team.standardWeekHours, l)) hours per week."),
                        inputMode: "decimal", width: "short")
                }
                element("fieldset") {
                    element("legend") { l.pick("Taken en competenties", "Tasks and competencies") }
                    FormControls.textArea(
                        id: "tasks", label: l.pick("Taken", "Tasks"), value: form.tasks,
                        hint: l.pick("Eén taak per regel.", "One task per line."))
                    FormControls.textArea(
                        id: "competencies", label: l.pick("Competenties", "Competencies"), value: form.competencies, error: errors["competencies"],
                        hint: l.pick(
                            "Eén per regel, eventueel met niveau 1–4: Schrijven op B1-niveau (niveau 3)",
                            "One per line, optionally with a level 1–4: Writing (level 3)"))
                }
                element("h2") { l.pick("Rollen", "Roles") }
                element("p", .class("hint")) {
                    l.pick(
                        "Vink de rollen aan die deze functie vervult. Een aandeel in procent is niet verplicht: rollen zonder aandeel delen de rest van de tijd gelijk.",
                        "Tick the roles this function holds. A share in percent is optional: roles without one split the rest of the time equally.")
                }
                for category in catalogue.categories {
                    element("fieldset") {
                        element("legend") { category.name(l) }
                        for role in category.roles {
                            let shareId = "share-" + role.id
                            let roleId = "role-" + role.id
                            element("div", .class("role-option")) {
                                FormControls.checkbox(
                                    id: roleId, name: roleId, value: role.id, label: role.name(l),
                                    checked: form.roles.contains(role.id), describedBy: "desc-" + role.id)
                                element("p", .class("hint"), .id("desc-" + role.id)) { role.description(l) }
                                element("div", .class("share")) {
                                    FormControls.text(
                                        id: shareId, label: l.pick("Aandeel (%)", "Share (%)"),
                                        value: form.shares[role.id] ?? "", error: errors[shareId], inputMode: "decimal", width: "short",
                                        hiddenLabelSuffix: l.pick("voor ", "for ") + role.name(l))
                                }
                            }
                        }
                    }
                }
                element("div", .class("actions")) {
                    FormControls.submit(l.pick("Functie opslaan", "Save function"))
                    element("a", HTMLAttribute("href", base)) { l.pick("Annuleren", "Cancel") }
                }
            }
        }
    }
}
