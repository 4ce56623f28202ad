import Foundation
import TeamplotterCore

/// Parses JSON straight from the bytes into the `JSONValue` that `JSONDecoder` would give (object
/// keys sorted), or says what is wrong and where: the decoder says neither. A number of more than
/// 17 characters is read by `JSONDecoder`, so that it comes out as the decoder reads it without
/// doubt. A key given twice in one object is a problem too: the decoder would keep one of the
/// values without a word. Reading goes on after one, so that all are told together.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Keys given again: where, and where first.
    private var keysTwice: [(key: String, offset: Int, first: Int)] = []
    /// A team document nests five levels deep. Far beyond that is no document but an attack,
    /// refused before the recursion can use up the stack.
    static let maximumDepth = 256

    private struct Failure: Error {
        var syntax: JSONSyntax
        /// The byte where it goes wrong.
        var offset: Int
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ data: Data, file: String?) throws(InputProblems) -> JSONValue {
        try data.withUnsafeBytes { raw -> Result<JSONValue, InputProblems> in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            // Nothing but white space (after a byte order mark) is an empty file, not a document
            // that ends too soon.
            if TextDecoding.withoutByteOrderMark(reader.bytes).allSatisfy(isSpace) {
                return .failure(InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: file))]))
            }
            func location(_ offset: Int) -> SourceLocation {
                let (line, column) = reader.position(of: offset)
                return SourceLocation(file: file, row: line, column: column)
            }
            var problems: [InputProblem] = []
            var value: JSONValue?
            do throws(Failure) {
                value = try reader.document()
            } catch {
                problems.append(InputProblem(.invalidJSON(error.syntax), at: location(error.offset)))
            }
            // Found as each object closes, inner ones first: told in the order of the text.
            let twice = reader.keysTwice.sorted { $0.offset < $1.offset }.map { key, offset, first in
                let (line, column) = reader.position(of: first)
                return InputProblem(.duplicateKey(key: key, firstRow: line, firstColumn: column), at: location(offset))
            }
            problems.insert(contentsOf: twice, at: 0)
            guard let value, problems.isEmpty else { return .failure(InputProblems(problems)) }
            return .success(value)
        }.get()
    }

    private mutating func document() throws(Failure) -> JSONValue {
        guard TextDecoding.isValidUTF8(bytes) else {
            throw Failure(syntax: .notUTF8, offset: TextDecoding.firstInvalidUTF8(Array(bytes)))
        }
        // JSONDecoder takes a byte order mark before the text; so does this.
        if bytes.starts(with: TextDecoding.byteOrderMark) { index = 3 }
        let value = try self.value()
        skipSpace()
        guard index == bytes.count else { throw Failure(syntax: .textAfterEnd, offset: index) }
        return value
    }

    /// Line and column of the byte at `offset`, from 1, in characters as an editor counts them
    /// (a UTF-8 sequence is one), the byte order mark not counted.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        let start = bytes.starts(with: TextDecoding.byteOrderMark) ? 3 : 0
        for byte in bytes[min(start, offset)..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The text ends too soon: told just after its last character, not after trailing line breaks.
    private func endsEarly() -> Failure {
        var end = bytes.count
        while end > 0, Self.isSpace(bytes[end - 1]) { end -= 1 }
        return Failure(syntax: .endsEarly, offset: end)
    }

    /// The character at `index` cannot stand there, or the text ends where one should.
    private func unexpected() -> Failure {
        guard index < bytes.count else { return endsEarly() }
        let piece = UnsafeBufferPointer(rebasing: bytes[index..<min(index + 4, bytes.count)])
        let character = String(decoding: piece, as: UTF8.self).unicodeScalars.first.map(String.init) ?? ""
        return Failure(syntax: .unexpected(character), offset: index)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw endsEarly() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw unexpected()
        }
    }

    private mutating func literal(_ text: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        for offset in 0..<text.utf8CodeUnitCount {
            guard index < bytes.count, bytes[index] == text.utf8Start[offset] else { throw unexpected() }
            index += 1
        }
        return value
    }

    /// JSON's number grammar exactly. Out of range as for the decoder: too large for `Double`, or
    /// so small that it reads as 0 although a digit is not.
    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        var nonZeroDigit = false
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw unexpected() }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            // No leading zeros: what follows the 0 is what does not belong.
            index = integerStart + 1
            throw unexpected()
        }
        nonZeroDigit = bytes[integerStart..<index].contains { $0 != UInt8(ascii: "0") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            guard digits() > 0 else { throw unexpected() }
            nonZeroDigit = nonZeroDigit || bytes[fractionStart..<index].contains { $0 != UInt8(ascii: "0") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw unexpected() }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let number =
            text.count <= 17
            ? Double(String(decoding: text, as: UTF8.self)) : try? JSONDecoder().decode(Double.self, from: Data(text))
        guard let number, number.isFinite, number != 0 || !nonZeroDigit else {
            throw Failure(syntax: .numberOutOfRange(String(decoding: text, as: UTF8.self)), offset: start)
        }
        return .number(number)
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var start = index
        var pieced: [UInt8]?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard var text = pieced else { return String(decoding: run, as: UTF8.self) }
                text.append(contentsOf: run)
                return String(decoding: text, as: UTF8.self)
            }
            guard byte >= 0x20 else { throw Failure(syntax: .controlCharacter, offset: index) }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            var text = pieced ?? []
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            let escape = index
            index += 1
            guard index < bytes.count else { throw endsEarly() }
            switch bytes[index] {
            case UInt8(ascii: "\""): text.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): text.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"): text.append(contentsOf: String(Character(try unicodeEscape(at: escape))).utf8)
            default: throw invalidEscape(at: escape, length: 2)
            }
            index += 1
            start = index
            pieced = text
        }
        throw endsEarly()
    }

    /// The character of `\uXXXX` at `escape` (the backslash), of two when they are a surrogate
    /// pair; `index` is left on the last hexadecimal digit. A lone surrogate is refused, as the
    /// decoder refuses it.
    private mutating func unicodeEscape(at escape: Int) throws(Failure) -> Unicode.Scalar {
        let code = try hexadecimalCode(at: escape)
        index = escape + 5
        switch code {
        case 0xD800...0xDBFF:
            guard escape + 7 < bytes.count else { throw endsEarly() }
            guard bytes[escape + 6] == UInt8(ascii: "\\"), bytes[escape + 7] == UInt8(ascii: "u") else {
                throw invalidEscape(at: escape, length: 6)
            }
            let low = try hexadecimalCode(at: escape + 6)
            guard (0xDC00...0xDFFF).contains(low) else { throw invalidEscape(at: escape, length: 12) }
            index = escape + 11
            return Unicode.Scalar(0x10000 + (code - 0xD800) << 10 + (low - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw invalidEscape(at: escape, length: 6)
        default:
            return Unicode.Scalar(code)!
        }
    }

    /// The four hexadecimal digits after the `\u` at `escape`.
    private func hexadecimalCode(at escape: Int) throws(Failure) -> UInt32 {
        guard escape + 5 < bytes.count else { throw endsEarly() }
        let digits = UnsafeBufferPointer(rebasing: bytes[(escape + 2)...(escape + 5)])
        guard digits.allSatisfy(Self.isHexDigit), let code = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
            throw invalidEscape(at: escape, length: 6)
        }
        return code
    }

    private func invalidEscape(at escape: Int, length: Int) -> Failure {
        let text = UnsafeBufferPointer(rebasing: bytes[escape..<min(escape + length, bytes.count)])
        return Failure(syntax: .invalidEscape(String(decoding: text, as: UTF8.self)), offset: escape)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Failure(syntax: .nestedTooDeeply(limit: Self.maximumDepth), offset: index) }
        index += 1
    }

    /// After an element: whether `bracket` closes the list or object, or a comma says another
    /// element follows. A comma just before the bracket is taken, as the decoder takes it: people
    /// who edit a document by hand leave one now and then.
    private mutating func closes(_ bracket: UInt8) throws(Failure) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == bracket || bytes[index] == UInt8(ascii: ",") else { throw unexpected() }
        index += 1
        guard bytes[index - 1] == UInt8(ascii: ",") else { return true }
        skipSpace()
        guard index < bytes.count, bytes[index] == bracket else { return false }
        index += 1
        return true
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            if try closes(UInt8(ascii: "]")) { return .array(elements) }
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var members: [(key: String, value: JSONValue, offset: Int)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([])
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected() }
            let offset = index
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected() }
            index += 1
            members.append((key, try value(), offset))
            if try closes(UInt8(ascii: "}")) { break }
        }
        // The decoder reads objects into a dictionary, then sorts the keys. Sorted, the times a
        // key is given stand together, in no set order: the first in the text is the first.
        members.sort { $0.key < $1.key }
        var start = 0
        while start < members.count {
            var end = start + 1
            while end < members.count, members[end].key == members[start].key { end += 1 }
            if end - start > 1 {
                let offsets = members[start..<end].map(\.offset).sorted()
                for offset in offsets.dropFirst() { keysTwice.append((members[start].key, offset, offsets[0])) }
            }
            start = end
        }
        return .object(members.map { ($0.key, $0.value) })
    }
}
