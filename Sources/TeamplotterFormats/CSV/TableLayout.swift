import TeamplotterCore

/// Which of the team layouts a table has: the worksheet (a roles column) or the skills matrix
/// (a column per role).
enum TableLayout: Sendable, Hashable {
    case worksheet, matrix

    /// The header is looked for in this many rows (not blank) from the top; detection reads no
    /// further.
    static let rowsLookedAt = 10

    /// A function column with a roles column is a worksheet; without one, role columns make a
    /// matrix; a function column alone is a worksheet still, so that its reader can say the roles
    /// column is missing.
    static func detect(_ table: CSVTable, catalogue: Catalogue) -> TableLayout? {
        if WorksheetReader.hasRolesColumn(table) { return .worksheet }
        if MatrixReader.recognises(table, catalogue: catalogue) { return .matrix }
        if WorksheetReader.recognises(table) { return .worksheet }
        return nil
    }
}
