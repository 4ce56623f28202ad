import Foundation

/// Normalised forms of user text, for matching names the way people type them.
public enum TextKey {
    /// Lower case, no diacritics, surrounding space trimmed, inner white space collapsed.
    public static func folded(_ text: String) -> String {
        if let ascii = asciiKey(text, keep: { _ in true }) { return ascii }
        let plain = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `folded`, then without space, hyphen, slash, dot, underscore and apostrophe (PRODUCT.md §3).
    public static func compact(_ text: String) -> String {
        if let ascii = asciiKey(text, keep: { !compactIgnored.contains($0) }) { return ascii }
        return String(folded(text).unicodeScalars.filter { !compactIgnoredScalars.contains($0) && !$0.properties.isWhitespace })
    }

    private static let compactIgnored: Set<UInt8> = Set(" -/._'".utf8)
    private static let compactIgnoredScalars: Set<Unicode.Scalar> = [" ", "-", "/", ".", "_", "'", "\u{2010}", "\u{2013}"]

    /// The fast path for plain ASCII text (nearly every name people type): lower case, white space
    /// folded to single spaces, and only the bytes `keep` allows. Nil for any other text, which
    /// takes Foundation's full Unicode folding.
    private static func asciiKey(_ text: String, keep: (UInt8) -> Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace, keep(0x20) { bytes.append(0x20) }
            pendingSpace = false
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            if keep(lower) { bytes.append(lower) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A URL- and id-friendly slug: `Contentmanager website` → `contentmanager-website`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in folded(text).unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// Edit distance between two strings, for "did you mean" suggestions.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
