import Foundation
import TeamplotterCore

/// Numbers as the reader expects them: a decimal comma in Dutch, a point in English.
public enum NumberFormatting {
    /// Two decimals: "0,30".
    public static func fte(_ value: Double, _ language: Language) -> String {
        localise(String(format: "%.2f", value), language)
    }

    /// As few decimals as needed, at most two: "0,5", "1,5", "2".
    public static func short(_ value: Double, _ language: Language) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return localise(text, language)
    }

    /// A whole percentage: "71%".
    public static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }

    private static func localise(_ text: String, _ language: Language) -> String {
        language == .nl ? String(text.map { $0 == "." ? "," : $0 }) : text
    }
}
