import TeamplotterCore

extension SpreadsheetExport {
    /// The team in the worksheet layout (PRODUCT.md §6), as CSV.
    public func worksheetCSV(_ team: Team) -> [UInt8] {
        let catalogue = team.catalogue
        var rows = [teamHeader]
        for function in team.functions {
            var hours = ""
            var fte = ""
            switch function.workload {
            case .hoursPerWeek(let value): hours = Self.decimal(value, language)
            case .fte(let value): fte = Self.decimal(value, language)
            case nil: break
            }
            let holder = function.isVacancy ? language.pick("Vacature", "Vacancy") : (function.holder ?? "")
            rows.append([
                function.title, holder, hours, fte, function.tasks.joined(separator: "\n"),
                function.roles.map { roleText($0, catalogue) }.joined(separator: "\n"),
                function.competencies.map(competencyText).joined(separator: "\n"),
            ])
        }
        return CSVWriter.write(rows)
    }

    /// The needs, as the needs CSV: Rol; Prioriteit; Gewenste fte; Minimaal aantal personen; Toelichting.
    public func needsCSV(_ team: Team) -> [UInt8] {
        let catalogue = team.catalogue
        var rows = [needsHeader]
        for need in team.needs.roles {
            rows.append([
                catalogue.role(id: need.roleId)?.name(language) ?? need.roleId, need.priority.label(language),
                need.desiredFte.map { Self.decimal($0, language) } ?? "", need.minPeople.map(String.init) ?? "",
                need.note ?? "",
            ])
        }
        return CSVWriter.write(rows)
    }
}
