import TeamplotterCore
import TeamplotterReport

/// The Rollenlijst: every category and role with its description.
struct RolesPage {
    let context: RequestContext

    func render() -> HTML {
        let l = context.language
        let catalogue = Catalogue.builtIn
        return Layout(language: l, path: "/roles").page(title: l.pick("Rollenlijst", "Role catalogue"), section: .roles) {
            element("h1") { l.pick("Rollenlijst", "Role catalogue") }
            element("p", .class("lead")) {
                l.pick(
                    "De \(catalogue.roles.count) rollen van een online team in \(catalogue.categories.count) categorieën, naar de Teamplotter van VNG Realisatie. Eén functie vervult meestal meerdere rollen.",
                    "The \(catalogue.roles.count) roles of an online team in \(catalogue.categories.count) categories, after the VNG Realisatie Teamplotter. One function usually holds several roles.")
            }
            element("nav", HTMLAttribute("aria-label", l.pick("Categorieën", "Categories"))) {
                element("ul") {
                    for category in catalogue.categories {
                        element("li") { element("a", HTMLAttribute("href", "#" + category.id)) { category.name(l) } }
                    }
                }
            }
            for category in catalogue.categories {
                element("section", HTMLAttribute("aria-labelledby", category.id)) {
                    element("h2", .id(category.id)) { category.name(l) }
                    element("dl", .class("roles")) {
                        for role in category.roles {
                            element("dt", .id("rol-" + role.id)) { role.name(l) }
                            element("dd") { role.description(l) }
                            element("dd", .class("hint")) { "id: "; element("code") { role.id } }
                        }
                    }
                }
            }
        }
    }
}
