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
        return characterQuantity(text)
    }

    /// `quantity` on the characters: any text, and the rule the byte path must agree with.
    static func characterQuantity(_ text: String) -> (value: Double, unit: Unit)?? {
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
    static func asciiQuantity(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Double, unit: Unit)??? {
        for byte in bytes where byte >= 0x80 { return nil }
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        if start == end { return .some(.some(nil)) }
        var unit = Unit.none
        // Every unit ends in a letter or "%": a number written alone needs no look at them.
        if bytes[end - 1] < UInt8(ascii: "0") || bytes[end - 1] > UInt8(ascii: "9") {
            for (suffix, meaning) in asciiUnits where hasASCIISuffix(bytes, start, end, suffix) {
                end -= suffix.count
                while start < end, isASCIISpace(bytes[start]) { start += 1 }
                while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
                unit = meaning
                break
            }
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
        if let number = exactDecimal(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
            return .some(.some((number, unit)))
        }
        let digits = String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in start..<end {
                buffer[offset - start] = bytes[offset] == UInt8(ascii: ",") ? UInt8(ascii: ".") : bytes[offset]
            }
            return end - start
        }
        guard let number = Double(digits), number.isFinite else { return .some(nil) }
        return .some(.some((number, unit)))
    }

    /// Whether `bytes[start..<end]` ends in `suffix` (lower case) in any case.
    private static func hasASCIISuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ suffix: [UInt8]) -> Bool {
        guard end - start >= suffix.count else { return false }
        var offset = end - suffix.count
        for byte in suffix {
            guard lowercased(bytes[offset]) == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Exact powers of ten: every one up to 10^22 is a Double without rounding.
    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// `Double` of a plain decimal ("-22,5", "36") without making its text: at most 15 digits in
    /// all, and digits on both sides of a separator. Both the digits as a whole number and the
    /// power of ten are then exact Doubles, and one division of exact values rounds correctly,
    /// as `Double(String)` does: the result is the same to the bit. Nil for anything else, which
    /// is left to `Double(String)`.
    static func exactDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var offset = 0
        var negative = false
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var separator = false
        var digitsBeforeSeparator = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if separator { fractionDigits += 1 }
            } else if (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")) && !separator {
                separator = true
                digitsBeforeSeparator = digits
            } else {
                return nil
            }
            guard digits <= 15 else { return nil }
            offset += 1
        }
        guard digits > 0, !separator || (digitsBeforeSeparator > 0 && fractionDigits > 0) else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
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
        var scanner = ItemScanner(bytes)
        // Sized up front: the items stay in the team, and growing would leave spare room.
        var items: [String] = []
        items.reserveCapacity(scanner.limit)
        while let item = scanner.next() {
            switch item {
            case .plain(let range): items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            case .text(let text): items.append(text)
            }
        }
        // A cell of white space alone keeps no room.
        return items.isEmpty ? [] : items
    }

    /// The competencies among a cell's items, its bytes (valid UTF-8), and the levels written
    /// that do not exist (`parseCompetency`), straight from the bytes: an item that does not end
    /// in ")" has no level, and its text is its name.
    static func competencies(_ bytes: UnsafeBufferPointer<UInt8>) -> (competencies: [Competency], invalidLevels: [String]) {
        var scanner = ItemScanner(bytes)
        var competencies: [Competency] = []
        competencies.reserveCapacity(scanner.limit)
        var invalidLevels: [String] = []
        while let item = scanner.next() {
            let text: String
            switch item {
            case .plain(let range):
                let item = UnsafeBufferPointer(rebasing: bytes[range])
                text = String(decoding: item, as: UTF8.self)
                guard item.last == UInt8(ascii: ")") else {
                    competencies.append(Competency(name: text))
                    continue
                }
            case .text(let itemText):
                text = itemText
            }
            let (competency, invalidLevel) = parseCompetency(text)
            competencies.append(competency)
            if let invalidLevel { invalidLevels.append(invalidLevel) }
        }
        // A cell of white space alone keeps no room.
        return (competencies.isEmpty ? [] : competencies, invalidLevels)
    }

    static func competencies(_ cell: String) -> (competencies: [Competency], invalidLevels: [String]) {
        var cell = cell
        return cell.withUTF8 { competencies($0) }
    }

    /// One item of a cell as `ItemScanner` finds it.
    enum Item {
        /// The item's bytes in the cell, trimmed and without bullets, ASCII at both ends.
        case plain(Range<Int>)
        /// The item as text, for one whose ends or bullets take characters to read.
        case text(String)
    }

    /// The items of a cell in its bytes (valid UTF-8) one at a time, so that a reader can look
    /// at an item before, or instead of, making its text.
    struct ItemScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        private var start = 0
        private var separators = 0
        /// At most this many items are left: one more than the separators.
        var limit: Int { separators + 1 }

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            // Eight bytes at a time: separators are few, and a byte-wise scan was most of the cost.
            var offset = 0
            while offset + 8 <= bytes.count {
                separators += WordScan.count(separatorMask(WordScan.load(bytes, offset)))
                offset += 8
            }
            while offset < bytes.count {
                if isItemSeparator(bytes[offset]) { separators += 1 }
                offset += 1
            }
        }

        mutating func next() -> Item? {
            while start <= bytes.count {
                let end = separators == 0 ? bytes.count : nextSeparator(bytes, from: start)
                let piece = start..<end
                separators -= 1
                start = end + 1
                if let item = CellParsing.item(bytes, piece) { return item }
            }
            return nil
        }
    }

    private static func isItemSeparator(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x3B
    }

    /// The offset of the first separator at or after `start`, or the end.
    private static func nextSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        while offset + 8 <= bytes.count {
            let mask = separatorMask(WordScan.load(bytes, offset))
            if mask != 0 { return offset + WordScan.first(mask) }
            offset += 8
        }
        while offset < bytes.count, !isItemSeparator(bytes[offset]) { offset += 1 }
        return offset
    }

    private static func separatorMask(_ word: UInt64) -> UInt64 {
        WordScan.matches(word, 0x0A) | WordScan.matches(word, 0x0D) | WordScan.matches(word, 0x3B)
    }

    /// The bullets an item may start with, in the order they are dropped.
    private static let bullets = ["- ", "• ", "* ", "· "]
    private static let bulletBytes = bullets.map { Array($0.utf8) }

    /// The item in `bytes[piece]`: trimmed, bullets dropped, nil when nothing is left. Trimmed and
    /// stripped on the bytes while every end and every byte after a bullet is ASCII: a character
    /// is then a byte where it matters (no white space to trim beyond ASCII, nothing composing
    /// onto a bullet's space). Other items take `bulletsDropped`.
    private static func item(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>) -> Item? {
        var start = piece.lowerBound
        var end = piece.upperBound
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        if start == end { return nil }
        guard bytes[end - 1] < 0x80 else { return bulletsDropped(UnsafeBufferPointer(rebasing: bytes[piece])) }
        for bullet in bulletBytes where hasPrefix(bytes, start, end, bullet) {
            start += bullet.count
            while start < end, isASCIISpace(bytes[start]) { start += 1 }
            // Ends in a byte other than white space, so something is left.
            guard bytes[start] < 0x80 else { return bulletsDropped(UnsafeBufferPointer(rebasing: bytes[piece])) }
        }
        // With no bullet dropped, a first byte other than ASCII may begin white space to trim.
        guard bytes[start] < 0x80 else { return bulletsDropped(UnsafeBufferPointer(rebasing: bytes[piece])) }
        return .plain(start..<end)
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: [UInt8]) -> Bool {
        guard end - start >= prefix.count else { return false }
        var offset = start
        for byte in prefix {
            guard bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    /// `item` on characters: trimmed as text, then each bullet in turn dropped from the front.
    private static func bulletsDropped(_ bytes: UnsafeBufferPointer<UInt8>) -> Item? {
        var text = trimmed(bytes)
        for bullet in bullets where text.hasPrefix(bullet) {
            text = text.dropFirst(bullet.count).trimmed
        }
        return text.isEmpty ? nil : .text(text)
    }

    /// `trimmed`, without any work for text that starts and ends with an ASCII byte other than
    /// white space (nearly every cell): `trimmed` would return it as it is.
    static func trimmed(_ text: String) -> String {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first < 0x80 && last < 0x80 && !isASCIISpace(first) && !isASCIISpace(last)
        }
        return plain == true ? text : text.trimmed
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
        let ascii = item.utf8.withContiguousStorageIfAvailable { bytes in
            asciiSplitShare(bytes).map { split in
                (text(bytes, split.name), split.share.map { text(bytes, $0) })
            }
        }
        if let ascii = ascii ?? nil { return ascii }
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

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `splitShare` on the bytes of ASCII text without CR, where a character is a byte (CR LF
    /// would be one): the byte ranges of the name and the share. Nil for any other text.
    static func asciiSplitShare(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: Range<Int>, share: Range<Int>?)? {
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = WordScan.load(bytes, offset)
            if word & WordScan.highBits != 0 || WordScan.matches(word, 0x0D) != 0 { return nil }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 || bytes[offset] == 0x0D { return nil }
            offset += 1
        }
        let whole = asciiTrimmed(bytes, 0..<bytes.count)
        guard !whole.isEmpty else { return (whole, nil) }
        let last = bytes[whole.upperBound - 1]
        if last == UInt8(ascii: ")") {
            var open = whole.upperBound - 1
            while open > whole.lowerBound, bytes[open - 1] != UInt8(ascii: "(") { open -= 1 }
            if open > whole.lowerBound {
                let inner = asciiTrimmed(bytes, open..<whole.upperBound - 1)
                if let percent = inner.last, bytes[percent] == UInt8(ascii: "%") {
                    return (asciiTrimmed(bytes, whole.lowerBound..<open - 1), asciiTrimmed(bytes, inner.lowerBound..<percent))
                }
            }
        } else if last == UInt8(ascii: "%") {
            var space = whole.upperBound - 1
            while space > whole.lowerBound, bytes[space - 1] != 0x20 { space -= 1 }
            if space > whole.lowerBound {
                let name = asciiTrimmed(bytes, whole.lowerBound..<space - 1)
                let share = space..<whole.upperBound - 1
                if !name.isEmpty, share.allSatisfy({ isDecimalByte(bytes[$0]) }) { return (name, share) }
            }
        }
        return (whole, nil)
    }

    private static func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func isDecimalByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
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
        // A closure rather than a key path: applying `\.last` cost more than the rest of a cell.
        let last = text.utf8.withContiguousStorageIfAvailable { $0.last } ?? text.utf8.last
        guard let last else { return false }
        return last < 0x80 && !endings.contains(last)
    }

    /// "Vacature" as the holder marks a vacancy.
    public static func isVacancy(_ holder: String) -> Bool {
        if let ascii = holder.utf8.withContiguousStorageIfAvailable(isASCIIVacancy) ?? nil { return ascii }
        return vacancyKeys.contains(TextKey.compact(holder))
    }

    private static let vacancyKeys: Set<String> = ["vacature", "vacant", "vacancy", "openvacature", "nietingevuld"]
    /// The keys packed as `isASCIIVacancy` packs a cell's key.
    private static let packedVacancyKeys = vacancyKeys.map { key in
        var packed = PackedKey()
        for byte in key.utf8 { _ = packed.append(byte) }
        return packed
    }

    /// Up to 16 bytes of a key in two words, zero beyond the end; the keys are letters, so no key
    /// ends in a zero byte and equal words mean equal keys.
    private struct PackedKey: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        /// Adds a byte; false when the key is full.
        mutating func append(_ byte: UInt8) -> Bool {
            guard count < 16 else { return false }
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
            return true
        }
    }

    /// The letters keys start with, bit n for the letter n places after "a".
    private static let vacancyInitials = vacancyKeys.reduce(UInt32(0)) { $0 | 1 << ($1.utf8.first! - UInt8(ascii: "a")) }

    /// `isVacancy` for ASCII text without building its key: `TextKey.compact` of ASCII is its bytes
    /// in lower case without white space and ` -/._'`, so a byte other than a letter, a first
    /// letter no key starts with ("Medewerker") or a long name settles it at once. Nil for any
    /// other text.
    private static func isASCIIVacancy(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes where byte >= 0x80 { return nil }
        var key = PackedKey()
        for byte in bytes where !isASCIISpace(byte) && !isCompactIgnored(byte) {
            let lower = lowercased(byte)
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
            if key.count == 0, vacancyInitials & 1 << (lower - UInt8(ascii: "a")) == 0 { return false }
            guard key.append(lower) else { return false }
        }
        return packedVacancyKeys.contains(key)
    }

    private static func isCompactIgnored(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "'"): true
        default: false
        }
    }
}

/// Scans of cells and items eight bytes at a time: most bytes are none of the few a scan looks
/// for, and a byte-wise loop was most of its cost.
enum WordScan {
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset` (at least eight must be left), the first in the lowest bits.
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The top bit of each byte of `word` that is `byte`, exactly: after the XOR such a byte is
    /// zero, and the low seven bits of any other byte added to 0x7F carry into its top bit, with
    /// no sum carrying out of its byte.
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let bytes = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((bytes & low) &+ low) | bytes | low)
    }

    /// How many bytes a mask of `matches` marks.
    static func count(_ mask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The offset in its word of the first byte a mask of `matches` marks (the mask not zero).
    static func first(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount / 8
    }
}

/// Matches loosely written header names to the fields they stand for.
struct HeaderMap<Field: Hashable & Sendable> {
    /// Field → accepted header names, as shown in messages.
    private(set) var accepted: [(field: Field, names: [String])]
    private(set) var columns: [Field: Int] = [:]
    private(set) var duplicates: [(header: String, column: Int)] = []
    /// `columns` as a list: a few comparisons cost less than hashing, and rows look fields up
    /// for every cell.
    private var found: [(field: Field, column: Int)] = []

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
                found.append((field, index))
            } else {
                duplicates.append((cell, index + 1))
            }
        }
    }

    subscript(field: Field) -> Int? {
        for entry in found where entry.field == field { return entry.column }
        return nil
    }

    func names(of field: Field) -> [String] {
        accepted.first { $0.field == field }?.names ?? []
    }

    /// The same map in storage of its own, for a reader on another core: a row reader copies
    /// its map for each row, and two cores retaining the same storage wait on each other.
    func separateCopy() -> HeaderMap {
        var copy = self
        copy.accepted = accepted.map { $0 }
        copy.columns = Dictionary(uniqueKeysWithValues: columns.map { ($0.key, $0.value) })
        copy.duplicates = duplicates.map { $0 }
        copy.found = found.map { $0 }
        return copy
    }
}
