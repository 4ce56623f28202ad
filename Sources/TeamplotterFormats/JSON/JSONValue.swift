import Foundation
import TeamplotterCore

/// A JSON value with object keys in a chosen order, so that documents read well and diff well.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let pairs):
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Builds an object, leaving out keys whose value is nil.
    public static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    public static func string(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
    public static func number(_ value: Double?) -> JSONValue? { value.map(JSONValue.number) }
    public static func number(_ value: Int?) -> JSONValue? { value.map { .number(Double($0)) } }
    /// A number rounded to two decimals, for FTE and percentages in output.
    public static func rounded(_ value: Double) -> JSONValue { .number((value * 100).rounded() / 100) }

    /// What kind of value this is, in words, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "getal"
        case .string: "tekst"
        case .array: "lijst"
        case .object: "object"
        }
    }
}

extension JSONValue {
    /// Parses JSON text; a problem names the line and column where the text goes wrong.
    public static func parse(_ data: Data, file: String? = nil) throws(InputProblems) -> JSONValue {
        try JSONReader.parse(data, file: file)
    }
}
