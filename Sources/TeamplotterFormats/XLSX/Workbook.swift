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

    /// A cell with its column, for a row's cells in column order. The cell's parts are laid out
    /// here by hand, its formula (rare) in a box of its own: 32 bytes a cell rather than 48, some
    /// 14 MB less for the team sheet of a 100,000-row export.
    public struct Entry: Sendable, Hashable {
        // The cell's parts are also read one by one (`SheetTable`), without a `Cell` in between.
        private(set) var value: Value?
        private(set) var isPercent: Bool
        // Columns stop at 16,384.
        private var storedColumn: Int32
        private var formula: Formula?

        public var column: Int { Int(storedColumn) }
        public var cell: Cell { Cell(value: value, formula: formulaText, isPercent: isPercent) }
        var formulaText: String? { formula?.text }

        public init(column: Int, cell: Cell) {
            self.init(column: column, value: cell.value, formula: cell.formula, isPercent: cell.isPercent)
        }

        init(column: Int, value: Value?, formula: String?, isPercent: Bool) {
            self.value = value
            self.isPercent = isPercent
            storedColumn = Int32(clamping: column)
            self.formula = formula.map(Formula.init)
        }
    }

    /// A cell's formula, out of line: nearly every cell has none.
    final class Formula: Sendable, Hashable {
        let text: String

        init(_ text: String) {
            self.text = text
        }

        static func == (left: Formula, right: Formula) -> Bool { left.text == right.text }
        func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }

    public var name: String
    public var isHidden: Bool
    /// Each row's cells, sorted by column, one entry a column. Arrays, not dictionaries by column:
    /// those took some 950 bytes a row, about 95 MB for the team sheet of a 100,000-row export.
    public private(set) var rows: [Int: [Entry]]
    public var merged: [CellRange]

    public init(name: String, isHidden: Bool = false, cells: [Int: [Int: Cell]] = [:], merged: [CellRange] = []) {
        self.name = name
        self.isHidden = isHidden
        self.rows = [:]
        self.merged = merged
        self.cells = cells
    }

    /// The cells by row and column, as dictionaries; built on each use, for tests and small sheets.
    public var cells: [Int: [Int: Cell]] {
        get {
            rows.mapValues { entries in Dictionary(uniqueKeysWithValues: entries.map { ($0.column, $0.cell) }) }
        }
        set {
            rows = newValue.compactMapValues { cells in
                cells.isEmpty ? nil : cells.sorted { $0.key < $1.key }.map { Entry(column: $0.key, cell: $0.value) }
            }
        }
    }

    public subscript(row: Int, column: Int) -> Cell? {
        guard let entries = rows[row] else { return nil }
        let index = Self.firstIndex(in: entries, atLeast: column)
        return index < entries.count && entries[index].column == column ? entries[index].cell : nil
    }

    public var rowNumbers: [Int] { rows.keys.sorted() }

    /// Adds one row's cells, in the order the file gives them. A column given twice, in the row
    /// or in an earlier row of the same number, keeps its later cell.
    mutating func add(row number: Int, _ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        if let earlier = rows[number] {
            rows[number] = Self.ordered(earlier + entries)
        } else {
            rows[number] = Self.ordered(entries)
        }
    }

    /// Takes a row's cells out of the sheet.
    mutating func removeRow(_ number: Int) -> [Entry]? {
        rows.removeValue(forKey: number)
    }

    mutating func removeAllCells() {
        rows = [:]
    }

    /// Sorted by column, the last of equal columns kept; cells already in order (nearly always)
    /// are taken as they are.
    private static func ordered(_ entries: [Entry]) -> [Entry] {
        if zip(entries, entries.dropFirst()).allSatisfy({ $0.column < $1.column }) { return entries }
        // Stable: of equal columns the later keeps the later place.
        let sorted = entries.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }
        var result: [Entry] = []
        result.reserveCapacity(sorted.count)
        for (_, entry) in sorted {
            if let last = result.last, last.column == entry.column {
                result[result.count - 1] = entry
            } else {
                result.append(entry)
            }
        }
        return result
    }

    private static func firstIndex(in entries: [Entry], atLeast column: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
