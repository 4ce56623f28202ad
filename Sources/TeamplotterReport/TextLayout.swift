/// Plain-text layout for terminals.
public enum TextLayout {
    /// Word-wraps to `width` columns; the first line gets `indent`, later lines `hanging`.
    public static func wrap(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        let text = singleLine(text)
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

    /// Text from a file, made safe for one terminal line: control characters (line breaks,
    /// escape codes) become spaces, so a name cannot break the layout or drive the terminal.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isControl(scalar) ? " " : scalar)
        }
        return String(result)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
