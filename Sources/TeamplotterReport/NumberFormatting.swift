import Foundation
import TeamplotterCore

/// Numbers as the reader expects them: a decimal comma in Dutch, a point in English.
///
/// The output is exactly what C's `printf("%.2f")` / `"%.0f"` give (round half to even on the
/// exact binary value, "-0,00" for negative values that round to zero), but worked out with
/// integer arithmetic: a report of 100,000 functions formats a few hundred thousand numbers,
/// and Foundation's `String(format:)` cost more than the rest of the report together. Values
/// outside the exact integer range (and NaN, infinity) still go through `String(format:)`.
public enum NumberFormatting {
    /// Two decimals: "0,30".
    public static func fte(_ value: Double, _ language: Language) -> String {
        withDigits { appendFTE(value, language, to: &$0) }
    }

    /// As few decimals as needed, at most two: "0,5", "1,5", "2".
    public static func short(_ value: Double, _ language: Language) -> String {
        withDigits { appendShort(value, language, to: &$0) }
    }

    /// A whole percentage: "71%".
    public static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    /// `fte`, appended as UTF-8.
    static func appendFTE(_ value: Double, _ language: Language, to out: inout [UInt8]) {
        guard let (negative, hundredths) = roundedHundredths(value) else {
            return appendLocalised(String(format: "%.2f", value), language, to: &out)
        }
        appendFixed(negative: negative, hundredths: hundredths, comma: language == .nl, to: &out)
    }

    /// `short`, appended as UTF-8.
    static func appendShort(_ value: Double, _ language: Language, to out: inout [UInt8]) {
        let hundredths = (value * 100).rounded()
        if abs(hundredths) < shortLimit {
            // Whole hundredths n: the paths below print n / 100, as its value lies within 1e-8
            // of it; no rounding of n / 100 to a double can make it whole or move its second decimal.
            if hundredths.sign == .minus { out.append(UInt8(ascii: "-")) }
            let whole = UInt64(abs(hundredths))
            appendDecimal(whole / 100, to: &out)
            let cents = UInt8(whole % 100)
            guard cents != 0 else { return }
            out.append(language == .nl ? UInt8(ascii: ",") : UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") + cents / 10)
            if cents % 10 != 0 { out.append(UInt8(ascii: "0") + cents % 10) }
            return
        }
        let rounded = hundredths / 100
        if rounded == rounded.rounded() {
            // A whole number: printed as "%.0f" does, without localising (there is no separator).
            guard abs(rounded) < exactLimit else { return out.append(contentsOf: String(format: "%.0f", rounded).utf8) }
            if rounded.sign == .minus { out.append(UInt8(ascii: "-")) }
            return appendDecimal(UInt64(abs(rounded)), to: &out)
        }
        guard let (negative, hundredths) = roundedHundredths(rounded) else {
            var text = String(format: "%.2f", rounded)
            while text.hasSuffix("0") { text.removeLast() }
            return appendLocalised(text, language, to: &out)
        }
        let start = out.count
        appendFixed(negative: negative, hundredths: hundredths, comma: language == .nl, to: &out)
        while out.count > start, out.last == UInt8(ascii: "0") { out.removeLast() }
    }

    /// Below this many hundredths (a million), `appendShort` works on whole hundredths.
    private static let shortLimit = 1e8

    /// Beyond this the fast path's integer arithmetic could overflow; such numbers are not FTE.
    private static let exactLimit = 1e15

    /// `value` × 100 rounded half to even on its exact binary value, as printf rounds; nil when
    /// not finite or too large for the integer arithmetic.
    static func roundedHundredths(_ value: Double) -> (negative: Bool, hundredths: UInt64)? {
        guard value.isFinite, abs(value) < exactLimit else { return nil }
        let negative = value.sign == .minus
        // value = significand × 2^exponent exactly, with a 53-bit integer significand.
        let bits = value.significandBitPattern
        let biased = Int(value.exponentBitPattern)
        let significand = biased == 0 ? bits : bits | (1 << 52)
        let exponent = (biased == 0 ? 1 : biased) - 1075
        let scaled = significand * 100  // < 2^60
        if exponent >= 0 { return (negative, scaled << UInt64(exponent)) }  // < 1e17 by the limit
        let shift = -exponent
        guard shift < 64 else { return (negative, 0) }  // below 2^-4 × 100: rounds to 0
        var whole = scaled >> UInt64(shift)
        let rest = scaled & ((1 << UInt64(shift)) - 1)
        let half: UInt64 = 1 << UInt64(shift - 1)
        if rest > half || (rest == half && whole & 1 == 1) { whole += 1 }
        return (negative, whole)
    }

    private static func appendFixed(negative: Bool, hundredths: UInt64, comma: Bool, to out: inout [UInt8]) {
        if negative { out.append(UInt8(ascii: "-")) }
        appendDecimal(hundredths / 100, to: &out)
        out.append(comma ? UInt8(ascii: ",") : UInt8(ascii: "."))
        let cents = UInt8(hundredths % 100)
        out.append(UInt8(ascii: "0") + cents / 10)
        out.append(UInt8(ascii: "0") + cents % 10)
    }

    static func appendDecimal(_ number: UInt64, to out: inout [UInt8]) {
        guard number >= 10 else { return out.append(UInt8(ascii: "0") + UInt8(number)) }
        if number < 100 {
            // Most numbers in a report (percentages, people): without the recursive call.
            out.append(UInt8(ascii: "0") + UInt8(number / 10))
            return out.append(UInt8(ascii: "0") + UInt8(number % 10))
        }
        appendDecimal(number / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    private static func appendLocalised(_ text: String, _ language: Language, to out: inout [UInt8]) {
        for byte in text.utf8 {
            out.append(language == .nl && byte == UInt8(ascii: ".") ? UInt8(ascii: ",") : byte)
        }
    }

    /// A short number as a String; small strings live inline, so this rarely allocates.
    private static func withDigits(_ body: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        body(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
