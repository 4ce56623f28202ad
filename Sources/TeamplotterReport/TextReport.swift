import TeamplotterCore

/// The analysis for a terminal: summary first, then per category the roles with status, people
/// and FTE. Fits in 80 columns; colour only when asked for.
public struct TextReport: Sendable {
    public var language: Language
    public var colour: Bool
    public var catalogue: Catalogue

    public static let width = 80

    public init(language: Language = .nl, colour: Bool = false, catalogue: Catalogue = .builtIn) {
        self.language = language
        self.colour = colour
        self.catalogue = catalogue
    }

    public func render(_ analysis: GapAnalysis) -> String {
        let words = AnalysisWording(language)
        var out: [String] = []
        out.append(contentsOf: wrap("Teamplotter — \(analysis.teamName)", indent: "", hanging: "  ").map(bold))
        out.append("")
        out.append(bold(language.pick("Samenvatting", "Summary")))
        let counts = RoleStatus.allCases.map { "\($0.symbol) \(analysis.count($0)) \($0.label(language))" }
        out.append("  " + counts[0...3].joined(separator: "   "))
        out.append("  " + counts[4...].joined(separator: "   "))
        for sentence in words.summary(analysis) {
            out.append(contentsOf: wrap(sentence, indent: "  "))
        }

        if !analysis.urgentGaps.isEmpty {
            out.append("")
            out.append(bold(language.pick("Eerst aanpakken", "Act on first")))
            for (number, role) in analysis.urgentGaps.prefix(5).enumerated() {
                let line = "\(number + 1). \(role.status.symbol) \(role.role.name(language)) — \(role.status.label(language))"
                let reason = words.reason(role)
                out.append(contentsOf: wrap(line + (reason.isEmpty ? "" : " (\(reason))"), indent: "  ", hanging: "     "))
            }
            let more = analysis.urgentGaps.count - 5
            if more > 0 {
                out.append(contentsOf: wrap(language.pick(
                    "… en nog \(more) (zie de categorieën hieronder)", "… and \(more) more (see the categories below)"),
                    indent: "  "))
            }
        }

        for (number, category) in analysis.categories.enumerated() {
            out.append("")
            var heading = "\(number + 1). \(category.category.name(language))"
            if let coverage = category.coverage {
                heading += language.pick(
                    " — \(category.present) van \(category.needed) nodige rollen aanwezig (\(NumberFormatting.percent(coverage)))",
                    " — \(category.present) of \(category.needed) needed roles present (\(NumberFormatting.percent(coverage)))")
            }
            out.append(contentsOf: wrap(heading, indent: "", hanging: "   ").map(bold))
            out.append(dim(row(
                "", language.pick("status", "status"), language.pick("rol", "role"),
                language.pick("prioriteit", "priority"), language.pick("pers.", "ppl"), "fte")))
            for role in analysis.roles where role.categoryId == category.category.id {
                out.append(row(
                    role.status.symbol, role.status.label(language), role.role.name(language),
                    role.priority.label(language), String(role.people),
                    NumberFormatting.fte(role.fte, language), status: role.status))
                let reason = words.reason(role)
                if !reason.isEmpty {
                    out.append(contentsOf: wrap("↳ " + reason, indent: String(repeating: " ", count: 26), hanging: String(repeating: " ", count: 28)))
                }
            }
        }

        out.append("")
        out.append(bold(language.pick("Functies", "Functions")))
        if analysis.functions.isEmpty {
            out.append("  " + language.pick("(nog geen functies ingevuld)", "(no functions filled in yet)"))
        }
        for result in analysis.functions {
            let function = result.function
            let who = function.isVacancy ? language.pick("vacature", "vacancy") : (function.holder ?? "—")
            let fte = function.workload == nil ? language.pick("uren onbekend", "hours unknown")
                : "\(NumberFormatting.fte(result.fte, language)) fte"
            out.append(contentsOf: wrap("• \(function.title) — \(who) — \(fte)", indent: "  ", hanging: "    "))
            let roles = result.roles.map { share in
                "\(catalogue.role(id: share.roleId)?.name(language) ?? share.roleId) \(NumberFormatting.short(share.sharePercent, language))%"
            }
            if !roles.isEmpty { out.append(contentsOf: wrap(roles.joined(separator: ", "), indent: "    ")) }
            for warning in result.warnings where warning != .vacancy {
                out.append(contentsOf: wrap("⚠ " + words.warning(warning, catalogue: catalogue), indent: "    "))
            }
        }

        if !analysis.missingTasks.isEmpty || !analysis.missingCompetencies.isEmpty || !analysis.singleCompetencies.isEmpty {
            out.append("")
            out.append(bold(language.pick("Taken en competenties", "Tasks and competencies")))
            for task in analysis.missingTasks {
                out.append(contentsOf: wrap(language.pick("✗ taak niet uitgevoerd: ", "✗ task not performed: ") + task, indent: "  "))
            }
            for competency in analysis.missingCompetencies {
                out.append(contentsOf: wrap(language.pick("✗ competentie ontbreekt: ", "✗ competency missing: ") + words.competency(competency), indent: "  "))
            }
            for result in analysis.singleCompetencies {
                out.append(contentsOf: wrap(
                    language.pick("1 competentie bij één persoon: ", "1 competency held by one person: ")
                        + words.competency(result.competency) + " (\(result.holders.joined(separator: ", ")))",
                    indent: "  "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One role line: symbol, status (21), name (30), priority (10), people (5), fte (6).
    private func row(
        _ symbol: String, _ status: String, _ name: String, _ priority: String, _ people: String,
        _ fte: String, status roleStatus: RoleStatus? = nil
    ) -> String {
        let statusCell = pad(symbol, 1) + " " + pad(status, 20)
        let line = "  " + (roleStatus.map { paint(statusCell, $0) } ?? statusCell) + " " + pad(truncate(TextLayout.singleLine(name), 30), 30)
            + " " + pad(priority, 10) + " " + padLeft(people, 4) + " " + padLeft(fte, 6)
        return line
    }

    private func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        TextLayout.wrap(text, width: Self.width, indent: indent, hanging: hanging)
    }

    // MARK: Colour (ANSI), only when enabled

    private func paint(_ text: String, _ status: RoleStatus) -> String {
        guard colour else { return text }
        let code = switch status {
        case .missing: "31;1"
        case .understaffed: "33;1"
        case .single: "35"
        case .covered: "32"
        case .extra: "36"
        case .notNeeded: "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
