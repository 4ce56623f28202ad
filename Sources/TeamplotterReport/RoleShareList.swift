import TeamplotterCore

/// A function's roles with their shares ("Strateeg 50%, Verbinder 50%") as UTF-8, as the text
/// and Markdown reports list them. Role names are looked up by catalogue ordinal, worked out once
/// per report rather than once per share; the last role with an id wins, as in `Catalogue.role(id:)`.
struct RoleShareList {
    private let catalogue: Catalogue
    private let ordinals: RoleOrdinals
    private let names: [[UInt8]]
    private let language: Language

    init(catalogue: Catalogue, language: Language) {
        var names = [[UInt8]](repeating: [], count: catalogue.roles.count)
        for role in catalogue.roles {
            if let ordinal = catalogue.ordinal(ofRole: role.id) { names[ordinal] = Array(role.name(language).utf8) }
        }
        self.catalogue = catalogue
        self.ordinals = RoleOrdinals(catalogue)
        self.names = names
        self.language = language
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
            if let ordinal = ordinals.ordinal(of: roleId, in: catalogue) {
                bytes.append(contentsOf: names[ordinal])
            } else {
                bytes.append(contentsOf: roleId.utf8)
            }
            bytes.append(0x20)
            NumberFormatting.appendShort(functions.sharePercent(index, share), language, to: &bytes)
            bytes.append(UInt8(ascii: "%"))
        }
    }
}
