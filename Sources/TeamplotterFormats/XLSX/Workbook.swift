/// A workbook as read from an XLSX file: its sheets with their cell values, as Excel shows them.
public struct Workbook: Sendable, Hashable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }
}

/// One sheet: its cells by row and column (both from 1), and what else matters for reading it.
public struct Sheet: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Double)
        case bool(Bool)
        /// A number formatted as a date, or a cell of date type; ISO text for messages.
        case date(String)
        /// An error value such as #REF! or #DIV/0!.
        case error(String)
    }

    public struct Cell: Sendable, Hashable {
        public var value: Value?
        /// The formula without "=", when the cell holds one.
        public var formula: String?
        /// The number format is a percentage: 0.7 means 70%.
        public var isPercent: Bool

        public init(value: Value?, formula: String? = nil, isPercent: Bool = false) {
            self.value = value
            self.formula = formula
            self.isPercent = isPercent
        }
    }

    public var name: String
    public var isHidden: Bool
    public var cells: [Int: [Int: Cell]]
    public var merged: [CellRange]

    public init(name: String, isHidden: Bool = false, cells: [Int: [Int: Cell]] = [:], merged: [CellRange] = []) {
        self.name = name
        self.isHidden = isHidden
        self.cells = cells
        self.merged = merged
    }

    public subscript(row: Int, column: Int) -> Cell? { cells[row]?[column] }

    public var rowNumbers: [Int] { cells.keys.sorted() }
}
