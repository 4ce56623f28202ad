extension StringProtocol {
    /// Without white space (line breaks included) at either end. Works on Unicode scalars, which
    /// is many times faster than Foundation's `trimmingCharacters(in:)` on large imports.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}
