/// Plain-text layout for terminals.
public enum TextLayout {
    /// Word-wraps to `width` columns; the first line gets `indent`, later lines `hanging`.
    public static func wrap(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        let next = hanging ?? indent
        var lines: [String] = []
        var current = indent
        var length = indent.count
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordLength = word.count
            if !currentIsEmpty, length + 1 + wordLength > width {
                lines.append(current)
                current = next + word
                length = next.count + wordLength
            } else {
                current += currentIsEmpty ? word : " " + word
                length += currentIsEmpty ? wordLength : 1 + wordLength
            }
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }
}
