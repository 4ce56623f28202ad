/// A1-style cell references: column letters and a row number, both counted from 1.
public struct CellReference: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Excel's last column is XFD (16 384) and its last row 1 048 576.
    static let maximumColumn = 16_384
    static let maximumRow = 1_048_576

    /// "B12" → row 12, column 2; "$B$12" too. Nil for anything else.
    public init?(_ text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes (a sheet's `r` attribute as the stream reads it).
    init?(utf8: some Sequence<UInt8>) {
        var column = 0
        var row = 0
        var seenDigit = false
        for character in utf8 where character != UInt8(ascii: "$") {
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
                column = column * 26 + Int(character - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !seenDigit:
                column = column * 26 + Int(character - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                row = row * 10 + Int(character - UInt8(ascii: "0"))
            default:
                return nil
            }
            if column > Self.maximumColumn || row > Self.maximumRow { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// 1 → "A", 27 → "AA".
    public static func letters(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    public var a1: String { Self.letters(column) + String(row) }
}

/// A rectangle of cells, e.g. the merged range "A2:B3".
public struct CellRange: Sendable, Hashable {
    public var first: CellReference
    public var last: CellReference

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard let start = parts.first.flatMap({ CellReference($0) }) else { return nil }
        let end = parts.count == 2 ? CellReference(parts[1]) : start
        guard let end, parts.count <= 2 else { return nil }
        first = CellReference(row: min(start.row, end.row), column: min(start.column, end.column))
        last = CellReference(row: max(start.row, end.row), column: max(start.column, end.column))
    }

    public var a1: String { first == last ? first.a1 : first.a1 + ":" + last.a1 }
}
