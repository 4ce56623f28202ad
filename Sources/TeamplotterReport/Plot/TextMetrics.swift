/// Estimated text widths, so that the SVG can wrap and shorten labels on the server, where no
/// browser measures them. The estimates follow the proportions of Arial-like sans-serif fonts
/// (Arial, Liberation Sans, Helvetica) and err on the wide side, so that text rather ends short
/// than runs into its neighbour.
enum TextMetrics {
    /// A little wider than measured: a fallback font may be wider, and bold is estimated.
    static let safety = 1.04

    /// Width of `text` in pixels at `size` pixels.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        width(ems: ems(text), size: size, bold: bold)
    }

    /// Width in pixels of text `ems` wide.
    private static func width(ems: Double, size: Double, bold: Bool) -> Double {
        ems * size * (bold ? 1.08 : 1) * safety
    }

    /// Width of `text` in em: the sum over its characters, in order.
    static func ems(_ text: String) -> Double {
        // Most text is ASCII, where every byte is a character but for CR LF (one character,
        // as wide as either byte alone): a table lookup per byte, no grapheme breaking.
        var ems = 0.0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return characterEms(text) }
            if byte != 0x0A || previous != 0x0D { ems += asciiEms[Int(byte)] }
            previous = byte
        }
        return ems
    }

    /// The same, character by character: for text that is not all ASCII.
    private static func characterEms(_ text: String) -> Double {
        var ems = 0.0
        for character in text {
            ems += em(character)
        }
        return ems
    }

    /// `em` of each ASCII character, looked up rather than matched.
    private static let asciiEms: [Double] = (0..<128).map { classifiedEm(Character(Unicode.Scalar(UInt8($0)))) }

    /// Width of one character in em, looked up when it is ASCII ("\r\n" counts as "\n").
    static func em(_ character: Character) -> Double {
        if let ascii = character.asciiValue { return asciiEms[Int(ascii)] }
        return classifiedEm(character)
    }

    /// Width of one character in em, in classes of characters of about the same width (measured
    /// in Chromium with Liberation Sans, which has Arial's widths).
    static func classifiedEm(_ character: Character) -> Double {
        switch character {
        case "i", "j", "l", "'": return 0.23
        case "f", "t", "/", "[", "]", ",", ".", ":", ";", "!", "|", "I", " ", "·": return 0.28
        case "r", "-", "(", ")": return 0.34
        case "c", "k", "s", "v", "x", "y", "z", "J": return 0.5
        case "m", "M": return 0.84
        case "w": return 0.73
        case "W": return 0.95
        case "C", "D", "H", "N", "R", "U", "&": return 0.73
        case "G", "O", "Q": return 0.78
        case "F", "T", "Z": return 0.62
        case "L": return 0.56
        case "%": return 0.89
        case "@", "…": return 1.02
        default: break
        }
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.isASCII {
            if character.isUppercase { return 0.67 }
            return 0.56
        }
        // Letters with diacritics are as wide as their base letter; symbols (✗ ◐ ①) are wide.
        if character.isLowercase { return 0.56 }
        if character.isUppercase { return 0.73 }
        if character.isNumber { return 0.56 }
        return 1.0
    }

    /// The text, shortened with an ellipsis to fit `maxWidth`; `truncated` says whether it was.
    static func truncate(_ text: String, maxWidth: Double, size: Double, bold: Bool = false)
        -> (text: String, truncated: Bool)
    {
        if width(text, size: size, bold: bold) <= maxWidth { return (text, false) }
        // The width of the kept part grows by one character at a time, summed in the same order
        // as `width` sums it, so the result is the same as measuring every candidate anew.
        let ellipsis = em("…")
        var kept = ""
        var keptEms = 0.0
        for character in text {
            let candidateEms = keptEms + em(character)
            if width(ems: candidateEms + ellipsis, size: size, bold: bold) > maxWidth { break }
            kept.append(character)
            keptEms = candidateEms
        }
        while kept.last == " " { kept.removeLast() }
        return (kept.isEmpty ? "…" : kept + "…", true)
    }

    /// Word-wraps `text` into at most `maxLines` lines of `maxWidth`; the last line is shortened
    /// when the text does not fit. A word wider than a line is broken.
    static func wrap(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int)
        -> (lines: [String], truncated: Bool)
    {
        var lines: [String] = []
        var current = ""
        var words = text.split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
                index += 1
                continue
            }
            if current.isEmpty {
                // One word wider than the line: break it where it stops fitting.
                var head = ""
                for character in word {
                    if width(head + String(character), size: size, bold: bold) > maxWidth { break }
                    head.append(character)
                }
                if head.isEmpty { head = String(word.prefix(1)) }
                lines.append(head)
                words[index] = String(word.dropFirst(head.count))
                if words[index].isEmpty { index += 1 }
            } else {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count <= maxLines { return (lines, false) }
        var kept = Array(lines.prefix(maxLines))
        let rest = lines[(maxLines - 1)...].joined(separator: " ")
        // The rest is longer than a line, so the shortened line always ends in an ellipsis.
        kept[maxLines - 1] = truncate(rest, maxWidth: maxWidth, size: size, bold: bold).text
        return (kept, true)
    }
}
