import Foundation
import Testing
import TeamplotterCore

@testable import TeamplotterReport

/// The reports format numbers, wrap words and escape Markdown on bytes; these tests pin each fast
/// path to the general behaviour it replaces.
@Suite struct ByteRenderingTests {
    // MARK: Numbers, against the String(format:) formatting they replace

    private func formatFte(_ value: Double, _ language: Language) -> String {
        localise(String(format: "%.2f", value), language)
    }

    private func formatShort(_ value: Double, _ language: Language) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return localise(text, language)
    }

    private func localise(_ text: String, _ language: Language) -> String {
        language == .nl ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    private static let awkward: [Double] = [
        0, -0.0, 0.005, 0.015, 0.025, 0.035, 0.045, 0.125, 0.375, 0.625, 2.675, 1.005, 1.015, -0.001, -0.004,
        -0.005, -0.006, -0.125, -0.375, 0.5, 1.5, 2.5, -2.5, 0.25, 0.75, 33.3333, 99.995, 99.994999, 100, 1 / 3.0,
        2 / 3.0, 0.1 + 0.2, 12.345, 123_456.785, 1e-300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .ulpOfOne, 0.0049999999, 0.00500001,
        1e14, 1e14 + 0.125, 999_999_999_999_999.9, 1e15, -1e15, 1e16, 1e20, -1e20, 1.7976931348623157e308,
        .nan, .infinity, -.infinity, 0.3, 0.89, 0.78, 36, 18.5, 4_294_967_296.005,
        // Around the end of `appendShort`'s whole-hundredths path (a million).
        999_999.99, 999_999.994, 999_999.995, 999_999.996, -999_999.995, 1e6, 1e6 + 0.005, 1e6 - 0.001, 999_999.9949999,
    ]

    @Test func numbersFormatAsPrintfDid() {
        for value in Self.awkward {
            for language in Language.allCases {
                #expect(NumberFormatting.fte(value, language) == formatFte(value, language), "fte \(value)")
                #expect(NumberFormatting.short(value, language) == formatShort(value, language), "short \(value)")
            }
        }
    }

    @Test func randomNumbersFormatAsPrintfDid() {
        var random = SplitMix(seed: 42)
        for round in 0..<20_000 {
            let value: Double
            switch round % 4 {
            case 0: value = Double(Int(random.next() % 2_000_001) - 1_000_000) / 1000  // thousandths: halves of hundredths
            case 1: value = Double(Int(random.next() % 20_001) - 10_000) / 200 + Double(Int(random.next() % 3) - 1) * 1e-12
            case 2: value = Double(bitPattern: random.next() & 0x7FFF_FFFF_FFFF_FFFF) * (round % 8 == 2 ? 1 : -1)
            default: value = Double(random.next() % 1_000_000_000) / 1e6 * pow(10, Double(Int(random.next() % 16) - 6))
            }
            let language: Language = round % 2 == 0 ? .nl : .en
            #expect(NumberFormatting.fte(value, language) == formatFte(value, language), "fte \(value)")
            #expect(NumberFormatting.short(value, language) == formatShort(value, language), "short \(value)")
        }
    }

    @Test func decimalsAreTheDigitsOfTheNumber() {
        for number: UInt64 in [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 10_000_000_000_000_000_000, .max, .max - 1] {
            var bytes: [UInt8] = [0x41]
            NumberFormatting.appendDecimal(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A\(number)")
        }
    }

    @Test func wholeAndRoundedNumbers() {
        #expect(NumberFormatting.fte(0.125, .nl) == "0,12")  // half to even, as printf
        #expect(NumberFormatting.fte(-0.001, .en) == "-0.00")
        #expect(NumberFormatting.short(-0.001, .nl) == "-0")
        #expect(NumberFormatting.short(2.5, .nl) == "2,5")
        #expect(NumberFormatting.short(1e20, .en) == "100000000000000000000")
        #expect(NumberFormatting.short(.nan, .nl) == "nan")
    }

    // MARK: Word wrap, against the character-by-character wrap

    private static let pieces = [
        "a", "word", "Beleidsmedewerker", " ", "  ", " ", "\t", "\r\n", "\u{85}", "\u{2028}", "\u{1B}[31m", "é", "e\u{301}",
        " \u{301}", "\u{600} ", "\u{600}", "•", "—", "↳", "⚠", "①", "👍🏽", "🇳🇱", "한", "\u{1100}\u{1161}", "\u{FE0F}",
        "\u{200D}", "👩‍💻", "ü", "Ü", "李", "\u{0E33}", "%", "0,30", String(repeating: "x", count: 90),
        String(repeating: "é", count: 30),
    ]

    @Test func bytesWrapAsCharactersDo() {
        var random = SplitMix(seed: 7)
        for round in 0..<3000 {
            let text = (0..<Int(random.next() % 30)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let width = [10, 20, 40, 80][round % 4]
            let (indent, hanging): (String, String?) = [("", nil), ("  ", "    "), ("    ", nil), ("•", "é ")][(round / 4) % 4]
            #expect(
                TextLayout.wrap(text, width: width, indent: indent, hanging: hanging)
                    == TextLayout.wrapCharacters(text, width: width, indent: indent, hanging: hanging),
                "\(text.debugDescription)")
        }
    }

    @Test func wrapEdges() {
        #expect(TextLayout.wrap("", width: 80, indent: "  ") == ["  "])
        #expect(TextLayout.wrap("   ", width: 80, indent: "", hanging: "  ") == [""])
        // The combining mark makes " \u{301}" one character, not a space: one word.
        #expect(TextLayout.wrap("a \u{301}b", width: 2, indent: "") == ["a \u{301}b"])
        #expect(TextLayout.wrap("een twee drie", width: 8, indent: "", hanging: "  ") == ["een twee", "  drie"])
        #expect(TextLayout.wrap("ééé ééé", width: 6, indent: "") == ["ééé", "ééé"])
        #expect(TextLayout.wrap("a\r\nb", width: 80, indent: "") == ["a b"])
    }

    // MARK: Markdown escaping, against the character-by-character escape

    @Test func markdownEscapesBytesAsCharacters() {
        let report = MarkdownReport()
        var random = SplitMix(seed: 11)
        let pieces = Self.pieces + ["|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "&", "\r", "\n", "|\u{301}", "\r\n", "\u{7F}"]
        for _ in 0..<3000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var out = TextBuffer()
            report.escape(text, to: &out)
            #expect(String(decoding: out.bytes, as: UTF8.self) == report.escape(text), "\(text.debugDescription)")
        }
    }
}

/// A deterministic generator, so a failure repeats.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
