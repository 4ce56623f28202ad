import Foundation

/// Writes a `JSONValue` as pretty-printed JSON, keys in the order given.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        var output = ""
        write(value, indent: 0, pretty: pretty, into: &output)
        if pretty { output.append("\n") }
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, into output: inout String) {
        let newline = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch value {
        case .null: output.append("null")
        case .bool(let bool): output.append(bool ? "true" : "false")
        case .number(let number): output.append(format(number))
        case .string(let string): appendString(string, into: &output)
        case .array(let values):
            if values.isEmpty { output.append("[]"); return }
            output.append("[" + newline)
            for (index, element) in values.enumerated() {
                output.append(pad)
                write(element, indent: indent + 1, pretty: pretty, into: &output)
                output.append(index < values.count - 1 ? "," + newline : newline)
            }
            output.append(closePad + "]")
        case .object(let pairs):
            if pairs.isEmpty { output.append("{}"); return }
            output.append("{" + newline)
            for (index, (key, element)) in pairs.enumerated() {
                output.append(pad)
                appendString(key, into: &output)
                output.append(pretty ? ": " : ":")
                write(element, indent: indent + 1, pretty: pretty, into: &output)
                output.append(index < pairs.count - 1 ? "," + newline : newline)
            }
            output.append(closePad + "}")
        }
    }

    /// Integers without a fraction; other numbers in the shortest form that reads back the same.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private static func appendString(_ string: String, into output: inout String) {
        output.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            // Escaped so that JSON placed inside HTML can never close a tag.
            case "<": output.append("\\u003c")
            case ">": output.append("\\u003e")
            case "&": output.append("\\u0026")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    output.append(String(format: "\\u%04x", scalar.value))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
