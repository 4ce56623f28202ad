import TeamplotterCore

/// The analysis as Markdown, for a wiki page or a document.
public struct MarkdownReport: Sendable {
    public var language: Language
    public var catalogue: Catalogue

    public init(language: Language = .nl, catalogue: Catalogue = .builtIn) {
        self.language = language
        self.catalogue = catalogue
    }

    public func render(_ analysis: GapAnalysis) -> String {
        let words = AnalysisWording(language)
        let l = language
        var out: [String] = []
        out.append("# Teamplotter — \(escape(analysis.teamName))")
        out.append("")
        out.append("## " + l.pick("Samenvatting", "Summary"))
        out.append("")
        out.append("| " + l.pick("status", "status") + " | " + l.pick("aantal rollen", "roles") + " |")
        out.append("|---|---:|")
        for status in RoleStatus.allCases {
            out.append("| \(status.symbol) \(status.label(l)) | \(analysis.count(status)) |")
        }
        out.append("")
        for sentence in words.summary(analysis) { out.append("- " + escape(sentence)) }
        if !analysis.urgentGaps.isEmpty {
            out.append("")
            out.append("## " + l.pick("Eerst aanpakken", "Act on first"))
            out.append("")
            for (number, role) in analysis.urgentGaps.enumerated() {
                let reason = words.reason(role)
                out.append("\(number + 1). \(role.status.symbol) **\(escape(role.role.name(l)))** — \(role.status.label(l))"
                    + (reason.isEmpty ? "" : " (\(escape(reason)))"))
            }
        }

        for category in analysis.categories {
            out.append("")
            var heading = "## " + escape(category.category.name(l))
            if let coverage = category.coverage {
                heading += l.pick(" (\(category.present)/\(category.needed) aanwezig, \(NumberFormatting.percent(coverage)))",
                                  " (\(category.present)/\(category.needed) present, \(NumberFormatting.percent(coverage)))")
            }
            out.append(heading)
            out.append("")
            out.append("| " + [l.pick("rol", "role"), l.pick("prioriteit", "priority"), l.pick("status", "status"),
                                l.pick("personen", "people"), "fte", l.pick("toelichting", "details")].joined(separator: " | ") + " |")
            out.append("|---|---|---|---:|---:|---|")
            for role in analysis.roles where role.categoryId == category.category.id {
                out.append("| " + [
                    escape(role.role.name(l)), role.priority.label(l), "\(role.status.symbol) \(role.status.label(l))",
                    String(role.people), NumberFormatting.fte(role.fte, l), escape(words.reason(role)),
                ].joined(separator: " | ") + " |")
            }
        }

        out.append("")
        out.append("## " + l.pick("Functies", "Functions"))
        out.append("")
        out.append("| " + [l.pick("functie", "function"), l.pick("medewerker", "holder"), "fte", l.pick("rollen", "roles"),
                            l.pick("signalen", "warnings")].joined(separator: " | ") + " |")
        out.append("|---|---|---:|---|---|")
        for result in analysis.functions {
            let function = result.function
            let who = function.isVacancy ? l.pick("vacature", "vacancy") : (function.holder ?? "—")
            let roles = result.roles.map {
                "\(catalogue.role(id: $0.roleId)?.name(l) ?? $0.roleId) \(NumberFormatting.short($0.sharePercent, l))%"
            }
            let warnings = result.warnings.map { words.warning($0, catalogue: catalogue) }
            out.append("| " + [escape(function.title), escape(who), NumberFormatting.fte(result.fte, l),
                                escape(roles.joined(separator: ", ")), escape(warnings.joined(separator: "; "))]
                .joined(separator: " | ") + " |")
        }
        if !analysis.missingTasks.isEmpty || !analysis.missingCompetencies.isEmpty || !analysis.singleCompetencies.isEmpty {
            out.append("")
            out.append("## " + l.pick("Taken en competenties", "Tasks and competencies"))
            out.append("")
            for task in analysis.missingTasks {
                out.append("- " + l.pick("Taak niet uitgevoerd: ", "Task not performed: ") + escape(task))
            }
            for competency in analysis.missingCompetencies {
                out.append("- " + l.pick("Competentie ontbreekt: ", "Competency missing: ") + escape(words.competency(competency)))
            }
            for result in analysis.singleCompetencies {
                out.append("- " + l.pick("Competentie bij één persoon: ", "Competency held by one person: ")
                    + escape(words.competency(result.competency)) + " (\(escape(result.holders.joined(separator: ", "))))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// User text must not break the table or turn into markup.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "&": result += "\\\(character)"
            default:
                result += character.unicodeScalars.contains(where: TextLayout.isControl) ? " " : String(character)
            }
        }
        return result
    }
}
