import Foundation
import TeamplotterCore

/// Reads the Teamplotter worksheet as people export it from Excel: one row per function
/// (PRODUCT.md §6).
public enum WorksheetReader {
    enum Field: String, Sendable, CaseIterable {
        case title, holder, hours, fte, tasks, roles, competencies
    }

    static let headers: [(field: Field, names: [String])] = [
        (.title, ["Functie", "Functietitel", "Functienaam", "Function", "Title", "Titel"]),
        (.holder, ["Naam", "Medewerker", "Name", "Holder", "Employee", "Persoon"]),
        (.hours, ["Uren per week", "Uren", "Uur per week", "Uren/week", "Hours", "Hours per week"]),
        (.fte, ["FTE", "Fte omvang", "Omvang"]),
        (.tasks, ["Taken", "Taak", "Tasks", "Task", "Werkzaamheden"]),
        (.roles, ["Rollen", "Rol", "Roles", "Role"]),
        (.competencies, ["Competenties", "Competentie", "Competencies", "Competency", "Vaardigheden"]),
    ]

    static let hoursRange = 0.0...80.0
    static let fteRange = 0.0...2.0

    /// Whether this table has a worksheet header (a function and a roles column) in its first rows.
    public static func recognises(_ table: CSVTable) -> Bool {
        headerRow(in: table) != nil
    }

    /// The team in a worksheet. Every problem is collected; the team is returned only when there
    /// are no errors. Warnings come back with it.
    public static func read(
        _ table: CSVTable, file: String?, catalogue: Catalogue = .builtIn,
        teamName: String = "Team"
    ) throws(InputProblems) -> (team: Team, warnings: [InputProblem]) {
        var problems: [InputProblem] = []
        // A title line above the header is common in worksheets; look a few rows down.
        guard let (headerIndex, map) = headerRow(in: table) else {
            let firstRow = table.rows.first?.number ?? 1
            let missing = table.rows.isEmpty ? InputProblem.Kind.emptyFile : .missingColumn(
                field: "Functie", accepted: headers[0].names)
            throw InputProblems([InputProblem(missing, at: SourceLocation(file: file, row: firstRow))])
        }
        let headerRowNumber = table.rows[headerIndex].number
        for duplicate in map.duplicates {
            problems.append(
                InputProblem(
                    .duplicateColumn(header: duplicate.header),
                    at: SourceLocation(file: file, row: headerRowNumber, column: duplicate.column),
                    isWarning: true))
        }

        var functions: [TeamFunction] = []
        functions.reserveCapacity(table.rows.count)
        // Role names repeat across rows; match each spelling once.
        var matches: [String: Catalogue.Match] = [:]
        for row in table.rows[(headerIndex + 1)...] {
            func at(_ field: Field) -> SourceLocation {
                SourceLocation(file: file, row: row.number, column: map[field].map { $0 + 1 })
            }
            let title = row[map[.title]].trimmed
            if title.isEmpty {
                problems.append(InputProblem(.missingValue(field: "Functie"), at: at(.title)))
            }
            let holderText = row[map[.holder]].trimmed
            let isVacancy = CellParsing.isVacancy(holderText)

            var workload: Workload?
            if let hours = number(row[map[.hours]], field: "Uren per week", range: hoursRange, at: at(.hours), into: &problems) {
                workload = .hoursPerWeek(hours)
            } else if let fte = number(row[map[.fte]], field: "FTE", range: fteRange, at: at(.fte), into: &problems) {
                workload = .fte(fte)
            }

            var roles: [RoleAssignment] = []
            for item in CellParsing.items(row[map[.roles]]) {
                let (name, shareText) = CellParsing.splitShare(item)
                var share: Double?
                if let shareText {
                    share = number(shareText, field: "Aandeel (%) van \(name)", range: 0...100, at: at(.roles), into: &problems)
                }
                let match = matches[name] ?? catalogue.match(name)
                matches[name] = match
                switch match {
                case .role(let role):
                    roles.append(RoleAssignment(roleId: role.id, sharePercent: share))
                case .unknown(let suggestions):
                    problems.append(
                        InputProblem(.unknownRole(name: name, suggestions: suggestions), at: at(.roles)))
                }
            }

            functions.append(
                TeamFunction(
                    title: title,
                    holder: isVacancy || holderText.isEmpty ? nil : holderText,
                    isVacancy: isVacancy,
                    workload: workload,
                    tasks: CellParsing.items(row[map[.tasks]]),
                    roles: roles,
                    competencies: CellParsing.items(row[map[.competencies]]).map(CellParsing.competency)))
        }

        if problems.contains(where: { !$0.isWarning }) { throw InputProblems(problems) }
        let team = Team(name: teamName, functions: functions)
        return (team, problems)
    }

    private static func headerRow(in table: CSVTable) -> (Int, HeaderMap<Field>)? {
        for (index, row) in table.rows.prefix(10).enumerated() {
            let map = HeaderMap(accepted: headers, header: row.cells)
            if map[.title] != nil, map[.roles] != nil { return (index, map) }
        }
        return nil
    }

    /// A number in a cell, checked against a range; nil (with a problem) when it is not one.
    static func number(
        _ cell: String, field: String, range: ClosedRange<Double>, at location: SourceLocation,
        into problems: inout [InputProblem]
    ) -> Double? {
        switch CellParsing.number(cell) {
        case .none:
            problems.append(InputProblem(.invalidNumber(value: cell.trimmed, field: field), at: location))
            return nil
        case .some(.none):
            return nil
        case .some(.some(let value)):
            guard range.contains(value) else {
                problems.append(
                    InputProblem(
                        .outOfRange(value: cell.trimmed, field: field, range: range),
                        at: location))
                return nil
            }
            return value
        }
    }
}
