import TeamplotterCore

/// The sheet "Gegevens" of an export: what a team has beyond functions and needs (its name, the
/// organisation, the hours in one FTE, needed tasks and competencies), as label–value rows.
enum TeamDetails {
    static let sheetNames = ["Gegevens", "Details"]

    enum Label: CaseIterable {
        case name, organisation, standardWeek, tasks, competencies

        func text(_ language: Language) -> String {
            switch self {
            case .name: language.pick("Teamnaam", "Team name")
            case .organisation: language.pick("Organisatie", "Organisation")
            case .standardWeek: language.pick("Uren per fte", "Hours per FTE")
            case .tasks: language.pick("Benodigde taken", "Needed tasks")
            case .competencies: language.pick("Benodigde competenties", "Needed competencies")
            }
        }

        static func matching(_ text: String) -> Label? {
            let key = TextKey.compact(text)
            return allCases.first { label in Language.allCases.contains { TextKey.compact(label.text($0)) == key } }
        }
    }

    static func isDetailsSheet(_ name: String) -> Bool {
        sheetNames.contains { TextKey.compact($0) == TextKey.compact(name) }
    }

    /// Applies the details in a table to a team; problems name their cell.
    static func apply(_ table: CSVTable, to team: inout Team, file: String?) -> [InputProblem] {
        var problems: [InputProblem] = []
        for row in table.rows {
            guard let label = Label.matching(row[0]) else { continue }
            let value = row[1].trimmingCharacters(in: .whitespacesAndNewlines)
            let location = SourceLocation(file: file, sheet: table.sheet, row: row.number, column: 2)
            switch label {
            case .name:
                if !value.isEmpty { team.name = value }
            case .organisation:
                team.organisation = value.isEmpty ? nil : value
            case .standardWeek:
                if let hours = WorksheetReader.number(
                    in: row, column: 1, field: label.text(.nl), range: 1...80, at: location, into: &problems)
                {
                    team.standardWeekHours = hours
                }
            case .tasks:
                team.needs.tasks = CellParsing.items(row[1])
            case .competencies:
                team.needs.competencies = CellParsing.items(row[1]).map(CellParsing.competency)
            }
        }
        return problems
    }
}
