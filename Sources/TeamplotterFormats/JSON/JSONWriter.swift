import Foundation

/// Writes a `JSONValue` as pretty-printed JSON, keys in the order given. Works on UTF-8 bytes:
/// large exports are written scalar-free, copying runs of plain text whole.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, indent: 0, pretty: pretty, into: &output)
        if pretty { output.append(newline) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let newline = UInt8(ascii: "\n")

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: format(number).utf8)
        case .string(let string): appendString(string, into: &output)
        case .array(let values):
            if values.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                breakLine(indent + 1, pretty, &output)
                write(element, indent: indent + 1, pretty: pretty, into: &output)
            }
            breakLine(indent, pretty, &output)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, (key, element)) in pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                breakLine(indent + 1, pretty, &output)
                appendString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(element, indent: indent + 1, pretty: pretty, into: &output)
            }
            breakLine(indent, pretty, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func breakLine(_ indent: Int, _ pretty: Bool, _ output: inout [UInt8]) {
        guard pretty else { return }
        output.append(newline)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Integers without a fraction; other numbers in the shortest form that reads back the same.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static func appendString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var utf8 = Array(string.utf8)
        var start = 0
        var index = 0
        func flush() {
            if start < index { output.append(contentsOf: utf8[start..<index]) }
        }
        while index < utf8.count {
            let byte = utf8[index]
            var escape: String?
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
            case 0..<0x20: escape = String(format: "\\u%04x", byte)
            // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                flush()
                output.append(contentsOf: escape!.utf8)
                index += 3
                start = index
                continue
            default: break
            }
            if let escape {
                flush()
                output.append(contentsOf: escape.utf8)
                start = index + 1
            }
            index += 1
        }
        flush()
        utf8.removeAll()
        output.append(UInt8(ascii: "\""))
    }
}
