import TeamplotterCore

/// The data of each figure as an HTML table, for screen readers, for copying, and for the report.
extension TeamPlot {
    /// A status as text: symbol and label, styled per status (the colour is never the only cue).
    public func statusBadge(_ status: RoleStatus) -> HTML {
        element("span", .class("tp-status tp-status-\(status.rawValue)")) {
            element("span", HTMLAttribute("aria-hidden", "true")) { status.symbol }
            " " + status.label(language)
        }
    }

    /// One row per function: title, holder, FTE, the roles with their shares, warnings.
    public func functionsTable(_ analysis: GapAnalysis) -> HTML {
        let words = AnalysisWording(language)
        let catalogue = Catalogue(categories: analysis.categories.map(\.category))
        let catalogueNames = Dictionary(analysis.roles.map { ($0.role.id, $0.role.name(language)) }) { first, _ in first }
        return element("table", .class("tp-table tp-functions")) {
            element("caption") { pick("Functies", "Functions") }
            element("thead") {
                tableRow {
                    header(pick("Functie", "Function"), column: "function")
                    header(pick("Medewerker", "Holder"), column: "holder")
                    header(pick("Fte", "FTE"), column: "fte", numeric: true)
                    header(pick("Rollen (aandeel van de tijd)", "Roles (share of the time)"), column: "shares")
                    header(pick("Signalen", "Warnings"), column: "warnings")
                }
            }
            element("tbody") {
                SVG.newline
                // By index, without putting a whole result together per function.
                let results = analysis.functions
                for index in results.indices {
                    let function = results.teamFunctions[index]
                    tableRow(function.isVacancy ? .class("tp-vacancy") : nil) {
                        element("th", HTMLAttribute("scope", "row")) { function.title }
                        element("td") {
                            function.isVacancy ? pick("vacature", "vacancy") : (function.holder ?? "—")
                        }
                        element("td", .class("tp-number")) {
                            function.workload == nil ? pick("onbekend", "unknown") : NumberFormatting.fte(results.fte(index), language)
                        }
                        element("td") {
                            results.shareRange(index).map { share in
                                let roleId = results.roleId(index, share)
                                return "\(catalogueNames[roleId] ?? roleId) "
                                    + "\(NumberFormatting.short(results.sharePercent(index, share), language))%"
                            }.joined(separator: ", ")
                        }
                        element("td") {
                            words.warnings(results.warnings(index), catalogue: catalogue, withVacancy: false)
                                .joined(separator: "; ")
                        }
                    }
                }
            }
        }
    }

    /// One row per role: status, priority, people, FTE against the need, and why.
    public func rolesTable(_ analysis: GapAnalysis, roles: [RoleResult], caption: String? = nil, showsCategory: Bool = true) -> HTML {
        let words = AnalysisWording(language)
        let categoryNames = Dictionary(analysis.categories.map { ($0.category.id, $0.category.name(language)) }) { first, _ in first }
        return element("table", .class("tp-table tp-roles" + (showsCategory ? "" : " tp-roles-compact"))) {
            element("caption") { caption ?? pick("Rollen", "Roles") }
            element("thead") {
                tableRow {
                    header(pick("Rol", "Role"), column: "role")
                    if showsCategory { header(pick("Categorie", "Category"), column: "category") }
                    header(pick("Prioriteit", "Priority"), column: "priority")
                    header(pick("Status", "Status"), column: "status")
                    header(pick("Personen", "People"), column: "people", numeric: true)
                    header(pick("Fte", "FTE"), column: "fte", numeric: true)
                    header(pick("Behoefte", "Need"), column: "need")
                    header(pick("Toelichting", "Details"), column: "details")
                }
            }
            element("tbody") {
                SVG.newline
                for role in roles {
                    tableRow(role.isNeeded ? nil : .class("tp-not-needed")) {
                        element("th", HTMLAttribute("scope", "row")) { role.role.name(language) }
                        if showsCategory { element("td") { categoryNames[role.categoryId] ?? "" } }
                        element("td") { role.priority.label(language) }
                        element("td") { statusBadge(role.status) }
                        element("td", .class("tp-number")) { "\(role.people)" }
                        element("td", .class("tp-number")) { NumberFormatting.fte(role.fte, language) }
                        element("td") { need(role) }
                        element("td") {
                            [words.reason(role), role.note ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
                        }
                    }
                }
            }
        }
    }

    /// "1,5 fte, 2 personen", or empty when only the priority was stated.
    private func need(_ role: RoleResult) -> String {
        var parts: [String] = []
        if let desired = role.desiredFte {
            parts.append("\(NumberFormatting.short(desired, language)) " + pick("fte", "FTE"))
        }
        if let minimum = role.minPeople {
            parts.append(pick("\(minimum) personen", "\(minimum) people"))
        }
        return parts.joined(separator: ", ")
    }

    public func coverageTable(_ analysis: GapAnalysis) -> HTML {
        element("table", .class("tp-table tp-coverage")) {
            element("caption") { pick("Dekking per categorie", "Coverage per category") }
            element("thead") {
                tableRow {
                    header(pick("Categorie", "Category"), column: "category")
                    header(pick("Nodig", "Needed"), column: "count", numeric: true)
                    header(pick("Aanwezig", "Present"), column: "count", numeric: true)
                    header(pick("Dekking", "Coverage"), column: "count", numeric: true)
                    header(pick("Bij één persoon", "With one person"), column: "count", numeric: true)
                    header(pick("Onderbezet", "Understaffed"), column: "count", numeric: true)
                    header(pick("Ontbreekt", "Missing"), column: "count", numeric: true)
                }
            }
            element("tbody") {
                SVG.newline
                for category in analysis.categories {
                    let roles = analysis.roles.filter { $0.categoryId == category.category.id }
                    tableRow {
                        element("th", HTMLAttribute("scope", "row")) { category.category.name(language) }
                        element("td", .class("tp-number")) { "\(category.needed)" }
                        element("td", .class("tp-number")) { "\(category.present)" }
                        element("td", .class("tp-number")) { category.coverage.map(NumberFormatting.percent) ?? "—" }
                        element("td", .class("tp-number")) { "\(category.single)" }
                        element("td", .class("tp-number")) { "\(roles.count { $0.status == .understaffed })" }
                        element("td", .class("tp-number")) { "\(roles.count { $0.status == .missing })" }
                    }
                }
            }
        }
    }

    public func overviewTable(_ analysis: GapAnalysis) -> HTML {
        element("table", .class("tp-table tp-overview")) {
            element("caption") { pick("Aantal rollen per status", "Number of roles per status") }
            element("thead") {
                tableRow {
                    header(pick("Status", "Status"), column: "status")
                    header(pick("Aantal", "Count"), column: "count", numeric: true)
                    header(pick("Rollen", "Roles"), column: "roles")
                }
            }
            element("tbody") {
                SVG.newline
                for status in RoleStatus.allCases {
                    tableRow {
                        element("th", HTMLAttribute("scope", "row")) { statusBadge(status) }
                        element("td", .class("tp-number")) { "\(analysis.count(status))" }
                        element("td") {
                            analysis.roles.filter { $0.status == status }.map { $0.role.name(language) }
                                .joined(separator: ", ")
                        }
                    }
                }
            }
        }
    }

    /// A table row, on a line of its own.
    func tableRow(_ attribute: HTMLAttribute? = nil, @HTMLBuilder content: () -> HTML) -> HTML {
        element("tr", attribute) { content() } + SVG.newline
    }

    /// A column header; `column` names the column for the stylesheet's widths.
    func header(_ text: String, column: String, numeric: Bool = false) -> HTML {
        element("th", HTMLAttribute("scope", "col"), .class("tp-col-\(column)" + (numeric ? " tp-number" : ""))) { text }
    }
}
