import TeamplotterCore
import TeamplotterReport

/// The frame every page shares: language, skip link, header with navigation and language
/// switch, the content, a footer.
struct Layout {
    enum Section { case teams, roles, none }

    let language: Language
    /// The page's own path, for the language switch.
    let path: String

    func page(title: String, section: Section = .none, @HTMLBuilder content: () -> HTML) -> HTML {
        let l = language
        let other: Language = l == .nl ? .en : .nl
        return element("html", HTMLAttribute("lang", l.rawValue)) {
            element("head") {
                element("meta", HTMLAttribute("charset", "utf-8"))
                element("meta", HTMLAttribute("name", "viewport"), HTMLAttribute("content", "width=device-width, initial-scale=1"))
                element("title") { title + " — Teamplotter" }
                element("link", HTMLAttribute("rel", "stylesheet"), HTMLAttribute("href", Stylesheet.path))
            }
            element("body") {
                element("a", .class("skip-link"), HTMLAttribute("href", "#inhoud")) { l.pick("Naar de inhoud", "Skip to content") }
                element("header", .class("site-header")) {
                    element("div", .class("wrap header-row")) {
                        element("a", .class("brand"), HTMLAttribute("href", "/")) {
                            element("span", .class("brand-mark"), HTMLAttribute("aria-hidden", "true")) { "▦" }
                            "Teamplotter"
                        }
                        element("nav", HTMLAttribute("aria-label", l.pick("Hoofdmenu", "Main menu"))) {
                            element("ul", .class("nav")) {
                                navItem("/", l.pick("Teams", "Teams"), current: section == .teams)
                                navItem("/roles", l.pick("Rollenlijst", "Role catalogue"), current: section == .roles)
                                element("li") {
                                    element(
                                        "a", .class("language-switch"), HTMLAttribute("href", path + "?lang=" + other.rawValue),
                                        HTMLAttribute("lang", other.rawValue), HTMLAttribute("hreflang", other.rawValue)
                                    ) {
                                        other == .en ? "English" : "Nederlands"
                                    }
                                }
                            }
                        }
                    }
                }
                element("main", .id("inhoud"), .class("wrap"), HTMLAttribute("tabindex", "-1")) {
                    content()
                }
                element("footer", .class("site-footer")) {
                    element("div", .class("wrap")) {
                        element("p") {
                            l.pick(
                                "Teamplotter brengt uw online team in kaart naar de rollenlijst van VNG Realisatie. De gegevens blijven op deze server.",
                                "Teamplotter maps your online team against the VNG Realisatie role catalogue. The data stays on this server.")
                        }
                    }
                }
            }
        }
    }

    private func navItem(_ href: String, _ text: String, current: Bool) -> HTML {
        element("li") {
            element("a", HTMLAttribute("href", href), current ? HTMLAttribute("aria-current", "page") : nil) { text }
        }
    }
}
