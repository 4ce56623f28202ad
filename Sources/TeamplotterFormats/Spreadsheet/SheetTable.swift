import Foundation
import TeamplotterCore

/// Turns a sheet into the text table the worksheet, matrix and needs readers read, and says what
/// in the sheet a text table cannot carry: formulas, error values, merged cells.
enum SheetTable {
    /// No team needs more columns than this (the matrix has one per role).
    static let maximumColumns = 1_024

    static func table(_ sheet: Sheet, file: String?) -> (table: CSVTable, problems: [InputProblem]) {
        var sheet = sheet
        return table(emptying: &sheet, file: file)
    }

    /// The same, taking each row's cells out of the sheet as it goes: the sheet's cells and the
    /// table are then not both whole in memory (a 100,000-row sheet's cells take some 100 MB).
    static func table(emptying sheet: inout Sheet, file: String?) -> (table: CSVTable, problems: [InputProblem]) {
        var rows: [CSVRow] = []
        var problems: [InputProblem] = []
        // At least two cells a row when the sheet has two columns: a sheet row with one filled
        // cell is not, as in a CSV, a row written with another delimiter.
        let width = min(sheet.rows.values.compactMap { $0.last?.column }.max() ?? 0, 2)
        for rowNumber in sheet.rowNumbers {
            guard let entries = sheet.removeRow(rowNumber), let lastColumn = entries.last?.column else { continue }
            // Rows are dense arrays; a cell far to the right must not make every row huge.
            var texts = [String](repeating: "", count: max(min(lastColumn, maximumColumns), width))
            var dates: Set<Int> = []
            for entry in entries {
                let column = entry.column
                let location = SourceLocation(file: file, sheet: sheet.name, row: rowNumber, column: column)
                guard column <= maximumColumns else {
                    problems.append(InputProblem(.spreadsheet(.beyondLastColumn(limit: maximumColumns)), at: location))
                    break
                }
                var text = ""
                switch entry.value {
                case .text(let value): text = value
                case .number(let value): text = entry.isPercent ? plain(value * 100) + "%" : plain(value)
                case .bool(let value): text = value ? "1" : "0"
                case .date(let value):
                    text = value
                    dates.insert(column - 1)
                case .error(let value):
                    problems.append(InputProblem(.spreadsheet(.errorValue(value)), at: location))
                case nil: break
                }
                if let formula = entry.formulaText {
                    if entry.value == nil {
                        problems.append(InputProblem(.spreadsheet(.formulaWithoutValue(formula: formula)), at: location))
                    } else if case .error = entry.value {
                        // Already said: the error value is what matters.
                    } else {
                        problems.append(
                            InputProblem(.spreadsheet(.formulaWithValue(formula: formula, value: text)), at: location, isWarning: true))
                    }
                }
                texts[column - 1] = text
            }
            let row = CSVRow(number: rowNumber, cells: texts, dateColumns: dates)
            if !row.isBlank { rows.append(row) }
        }
        sheet.removeAllCells()
        return (CSVTable(delimiter: ";", rows: rows, sheet: sheet.name), problems)
    }

    /// Merged cells at or below the header row hide values from rows they cover; above it (a title
    /// across the top) they do no harm.
    static func mergeProblems(_ sheet: Sheet, headerRow: Int, file: String?) -> [InputProblem] {
        sheet.merged.filter { $0.last.row >= headerRow }.map { range in
            InputProblem(
                .spreadsheet(.mergedCells(range: range.a1)),
                at: SourceLocation(file: file, sheet: sheet.name, row: range.first.row, column: range.first.column))
        }
    }

    /// A number as plain decimal text ("22.5", "0.0001"), never in exponent form, which the cell
    /// parsing would not take for a number.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        guard text.contains("e") else { return text }
        var fixed = String(format: "%.12f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }
}
