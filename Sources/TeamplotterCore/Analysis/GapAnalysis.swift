/// The outcome of mapping a team against the roles it needs.
public struct GapAnalysis: Sendable, Hashable {
    public var teamName: String
    public var standardWeekHours: Double
    public var roles: [RoleResult]
    public var categories: [CategoryResult]
    public var functions: FunctionResults
    /// Needed tasks that no current function performs.
    public var missingTasks: [String]
    /// Needed competencies nobody has.
    public var missingCompetencies: [Competency]
    /// Needed competencies only one person has.
    public var singleCompetencies: [CompetencyResult]
    /// The gaps to act on, most urgent first: missing `must` roles, understaffed roles, other
    /// missing roles, then roles that hang on one person.
    public var urgentGaps: [RoleResult]
    /// True when no need was stated, so every role counted as `should`.
    public var assumedNeeds: Bool

    public func count(_ status: RoleStatus) -> Int {
        roles.count { $0.status == status }
    }

    public func role(id: String) -> RoleResult? {
        roles.first { $0.role.id == id }
    }
}

/// One function holding one role.
public struct RoleHolding: Sendable, Hashable {
    public var functionIndex: Int
    public var functionTitle: String
    public var holder: String?
    public var isVacancy: Bool
    public var sharePercent: Double
    public var fte: Double
}

/// The functions that hold one role, in function order. Read from the analysis's function results
/// on access rather than copied: a large team has millions of holdings, and copying each
/// function's title and holder into every role it holds cost more than the rest of the analysis.
public struct RoleHoldings: RandomAccessCollection, Sendable, Hashable {
    /// A holding: the function's position in the results and the share's among all the shares.
    struct Reference: Sendable, Hashable {
        var function: UInt32
        var share: UInt32
    }

    private let functions: FunctionResults
    private let references: [Reference]

    init(functions: FunctionResults, references: [Reference]) {
        self.functions = functions
        self.references = references
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { references.count }

    public subscript(position: Int) -> RoleHolding {
        let reference = references[position]
        let index = Int(reference.function)
        let percent = functions.sharePercent(index, Int(reference.share))
        return RoleHolding(
            functionIndex: index, functionTitle: functions.teamFunctions[index].title,
            holder: functions.teamFunctions[index].holder, isVacancy: functions.teamFunctions[index].isVacancy,
            sharePercent: percent, fte: FunctionResults.fte(functions.fte(index), percent))
    }

    /// Equal when the holdings are, wherever they are read from.
    public static func == (lhs: RoleHoldings, rhs: RoleHoldings) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for holding in self { hasher.combine(holding) }
    }
}

public struct RoleResult: Sendable, Hashable {
    public var role: Role
    public var categoryId: String
    public var priority: Priority
    public var status: RoleStatus
    /// Distinct current holders.
    public var people: Int
    /// FTE allocated to the role, vacancies excluded.
    public var fte: Double
    public var desiredFte: Double?
    public var minPeople: Int?
    public var note: String?
    /// The needs name this role; false when its priority is the default (`should` without any
    /// stated need, `notNeeded` when others are stated but this one is not).
    public var needStated: Bool
    /// Vacant functions that hold the role.
    public var vacancies: Int
    /// Every function that holds the role, vacancies included (marked).
    public var holdings: RoleHoldings

    public var isNeeded: Bool { priority.isNeeded }
    public var lacksPeople: Bool { minPeople.map { people < $0 } ?? false }
    public var lacksFte: Bool { desiredFte.map { fte < $0 - GapAnalyser.tolerance } ?? false }
}

public struct CategoryResult: Sendable, Hashable {
    public var category: RoleCategory
    /// Needed roles in the category.
    public var needed: Int
    /// Needed roles with at least one current holder.
    public var present: Int
    /// Needed roles that hang on one person.
    public var single: Int
    /// present / needed; nil when the category needs nothing.
    public var coverage: Double? { needed == 0 ? nil : Double(present) / Double(needed) }
}

public struct FunctionRoleShare: Sendable, Hashable {
    public var roleId: String
    public var sharePercent: Double
    /// The share was written down, rather than the rest split equally.
    public var isExplicit: Bool
    public var fte: Double
}

public enum FunctionWarning: Sendable, Hashable {
    case noRoles
    case overloaded(sharePercent: Double)
    case vacancy
    case hoursUnknown
    case duplicateRole(roleId: String)
    case unknownRole(roleId: String)
    /// The explicit shares already take the whole function, so this role gets no time.
    case roleWithoutTime(roleId: String)
}

public struct FunctionResult: Sendable, Hashable {
    public var index: Int
    public var function: TeamFunction
    public var fte: Double
    public var roles: [FunctionRoleShare]
    /// Sum of the explicit shares, in percent.
    public var shareTotal: Double
    public var warnings: [FunctionWarning]
}

/// A needed competency and who has it.
public struct CompetencyResult: Sendable, Hashable {
    public var competency: Competency
    /// The people who have it (their names, or the function title where no name is given).
    public var holders: [String]
}
