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

    /// The team plot, with the same data as tables beside it, and where to take it from here.
    static func plot(_ context: RequestContext, _ stored: StoredTeam, _ analysis: GapAnalysis) -> HTML {
        let base = "/teams/\(stored.id)"
        return element("section", .class("teamplot"), .id("teamplot"), HTMLAttribute("aria-labelledby", "teamplot-titel")) {
            element("h2", .id("teamplot-titel")) { context.pick("Teamplot", "Team plot") }
            context.renders.html(.init(kind: "plot", id: stored.id, revision: stored.revision, team: stored.team, language: context.language)) {
                TeamPlot(language: context.language).matrixFigure(analysis: analysis)
            }
            element("ul", .class("downloads")) {
                element("li") {
                    element("a", HTMLAttribute("href", base + "/report")) {
                        context.pick("Rapport voor het management (om te printen of als pdf op te slaan)", "Report for management (to print or save as PDF)")
                    }
                }
                element("li") {
                    element("a", HTMLAttribute("href", base + "/plot.svg"), HTMLAttribute("download", "")) {
                        context.pick("Teamplot downloaden (.svg)", "Download the team plot (.svg)")
                    }
                }
                element("li") {
                    element("a", HTMLAttribute("href", base + "/export.xlsx"), HTMLAttribute("download", "")) {
                        context.pick("Team downloaden voor Excel (.xlsx)", "Download the team for Excel (.xlsx)")
                    }
                }
            }
        }
    }
}
