import TeamplotterCore

/// Plain-text layout for terminals.
public enum TextLayout {
    /// Word-wraps to `width` columns; the first line gets `indent`, later lines `hanging`.
    /// Widths count characters (grapheme clusters).
    public static func wrap(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        var out = TextBuffer()
        out.appendWrapped(Array(text.utf8), width: width, indent: indent, hanging: hanging)
        out.bytes.removeLast()  // the last line's break
        return out.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The general wrap, character by character; `TextBuffer` takes it only for text whose
    /// spaces it cannot prove to be word breaks on the bytes alone.
    static func wrapCharacters(_ text: String, width: Int, indent: String, hanging: String?) -> [String] {
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

/// A report being written as UTF-8, line by line: cheaper than building and joining a String per
/// line when a report has hundreds of thousands of them.
struct TextBuffer {
    /// What is being written now: all of it, or what came after the last `flush`.
    var bytes: [UInt8] = []
    /// Where the text goes as it is written (`flush`, `writeInParts`); nil for a buffer that only
    /// holds it.
    var sink: ChunkSink?

    init(sink: ChunkSink? = nil) {
        self.sink = sink
    }

    /// Hands what is written so far on to the sink.
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// An indent as UTF-8 with its width in characters, worked out once rather than per line.
    struct Margin: Sendable {
        let bytes: [UInt8]
        let width: Int

        init(_ text: String) {
            bytes = Array(text.utf8)
            width = bytes.allSatisfy { $0 < 0x80 } ? bytes.count : text.count
        }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` and a line break.
    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    /// `TextLayout.wrap(text)`, each line followed by a line break.
    mutating func appendWrapped(_ text: [UInt8], width: Int, indent: String, hanging: String? = nil) {
        let indent = Margin(indent)
        appendWrapped(text, width: width, indent: indent, hanging: hanging.map(Margin.init) ?? indent)
    }

    /// `TextLayout.wrap(text)`, each line followed by a line break. Works on the bytes: in one
    /// pass for text whose characters are all single scalars of `standsAlone` or plain ASCII (a
    /// report's usual line, with its "•" and "—"); other text is made single-line and checked first.
    mutating func appendWrapped(_ text: [UInt8], width: Int, indent: Margin, hanging: Margin) {
        // Most of a report's lines fit as they are: copied whole, without finding their words.
        if text.withUnsafeBufferPointer({ Self.fitsAsItIs($0, width: width - indent.width) }) {
            bytes.appendBytes(indent.bytes)
            bytes.appendBytes(text)
            bytes.append(0x0A)
            return
        }
        let start = bytes.count
        let done = text.withUnsafeBufferPointer { wrapWords($0, width: width, indent: indent, hanging: hanging, checked: false) }
        guard !done else { return }
        bytes.removeSubrange(start...)
        // Only now the slower checks: C1 controls and line separators are not ASCII.
        var text = text
        Self.replaceControls(&text)
        guard Self.spacesBreakWords(text) else {
            let lines = TextLayout.wrapCharacters(
                String(decoding: text, as: UTF8.self), width: width, indent: String(decoding: indent.bytes, as: UTF8.self),
                hanging: String(decoding: hanging.bytes, as: UTF8.self))
            for line in lines { self.line(line) }
            return
        }
        _ = text.withUnsafeBufferPointer { wrapWords($0, width: width, indent: indent, hanging: hanging, checked: true) }
    }

    /// The greedy wrap of `TextLayout.wrapCharacters`, on text whose spaces separate words. A line
    /// whose words are one space apart in the text is copied from it in one piece. Unless `checked`
    /// (text already single-line with spaces that break words, whose words are counted as `String`
    /// counts them), the text must be plain: it gives up, returning false, at a control character
    /// or a scalar outside `standsAlone`, leaving the caller to remove what it wrote.
    private mutating func wrapWords(
        _ text: UnsafeBufferPointer<UInt8>, width: Int, indent: Margin, hanging: Margin, checked: Bool
    ) -> Bool {
        bytes.appendBytes(indent.bytes)
        var length = indent.width
        // The current line's words span text[lineStart..<lineEnd]; `single` while one space apart.
        var lineStart = -1
        var lineEnd = 0
        var single = true
        var index = 0
        let count = text.count
        while index < count {
            guard text[index] != 0x20 else {
                index += 1
                continue
            }
            let start = index
            let wordLength: Int
            if checked {
                var high: UInt8 = 0
                while index < count, text[index] != 0x20 {
                    high |= text[index]
                    index += 1
                }
                wordLength = high < 0x80 ? index - start : Self.characterCount(UnsafeBufferPointer(rebasing: text[start..<index]))
            } else {
                // Each scalar is a character: count the bytes that start one.
                var continuations = 0
                while index < count {
                    let byte = text[index]
                    // Printable ASCII other than the space, the usual byte, in one comparison.
                    if byte &- 0x21 < 0x5E {
                        index += 1
                    } else if byte == 0x20 {
                        break
                    } else if byte < 0x80 {
                        return false  // a control character
                    } else {
                        let (value, scalarLength) = Self.scalar(startingAt: index, in: text)
                        guard Self.standsAlone(value) else { return false }
                        continuations += scalarLength - 1
                        index += scalarLength
                    }
                }
                wordLength = index - start - continuations
            }
            if lineStart >= 0, length + 1 + wordLength > width {
                emitLine(text, lineStart, lineEnd, single: single)
                bytes.append(0x0A)
                bytes.appendBytes(hanging.bytes)
                length = hanging.width + wordLength
                lineStart = start
                single = true
            } else if lineStart >= 0 {
                length += 1 + wordLength
                if start != lineEnd + 1 { single = false }
            } else {
                length += wordLength
                lineStart = start
            }
            lineEnd = index
        }
        if lineStart >= 0 { emitLine(text, lineStart, lineEnd, single: single) }
        bytes.append(0x0A)
        return true
    }

    /// Whether `wrapWords` would give `text` back as one line unchanged: words one space apart,
    /// none before or after them, of printable ASCII and scalars that stand alone, at most `width`
    /// characters in all.
    private static func fitsAsItIs(_ text: UnsafeBufferPointer<UInt8>, width: Int) -> Bool {
        guard let first = text.first, let last = text.last, first != 0x20, last != 0x20 else { return false }
        // A line has no more characters than bytes: one of at most `width` bytes fits, and need
        // only be plain, which most of it shows eight bytes at a time.
        guard text.count <= width, let base = text.baseAddress else { return fitsCountingCharacters(text, width: width) }
        var index = 0
        var afterSpace = false
        while index < text.count {
            if index + 8 <= text.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPrintableASCII(word) {
                    let spaces = spaceLanes(word)
                    // Two spaces side by side, in the word or across from the one before.
                    if spaces & (spaces << 8) != 0 || (afterSpace && spaces & 0x80 != 0) { return false }
                    afterSpace = spaces >> 63 != 0
                    index += 8
                    continue
                }
            }
            let byte = text[index]
            if byte &- 0x21 < 0x5E {
                index += 1
                afterSpace = false
            } else if byte == 0x20 {
                if afterSpace { return false }
                index += 1
                afterSpace = true
            } else if byte < 0x80 {
                return false  // a control character
            } else {
                let (value, length) = scalar(startingAt: index, in: text)
                guard standsAlone(value) else { return false }
                index += length
                afterSpace = false
            }
        }
        return true
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether all eight bytes are printable ASCII or the space (0x20…0x7E).
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        // No high bit, no byte below 0x20, no 0x7F: each test says whether any byte is one.
        let below = (word &- ones &* 0x20) & ~word & highs
        let delete = word ^ (ones &* 0x7F)
        return word & highs == 0 && below == 0 && (delete &- ones) & ~delete & highs == 0
    }

    /// The high bit of each byte of `word` that is a space, exactly (no borrows between bytes).
    private static func spaceLanes(_ word: UInt64) -> UInt64 {
        let value = word ^ (ones &* 0x20)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((value & low) &+ low) | value | low)
    }

    /// `fitsAsItIs` for a line of more bytes than `width`, which may still fit in characters.
    private static func fitsCountingCharacters(_ text: UnsafeBufferPointer<UInt8>, width: Int) -> Bool {
        var characters = 0
        var index = 0
        var afterSpace = false
        while index < text.count {
            let byte = text[index]
            if byte &- 0x21 < 0x5E {
                index += 1
                afterSpace = false
            } else if byte == 0x20 {
                if afterSpace { return false }
                index += 1
                afterSpace = true
            } else if byte < 0x80 {
                return false  // a control character
            } else {
                let (value, length) = scalar(startingAt: index, in: text)
                guard standsAlone(value) else { return false }
                index += length
                afterSpace = false
            }
            characters += 1
            if characters > width { return false }
        }
        return true
    }

    /// The words of text[start..<end], one space apart.
    private mutating func emitLine(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, single: Bool) {
        let line = UnsafeBufferPointer(rebasing: text[start..<end])
        guard !single else { return bytes.append(contentsOf: line) }
        var first = true
        for word in line.split(separator: 0x20) {
            if !first { bytes.append(0x20) }
            bytes.append(contentsOf: word)
            first = false
        }
    }

    /// A word's characters: its bytes when ASCII, its scalars when every scalar is one that
    /// stands alone as a character (see `standsAlone`), else what `String` counts.
    private static func characterCount(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var scalars = 0
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {
                index += 1
            } else {
                let (value, length) = scalar(startingAt: index, in: word)
                guard standsAlone(value) else { return String(decoding: word, as: UTF8.self).count }
                index += length
            }
            scalars += 1
        }
        return scalars
    }

    /// `TextLayout.singleLine` on UTF-8: each control character becomes one space.
    static func replaceControls(_ text: inout [UInt8]) {
        let found = text.withUnsafeBufferPointer { text in
            for index in text.indices {
                let byte = text[index]
                if byte < 0x20 || byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < text.count, (0x80...0x9F).contains(text[index + 1]) { return true }  // U+0080–U+009F
                if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
                    return true  // U+2028, U+2029
                }
            }
            return false
        }
        guard found else { return }
        text = Array(TextLayout.singleLine(String(decoding: text, as: UTF8.self)).utf8)
    }

    /// Whether every space byte is a character of its own, so that splitting the bytes at spaces
    /// splits the same words as splitting the characters. A space joins a character only when a
    /// combining mark (or the like) follows it or a "prepend" character precedes it; both live
    /// outside the ranges accepted here, so such text takes the general path.
    static func spacesBreakWords(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { text in
            for index in text.indices where text[index] == 0x20 {
                if index > 0, text[index - 1] >= 0x80, !precedesSpaceSafely(scalar(endingAt: index, in: text)) { return false }
                if index + 1 < text.count, text[index + 1] >= 0x80, !standsAlone(scalar(startingAt: index + 1, in: text).value) { return false }
            }
            return true
        }
    }

    /// Latin letters and the punctuation, arrows and symbols the reports use: each is a
    /// character of its own, whatever precedes it, and none joins the next (no combining marks,
    /// joiners, variation selectors, Hangul jamo, regional indicators or "prepend" characters).
    static func standsAlone(_ value: UInt32) -> Bool {
        (0xA0..<0x300).contains(value) || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
            || (0x20A0...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)
    }

    /// "Prepend" characters all lie at U+0600 or above, outside these ranges.
    private static func precedesSpaceSafely(_ value: UInt32) -> Bool {
        value < 0x600 || (0x2000...0x2BFF).contains(value)
    }

    static func scalar(startingAt index: Int, in text: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(text[index])
        func trail(_ offset: Int) -> UInt32 { UInt32(text[index + offset] & 0x3F) }
        switch lead {
        case 0xC0..<0xE0: return ((lead & 0x1F) << 6 | trail(1), 2)
        case 0xE0..<0xF0: return ((lead & 0x0F) << 12 | trail(1) << 6 | trail(2), 3)
        default: return ((lead & 0x07) << 18 | trail(1) << 12 | trail(2) << 6 | trail(3), 4)
        }
    }

    private static func scalar(endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = end - 1
        while text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(startingAt: start, in: text).value
    }
}

extension [UInt8] {
    /// Appends `other` through a pointer: `append(contentsOf:)` takes its argument owned, so
    /// handing it an array kept elsewhere (a report's fixed pieces) retained and released that
    /// array each time, several times a function.
    mutating func appendBytes(_ other: borrowing [UInt8]) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// A string's UTF-8 in one copy rather than through its UTF-8 view's iterator.
    mutating func appendUTF8(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil { append(contentsOf: text.utf8) }
    }
}


extension TextBuffer {
    /// Into how many runs `writeInParts` cuts a large report's items.
    static let parts = 16

    /// Writes `count` items, a range at a time: at least `minimum` of them (enough to pay for the
    /// threads) in `parts` runs at once on all cores, each into a buffer of its own (room for
    /// `bytesPerItem` each) that goes on to the sink as soon as the runs before it have: the file
    /// is written while the rest is still being rendered. What comes before is flushed first;
    /// what is written next goes to `bytes` as usual. The bulk of a large report. Many runs, so
    /// that a core that is done takes the next one rather than waiting for the other. Without a
    /// sink, in one run.
    mutating func writeInParts(
        _ count: Int, minimum: Int, bytesPerItem: Int, _ write: (Range<Int>, inout TextBuffer) -> Void
    ) {
        guard count >= max(minimum, 2), let sink else { return write(0..<count, &self) }
        flush()
        let parts = Swift.min(Self.parts, count)
        let delivery = sink.runs()
        _ = Parts.map(parts) { part in
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            var buffer = TextBuffer()
            buffer.bytes.reserveCapacity(range.count * bytesPerItem)
            write(range, &buffer)
            delivery.deliver(part, buffer.bytes)
        }
    }
}

/// A report written line by line and handed on as it goes (the text and Markdown reports).
package protocol StreamedReport {
    /// Writes the whole report to `sink`.
    func write(_ analysis: GapAnalysis, to sink: ChunkSink)
}

extension StreamedReport {
    /// The report's UTF-8, for writing to a file without making it a `String` first: a copy of
    /// megabytes. Valid UTF-8, as every piece is a string's or split from one at ASCII bytes.
    package func renderUTF8(_ analysis: GapAnalysis) -> [UInt8] {
        var whole: [UInt8] = []
        render(analysis) { whole.append(contentsOf: $0) }
        return whole
    }

    /// The report's UTF-8 handed to `put` piece by piece as it is written, each piece ending at
    /// a line break: a large report's runs go on while the others are still being rendered, so
    /// that writing a file need not wait for the whole report, nor copy it into one.
    package func render(_ analysis: GapAnalysis, into put: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(put) { write(analysis, to: ChunkSink($0)) }
    }
}

/// Where a report goes as it is written (a file, standard output): in order, whichever thread
/// wrote the piece. A run of `writeInParts` goes on once every run before it has.
package final class ChunkSink: @unchecked Sendable {
    // Unchecked: `put` is called only with the lock held, one piece at a time.
    private let put: (UnsafeBufferPointer<UInt8>) -> Void
    private let lock = SleepingLock(())

    /// `put` must not be kept beyond the sink's life (`render(_:into:)` makes it escaping for it).
    package init(_ put: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.put = put
    }

    /// Hands `bytes` on now.
    func write(_ bytes: [UInt8]) {
        lock.withLock { _ in bytes.withUnsafeBufferPointer(put) }
    }

    /// A series of runs to deliver in order, numbered from 0.
    func runs() -> Runs { Runs(self) }

    final class Runs: @unchecked Sendable {
        // Unchecked: `waiting` and `next` change only with the sink's lock held.
        private let sink: ChunkSink
        private var next = 0
        private var waiting: [Int: [UInt8]] = [:]

        fileprivate init(_ sink: ChunkSink) {
            self.sink = sink
        }

        /// Run `run`'s bytes: handed on, with the runs that wait for it, once every run before
        /// it has been; else kept until then.
        func deliver(_ run: Int, _ bytes: [UInt8]) {
            sink.lock.withLock { _ in
                guard run == next else {
                    waiting[run] = bytes
                    return
                }
                var ready = bytes
                while true {
                    ready.withUnsafeBufferPointer(sink.put)
                    next += 1
                    guard let following = waiting.removeValue(forKey: next) else { break }
                    ready = following
                }
            }
        }
    }
}
