import TeamplotterCore

/// How values are written in the cells people fill in (also the web forms, which take the same
/// spellings).
public enum CellParsing {
    public enum Unit: Sendable, Equatable {
        case none, hours, fte, percent
    }

    /// A number as Dutch or English users write it: "22,5", "22.5", ",5", "36 uur", "0,8 fte",
    /// with the unit it was written with. `.some(nil)` for an empty cell, `nil` for anything
    /// that is not a plain number (thousands separators included: no field here needs them).
    public static func quantity(_ text: String) -> (value: Double, unit: Unit)?? {
        var value = Substring(text.trimmed.lowercased())
        if value.isEmpty { return .some(nil) }
        var unit = Unit.none
        let units: [(String, Unit)] = [("uren", .hours), ("uur", .hours), ("hours", .hours), ("hour", .hours),
                                       ("fte", .fte), ("u", .hours), ("h", .hours), ("%", .percent)]
        for (suffix, meaning) in units where value.hasSuffix(suffix) {
            value = Substring(value.dropLast(suffix.count).trimmed)
            unit = meaning
            break
        }
        var digits = ""
        var separators = 0
        for (offset, character) in value.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case ",", ".":
                separators += 1
                digits.append(".")
            case "-" where offset == 0, "+" where offset == 0: digits.append(character)
            default: return nil
            }
        }
        guard separators <= 1, digits.contains(where: \.isNumber), let number = Double(digits), number.isFinite else {
            return nil
        }
        return .some((number, unit))
    }

    /// The number alone, whatever unit it was written with.
    public static func number(_ text: String) -> Double?? {
        switch quantity(text) {
        case .none: nil
        case .some(.none): .some(nil)
        case .some(.some(let quantity)): .some(quantity.value)
        }
    }

    /// Items inside one cell: separated by line breaks or `;`, never by commas (tasks contain
    /// commas). Bullets at the start of an item are dropped.
    public static func items(_ cell: String) -> [String] {
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
    public static func splitShare(_ item: String) -> (name: String, share: String?) {
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
    /// A level that is no whole number from 1 to 4 comes back as `invalidLevel`.
    public static func parseCompetency(_ item: String) -> (competency: Competency, invalidLevel: String?) {
        let trimmed = item.trimmed
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else {
            return (Competency(name: trimmed), nil)
        }
        let original = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmed
        var inner = original.lowercased()
        var namedLevel = false
        for word in ["niveau", "level"] where inner.hasPrefix(word) {
            inner = String(inner.dropFirst(word.count)).trimmed
            namedLevel = true
        }
        let name = trimmed[..<open].trimmed
        if let level = Int(inner), Competency.levels.contains(level) {
            return (Competency(name: name, level: level), nil)
        }
        // "(niveau 5)" or "(7)" are meant as levels; "(WCAG)" is part of the name.
        if namedLevel || CellParsing.number(inner) != nil {
            return (Competency(name: name), original)
        }
        return (Competency(name: trimmed), nil)
    }

    public static func competency(_ item: String) -> Competency {
        parseCompetency(item).competency
    }

    /// "Vacature" as the holder marks a vacancy.
    public static func isVacancy(_ holder: String) -> Bool {
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
