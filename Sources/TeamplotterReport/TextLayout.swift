/// Plain-text layout for terminals.
public enum TextLayout {
    /// Word-wraps to `width` columns; the first line gets `indent`, later lines `hanging`.
    public static func wrap(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        let next = hanging ?? indent
        var lines: [String] = []
        var current = indent
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = currentIsEmpty ? current + word : current + " " + word
            if candidate.count > width, !currentIsEmpty {
                lines.append(current)
                current = next + word
            } else {
                current = candidate
            }
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }
}
