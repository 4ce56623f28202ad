/// Role ids to catalogue ordinals, for the analysis's hot loop: an open-addressing table over
/// the UTF-8 of the plain-ASCII ids, which costs a fraction of hashing a `String`. Any id it does
/// not hold (not ASCII, or unknown) is asked of the catalogue, so the answers are the catalogue's.
/// Package-wide, for the reports that name the roles of every function.
package struct RoleOrdinals: Sendable {
    private var table: ByteStringTable
    private var ordinalOfEntry: [Int] = []

    package init(_ catalogue: Catalogue) {
        table = ByteStringTable(capacity: catalogue.roles.count)
        for role in catalogue.roles where role.id.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let ordinal = catalogue.ordinal(ofRole: role.id) else { continue }
            let before = table.count
            if Array(role.id.utf8).withUnsafeBufferPointer({ table.number(of: $0) }) == before {
                ordinalOfEntry.append(ordinal)
            }
        }
    }

    package func ordinal(of id: String, in catalogue: Catalogue) -> Int? {
        let entry = id.utf8.withContiguousStorageIfAvailable { table.find($0) } ?? nil
        return entry.map { ordinalOfEntry[$0] } ?? catalogue.ordinal(ofRole: id)
    }
}

/// Numbers the people of a team by their folded holder names (`TextKey.folded`): functions with
/// the same holder are one person, unnamed functions one each. Plain-ASCII names are folded and
/// numbered on their bytes; other names take `TextKey.folded` and a `String` dictionary.
struct PeopleNumbering {
    /// Not a person: a vacancy, or a function holding no known role.
    static let nobody: Int32 = -1
    /// A current function without a name: a person of its own.
    static let unnamed: Int32 = -2

    private var ascii: ByteStringTable
    /// Names whose folded key is not ASCII; numbered -3, -4, … so they never meet the ASCII ones.
    private var other: [String: Int32] = [:]
    /// The folded name being looked up; reused from name to name.
    private var key: [UInt8] = []

    init(capacity: Int) {
        ascii = ByteStringTable(capacity: capacity)
    }

    mutating func number(of holder: String?) -> Int32 {
        guard let holder else { return Self.unnamed }
        // The fold writes into `key`, which is taken out of `self` meanwhile so that the table
        // can be used inside the same access.
        var buffer: [UInt8] = []
        swap(&buffer, &key)
        defer { swap(&buffer, &key) }
        if buffer.count < holder.utf8.count { buffer = [UInt8](repeating: 0, count: holder.utf8.count) }
        let length = buffer.withUnsafeMutableBufferPointer { out in
            holder.utf8.withContiguousStorageIfAvailable { Self.foldASCII($0, into: out) }
                ?? Array(holder.utf8).withUnsafeBufferPointer { Self.foldASCII($0, into: out) }
        }
        if let length {
            guard length > 0 else { return Self.unnamed }
            return Int32(buffer.withUnsafeBufferPointer { ascii.number(of: UnsafeBufferPointer(rebasing: $0[..<length])) })
        }
        let text = TextKey.folded(holder)
        guard let bytes = Self.asciiEquivalent(of: text) else {
            if let known = other[text] { return known }
            let person = Int32(-3 - other.count)
            other[text] = person
            return person
        }
        guard !bytes.isEmpty else { return Self.unnamed }
        return Int32(bytes.withUnsafeBufferPointer { ascii.number(of: $0) })
    }

    /// How many distinct people hold each role, counting current functions only.
    func distinctPeople(in holdings: [[RoleHoldings.Reference]], personOfFunction: [Int32]) -> [Int] {
        var lastRoleOfPerson = [Int](repeating: -1, count: ascii.count)
        var lastRoleOfOther = [Int](repeating: -1, count: other.count)
        return holdings.enumerated().map { ordinal, references in
            var people = 0
            for reference in references {
                let person = personOfFunction[Int(reference.function)]
                if person >= 0 {
                    if lastRoleOfPerson[Int(person)] != ordinal {
                        lastRoleOfPerson[Int(person)] = ordinal
                        people += 1
                    }
                } else if person == Self.unnamed {
                    people += 1
                } else if person != Self.nobody {
                    let slot = Int(-3 - person)
                    if lastRoleOfOther[slot] != ordinal {
                        lastRoleOfOther[slot] = ordinal
                        people += 1
                    }
                }
            }
            return people
        }
    }

    /// `TextKey.folded` for plain ASCII: lower case, white space collapsed and trimmed, written
    /// to `key` (at least as long as `text`). The key's length, or nil when the text is not ASCII.
    private static func foldASCII(_ text: UnsafeBufferPointer<UInt8>, into key: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let input = text.baseAddress, let output = key.baseAddress else { return 0 }
        precondition(key.count >= text.count)
        var length = 0
        var pendingSpace = false
        for offset in 0..<text.count {
            let byte = input[offset]
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = length > 0
                continue
            }
            if pendingSpace {
                output[length] = 0x20
                length &+= 1
            }
            pendingSpace = false
            output[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            length &+= 1
        }
        return length
    }

    /// The ASCII bytes of a string equal to `text` (Swift compares strings by canonical
    /// equivalence), or nil when there is none. Folding often leaves plain ASCII ("José" →
    /// "jose"); beyond that only three characters are canonically equal to an ASCII one.
    static func asciiEquivalent(of text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0x212A: bytes.append(UInt8(ascii: "K"))  // KELVIN SIGN
            case 0x037E: bytes.append(UInt8(ascii: ";"))  // GREEK QUESTION MARK
            case 0x1FEF: bytes.append(UInt8(ascii: "`"))  // GREEK VARIA
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self) == text ? bytes : nil
    }
}

/// A set of byte strings that numbers them in the order they were added. Open addressing with
/// linear probing; the strings live one after another in one buffer.
package struct ByteStringTable: Sendable {
    private var bytes: [UInt8] = []
    /// Entry i is bytes[starts[i]..<starts[i + 1]].
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Entry numbers; -1 marks a free slot.
    private var slots: [Int32]

    package init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    package var count: Int { hashes.count }

    package func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, matches(entry, key) { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The key's number, adding it when new.
    package mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, matches(entry, key) { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
        let entry = count
        slots[slot] = Int32(entry)
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        if count * 2 > slots.count { grow() }
        return entry
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == key.count else { return false }
        return bytes.withUnsafeBytes { stored in
            Self.equal(UnsafeRawBufferPointer(rebasing: stored[start..<start + key.count]), UnsafeRawBufferPointer(key))
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// Eight bytes at a time: names and ids are short, and byte-wise hashing was most of a lookup.
    /// A key of eight bytes or more ends with the word that ends it, overlapping the one before.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        var hash = UInt64(truncatingIfNeeded: raw.count) &* 0x9E37_79B9_7F4A_7C15
        guard raw.count >= 8 else { return mix(hash ^ short(raw)) }
        var offset = 0
        while offset + 8 < raw.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        return mix(hash ^ raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let mixed = (value ^ (value >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return mixed ^ (mixed >> 32)
    }

    /// A key shorter than eight bytes as one word.
    private static func short(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<raw.count { word |= UInt64(raw[index]) << UInt64(8 * index) }
        return word
    }

    private static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count >= 8 else { return short(lhs) == short(rhs) }
        var offset = 0
        while offset + 8 < lhs.count {
            guard lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        return lhs.loadUnaligned(fromByteOffset: lhs.count - 8, as: UInt64.self) == rhs.loadUnaligned(fromByteOffset: rhs.count - 8, as: UInt64.self)
    }
}
