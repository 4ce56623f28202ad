import Foundation

/// Writes a `JSONValue` as pretty-printed JSON, keys in the order given.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        text(pretty: pretty) { $0.value(value) }
    }

    /// The text of a document written straight into bytes by `body`: large exports are written
    /// this way without first building their `JSONValue`.
    static func text(pretty: Bool = true, capacity: Int = 4096, _ body: (inout JSONBytes) -> Void) -> String {
        var writer = JSONBytes(pretty: pretty, capacity: capacity)
        body(&writer)
        return writer.finish()
    }

    /// The same text as `text`, handed to `drain` a chunk of about `chunkSize` bytes at a time
    /// instead of kept whole: a large document is then never in memory at once. Chunks end
    /// between characters, never inside one.
    static func stream(
        pretty: Bool = true, chunkSize: Int = 1 << 20, to drain: (UnsafeBufferPointer<UInt8>) -> Void,
        _ body: (inout JSONBytes) -> Void
    ) {
        withoutActuallyEscaping(drain) { drain in
            var writer = JSONBytes(pretty: pretty, capacity: chunkSize, drain: drain)
            body(&writer)
            writer.finishDraining()
        }
    }

    /// Integers without a fraction; other numbers in the shortest form that reads back the same.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// Where a JSON document is written, one value at a time: a `JSONValue` (`JSONTree`) or text
/// (`JSONBytes`). A document described once against this gives both the same way.
protocol JSONSink {
    mutating func null()
    mutating func bool(_ value: Bool)
    mutating func number(_ value: Double)
    mutating func string(_ value: String)
    /// An array whose elements `body` writes.
    mutating func array(_ body: (inout Self) -> Void)
    /// An object whose members `body` writes, each a `key` and then a value.
    mutating func object(_ body: (inout Self) -> Void)
    mutating func key(_ key: String)
}

extension JSONSink {
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let amount): number(amount)
        case .string(let text): string(text)
        case .array(let values): array { sink in for element in values { sink.value(element) } }
        case .object(let pairs):
            object { sink in
                for (key, element) in pairs {
                    sink.key(key)
                    sink.value(element)
                }
            }
        }
    }

    mutating func array<Elements: Sequence>(_ elements: Elements, _ write: (inout Self, Elements.Element) -> Void) {
        array { sink in for element in elements { write(&sink, element) } }
    }

    /// A number rounded to two decimals, for FTE and percentages in output.
    mutating func rounded(_ value: Double) {
        number((value * 100).rounded() / 100)
    }

    // Members; a nil value leaves the member out, as `JSONValue.object` does.

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func field(_ key: String, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        number(value)
    }

    mutating func field(_ key: String, _ value: Int?) {
        field(key, value.map(Double.init))
    }

    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    /// The number, or `null` when there is none.
    mutating func field(_ key: String, orNull value: Double?) {
        self.key(key)
        if let value { number(value) } else { null() }
    }

    mutating func field(_ key: String, rounded value: Double) {
        self.key(key)
        rounded(value)
    }

    mutating func field(_ key: String, object body: (inout Self) -> Void) {
        self.key(key)
        object(body)
    }

    mutating func field<Elements: Sequence>(_ key: String, array elements: Elements, _ write: (inout Self, Elements.Element) -> Void) {
        self.key(key)
        array(elements, write)
    }

    mutating func field(_ key: String, strings: [String]) {
        field(key, array: strings) { $0.string($1) }
    }
}

/// Builds the `JSONValue` of what is written.
struct JSONTree: JSONSink {
    private enum Kind { case root, array, object }
    private let kind: Kind
    private var elements: [JSONValue] = []
    private var pairs: [(String, JSONValue)] = []
    private var pendingKey = ""
    private(set) var value = JSONValue.null

    init() { kind = .root }
    private init(_ kind: Kind) { self.kind = kind }

    static func build(_ body: (inout JSONTree) -> Void) -> JSONValue {
        var tree = JSONTree()
        body(&tree)
        return tree.value
    }

    private mutating func put(_ value: JSONValue) {
        switch kind {
        case .root: self.value = value
        case .array: elements.append(value)
        case .object: pairs.append((pendingKey, value))
        }
    }

    mutating func null() { put(.null) }
    mutating func bool(_ value: Bool) { put(.bool(value)) }
    mutating func number(_ value: Double) { put(.number(value)) }
    mutating func string(_ value: String) { put(.string(value)) }
    mutating func key(_ key: String) { pendingKey = key }

    mutating func array(_ body: (inout JSONTree) -> Void) {
        var inner = JSONTree(.array)
        body(&inner)
        put(.array(inner.elements))
    }

    mutating func object(_ body: (inout JSONTree) -> Void) {
        var inner = JSONTree(.object)
        body(&inner)
        put(.object(inner.pairs))
    }
}

/// Writes JSON text as UTF-8 bytes: two-space indents when pretty, `{}` and `[]` when empty,
/// strings copied in runs between the few bytes that need escaping.
struct JSONBytes: JSONSink {
    // A buffer of its own rather than [UInt8]: a byte costs a store, and growing a large buffer
    // is a `realloc` that the C library can do without copying. The writer is used in place
    // (`inout`), never copied, and `finish` frees the buffer.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0
    /// Nothing written yet in the innermost array or object.
    private var isFirst = true
    private var afterKey = false
    /// Where a full buffer goes, when the text is streamed rather than kept.
    private let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?

    init(pretty: Bool, capacity: Int = 4096, drain: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.pretty = pretty
        self.capacity = max(capacity, 64)
        self.drain = drain
        buffer = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// The text, with the final line break of a pretty document.
    mutating func finish() -> String {
        if pretty { output(Self.newline) }
        defer { free(buffer) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }

    /// The rest of a streamed text, with the final line break of a pretty document, drained.
    mutating func finishDraining() {
        if pretty { output(Self.newline) }
        defer { free(buffer) }
        if count > 0 { drain?(UnsafeBufferPointer(start: buffer, count: count)) }
    }

    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { makeRoom(more) }
    }

    /// Drains the buffer when streaming (it then always ends between two outputs, so between
    /// characters); grows it when it still has no room, or when the text is kept.
    private mutating func makeRoom(_ more: Int) {
        if let drain, count > 0 {
            drain(UnsafeBufferPointer(start: buffer, count: count))
            count = 0
            if more <= capacity { return }
        }
        capacity = max(capacity * 2, count + more)
        buffer = realloc(buffer, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    private mutating func output(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    private mutating func output(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (buffer + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    private mutating func output(_ text: StaticString) {
        text.withUTF8Buffer { output($0) }
    }

    private static let newline = UInt8(ascii: "\n")

    private mutating func breakLine() {
        guard pretty else { return }
        let spaces = depth * 2
        reserve(1 + spaces)
        buffer[count] = Self.newline
        (buffer + count + 1).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += 1 + spaces
    }

    /// The separator and line break before a value in an array (after a key there is none).
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !isFirst { output(UInt8(ascii: ",")) }
        isFirst = false
        breakLine()
    }

    mutating func key(_ key: String) {
        if !isFirst { output(UInt8(ascii: ",")) }
        isFirst = false
        breakLine()
        appendString(key)
        output(UInt8(ascii: ":"))
        if pretty { output(UInt8(ascii: " ")) }
        afterKey = true
    }

    mutating func null() {
        beginValue()
        output("null")
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        output(value ? "true" : "false")
    }

    mutating func number(_ value: Double) {
        beginValue()
        // Whole numbers (nearly all) digit by digit; `format` says what the text is.
        if value == value.rounded(), abs(value) < 1e15 {
            var whole = Int64(value)
            if whole < 0 {
                output(UInt8(ascii: "-"))
                whole = -whole
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var start = 20
                repeat {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") + UInt8(whole % 10)
                    whole /= 10
                } while whole > 0
                output(UnsafeBufferPointer(rebasing: digits[start...]))
            }
        } else {
            var text = JSONWriter.format(value)
            text.withUTF8 { output($0) }
        }
    }

    mutating func string(_ value: String) {
        beginValue()
        appendString(value)
    }

    mutating func array(_ body: (inout JSONBytes) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    mutating func object(_ body: (inout JSONBytes) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONBytes) -> Void) {
        beginValue()
        output(open)
        let outerIsFirst = isFirst
        isFirst = true
        depth += 1
        body(&self)
        depth -= 1
        if !isFirst { breakLine() }
        output(close)
        isFirst = outerIsFirst
    }

    private mutating func appendString(_ string: String) {
        output(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var start = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                // Most bytes need nothing: everything from space on, except these few.
                if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x3C, byte != 0x3E, byte != 0x26, byte != 0xE2 {
                    index += 1
                    continue
                }
                let escape: StaticString
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                // Escaped so that JSON placed inside HTML can never close a tag.
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                case 0xE2:
                    index += 1
                    continue
                default:
                    // Other control characters as \u00XX.
                    output(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    output("\\u00")
                    output(Self.hexDigit(byte >> 4))
                    output(Self.hexDigit(byte & 0x0F))
                    index += 1
                    start = index
                    continue
                }
                output(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                output(escape)
                index += length
                start = index
            }
            output(UnsafeBufferPointer(rebasing: utf8[start..<count]))
        }
        output(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
