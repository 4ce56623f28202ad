import Foundation
import TeamplotterCore

/// One record of a CSV file, or one row of a sheet. `number` is the record's row as a spreadsheet
/// shows it: a cell with line breaks inside does not add rows.
public struct CSVRow: Sendable, Hashable {
    public var number: Int
    public var cells: [String]
    /// Columns (from 0) whose cell is a date in the workbook; the cell text is then its ISO date,
    /// and a reader that wants a number says so.
    public var dateColumns: Set<Int>

    public init(number: Int, cells: [String], dateColumns: Set<Int> = []) {
        self.number = number
        self.cells = cells
        self.dateColumns = dateColumns
    }

    public subscript(column: Int?) -> String {
        guard let column, column < cells.count else { return "" }
        return cells[column]
    }

    /// The cell's text, leaving an empty cell in its place: a reader done with the row moves the
    /// text on rather than copying it.
    mutating func take(_ column: Int?) -> String {
        guard let column, column < cells.count else { return "" }
        var taken = ""
        swap(&taken, &cells[column])
        return taken
    }

    public var isBlank: Bool { cells.allSatisfy(Self.isBlank) }

    /// A cell of white space only. Any ASCII byte other than white space settles it without
    /// looking at characters (such a byte is never part of a white-space character); text of other
    /// scalars only takes `Character.isWhitespace`.
    static func isBlank(_ cell: String) -> Bool {
        var onlyASCII = true
        for byte in cell.utf8 {
            if byte >= 0x80 {
                onlyASCII = false
            } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                return false
            }
        }
        return onlyASCII || cell.allSatisfy(\.isWhitespace)
    }

    /// `isBlank` of a cell still in the file's bytes (valid UTF-8).
    static func isBlank(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var onlyASCII = true
        for byte in cell {
            if byte >= 0x80 {
                onlyASCII = false
            } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                return false
            }
        }
        return onlyASCII || String(decoding: cell, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}

/// A parsed CSV file, or the text of one sheet of a workbook (then `sheet` names it).
public struct CSVTable: Sendable, Hashable {
    public var delimiter: Character
    public var rows: [CSVRow]
    public var sheet: String?

    public init(delimiter: Character = ";", rows: [CSVRow], sheet: String? = nil) {
        self.delimiter = delimiter
        self.rows = rows
        self.sheet = sheet
    }
}

/// Reads CSV the way spreadsheet programs write it: `;`, `,` or tab delimited (detected), UTF-8
/// with or without BOM or Windows-1252, CRLF, LF or CR, quoted cells with line breaks inside.
public enum CSVReader {
    public static func read(_ data: Data, file: String?) throws(InputProblems) -> CSVTable {
        try TextDecoding.withUTF8(data, file: file) { (bytes) throws(InputProblems) in try parse(bytes, file: file) }
    }

    public static func parse(_ text: String, file: String?) throws(InputProblems) -> CSVTable {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(InputProblems) in try parse(TextDecoding.withoutByteOrderMark(bytes), file: file) }
        }.get()
    }

    /// Parses valid UTF-8 into a table of its records that are not blank.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String?) throws(InputProblems) -> CSVTable {
        var records = Records(bytes, file: file)
        var rows: [CSVRow] = []
        while let record = try records.next() { rows.append(record) }
        return CSVTable(delimiter: records.delimiterCharacter, rows: rows)
    }

    /// The records of valid UTF-8 text one at a time, blank ones skipped, so that a reader can
    /// take each as it comes rather than hold the whole table. A cell is made straight from its
    /// bytes in the file; only a quoted cell with `""` or a CR inside, or text after its closing
    /// quote, is put together first.
    struct Records {
        private(set) var bytes: UnsafeBufferPointer<UInt8>
        let file: String?
        let delimiter: UInt8
        private var index = 0
        /// The number the next record gets.
        private(set) var row = 1
        private var pieced: [UInt8] = []
        /// The cell count of the last record, to size the next one's array.
        private var lastCount = 8
        /// An emptied array of cells for the next record, from a reader done with a row.
        private var spareCells: [String] = []
        /// Columns whose cells are wanted only as their items (`CellParsing.items`): these are
        /// made straight from the file's bytes into `items`, and the cell itself is left empty.
        var itemColumns: ItemColumns?
        /// The items of the `itemColumns` of the record `next` returned last.
        private(set) var items = RecordItems()
        /// Whether a cell of `itemColumns` in the current record has more than white space.
        private var itemCellFilled = false

        init(_ bytes: UnsafeBufferPointer<UInt8>, file: String?) {
            self.bytes = bytes
            self.file = file
            self.delimiter = detectDelimiter(bytes)
        }

        var delimiterCharacter: Character { Character(UnicodeScalar(delimiter)) }

        /// Cuts the records not read yet into up to `count` parts of at least `minimumBytes` at
        /// line breaks, for threads: the first part keeps this reader's place and numbering, the
        /// others number their records from 1. One part (a copy of `self`) when the rest is too
        /// small. Each cut is a guess: it is made where an even number of quotes lies behind it,
        /// which a stray quote inside an unquoted cell can fool. Reading a part to its end without
        /// an error proves the cut after it right (the part then ends with a complete record, its
        /// line break outside quotes); after an error the caller reads on from that part's start
        /// in a reader over the whole rest (`self` is left uncut for that).
        func parts(_ count: Int, minimumBytes: Int) -> [Records] {
            let end = bytes.count
            let size = max((end - index) / max(count, 1), minimumBytes, 1)
            let wanted = min(count, (end - index) / size)
            var parts: [Records] = []
            var start = index
            // The quotes before each even share, counted on all cores: `quotesBefore[n]` lie
            // between `index` and `index + n * size`.
            let guesses = max(wanted, 1)
            let shareQuotes = Parts.map(guesses - 1) { share in
                Self.quoteCount(UnsafeBufferPointer(rebasing: bytes[(index + share * size)..<(index + (share + 1) * size)]))
            }
            let quotesBefore = shareQuotes.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
            var quotes = 0
            var scanned = index
            for number in 1..<guesses {
                // Near the even share of the rest; past the last cut where that overshot it.
                var cut = index + number * size
                if cut >= scanned {
                    quotes = quotesBefore[number]
                } else {
                    cut = scanned
                }
                var inQuotes = quotes % 2 == 1
                while cut < end {
                    let byte = bytes[cut]
                    cut += 1
                    if byte == Byte.quote {
                        inQuotes.toggle()
                        quotes += 1
                    } else if byte == Byte.lf, !inQuotes {
                        break
                    }
                }
                scanned = cut
                // A cut must follow a line feed (a lone CR could be the first half of a CR LF) and
                // leave something after it.
                guard cut < end, bytes[cut - 1] == Byte.lf else { break }
                parts.append(part(start..<cut))
                start = cut
            }
            parts.append(part(start..<end))
            return parts
        }

        /// The records in `range` of `bytes`, which starts at a record boundary: the one this
        /// reader is at, numbered on, or a later one, numbered from 1.
        private func part(_ range: Range<Int>) -> Records {
            var part = self
            part.bytes = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
            if range.lowerBound != index {
                part.bytes = UnsafeBufferPointer(rebasing: bytes[range])
                part.index = 0
                part.row = 1
            }
            return part
        }

        /// This part of `whole` (from `parts`) running on to the end of `whole`.
        func reaching(endOf whole: Records) -> Records {
            var records = self
            if let base = bytes.baseAddress, let wholeBase = whole.bytes.baseAddress {
                records.bytes = UnsafeBufferPointer(start: base, count: wholeBase + whole.bytes.count - base)
            }
            return records
        }

        /// How many quote bytes `bytes` holds, eight bytes at a time.
        static func quoteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            guard let base = bytes.baseAddress else { return 0 }
            let count = bytes.count
            var quotes = 0
            var index = 0
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                // A byte of `word` is zero exactly where the text has a quote; the high bit of each
                // byte of `found` marks a zero byte (without carries between bytes: 0x7F per byte).
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ (ones &* UInt64(Byte.quote))
                let found = ~(((word & ~highs) &+ ~highs) | word) & highs
                quotes += found.nonzeroBitCount
                index += 8
            }
            while index < count {
                if bytes[index] == Byte.quote { quotes += 1 }
                index += 1
            }
            return quotes
        }

        /// Reads the records left only for a broken quote among them.
        mutating func skipToEnd() throws(InputProblems) {
            while try next() != nil {}
        }

        /// Takes back the cells of a row that has been read, to hold the next record's: one
        /// array for all records rather than one made and freed per record.
        mutating func recycle(_ cells: inout [String]) {
            cells.removeAll(keepingCapacity: true)
            swap(&cells, &spareCells)
        }

        /// The items of the record `next()` returned last, leaving none: the reader takes them over.
        mutating func takeItems() -> RecordItems {
            var taken = RecordItems()
            swap(&taken, &items)
            return taken
        }

        /// The next record that is not blank, nil at the end.
        mutating func next() throws(InputProblems) -> CSVRow? {
            while index < bytes.count {
                itemCellFilled = false
                let record = CSVRow(number: row, cells: try cells())
                row += 1
                if itemCellFilled || !record.isBlank { return record }
            }
            return nil
        }

        /// Adds one cell: as text, or as items for one of `itemColumns`. `inFile`: the cell is a
        /// slice of `bytes`, not pieced together elsewhere.
        private mutating func append(_ cell: UnsafeBufferPointer<UInt8>, inFile: Bool, to cells: inout [String]) {
            if let itemColumns {
                let column = cells.count
                if column == itemColumns.tasks {
                    items.tasks = CellParsing.items(cell)
                } else if column == itemColumns.roles {
                    if inFile {
                        items.rolesInFile = cell
                    } else {
                        items.roles = String(decoding: cell, as: UTF8.self)
                    }
                } else if column == itemColumns.competencies {
                    (items.competencies, items.invalidLevels) = CellParsing.competencies(cell)
                } else {
                    cells.append(String(decoding: cell, as: UTF8.self))
                    return
                }
                if !itemCellFilled, !CSVRow.isBlank(cell) { itemCellFilled = true }
                cells.append("")
                return
            }
            cells.append(String(decoding: cell, as: UTF8.self))
        }

        /// Plain text up to the end of the cell: a quote here is just a character.
        private mutating func skipToCellEnd() {
            let count = bytes.count
            while index + 8 <= count {
                let word = WordScan.load(bytes, index)
                let mask = WordScan.matches(word, delimiter) | WordScan.matches(word, Byte.lf) | WordScan.matches(word, Byte.cr)
                if mask != 0 {
                    index += WordScan.first(mask)
                    return
                }
                index += 8
            }
            while index < count {
                let byte = bytes[index]
                if byte == delimiter || byte == Byte.lf || byte == Byte.cr { return }
                index += 1
            }
        }

        /// The cells of one record: cells until a line break outside quotes, or the end.
        private mutating func cells() throws(InputProblems) -> [String] {
            let count = bytes.count
            // The array a reader handed back (`recycle`), or a new one sized like the last record's.
            var cells: [String] = []
            swap(&cells, &spareCells)
            if cells.capacity < lastCount { cells.reserveCapacity(lastCount) }
            defer { lastCount = cells.count }
            if itemColumns != nil { items = RecordItems() }
            while true {
                if index < count, bytes[index] == Byte.quote {
                    let column = cells.count + 1
                    index += 1
                    var runStart = index
                    var isPieced = false
                    pieced.removeAll(keepingCapacity: true)
                    var closed = false
                    while index < count {
                        // Past the bytes that are neither a quote nor a CR, eight at a time.
                        if index + 8 <= count {
                            let word = WordScan.load(bytes, index)
                            let mask = WordScan.matches(word, Byte.quote) | WordScan.matches(word, Byte.cr)
                            if mask == 0 {
                                index += 8
                                continue
                            }
                            index += WordScan.first(mask)
                        }
                        let byte = bytes[index]
                        if byte == Byte.quote {
                            guard index + 1 < count, bytes[index + 1] == Byte.quote else {
                                closed = true
                                break
                            }
                            // "" stands for one quote: keep the first.
                            pieced.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
                            index += 2
                            runStart = index
                            isPieced = true
                        } else if byte == Byte.cr {
                            // Line breaks inside a cell become plain \n.
                            pieced.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                            pieced.append(Byte.lf)
                            index += 1
                            if index < count, bytes[index] == Byte.lf { index += 1 }
                            runStart = index
                            isPieced = true
                        } else {
                            index += 1
                        }
                    }
                    guard closed else {
                        throw InputProblems([
                            InputProblem(.unterminatedQuote, at: SourceLocation(file: file, row: row, column: column))
                        ])
                    }
                    let runEnd = index
                    index += 1
                    // Spaces after the closing quote belong to the cell; anything else means the
                    // quotes do not pair up as the writer meant, and reading on would put text in
                    // the wrong cells without a word.
                    let tailStart = index
                    skipToCellEnd()
                    for byte in UnsafeBufferPointer(rebasing: bytes[tailStart..<index]) where byte != Byte.space && byte != Byte.tab {
                        throw InputProblems([
                            InputProblem(.textAfterQuote, at: SourceLocation(file: file, row: row, column: column))
                        ])
                    }
                    if !isPieced, tailStart == index {
                        append(UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]), inFile: true, to: &cells)
                    } else {
                        pieced.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
                        pieced.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tailStart..<index]))
                        // Through a second reference: `append` may not borrow `pieced` from self.
                        let cell = pieced
                        cell.withUnsafeBufferPointer { append($0, inFile: false, to: &cells) }
                    }
                } else {
                    let start = index
                    skipToCellEnd()
                    append(UnsafeBufferPointer(rebasing: bytes[start..<index]), inFile: true, to: &cells)
                }
                guard index < count else { break }
                let byte = bytes[index]
                index += 1
                if byte == delimiter { continue }
                if byte == Byte.cr, index < count, bytes[index] == Byte.lf { index += 1 }
                break
            }
            return cells
        }
    }

    /// The delimiter is the one of `;`, `,` and tab that occurs most in the first record, outside
    /// quotes; `;` (what Dutch Excel writes) when there is a tie or none.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var tabs = 0
        var inQuotes = false
        for byte in bytes {
            if byte == Byte.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == Byte.lf || byte == Byte.cr { break }
                if byte == Byte.semicolon {
                    semicolons += 1
                } else if byte == Byte.comma {
                    commas += 1
                } else if byte == Byte.tab {
                    tabs += 1
                }
            }
        }
        // In order of preference, so that the first wins a tie.
        if commas > semicolons, commas >= tabs { return Byte.comma }
        if tabs > semicolons, tabs > commas { return Byte.tab }
        return Byte.semicolon
    }
}

/// The columns a worksheet reads as lists of items.
struct ItemColumns: Sendable, Hashable {
    var tasks: Int?
    var roles: Int?
    var competencies: Int?
}

/// The items of one record's `ItemColumns`; empty for a column that is missing. The roles cell
/// stays whole: its items are read on their bytes, most never becoming text.
struct RecordItems {
    var tasks: [String] = []
    /// The roles cell where it stands in the file, good until the next record is read: most cells
    /// need not be copied to be read. Nil when the cell was pieced together (a quote doubled, a
    /// CR LF inside) or comes from a table; then it is `roles`.
    var rolesInFile: UnsafeBufferPointer<UInt8>?
    var roles = ""
    var competencies: [Competency] = []
    /// Levels among the competencies that do not exist, for the reader to report.
    var invalidLevels: [String] = []

    /// `body` on the roles cell's bytes.
    mutating func withRoles<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let rolesInFile { return body(rolesInFile) }
        return roles.withUTF8(body)
    }
}

enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let tab = UInt8(ascii: "\t")
    static let space = UInt8(ascii: " ")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
}
