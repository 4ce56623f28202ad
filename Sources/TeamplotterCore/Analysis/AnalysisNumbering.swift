/// Role ids to catalogue ordinals, for the analysis's hot loop: an open-addressing table over
/// the UTF-8 of the plain-ASCII ids, which costs a fraction of hashing a `String`. Any id it does
/// not hold (not ASCII, or unknown) is asked of the catalogue, so the answers are the catalogue's.
struct RoleOrdinals {
    private var table: ByteStringTable
    private var ordinalOfEntry: [Int] = []

    init(_ catalogue: Catalogue) {
        table = ByteStringTable(capacity: catalogue.roles.count)
        for role in catalogue.roles where role.id.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let ordinal = catalogue.ordinal(ofRole: role.id) else { continue }
            let before = table.count
            if Array(role.id.utf8).withUnsafeBufferPointer({ table.number(of: $0) }) == before {
                ordinalOfEntry.append(ordinal)
            }
        }
    }

    func ordinal(of id: String, in catalogue: Catalogue) -> Int? {
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
    private var key: [UInt8] = []

    init(capacity: Int) {
        ascii = ByteStringTable(capacity: capacity)
    }

    mutating func number(of holder: String?) -> Int32 {
        guard let holder else { return Self.unnamed }
        key.removeAll(keepingCapacity: true)
        let folded = holder.utf8.withContiguousStorageIfAvailable { Self.foldASCII($0, into: &key) } ?? Self.foldASCII(Array(holder.utf8), into: &key)
        if !folded {
            let text = TextKey.folded(holder)
            guard let bytes = Self.asciiEquivalent(of: text) else {
                if let known = other[text] { return known }
                let person = Int32(-3 - other.count)
                other[text] = person
                return person
            }
            key = bytes
        }
        guard !key.isEmpty else { return Self.unnamed }
        return Int32(key.withUnsafeBufferPointer { ascii.number(of: $0) })
    }

    /// How many distinct people hold each role, counting current functions only.
    func distinctPeople(in holdings: [[RoleHoldings.Reference]], personOfFunction: [Int32], functions: [FunctionResult]) -> [Int] {
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

    /// `TextKey.folded` for plain ASCII: lower case, white space collapsed and trimmed. False
    /// (and `key` unusable) when the text is not ASCII.
    private static func foldASCII<Bytes: Collection<UInt8>>(_ text: Bytes, into key: inout [UInt8]) -> Bool {
        var pendingSpace = false
        for byte in text {
            guard byte < 0x80 else { return false }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace { key.append(0x20) }
            pendingSpace = false
            key.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return true
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
/// FNV-1a; the strings live one after another in one buffer.
struct ByteStringTable {
    private var bytes: [UInt8] = []
    /// Entry i is bytes[starts[i]..<starts[i + 1]].
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Entry numbers; -1 marks a free slot.
    private var slots: [Int32]

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    var count: Int { hashes.count }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
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
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
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
        return bytes.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
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

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        // FNV's low bits are weak; fold the high bits in before masking.
        return hash ^ (hash >> 29)
    }
}
