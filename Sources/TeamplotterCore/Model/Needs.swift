/// What the organisation needs of a role (behoefte).
public struct RoleNeed: Sendable, Hashable {
    public var roleId: String
    public var priority: Priority
    public var desiredFte: Double?
    public var minPeople: Int?
    public var note: String?

    public init(
        roleId: String, priority: Priority, desiredFte: Double? = nil, minPeople: Int? = nil,
        note: String? = nil
    ) {
        self.roleId = roleId
        self.priority = priority
        self.desiredFte = desiredFte
        self.minPeople = minPeople
        self.note = note
    }
}

/// Everything the team states it needs: roles, and the tasks and competencies that must be covered.
public struct Needs: Sendable, Hashable {
    public var roles: [RoleNeed]
    public var tasks: [String]
    public var competencies: [Competency]

    public init(roles: [RoleNeed] = [], tasks: [String] = [], competencies: [Competency] = []) {
        self.roles = roles
        self.tasks = tasks
        self.competencies = competencies
    }

    /// With no role need stated, every role counts as `should` (PRODUCT.md §5); once any is
    /// stated, the roles left out are not needed.
    public var statesRoleNeeds: Bool { !roles.isEmpty }

    public func priority(of roleId: String) -> Priority {
        guard statesRoleNeeds else { return .should }
        return roles.first { $0.roleId == roleId }?.priority ?? .notNeeded
    }

    public func need(for roleId: String) -> RoleNeed? {
        roles.first { $0.roleId == roleId }
    }
}
