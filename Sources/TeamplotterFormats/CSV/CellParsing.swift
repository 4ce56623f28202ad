import TeamplotterCore

/// How values are written in the cells people fill in.
enum CellParsing {
    /// A number as Dutch or English users write it: "22,5", "22.5", "36 uur", "0,8 fte".
    /// Nil for an empty cell; throws nothing, the caller names the place.
    static func number(_ text: String) -> Double?? {
        var value = text.trimmed.lowercased()
        if value.isEmpty { return .some(nil) }
        for unit in ["uren", "uur", "hours", "hour", "fte", "u", "h", "%"] where value.hasSuffix(unit) {
            value = String(value.dropLast(unit.count)).trimmed
            break
        }
        if value.contains(","), value.contains(".") {
            // "1.234,5": dots group thousands.
            value.removeAll { $0 == "." }
        }
        value = String(value.map { $0 == "," ? "." : $0 })
        guard !value.isEmpty, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }),
            let number = Double(value), number.isFinite
        else { return nil }
        return .some(number)
    }

    /// Items inside one cell: separated by line breaks or `;`, never by commas (tasks contain
    /// commas). Bullets at the start of an item are dropped.
    static func items(_ cell: String) -> [String] {
        var items: [String] = []
        for piece in cell.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) {
            var text = Substring(piece).trimmed
            for bullet in ["- ", "• ", "* ", "· "] where text.hasPrefix(bullet) {
                text = text.dropFirst(bullet.count).trimmed
            }
            if !text.isEmpty { items.append(text) }
        }
        return items
    }

    /// "Contentmanager website (70%)" → ("Contentmanager website", "70"). Also "… 70%".
    static func splitShare(_ item: String) -> (name: String, share: String?) {
        let trimmed = item.trimmed
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmed
            if inner.hasSuffix("%") {
                let name = trimmed[..<open].trimmed
                return (name, String(inner.dropLast()).trimmed)
            }
        }
        if trimmed.hasSuffix("%"), let space = trimmed.lastIndex(of: " ") {
            let name = trimmed[..<space].trimmed
            let share = trimmed[trimmed.index(after: space)...].dropLast()
            if !name.isEmpty, share.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) {
                return (name, String(share))
            }
        }
        return (trimmed, nil)
    }

    /// "Schrijven (niveau 3)", "Writing (level 3)" or "Schrijven (3)" → a competency with level 3.
    static func competency(_ item: String) -> Competency {
        let trimmed = item.trimmed
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else {
            return Competency(name: trimmed)
        }
        var inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .lowercased().trimmed
        for word in ["niveau", "level"] where inner.hasPrefix(word) {
            inner = String(inner.dropFirst(word.count)).trimmed
        }
        guard let level = Int(inner), Competency.levels.contains(level) else {
            return Competency(name: trimmed)
        }
        return Competency(name: trimmed[..<open].trimmed, level: level)
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
