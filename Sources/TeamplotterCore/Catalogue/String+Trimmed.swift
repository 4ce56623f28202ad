extension Substring {
    /// Without white space (line breaks included) at either end. Works on the UTF-8 bytes for the
    /// common ASCII case, which is many times faster than Foundation's `trimmingCharacters(in:)`
    /// on large imports; other white space (a no-break space from Excel) takes the Unicode path.
    public var trimmed: String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, Self.isASCIISpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, Self.isASCIISpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard start < end else { return "" }
        if bytes[start] < 0x80, bytes[bytes.index(before: end)] < 0x80 {
            return String(self[start..<end])
        }
        let scalars = String(self[start..<end]).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}

extension String {
    /// Without white space at either end; see `Substring.trimmed`.
    public var trimmed: String { self[...].trimmed }
}
