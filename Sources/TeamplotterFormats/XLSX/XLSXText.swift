/// Text as SpreadsheetML stores it: characters XML cannot hold are written `_xHHHH_`.
enum XLSXText {
    /// The length of an `_xHHHH_` escape at the start, or nil.
    static func escapeLength(_ text: Substring) -> Int? {
        let utf8 = Array(text.utf8.prefix(7))
        guard utf8.count == 7, utf8[0] == UInt8(ascii: "_"), utf8[1] == UInt8(ascii: "x"),
            utf8[6] == UInt8(ascii: "_"), utf8[2...5].allSatisfy({ isHexDigit($0) })
        else { return nil }
        return 7
    }

    /// Replaces `_xHHHH_` escapes by the characters they stand for.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = text[...]
        while let first = rest.first {
            if first == "_", escapeLength(rest) != nil,
                let value = UInt32(String(rest.dropFirst(2).prefix(4)), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.unicodeScalars.append(scalar)
                rest = rest.dropFirst(7)
            } else {
                result.append(first)
                rest = rest.dropFirst()
            }
        }
        return result
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
