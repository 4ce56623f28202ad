import Foundation

/// Normalised forms of user text, for matching names the way people type them.
public enum TextKey {
    /// Lower case, no diacritics, surrounding space trimmed, inner white space collapsed.
    public static func folded(_ text: String) -> String {
        let plain = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `folded`, then without space, hyphen, slash, dot, underscore and apostrophe (PRODUCT.md §3).
    public static func compact(_ text: String) -> String {
        let ignored: Set<Character> = [" ", "-", "/", ".", "_", "'", "\u{2010}", "\u{2013}"]
        return String(folded(text).filter { !ignored.contains($0) && !$0.isWhitespace })
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
