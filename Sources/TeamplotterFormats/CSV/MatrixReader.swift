import TeamplotterCore

/// Reads the skills-matrix layout people keep in Excel: one row per function, the function in the
/// first column (or a Functie column), perhaps holder, hours, tasks and competencies, then one
/// column per role holding "x", "1" or a percentage.
public enum MatrixReader {
    /// The worksheet's own columns; every other column with a header must be a role.
    typealias Field = WorksheetReader.Field

    static var fieldHeaders: [(field: Field, names: [String])] {
        WorksheetReader.headers.filter { $0.field != .roles }
    }

    /// A matrix needs at least this many role columns, so that a stray role-like header in some
    /// other table does not make it one.
    static let minimumRoleColumns = 2

    public static func recognises(_ table: CSVTable, catalogue: Catalogue = .builtIn) -> Bool {
        headerRow(in: table, catalogue: catalogue) != nil
    }

    static func headerRow(in table: CSVTable, catalogue: Catalogue) -> Int? {
        for (index, row) in table.rows.prefix(TableLayout.rowsLookedAt).enumerated() {
            let map = HeaderMap(accepted: fieldHeaders, header: row.cells)
            let roleColumns = row.cells.enumerated().filter { column, cell in
                !map.columns.values.contains(column) && catalogue.role(exactlyMatching: cell) != nil
            }
            if roleColumns.count >= minimumRoleColumns { return index }
        }
        return nil
    }

    public static func read(
        _ table: CSVTable, file: String?, catalogue: Catalogue = .builtIn, teamName: String = "Team"
    ) throws(InputProblems) -> (team: Team, warnings: [InputProblem]) {
        guard let headerIndex = headerRow(in: table, catalogue: catalogue) else {
            throw InputProblems([
                InputProblem(
                    .missingColumn(field: "Functie", accepted: WorksheetReader.headers[0].names),
                    at: SourceLocation(file: file, sheet: table.sheet, row: table.rows.first?.number ?? 1))
            ])
        }
        let header = table.rows[headerIndex]
        let map = HeaderMap(accepted: fieldHeaders, header: header.cells)
        let titleColumn = map[.title] ?? 0
        var problems: [InputProblem] = []
        func location(_ row: Int, _ column: Int?) -> SourceLocation {
            SourceLocation(file: file, sheet: table.sheet, row: row, column: column.map { $0 + 1 })
        }
        for duplicate in map.duplicates {
            problems.append(
                InputProblem(
                    .duplicateColumn(header: duplicate.header), at: location(header.number, duplicate.column - 1),
                    isWarning: true))
        }

        // Every header that is not a known column names a role; one that matches none is an error,
        // never a column silently skipped.
        var roleColumns: [(column: Int, role: Role)] = []
        for (column, cell) in header.cells.enumerated() where column != titleColumn && !map.columns.values.contains(column) {
            let name = cell.trimmed
            guard !name.isEmpty else { continue }
            switch catalogue.match(name) {
            case .role(let role):
                if roleColumns.contains(where: { $0.role.id == role.id }) {
                    problems.append(
                        InputProblem(.duplicateColumn(header: name), at: location(header.number, column), isWarning: true))
                } else {
                    roleColumns.append((column, role))
                }
            case .unknown(let suggestions):
                problems.append(InputProblem(.unknownRole(name: name, suggestions: suggestions), at: location(header.number, column)))
            }
        }

        var functions: [TeamFunction] = []
        for row in table.rows[(headerIndex + 1)...] {
            func at(_ field: Field) -> SourceLocation { location(row.number, field == .title ? titleColumn : map[field]) }
            let title = row[titleColumn].trimmed
            if title.isEmpty {
                problems.append(InputProblem(.missingValue(field: "Functie"), at: at(.title)))
            }
            let holderText = row[map[.holder]].trimmed
            let workload = WorksheetReader.workload(row, hoursColumn: map[.hours], fteColumn: map[.fte], at: at, problems: &problems)
            var roles: [RoleAssignment] = []
            for (column, role) in roleColumns {
                switch mark(row[column]) {
                case .notHeld:
                    break
                case .held(let share):
                    roles.append(RoleAssignment(roleId: role.id, sharePercent: share))
                case .unknown(let text):
                    problems.append(
                        InputProblem(.spreadsheet(.unknownMark(value: text, role: role.name)), at: location(row.number, column)))
                }
            }
            let (competencies, invalidLevels) = CellParsing.competencies(row[map[.competencies]])
            for level in invalidLevels {
                problems.append(InputProblem(.invalidLevel(value: level), at: at(.competencies)))
            }
            let (holder, isVacancy) = WorksheetReader.holder(holderText)
            functions.append(TeamFunction(
                title: title, holder: holder, isVacancy: isVacancy, workload: workload,
                tasks: CellParsing.items(row[map[.tasks]]), roles: roles, competencies: competencies))
        }
        if problems.contains(where: { !$0.isWarning }) { throw InputProblems(problems) }
        return (Team(name: teamName, functions: functions), problems)
    }

    enum Mark: Equatable {
        case notHeld
        /// With the share in percent when one was given.
        case held(Double?)
        case unknown(String)
    }

    /// What a matrix cell says: empty, "-", "0" or "nee" is no; "x", "1", "ja" or a tick is yes;
    /// "70%" (or 70, or 0,7) is yes with that share.
    static func mark(_ cell: String) -> Mark {
        let text = cell.trimmed
        let key = TextKey.compact(text)
        if key.isEmpty || ["0", "nee", "no", "n", "", "0%"].contains(key) || text == "-" { return .notHeld }
        if ["x", "1", "ja", "yes", "j", "y", "v", "✓", "✔", "☑", "•", "100%"].contains(key) {
            return key == "100%" ? .held(100) : .held(nil)
        }
        guard case .some(.some(let number)) = CellParsing.number(text) else { return .unknown(text) }
        if text.hasSuffix("%") {
            return (0...100).contains(number) && number > 0 ? .held(number) : .unknown(text)
        }
        if number > 0, number < 1 { return .held((number * 100 * 1e6).rounded() / 1e6) }
        if number > 1, number <= 100 { return .held(number) }
        return .unknown(text)
    }
}
