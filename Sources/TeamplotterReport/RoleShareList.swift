import Foundation
import TeamplotterCore

/// A function's roles with their shares ("Strateeg 50%, Verbinder 50%") as UTF-8, as the text
/// and Markdown reports list them. A role's name is found by its id's bytes in a small table made
/// once per report, cheaper per share than hashing the id as a `String`; an id not found there
/// takes `Catalogue.ordinal(ofRole:)`, which also matches ids equal as text but not as bytes.
/// The last role with an id wins, as in `Catalogue.role(id:)`.
struct RoleShareList {
    private let catalogue: Catalogue
    private let language: Language
    /// Each catalogue role's name, by ordinal.
    private let names: [[UInt8]]
    /// The table: for each slot, an index into `ids` and `ordinals`, or -1 when empty.
    private let slots: [Int32]
    private let ids: [[UInt8]]
    private let ordinals: [Int]

    init(catalogue: Catalogue, language: Language) {
        var names = [[UInt8]](repeating: [], count: catalogue.roles.count)
        var ids: [[UInt8]] = []
        var ordinals: [Int] = []
        for role in catalogue.roles {
            guard let ordinal = catalogue.ordinal(ofRole: role.id) else { continue }
            names[ordinal] = Array(role.name(language).utf8)
            ids.append(Array(role.id.utf8))
            ordinals.append(ordinal)
        }
        // At most half full, so that a miss ends soon.
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (entry, id) in ids.enumerated() {
            var slot = id.withUnsafeBufferPointer(Self.hash) & (size - 1)
            while slots[slot] >= 0 {
                // A later role with the same id replaces the earlier one (same ordinal anyway).
                if ids[Int(slots[slot])] == id { break }
                slot = (slot + 1) & (size - 1)
            }
            slots[slot] = Int32(entry)
        }
        self.catalogue = catalogue
        self.language = language
        self.names = names
        self.slots = slots
        self.ids = ids
        self.ordinals = ordinals
    }

    /// Appends the roles of function `index`, separated by ", "; nothing for a function without roles.
    func append(_ index: Int, of functions: FunctionResults, to bytes: inout [UInt8]) {
        let shares = functions.shareRange(index)
        for share in shares {
            if share > shares.lowerBound {
                bytes.append(UInt8(ascii: ","))
                bytes.append(0x20)
            }
            let roleId = functions.roleId(index, share)
            if let ordinal = ordinal(of: roleId) {
                bytes.append(contentsOf: names[ordinal])
            } else {
                bytes.append(contentsOf: roleId.utf8)
            }
            bytes.append(0x20)
            NumberFormatting.appendShort(functions.sharePercent(index, share), language, to: &bytes)
            bytes.append(UInt8(ascii: "%"))
        }
    }

    func ordinal(of id: String) -> Int? {
        let found = id.utf8.withContiguousStorageIfAvailable { id -> Int? in
            let mask = slots.count - 1
            var slot = Self.hash(id) & mask
            while slots[slot] >= 0 {
                let entry = Int(slots[slot])
                let equal = ids[entry].withUnsafeBufferPointer { known in
                    known.count == id.count && (id.isEmpty || memcmp(known.baseAddress!, id.baseAddress!, id.count) == 0)
                }
                if equal { return ordinals[entry] }
                slot = (slot + 1) & mask
            }
            return nil
        } ?? nil
        return found ?? catalogue.ordinal(ofRole: id)
    }

    /// Mixes the length and the first and last eight bytes: role ids differ in one or the other.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if bytes.count >= 8 {
            let raw = UnsafeRawBufferPointer(bytes)
            head = raw.loadUnaligned(as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        } else {
            for byte in bytes { head = head << 8 | UInt64(byte) }
        }
        let mixed = (head ^ tail &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32)
    }
}
