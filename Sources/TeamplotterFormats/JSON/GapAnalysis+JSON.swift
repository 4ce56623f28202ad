import TeamplotterCore

/// The analysis as JSON: the contract of PRODUCT.md §6. Other tools rely on these names; fields may
/// be added, never renamed.
extension GapAnalysis {
    public func json(_ language: Language = .nl) -> JSONValue {
        .object([
            ("team", .string(teamName)),
            ("standardWeekHours", .number(standardWeekHours)),
            ("assumedNeeds", .bool(assumedNeeds)),
            ("summary", summaryJSON),
            ("roles", .array(roles.map { roleJSON($0, language) })),
            ("categories", .array(categories.map { categoryJSON($0, language) })),
            ("functions", .array(functions.map(functionJSON))),
            ("tasks", .object([("missing", .array(missingTasks.map(JSONValue.string)))])),
            ("competencies", .object([
                ("missing", .array(missingCompetencies.map(\.json))),
                ("single", .array(singleCompetencies.map { result in
                    .object([
                        ("name", .string(result.competency.name)),
                        ("level", .number(result.competency.level)),
                        ("holders", .array(result.holders.map(JSONValue.string))),
                    ])
                })),
            ])),
            ("urgent", .array(urgentGaps.map { .string($0.role.id) })),
        ])
    }

    private var summaryJSON: JSONValue {
        .object(
            RoleStatus.allCases.map { ($0.rawValue, JSONValue.number(Double(count($0)))) }
                + [("needed", .number(Double(roles.count(where: \.isNeeded)))),
                   ("roles", .number(Double(roles.count)))])
    }

    private func roleJSON(_ role: RoleResult, _ language: Language) -> JSONValue {
        let desiredFte: JSONValue = role.desiredFte.map(JSONValue.number) ?? .null
        let minPeople: JSONValue = role.minPeople.map { JSONValue.number(Double($0)) } ?? .null
        let current: [JSONValue] = role.holdings.filter { !$0.isVacancy }.map(holdingJSON)
        let vacant: [JSONValue] = role.holdings.filter(\.isVacancy).map(holdingJSON)
        return .object([
            ("id", .string(role.role.id)),
            ("name", .string(role.role.name(language))),
            ("category", .string(role.categoryId)),
            ("priority", .string(role.priority.rawValue)),
            ("status", .string(role.status.rawValue)),
            ("people", .number(Double(role.people))),
            ("fte", .rounded(role.fte)),
            ("desiredFte", desiredFte),
            ("minPeople", minPeople),
            ("vacancies", .number(Double(role.vacancies))),
            ("holders", .array(current)),
            ("vacancyFunctions", vacant.isEmpty ? nil : .array(vacant)),
            ("note", .string(role.note)),
        ])
    }

    private func holdingJSON(_ holding: RoleHolding) -> JSONValue {
        .object([
            ("function", .string(holding.functionTitle)),
            ("functionIndex", .number(Double(holding.functionIndex))),
            ("name", .string(holding.holder)),
            ("share", .rounded(holding.sharePercent)),
            ("fte", .rounded(holding.fte)),
        ])
    }

    private func categoryJSON(_ category: CategoryResult, _ language: Language) -> JSONValue {
        .object([
            ("id", .string(category.category.id)),
            ("name", .string(category.category.name(language))),
            ("needed", .number(Double(category.needed))),
            ("present", .number(Double(category.present))),
            ("single", .number(Double(category.single))),
            ("coverage", category.coverage.map(JSONValue.rounded) ?? .null),
        ])
    }

    private func functionJSON(_ function: FunctionResult) -> JSONValue {
        .object([
            ("index", .number(Double(function.index))),
            ("title", .string(function.function.title)),
            ("holder", .string(function.function.holder)),
            ("vacancy", .bool(function.function.isVacancy)),
            ("fte", .rounded(function.fte)),
            ("roles", .array(function.roles.map { share in
                .object([
                    ("role", .string(share.roleId)),
                    ("share", .rounded(share.sharePercent)),
                    ("explicit", .bool(share.isExplicit)),
                    ("fte", .rounded(share.fte)),
                ])
            })),
            ("shareTotal", .rounded(function.shareTotal)),
            ("warnings", .array(function.warnings.map(\.code).map(JSONValue.string))),
        ])
    }
}

extension FunctionWarning {
    /// A stable code for machines.
    public var code: String {
        switch self {
        case .noRoles: "noRoles"
        case .overloaded: "overloaded"
        case .vacancy: "vacancy"
        case .hoursUnknown: "hoursUnknown"
        case .duplicateRole: "duplicateRole"
        case .unknownRole: "unknownRole"
        case .roleWithoutTime: "roleWithoutTime"
        }
    }
}
