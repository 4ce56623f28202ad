import TeamplotterCore

/// Reads the needs CSV: Rol; Prioriteit; Gewenste fte; Minimaal aantal personen; Toelichting.
public enum NeedsReader {
    enum Field: Sendable, CaseIterable {
        case role, priority, desiredFte, minPeople, note
    }

    static let headers: [(field: Field, names: [String])] = [
        (.role, ["Rol", "Role", "Rollen"]),
        (.priority, ["Prioriteit", "Priority", "Behoefte"]),
        (.desiredFte, ["Gewenste fte", "Gewenst fte", "Fte", "Desired FTE"]),
        (.minPeople, ["Minimaal aantal personen", "Minimaal aantal", "Min personen", "Minimum people", "Min people"]),
        (.note, ["Toelichting", "Opmerking", "Note", "Notes"]),
    ]

    /// Whether the first row of this table is a needs header (a role and a priority column).
    public static func recognises(_ table: CSVTable) -> Bool {
        guard let header = table.rows.first else { return false }
        let map = HeaderMap(accepted: headers, header: header.cells)
        return map[.role] != nil && map[.priority] != nil
    }

    public static func read(
        _ table: CSVTable, file: String?, catalogue: Catalogue = .builtIn
    ) throws(InputProblems) -> Needs {
        guard let header = table.rows.first else {
            throw InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: file, sheet: table.sheet))])
        }
        let map = HeaderMap(accepted: headers, header: header.cells)
        var problems: [InputProblem] = []
        for field in [Field.role, .priority] where map[field] == nil {
            problems.append(
                InputProblem(
                    .missingColumn(field: map.names(of: field)[0], accepted: map.names(of: field)),
                    at: SourceLocation(file: file, sheet: table.sheet, row: header.number)))
        }
        if !problems.isEmpty { throw InputProblems(problems) }

        var needs: [RoleNeed] = []
        var firstRow: [String: Int] = [:]
        for row in table.rows.dropFirst() {
            func at(_ field: Field) -> SourceLocation {
                SourceLocation(file: file, sheet: table.sheet, row: row.number, column: map[field].map { $0 + 1 })
            }
            let name = row[map[.role]].trimmed
            var role: Role?
            if name.isEmpty {
                problems.append(InputProblem(.missingValue(field: "Rol"), at: at(.role)))
            } else {
                switch catalogue.match(name) {
                case .role(let matched):
                    role = matched
                    if let first = firstRow[matched.id] {
                        problems.append(
                            InputProblem(.duplicateNeed(role: matched.name, firstRow: first), at: at(.role)))
                    } else {
                        firstRow[matched.id] = row.number
                    }
                case .unknown(let suggestions):
                    problems.append(InputProblem(.unknownRole(name: name, suggestions: suggestions), at: at(.role)))
                }
            }

            let priorityText = row[map[.priority]].trimmed
            let priority = Priority(userText: priorityText)
            if priority == nil {
                problems.append(InputProblem(.unknownPriority(value: priorityText), at: at(.priority)))
            }
            let desired = WorksheetReader.number(
                in: row, column: map[.desiredFte], field: "Gewenste fte", range: 0...1000, at: at(.desiredFte),
                into: &problems)
            var minPeople: Int?
            if let minimum = WorksheetReader.number(
                in: row, column: map[.minPeople], field: "Minimaal aantal personen", range: 0...10_000,
                at: at(.minPeople), into: &problems)
            {
                if minimum == minimum.rounded() {
                    minPeople = Int(minimum)
                } else {
                    problems.append(
                        InputProblem(
                            .notAWholeNumber(value: row[map[.minPeople]].trimmed, field: "Minimaal aantal personen"),
                            at: at(.minPeople)))
                }
            }
            let note = row[map[.note]].trimmed
            if let role, let priority {
                needs.append(
                    RoleNeed(
                        roleId: role.id, priority: priority, desiredFte: desired, minPeople: minPeople,
                        note: note.isEmpty ? nil : note))
            }
        }
        if !problems.isEmpty { throw InputProblems(WorksheetReader.limited(problems, file: file)) }
        return Needs(roles: needs)
    }
}
