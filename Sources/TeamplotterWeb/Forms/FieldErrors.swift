/// Messages per field id, in the order the fields appear.
struct FieldErrors: Sendable {
    private(set) var ordered: [(field: String, message: String)] = []

    var isEmpty: Bool { ordered.isEmpty }

    subscript(field: String) -> String? {
        ordered.first { $0.field == field }?.message
    }

    mutating func add(_ field: String, _ message: String) {
        guard self[field] == nil else { return }
        ordered.append((field, message))
    }
}

/// Field errors as an Error, for `Result`.
struct FieldErrorList: Error {
    var errors: FieldErrors
}
