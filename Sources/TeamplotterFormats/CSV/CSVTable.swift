import Foundation
import TeamplotterCore

/// One record of a CSV file. `number` is the record's row as a spreadsheet shows it: a cell with
/// line breaks inside does not add rows.
public struct CSVRow: Sendable, Hashable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int?) -> String {
        guard let column, column < cells.count else { return "" }
        return cells[column]
    }

    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// A parsed CSV file.
public struct CSVTable: Sendable, Hashable {
    public var delimiter: Character
    public var rows: [CSVRow]
}

/// Reads CSV the way spreadsheet programs write it: `;`, `,` or tab delimited (detected), UTF-8
/// with or without BOM or Windows-1252, CRLF, LF or CR, quoted cells with line breaks inside.
public enum CSVReader {
    public static func read(_ data: Data, file: String?) throws(InputProblems) -> CSVTable {
        let bytes = try TextDecoding.utf8Bytes(data, file: file)
        return try parse(bytes, file: file)
    }

    public static func parse(_ text: String, file: String?) throws(InputProblems) -> CSVTable {
        var bytes = Array(text.utf8)
        if bytes.starts(with: TextDecoding.byteOrderMark) { bytes.removeFirst(3) }
        return try parse(bytes, file: file)
    }

    static func parse(_ bytes: [UInt8], file: String?) throws(InputProblems) -> CSVTable {
        let delimiter = detectDelimiter(bytes)
        var rows: [CSVRow] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var cellIsQuoted = false
        var quoteStart = (row: 1, column: 1)
        var row = 1
        var index = 0
        let count = bytes.count

        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            cellIsQuoted = false
        }
        func endRow() {
            endCell()
            let record = CSVRow(number: row, cells: cells)
            if !record.isBlank { rows.append(record) }
            cells = []
            row += 1
        }

        while index < count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == Byte.quote {
                    if index < count, bytes[index] == Byte.quote {
                        cell.append(Byte.quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else if byte == Byte.cr {
                    // Line breaks inside a cell become plain \n.
                    if index < count, bytes[index] == Byte.lf { index += 1 }
                    cell.append(Byte.lf)
                } else {
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                endCell()
            case Byte.quote where cell.isEmpty && !cellIsQuoted:
                inQuotes = true
                cellIsQuoted = true
                quoteStart = (row, cells.count + 1)
            case Byte.cr:
                if index < count, bytes[index] == Byte.lf { index += 1 }
                endRow()
            case Byte.lf:
                endRow()
            default:
                cell.append(byte)
            }
        }
        if inQuotes {
            throw InputProblems([
                InputProblem(
                    .unterminatedQuote,
                    at: SourceLocation(file: file, row: quoteStart.row, column: quoteStart.column))
            ])
        }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return CSVTable(delimiter: Character(UnicodeScalar(delimiter)), rows: rows)
    }

    /// The delimiter is the one of `;`, `,` and tab that occurs most in the first record, outside
    /// quotes; `;` (what Dutch Excel writes) when there is a tie or none.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [Byte.semicolon: 0, Byte.comma: 0, Byte.tab: 0]
        var inQuotes = false
        for byte in bytes {
            if byte == Byte.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == Byte.lf || byte == Byte.cr { break }
                if counts[byte] != nil { counts[byte]! += 1 }
            }
        }
        // In order of preference, so that the first wins a tie.
        var best = Byte.semicolon
        for candidate in [Byte.semicolon, Byte.comma, Byte.tab] where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }
}

enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let tab = UInt8(ascii: "\t")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
}
