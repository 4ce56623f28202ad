/// A responsibility in the team (rol). One function usually holds several roles.
public struct Role: Sendable, Hashable, Identifiable {
    /// Stable id: a slug of the Dutch name, e.g. `contentmanager-website`.
    public var id: String
    public var name: String
    public var description: String
    public var englishName: String?
    public var englishDescription: String?
    /// Other spellings people use for this role; matched like the name.
    public var aliases: [String]

    public init(
        id: String, name: String, description: String = "", englishName: String? = nil,
        englishDescription: String? = nil, aliases: [String] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.englishName = englishName
        self.englishDescription = englishDescription
        self.aliases = aliases
    }

    public func name(_ language: Language) -> String {
        language == .en ? (englishName ?? name) : name
    }

    public func description(_ language: Language) -> String {
        language == .en ? (englishDescription ?? description) : description
    }
}

/// A group of roles (categorie).
public struct RoleCategory: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var englishName: String?
    public var roles: [Role]

    public init(id: String, name: String, englishName: String? = nil, roles: [Role]) {
        self.id = id
        self.name = name
        self.englishName = englishName
        self.roles = roles
    }

    public func name(_ language: Language) -> String {
        language == .en ? (englishName ?? name) : name
    }
}
