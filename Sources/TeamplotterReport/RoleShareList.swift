import TeamplotterCore

/// A function's roles with their shares ("Strateeg 50%, Verbinder 50%") as UTF-8, as the text
/// and Markdown reports list them. A role is named by the ordinal the analysis found for it in its
/// catalogue (`FunctionResults.catalogue`, not the report's): no id is looked up again, and no id
/// is retained (every function holding a role shares its id's text, and retaining it from both
/// cores at once made them wait on each other). Where the catalogue has an id twice, the name is
/// that of the last role with it, as before.
struct RoleShareList {
    private let language: Language
    /// The catalogue roles' names one after another, role `ordinal`'s at `names[nameRanges[ordinal]]`:
    /// an array of names retained the name it handed out, once for every share.
    private let names: [UInt8]
    private let nameRanges: [Range<Int>]

    init(_ functions: FunctionResults, language: Language) {
        let catalogue = functions.catalogue
        var byOrdinal = [[UInt8]](repeating: [], count: catalogue.roles.count)
        for role in catalogue.roles {
            guard let ordinal = catalogue.ordinal(ofRole: role.id) else { continue }
            byOrdinal[ordinal] = Array(role.name(language).utf8)
        }
        self.language = language
        names = byOrdinal.flatMap { $0 }
        nameRanges = byOrdinal.reduce(into: []) { ranges, name in
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<start + name.count)
        }
    }

    /// Appends the roles of function `index`, separated by ", "; nothing for a function without roles.
    func append(_ index: Int, of functions: FunctionResults, to bytes: inout [UInt8]) {
        let shares = functions.shareRange(index)
        for share in shares {
            if share > shares.lowerBound {
                bytes.append(UInt8(ascii: ","))
                bytes.append(0x20)
            }
            let range = nameRanges[functions.roleOrdinal(share)]
            names.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
            bytes.append(0x20)
            NumberFormatting.appendShort(functions.sharePercent(index, share), language, to: &bytes)
            bytes.append(UInt8(ascii: "%"))
        }
    }
}
