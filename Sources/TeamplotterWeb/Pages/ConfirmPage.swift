import TeamplotterReport
import TeamplotterStore

/// "Are you sure?" before something that cannot be undone.
struct ConfirmPage {
    let context: RequestContext
    let stored: StoredTeam
    let title: String
    let question: String
    var hint: String?
    let action: String
    let confirm: String
    let cancel: String
    /// Carried along with the confirmation (the fingerprint of what is to be removed).
    var hidden: [(name: String, value: String)] = []

    func render() -> HTML {
        let l = context.language
        return Layout(language: l, path: action).page(title: title, section: .teams) {
            TeamChrome.breadcrumbs(stored, language: l, current: title)
            element("h1") { title }
            element("p", .class("lead")) { question }
            if let hint { element("p") { hint } }
            element("div", .class("actions")) {
                FormControls.form(action: action, token: context.csrfToken) {
                    for field in hidden {
                        element("input", HTMLAttribute("type", "hidden"), HTMLAttribute("name", field.name), HTMLAttribute("value", field.value))
                    }
                    FormControls.submit(confirm, warning: true)
                }
                element("a", HTMLAttribute("href", cancel)) { l.pick("Nee, terug", "No, go back") }
            }
        }
    }
}
