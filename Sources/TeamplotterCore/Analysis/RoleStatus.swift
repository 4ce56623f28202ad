/// Where a role stands (PRODUCT.md §5). Declared in the order the rules are tried.
public enum RoleStatus: String, Sendable, CaseIterable, Hashable {
    case missing
    case understaffed
    case single
    case covered
    case extra
    case notNeeded

    public func label(_ language: Language) -> String {
        switch self {
        case .missing: language.pick("ontbreekt", "missing")
        case .understaffed: language.pick("onderbezet", "understaffed")
        case .single: language.pick("kwetsbaar", "single person")
        case .covered: language.pick("ingevuld", "covered")
        case .extra: language.pick("aanwezig, niet nodig", "present, not needed")
        case .notNeeded: language.pick("niet nodig", "not needed")
        }
    }

    /// A symbol, so that status never rests on colour alone.
    public var symbol: String {
        switch self {
        case .missing: "✗"
        case .understaffed: "◐"
        case .single: "①"
        case .covered: "✓"
        case .extra: "+"
        case .notNeeded: "·"
        }
    }

    /// Statuses that ask for action.
    public var isGap: Bool { self == .missing || self == .understaffed || self == .single }
}
