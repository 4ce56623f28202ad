/// Role ids to catalogue ordinals, for the analysis's hot loop: an open-addressing table over
/// the UTF-8 of the plain-ASCII ids, which costs a fraction of hashing a `String`. An id it does
/// not hold (not ASCII, or unknown) is for the caller to ask of the catalogue, so that the answers
/// are the catalogue's.
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

    /// The ordinal of a plain-ASCII id the table holds; nil means: ask the catalogue. Inlined,
    /// and calling nothing out of line, so that the analysis reads ids without retaining them.
    @inline(__always)
    package func knownOrdinal(of id: String) -> Int? {
        let entry = id.utf8.withContiguousStorageIfAvailable { table.find($0) } ?? nil
        return entry.map { ordinalOfEntry[$0] }
    }
}

/// Tells the people of a team apart by their folded holder names (`TextKey.folded`): functions
/// with the same holder are one person, unnamed functions one each. A person is known by the
/// first function that names them.
///
/// Built in two steps so that both run on all cores and neither outgrows the caches on a large
/// team: each piece of the team folds and hashes its names (`Names`), putting each in one of
/// `partitions` by its hash; then each partition numbers its names in a table of its own, small
/// enough to stay cached, where one table for the whole team took a cache miss per name.
/// Plain-ASCII names are folded on their bytes; other names take `TextKey.folded` and a
/// `String` dictionary.
enum PeopleNumbering {
    /// Not a person: a vacancy, or a function holding no known role.
    static let nobody: Int32 = -1
    /// A current function without a name: a person of its own.
    static let unnamed: Int32 = -2

    /// About this many names to a partition, whose table then fits a core's own cache.
    static let namesPerPartition = 32_768
    /// At most this many partitions: each piece of the team appends every name to its partition's
    /// lists, and with 64 partitions (a million functions) those appends went to 128 places in
    /// memory at once, which cost a sixth of the analysis; a larger table per partition costs less.
    static let maximumPartitions = 8

    /// How many partitions the names of `count` functions are spread over: a power of two.
    static func partitions(for count: Int) -> Int {
        var partitions = 1
        while partitions * namesPerPartition < count && partitions < maximumPartitions { partitions *= 2 }
        return partitions
    }

    /// The folded names of one piece of the team.
    struct Names {
        struct Key {
            var hash: UInt64
            var function: UInt32
            /// Where the folded name starts in its partition's `bytes`.
            var start: UInt32
            var length: UInt32
        }

        /// The names, by partition, in team order.
        private(set) var keys: [[Key]]
        /// The folded names of each partition one after another, so that numbering a partition
        /// reads them in order rather than from all over the piece.
        private(set) var bytes: [[UInt8]]
        /// Names whose folded key is not plain ASCII, in team order.
        private(set) var others: [(key: String, function: Int32)] = []
        private let shift: UInt64

        /// Names for up to `capacity` functions, spread over `partitions` (a power of two).
        init(partitions: Int, capacity: Int) {
            // Room for a little more than an even share in each partition, so that few grow.
            let share = capacity / partitions + capacity / partitions / 8 + 16
            keys = (0..<partitions).map { _ in
                var keys: [Key] = []
                keys.reserveCapacity(share)
                return keys
            }
            bytes = (0..<partitions).map { _ in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(share * 16)
                return bytes
            }
            precondition(partitions > 0 && partitions & (partitions - 1) == 0, "partitions must be a power of two")
            shift = UInt64(64 - partitions.trailingZeroBitCount)
        }

        /// Adds the name of the current function `function`, folded in `scratch` when it fits;
        /// returns what stands for its person until the names are numbered: `unnamed`, or the
        /// function itself.
        ///
        /// Always inlined, and nothing is allocated while the name is read: the analysis then
        /// reads the holder where the team keeps it, without retaining it (at a million
        /// functions, retaining and releasing each holder's text took a tenth of the time).
        @inline(__always)
        mutating func add(_ holder: String?, function: Int, scratch: UnsafeMutableBufferPointer<UInt8>) -> Int32 {
            guard let count = holder?.utf8.count else { return PeopleNumbering.unnamed }
            let length = count > scratch.count ? nil
                : holder?.utf8.withContiguousStorageIfAvailable { PeopleNumbering.foldASCII($0, into: scratch) } ?? nil
            guard let length else { return addOther(holder!, function: function) }
            return append(UnsafeBufferPointer(rebasing: scratch[..<length]), function: function)
        }

        /// A name that is not plain ASCII, or too long for the scratch buffer.
        private mutating func addOther(_ holder: String, function: Int) -> Int32 {
            let text = TextKey.folded(holder)
            guard let ascii = PeopleNumbering.asciiEquivalent(of: text) else {
                others.append((text, Int32(function)))
                return Int32(function)
            }
            return ascii.withUnsafeBufferPointer { append($0, function: function) }
        }

        /// Files a folded name under its partition.
        private mutating func append(_ name: UnsafeBufferPointer<UInt8>, function: Int) -> Int32 {
            guard !name.isEmpty else { return PeopleNumbering.unnamed }
            let hash = ByteStringTable.hash(name)
            // The top bits pick the partition; the table inside it takes the low ones.
            let partition = Int(hash >> shift)
            keys[partition].append(Key(
                hash: hash, function: UInt32(function), start: UInt32(bytes[partition].count), length: UInt32(name.count)))
            bytes[partition].append(contentsOf: name)
            return Int32(function)
        }
    }

    /// Sets each named function's person in `personOfFunction` to the first function with the
    /// same folded name. The pieces' names come in team order.
    static func number(_ pieces: [Names], partitions: Int, into personOfFunction: UnsafeMutableBufferPointer<Int32>) {
        // Each partition writes only the entries of its own names' functions.
        _ = Parts.map(partitions) { partition in
            var table = ByteStringTable(
                capacity: pieces.reduce(0) { $0 + $1.keys[partition].count },
                bytes: pieces.reduce(0) { $0 + $1.bytes[partition].count })
            var firstFunction: [Int32] = []
            for piece in pieces {
                piece.bytes[partition].withUnsafeBufferPointer { bytes in
                    for key in piece.keys[partition] {
                        let name = UnsafeBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.start + key.length)])
                        let entry = table.number(of: name, hash: key.hash)
                        if entry == firstFunction.count { firstFunction.append(Int32(key.function)) }
                        personOfFunction[Int(key.function)] = firstFunction[entry]
                    }
                }
            }
        }
        var others: [String: Int32] = [:]
        for piece in pieces {
            for (key, function) in piece.others {
                personOfFunction[Int(function)] = others[key, default: function]
                if others[key] == nil { others[key] = function }
            }
        }
    }

    /// How many distinct people hold each role, counting current functions only.
    static func distinctPeople(in holdings: [[RoleHoldings.Reference]], personOfFunction: [Int32]) -> [Int] {
        var lastRoleOfPerson = [Int32](repeating: -1, count: personOfFunction.count)
        return holdings.enumerated().map { ordinal, references in
            var people = 0
            for reference in references {
                let person = personOfFunction[Int(reference.function)]
                if person >= 0 {
                    if lastRoleOfPerson[Int(person)] != Int32(ordinal) {
                        lastRoleOfPerson[Int(person)] = Int32(ordinal)
                        people += 1
                    }
                } else if person == unnamed {
                    people += 1
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

    /// Room for `capacity` keys of `bytes` bytes in all before anything grows.
    package init(capacity: Int, bytes byteCapacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
        bytes.reserveCapacity(byteCapacity)
    }

    package var count: Int { hashes.count }

    @inline(__always)
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
        number(of: key, hash: Self.hash(key))
    }

    /// The key's number, adding it when new, where its hash (`hash(_:)`) is known.
    mutating func number(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
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
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
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

    /// The two halves of a full 64 × 64-bit product folded together, so that every input bit
    /// reaches the low bits that pick the slot. A multiply-and-shift mix left names that differ
    /// only in their last digits in long clusters (4 extra probes per insert on 100k names,
    /// against 0.2 with this one).
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = (value ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
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
