import TeamplotterCore

/// Writes CSV the way Dutch Excel reads it without asking: `;` between cells, UTF-8 with a byte
/// order mark (else Excel guesses Windows-1252), CRLF between rows, quotes where needed.
public enum CSVWriter {
    public static func write(_ rows: [[String]]) -> [UInt8] {
        var text = ""
        for row in rows {
            text += row.map { quoted($0) }.joined(separator: ";") + "\r\n"
        }
        return TextDecoding.byteOrderMark + Array(text.utf8)
    }

    /// Quotes a cell when it holds the delimiter, a quote, a line break or edge spaces. Line breaks
    /// inside a cell are written as CRLF too, as Excel does.
    static func quoted(_ cell: String, delimiter: Character = ";") -> String {
        let needsQuotes = cell.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        guard needsQuotes else { return cell }
        let normalised = cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return "\"" + normalised.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
