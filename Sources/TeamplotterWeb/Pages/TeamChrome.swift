import TeamplotterCore
import TeamplotterReport
import TeamplotterStore

/// What every page of one team shows on top: where you are, the team's name, its tabs.
enum TeamChrome {
    enum Tab { case overview, needs, analysis, other }

    static func breadcrumbs(_ stored: StoredTeam, language l: Language, current: String? = nil) -> HTML {
        element("nav", .class("breadcrumbs"), HTMLAttribute("aria-label", l.pick("Kruimelpad", "Breadcrumb"))) {
            element("ol") {
                element("li") { element("a", HTMLAttribute("href", "/")) { l.pick("Teams", "Teams") } }
                if let current {
                    element("li") { element("a", HTMLAttribute("href", "/teams/\(stored.id)")) { stored.team.name } }
                    element("li") { element("span", HTMLAttribute("aria-current", "page")) { current } }
                } else {
                    element("li") { element("span", HTMLAttribute("aria-current", "page")) { stored.team.name } }
                }
            }
        }
    }

    static func header(_ stored: StoredTeam, language l: Language, tab: Tab, heading: String? = nil) -> HTML {
        let base = "/teams/\(stored.id)"
        let tabName: String? = switch tab {
        case .overview, .other: nil
        case .needs: l.pick("Behoefte", "Needs")
        case .analysis: l.pick("Gap-analyse", "Gap analysis")
        }
        return breadcrumbs(stored, language: l, current: tabName ?? heading)
            + element("h1") { heading ?? (tabName.map { $0 + ": " + stored.team.name } ?? stored.team.name) }
            + element("nav", HTMLAttribute("aria-label", l.pick("Onderdelen van dit team", "Parts of this team"))) {
                element("ul", .class("tabs")) {
                    tabLink(base, l.pick("Functies", "Functions"), tab == .overview)
                    tabLink(base + "/needs", l.pick("Behoefte", "Needs"), tab == .needs)
                    tabLink(base + "/analysis", l.pick("Gap-analyse", "Gap analysis"), tab == .analysis)
                }
            }
    }

    private static func tabLink(_ href: String, _ text: String, _ current: Bool) -> HTML {
        element("li") { element("a", HTMLAttribute("href", href), current ? HTMLAttribute("aria-current", "page") : nil) { text } }
    }

    /// The status of a role: its symbol and its word, never colour alone.
    static func status(_ status: RoleStatus, _ language: Language) -> HTML {
        element("span", .class("status status-" + status.rawValue)) {
            element("span", HTMLAttribute("aria-hidden", "true")) { status.symbol + " " }
            status.label(language)
        }
    }

    /// THE PLACE FOR THE TEAM PLOT (issue 4): the SVG from `WebConfig.teamPlot`, when one is set.
    static func plot(_ context: RequestContext, _ team: Team, _ analysis: GapAnalysis) -> HTML {
        guard let render = context.config.teamPlot, let svg = render(team, analysis, context.language) else { return HTML() }
        return element("figure", .class("teamplot"), .id("teamplot")) {
            svg
            element("figcaption") {
                context.pick("Teamplot: de rollen per categorie en wie ze invult.", "Team plot: the roles per category and who fills them.")
            }
        }
    }
}
