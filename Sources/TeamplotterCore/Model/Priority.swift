/// How much the organisation needs a role (PRODUCT.md §2).
public enum Priority: String, Sendable, CaseIterable, Hashable, Comparable {
    case must
    case should
    case could
    case notNeeded

    /// Must, should and could all make a role needed.
    public var isNeeded: Bool { self != .notNeeded }

    public func label(_ language: Language) -> String {
        switch self {
        case .must: language.pick("nodig", "must")
        case .should: language.pick("gewenst", "should")
        case .could: language.pick("optioneel", "could")
        case .notNeeded: language.pick("niet nodig", "not needed")
        }
    }

    /// Reads a priority as people type it, in Dutch or English; nil when it is none of them.
    public init?(userText: String) {
        let key = TextKey.compact(userText)
        switch key {
        case "must", "nodig", "noodzakelijk", "vereist", "essentieel": self = .must
        case "should", "gewenst", "wenselijk": self = .should
        case "could", "optioneel", "optional", "kan", "misschien": self = .could
        case "notneeded", "nietnodig", "niet", "nee", "no", "none", "geen": self = .notNeeded
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .must: 0
        case .should: 1
        case .could: 2
        case .notNeeded: 3
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
