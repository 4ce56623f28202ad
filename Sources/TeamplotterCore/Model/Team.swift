/// The unit being mapped: its functions, what it needs, and optionally its own roles.
public struct Team: Sendable, Hashable {
    public var name: String
    public var organisation: String?
    /// Hours in one FTE; 36 is the Dutch municipal standard week.
    public var standardWeekHours: Double
    public var functions: [TeamFunction]
    public var needs: Needs
    /// The organisation's own categories and roles, on top of or instead of the built-in list.
    public var customCatalogue: CatalogueCustomization?

    public static let defaultStandardWeekHours = 36.0

    public init(
        name: String, organisation: String? = nil,
        standardWeekHours: Double = Team.defaultStandardWeekHours,
        functions: [TeamFunction] = [], needs: Needs = Needs(),
        customCatalogue: CatalogueCustomization? = nil
    ) {
        self.name = name
        self.organisation = organisation
        self.standardWeekHours = standardWeekHours
        self.functions = functions
        self.needs = needs
        self.customCatalogue = customCatalogue
    }

    /// The catalogue this team maps against.
    public var catalogue: Catalogue {
        guard let customCatalogue else { return .builtIn }
        return Catalogue.builtIn.applying(customCatalogue)
    }
}

/// How much a function works: in hours per week or as an FTE.
public enum Workload: Sendable, Hashable {
    case hoursPerWeek(Double)
    case fte(Double)

    public func fte(standardWeekHours: Double) -> Double {
        switch self {
        case .hoursPerWeek(let hours): standardWeekHours > 0 ? hours / standardWeekHours : 0
        case .fte(let fte): fte
        }
    }
}

/// A job position in the team (functie).
public struct TeamFunction: Sendable, Hashable {
    public var title: String
    /// The person in it; optional, may be a pseudonym.
    public var holder: String?
    /// The function exists but nobody is in it now.
    public var isVacancy: Bool
    /// Nil when the hours are not known.
    public var workload: Workload?
    public var tasks: [String]
    public var roles: [RoleAssignment]
    public var competencies: [Competency]

    public init(
        title: String, holder: String? = nil, isVacancy: Bool = false, workload: Workload? = nil,
        tasks: [String] = [], roles: [RoleAssignment] = [], competencies: [Competency] = []
    ) {
        self.title = title
        self.holder = holder
        self.isVacancy = isVacancy
        self.workload = workload
        self.tasks = tasks
        self.roles = roles
        self.competencies = competencies
    }
}

/// A role held in a function, optionally with an explicit share of the function's time.
public struct RoleAssignment: Sendable, Hashable {
    public var roleId: String
    /// Percent of the function's FTE; nil splits what is left equally.
    public var sharePercent: Double?

    public init(roleId: String, sharePercent: Double? = nil) {
        self.roleId = roleId
        self.sharePercent = sharePercent
    }
}

/// A competency (competentie): free text, optionally with a level 1–4.
public struct Competency: Sendable, Hashable {
    public var name: String
    public var level: Int?

    public static let levels = 1...4

    public init(name: String, level: Int? = nil) {
        self.name = name
        self.level = level
    }
}
