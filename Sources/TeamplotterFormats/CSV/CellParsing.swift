import TeamplotterCore

/// How values are written in the cells people fill in (also the web forms, which take the same
/// spellings).
public enum CellParsing {
    /// A number as Dutch or English users write it: "22,5", "22.5", "36 uur", "0,8 fte".
    /// Nil for an empty cell; throws nothing, the caller names the place.
    public static func number(_ text: String) -> Double?? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if value.isEmpty { return .some(nil) }
        for unit in ["uren", "uur", "hours", "hour", "fte", "u", "h", "%"] where value.hasSuffix(unit) {
            value = String(value.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if value.contains(","), value.contains(".") {
            // "1.234,5": dots group thousands.
            value = value.replacingOccurrences(of: ".", with: "")
        }
        value = value.replacingOccurrences(of: ",", with: ".")
        guard !value.isEmpty, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }),
            let number = Double(value), number.isFinite
        else { return nil }
        return .some(number)
    }

    /// Items inside one cell: separated by line breaks or `;`, never by commas (tasks contain
    /// commas). Bullets at the start of an item are dropped.
    public static func items(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\r\n" })
            .map { item in
                var text = item.trimmingCharacters(in: .whitespaces)
                for bullet in ["- ", "• ", "* ", "· "] where text.hasPrefix(bullet) {
                    text = String(text.dropFirst(bullet.count)).trimmingCharacters(in: .whitespaces)
                }
                return text
            }
            .filter { !$0.isEmpty }
    }

    /// "Contentmanager website (70%)" → ("Contentmanager website", "70"). Also "… 70%".
    static func splitShare(_ item: String) -> (name: String, share: String?) {
        let trimmed = item.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmingCharacters(in: .whitespaces)
            if inner.hasSuffix("%") {
                let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
                return (name, String(inner.dropLast()).trimmingCharacters(in: .whitespaces))
            }
        }
        if trimmed.hasSuffix("%"), let space = trimmed.lastIndex(of: " ") {
            let name = trimmed[..<space].trimmingCharacters(in: .whitespaces)
            let share = trimmed[trimmed.index(after: space)...].dropLast()
            if !name.isEmpty, share.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) {
                return (name, String(share))
            }
        }
        return (trimmed, nil)
    }

    /// "Schrijven (niveau 3)", "Writing (level 3)" or "Schrijven (3)" → a competency with level 3.
    public static func competency(_ item: String) -> Competency {
        let trimmed = item.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else {
            return Competency(name: trimmed)
        }
        var inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .lowercased().trimmingCharacters(in: .whitespaces)
        for word in ["niveau", "level"] where inner.hasPrefix(word) {
            inner = String(inner.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        }
        guard let level = Int(inner), Competency.levels.contains(level) else {
            return Competency(name: trimmed)
        }
        return Competency(name: trimmed[..<open].trimmingCharacters(in: .whitespaces), level: level)
    }

    /// "Vacature" as the holder marks a vacancy.
    static func isVacancy(_ holder: String) -> Bool {
        ["vacature", "vacant", "vacancy", "openvacature", "nietingevuld"].contains(TextKey.compact(holder))
    }
}

/// Matches loosely written header names to the fields they stand for.
struct HeaderMap<Field: Hashable & Sendable> {
    /// Field → accepted header names, as shown in messages.
    let accepted: [(field: Field, names: [String])]
    private(set) var columns: [Field: Int] = [:]
    private(set) var duplicates: [(header: String, column: Int)] = []

    init(accepted: [(field: Field, names: [String])], header: [String]) {
        self.accepted = accepted
        var lookup: [String: Field] = [:]
        for (field, names) in accepted {
            for name in names { lookup[TextKey.compact(name)] = field }
        }
        for (index, cell) in header.enumerated() {
            guard let field = lookup[TextKey.compact(cell)] else { continue }
            if columns[field] == nil {
                columns[field] = index
            } else {
                duplicates.append((cell, index + 1))
            }
        }
    }

    subscript(field: Field) -> Int? { columns[field] }

    func names(of field: Field) -> [String] {
        accepted.first { $0.field == field }?.names ?? []
    }
}
