/// The roles a team maps against (rollenlijst), grouped in categories.
public struct Catalogue: Sendable, Hashable {
    public private(set) var categories: [RoleCategory]
    private var categoryOfRole: [String: String] = [:]
    private var roleIndex: [String: Role] = [:]
    private var ordinals: [String: Int] = [:]
    /// Compact name keys and alias keys to role ids.
    private var nameKeys: [String: String] = [:]
    private var aliasKeys: [String: String] = [:]
    private var longestKey = 0

    public init(categories: [RoleCategory]) {
        self.categories = categories
        reindex()
    }

    /// All roles in catalogue order.
    public var roles: [Role] { categories.flatMap(\.roles) }

    public func role(id: String) -> Role? { roleIndex[id] }

    /// The role's place in `roles`, for array-indexed bookkeeping.
    public func ordinal(ofRole id: String) -> Int? { ordinals[id] }

    public func category(ofRole roleId: String) -> RoleCategory? {
        guard let categoryId = categoryOfRole[roleId] else { return nil }
        return categories.first { $0.id == categoryId }
    }

    /// The catalogue with an organisation's own categories and roles applied.
    public func applying(_ customization: CatalogueCustomization) -> Catalogue {
        switch customization.mode {
        case .replace:
            return Catalogue(categories: customization.categories)
        case .extend:
            var merged = categories
            for extra in customization.categories {
                if let index = merged.firstIndex(where: { $0.id == extra.id }) {
                    let known = Set(merged[index].roles.map(\.id))
                    merged[index].roles += extra.roles.filter { !known.contains($0.id) }
                } else {
                    merged.append(extra)
                }
            }
            return Catalogue(categories: merged)
        }
    }

    private mutating func reindex() {
        for category in categories {
            for role in category.roles {
                categoryOfRole[role.id] = category.id
                if ordinals[role.id] == nil { ordinals[role.id] = ordinals.count }
                roleIndex[role.id] = role
                for key in Self.nameKeys(for: role) where nameKeys[key] == nil {
                    nameKeys[key] = role.id
                }
                for alias in role.aliases + [role.englishName].compactMap({ $0 }) {
                    let key = TextKey.compact(alias)
                    if aliasKeys[key] == nil { aliasKeys[key] = role.id }
                }
            }
        }
        longestKey = (nameKeys.keys.map(\.unicodeScalars.count) + aliasKeys.keys.map(\.unicodeScalars.count)).max() ?? 0
    }

    /// The name itself, and the name without a trailing qualifier in brackets.
    private static func nameKeys(for role: Role) -> [String] {
        var keys = [TextKey.compact(role.name), TextKey.compact(role.id)]
        if let open = role.name.lastIndex(of: "("), role.name.hasSuffix(")") {
            keys.append(TextKey.compact(String(role.name[..<open])))
        }
        return keys
    }
}

extension Catalogue {
    public enum Match: Sendable, Hashable {
        case role(Role)
        /// Nothing matched; the closest catalogue names, best first (may be empty).
        case unknown(suggestions: [String])
    }

    /// Finds the role a user meant: ignores case, diacritics, spacing and punctuation, a bracketed
    /// qualifier at the end of a catalogue name, and knows the aliases (PRODUCT.md §3).
    public func match(_ typed: String) -> Match {
        let key = TextKey.compact(typed)
        if let id = nameKeys[key] ?? aliasKeys[key], let role = roleIndex[id] {
            return .role(role)
        }
        return .unknown(suggestions: suggestions(for: key))
    }

    /// Convenience: the matched role or nil.
    public func role(matching typed: String) -> Role? {
        if case .role(let role) = match(typed) { return role }
        return nil
    }

    private func suggestions(for key: String) -> [String] {
        let length = key.unicodeScalars.count
        // Nothing can be a typo of a name far longer than any in the catalogue; this also keeps a
        // pasted paragraph from costing seconds.
        guard length > 0, length <= longestKey * 2 else { return [] }
        var best: [String: Int] = [:]
        for (candidate, id) in nameKeys.map({ ($0.key, $0.value) }) + aliasKeys.map({ ($0.key, $0.value) }) {
            // Close enough to be a typo: about a third of the word may differ.
            let candidateLength = candidate.unicodeScalars.count
            let allowed = Swift.max(2, Swift.min(length, candidateLength) / 3)
            guard abs(length - candidateLength) <= allowed else { continue }
            let distance = TextKey.distance(key, candidate)
            guard distance <= allowed else { continue }
            best[id] = Swift.min(best[id] ?? .max, distance)
        }
        let order = Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1.id, $0) })
        return best.sorted { ($0.value, order[$0.key] ?? 0) < ($1.value, order[$1.key] ?? 0) }
            .prefix(3)
            .compactMap { roleIndex[$0.key]?.name }
    }
}

/// An organisation's own categories and roles.
public struct CatalogueCustomization: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Add to the built-in catalogue.
        case extend
        /// Use only these categories and roles.
        case replace
    }

    public var mode: Mode
    public var categories: [RoleCategory]

    public init(mode: Mode, categories: [RoleCategory]) {
        self.mode = mode
        self.categories = categories
    }
}
