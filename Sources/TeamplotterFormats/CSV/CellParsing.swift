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
        if let quantity = text.utf8.withContiguousStorageIfAvailable(asciiQuantity) ?? nil { return quantity }
        var value = Substring(text.trimmed.lowercased())
        if value.isEmpty { return .some(nil) }
        var unit = Unit.none
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

    private static let units: [(String, Unit)] = [
        ("uren", .hours), ("uur", .hours), ("hours", .hours), ("hour", .hours),
        ("fte", .fte), ("u", .hours), ("h", .hours), ("%", .percent),
    ]
    private static let asciiUnits = units.map { (Array($0.0.utf8), $0.1) }

    /// `quantity` on the bytes of an all-ASCII cell, where a character is a byte: the same steps
    /// without building strings. Nil (outer) for any other text, which takes the general path.
    private static func asciiQuantity(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Double, unit: Unit)??? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = 0
        var end = bytes.count
        func trim() {
            while start < end, isASCIISpace(bytes[start]) { start += 1 }
            while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        }
        trim()
        if start == end { return .some(.some(nil)) }
        var unit = Unit.none
        for (suffix, meaning) in asciiUnits where end - start >= suffix.count
            && zip(bytes[(end - suffix.count)..<end], suffix).allSatisfy({ lowercased($0) == $1 }) {
            end -= suffix.count
            trim()
            unit = meaning
            break
        }
        var separators = 0
        var hasDigit = false
        for offset in start..<end {
            switch bytes[offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
            case UInt8(ascii: ","), UInt8(ascii: "."): separators += 1
            case UInt8(ascii: "-") where offset == start, UInt8(ascii: "+") where offset == start: break
            default: return .some(nil)
            }
        }
        guard separators <= 1, hasDigit else { return .some(nil) }
        let digits = String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in start..<end {
                buffer[offset - start] = bytes[offset] == UInt8(ascii: ",") ? UInt8(ascii: ".") : bytes[offset]
            }
            return end - start
        }
        guard let number = Double(digits), number.isFinite else { return .some(nil) }
        return .some(.some((number, unit)))
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
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
        var cell = cell
        return cell.withUTF8 { items($0) }
    }

    /// `items` of a cell still in the file's bytes (valid UTF-8), without making the cell's text.
    static func items(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        // Sized up front: the items stay in the team, and growing would leave spare room.
        var items: [String] = []
        if !bytes.isEmpty { items.reserveCapacity(1 + bytes.count { $0 == 0x0A || $0 == 0x0D || $0 == 0x3B }) }
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D || bytes[end] == 0x3B {
            var text = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end + 1
            // Only "- " and "* " start with an ASCII byte; no other one can begin a bullet.
            if let first = text.utf8.first, first >= 0x80 || first == UInt8(ascii: "-") || first == UInt8(ascii: "*") {
                for bullet in ["- ", "• ", "* ", "· "] where text.hasPrefix(bullet) {
                    text = text.dropFirst(bullet.count).trimmed
                }
            }
            if !text.isEmpty { items.append(text) }
        }
        return items
    }

    /// `trimmed`, without any work for text that starts and ends with an ASCII byte other than
    /// white space (nearly every cell): `trimmed` would return it as it is.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first < 0x80, last < 0x80, !isASCIISpace(first), !isASCIISpace(last)
        else { return text.trimmed }
        return text
    }

    /// `trimmed` of valid UTF-8 text, made straight from the bytes when only ASCII white space is
    /// to go (what `trimmed` itself does first).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) ? text : text.trimmed
    }

    /// "Contentmanager website (70%)" → ("Contentmanager website", "70"). Also "… 70%".
    public static func splitShare(_ item: String) -> (name: String, share: String?) {
        let trimmed = Self.trimmed(item)
        if endsInOther(than: [UInt8(ascii: ")"), UInt8(ascii: "%")], trimmed) { return (trimmed, nil) }
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
        let trimmed = Self.trimmed(item)
        guard !endsInOther(than: [UInt8(ascii: ")")], trimmed), trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else {
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

    /// Whether the text ends in an ASCII byte that is none of `endings`: then its last character
    /// is that byte alone (nothing composes onto an ASCII character), so no `hasSuffix` of one of
    /// them can hold. Saves the character-level checks for nearly every item.
    private static func endsInOther(than endings: [UInt8], _ text: String) -> Bool {
        guard let last = text.utf8.last else { return false }
        return last < 0x80 && !endings.contains(last)
    }

    /// "Vacature" as the holder marks a vacancy.
    public static func isVacancy(_ holder: String) -> Bool {
        if let ascii = holder.utf8.withContiguousStorageIfAvailable(isASCIIVacancy) ?? nil { return ascii }
        return vacancyKeys.contains(TextKey.compact(holder))
    }

    private static let vacancyKeys: Set<String> = ["vacature", "vacant", "vacancy", "openvacature", "nietingevuld"]
    private static let longestVacancyKey = vacancyKeys.map(\.utf8.count).max()!

    /// `isVacancy` for ASCII text without building its key: `TextKey.compact` of ASCII is its bytes
    /// in lower case without white space and ` -/._'`, so a digit or a long name settles it at once.
    /// Nil for any other text.
    private static func isASCIIVacancy(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestVacancyKey) { key in
            var count = 0
            for byte in bytes where !isASCIISpace(byte) && !compactIgnored.contains(byte) {
                let lower = lowercased(byte)
                guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z"), count < longestVacancyKey else { return false }
                key[count] = lower
                count += 1
            }
            return vacancyKeys.contains(String(decoding: UnsafeBufferPointer(rebasing: key[..<count]), as: UTF8.self))
        }
    }

    private static let compactIgnored = Array(" -/._'".utf8)
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
