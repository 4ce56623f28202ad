import Testing

@testable import TeamplotterCore

/// Builds small teams for the rules of PRODUCT.md §4–5.
private func function(
    _ title: String, holder: String? = nil, vacancy: Bool = false, hours: Double? = 36,
    roles: [String], shares: [String: Double] = [:], tasks: [String] = [], competencies: [Competency] = []
) -> TeamFunction {
    TeamFunction(
        title: title, holder: holder, isVacancy: vacancy, workload: hours.map(Workload.hoursPerWeek),
        tasks: tasks, roles: roles.map { RoleAssignment(roleId: $0, sharePercent: shares[$0]) },
        competencies: competencies)
}

private func analyse(_ functions: [TeamFunction], needs: [RoleNeed] = [], tasks: [String] = [], competencies: [Competency] = [], week: Double = 36) -> GapAnalysis {
    GapAnalyser.analyse(Team(name: "T", standardWeekHours: week, functions: functions, needs: Needs(roles: needs, tasks: tasks, competencies: competencies)))
}

@Suite struct GapAnalyserStatusTests {
    @Test func missingWhenNeededAndNobodyHoldsIt() {
        let result = analyse([], needs: [RoleNeed(roleId: "strateeg", priority: .must)])
        #expect(result.role(id: "strateeg")?.status == .missing)
    }

    @Test func missingWhenOnlyAVacancyHoldsIt() throws {
        let result = analyse(
            [function("KCC", vacancy: true, hours: 18, roles: ["social-media-analist"])],
            needs: [RoleNeed(roleId: "social-media-analist", priority: .could)])
        let role = try #require(result.role(id: "social-media-analist"))
        #expect(role.status == .missing)
        #expect(role.vacancies == 1)
        #expect(role.people == 0)
        #expect(role.fte == 0)
    }

    @Test func understaffedWhenFewerPeopleThanTheMinimum() {
        let result = analyse(
            [function("Beheer", holder: "P", roles: ["applicatie-beheerder"])],
            needs: [RoleNeed(roleId: "applicatie-beheerder", priority: .must, minPeople: 2)])
        #expect(result.role(id: "applicatie-beheerder")?.status == .understaffed)
        #expect(result.role(id: "applicatie-beheerder")?.lacksPeople == true)
    }

    @Test func understaffedWhenFteBelowTheDesiredFte() throws {
        let result = analyse(
            [function("A", holder: "A", hours: 18, roles: ["strateeg"]), function("B", holder: "B", hours: 18, roles: ["strateeg"], shares: ["strateeg": 50])],
            needs: [RoleNeed(roleId: "strateeg", priority: .must, desiredFte: 1)])
        let role = try #require(result.role(id: "strateeg"))
        #expect(role.status == .understaffed)
        #expect(abs(role.fte - 0.75) < 1e-9)
        #expect(role.lacksFte)
    }

    @Test func fteExactlyAtTheDesiredFteIsEnough() {
        // 0.1 + 0.2 must count as 0.3.
        let result = analyse(
            [function("A", holder: "A", hours: 3.6, roles: ["strateeg"]), function("B", holder: "B", hours: 7.2, roles: ["strateeg"])],
            needs: [RoleNeed(roleId: "strateeg", priority: .must, desiredFte: 0.3)])
        #expect(result.role(id: "strateeg")?.status == .covered)
    }

    @Test func singleWhenExactlyOnePersonHoldsIt() {
        let result = analyse([function("A", holder: "A", roles: ["verbinder"])], needs: [RoleNeed(roleId: "verbinder", priority: .should)])
        #expect(result.role(id: "verbinder")?.status == .single)
    }

    @Test func understaffedWinsOverSingle() {
        let result = analyse(
            [function("A", holder: "A", roles: ["verbinder"])],
            needs: [RoleNeed(roleId: "verbinder", priority: .must, minPeople: 2)])
        #expect(result.role(id: "verbinder")?.status == .understaffed)
    }

    @Test func coveredWhenTwoPeopleHoldItAndNothingLacks() {
        let result = analyse(
            [function("A", holder: "A", roles: ["verbinder"]), function("B", holder: "B", roles: ["verbinder"])],
            needs: [RoleNeed(roleId: "verbinder", priority: .could)])
        #expect(result.role(id: "verbinder")?.status == .covered)
    }

    @Test func extraWhenNotNeededYetHeld() {
        let result = analyse(
            [function("A", holder: "A", roles: ["woordvoerder"])],
            needs: [RoleNeed(roleId: "woordvoerder", priority: .notNeeded)])
        #expect(result.role(id: "woordvoerder")?.status == .extra)
    }

    @Test func notNeededWhenNotNeededAndNobodyHoldsIt() {
        let result = analyse([], needs: [RoleNeed(roleId: "woordvoerder", priority: .notNeeded)])
        #expect(result.role(id: "woordvoerder")?.status == .notNeeded)
    }

    @Test func withoutStatedNeedsEveryRoleCountsAsShould() {
        let result = analyse([function("A", holder: "A", roles: ["verbinder"])])
        #expect(result.assumedNeeds)
        #expect(result.roles.allSatisfy { $0.priority == .should })
        #expect(result.count(.missing) == 23)
        #expect(result.count(.single) == 1)
    }

    @Test func onceNeedsAreStatedTheRolesLeftOutAreNotNeeded() {
        let result = analyse([function("A", holder: "A", roles: ["verbinder"])], needs: [RoleNeed(roleId: "strateeg", priority: .must)])
        #expect(!result.assumedNeeds)
        #expect(result.role(id: "verbinder")?.status == .extra)
        #expect(result.role(id: "procesmanager")?.status == .notNeeded)
    }
}

@Suite struct GapAnalyserCapacityTests {
    @Test func rolesWithoutAShareSplitTheRestEqually() throws {
        let result = analyse([function("W", holder: "K", hours: 24, roles: ["contentmanager-website", "website-analist", "contentregisseur"], shares: ["contentmanager-website": 50])])
        let shares = try #require(result.functions.first).roles
        #expect(shares.map(\.sharePercent) == [50, 25, 25])
        #expect(abs(shares[0].fte - 24.0 / 36 * 0.5) < 1e-9)
        #expect(shares.map(\.isExplicit) == [true, false, false])
    }

    @Test func sharesAboveOneHundredPercentOverloadTheFunction() throws {
        let result = analyse([function("W", holder: "K", roles: ["strateeg", "verbinder"], shares: ["strateeg": 80, "verbinder": 40])])
        let function = try #require(result.functions.first)
        #expect(function.warnings.contains(.overloaded(sharePercent: 120)))
        #expect(function.shareTotal == 120)
    }

    @Test func aRoleLeftWithoutTimeIsFlagged() throws {
        let result = analyse([function("W", holder: "K", roles: ["strateeg", "verbinder"], shares: ["strateeg": 100])])
        let function = try #require(result.functions.first)
        #expect(function.roles.map(\.sharePercent) == [100, 0])
        #expect(function.warnings == [.roleWithoutTime(roleId: "verbinder")])
    }

    @Test func sameHolderNameCountsAsOnePerson() {
        let result = analyse(
            [function("A", holder: "M. Jansen", hours: 18, roles: ["verbinder"]), function("B", holder: " m. jansen ", hours: 18, roles: ["verbinder"])],
            needs: [RoleNeed(roleId: "verbinder", priority: .must)])
        #expect(result.role(id: "verbinder")?.people == 1)
        #expect(result.role(id: "verbinder")?.status == .single)
        #expect(abs((result.role(id: "verbinder")?.fte ?? 0) - 1) < 1e-9)
    }

    @Test func functionsWithoutAHolderCountOneEach() {
        let result = analyse([function("A", roles: ["verbinder"]), function("B", roles: ["verbinder"])], needs: [RoleNeed(roleId: "verbinder", priority: .must)])
        #expect(result.role(id: "verbinder")?.people == 2)
    }

    @Test func aFunctionWithoutHoursCountsAsAPersonWithZeroFteAndAWarning() throws {
        let result = analyse([function("A", holder: "A", hours: nil, roles: ["verbinder"])], needs: [RoleNeed(roleId: "verbinder", priority: .must)])
        let role = try #require(result.role(id: "verbinder"))
        #expect(role.people == 1)
        #expect(role.fte == 0)
        #expect(result.functions[0].warnings.contains(.hoursUnknown))
    }

    @Test func aRoleNamedTwiceInOneFunctionCountsOnceWithAWarning() throws {
        let result = analyse([function("A", holder: "A", roles: ["verbinder", "verbinder", "strateeg"])])
        let function = try #require(result.functions.first)
        #expect(function.roles.map(\.roleId) == ["verbinder", "strateeg"])
        #expect(function.roles.map(\.sharePercent) == [50, 50])
        #expect(function.warnings.contains(.duplicateRole(roleId: "verbinder")))
    }

    @Test func functionWarnings() {
        let result = analyse([function("Leeg", holder: "A", roles: []), function("Open", vacancy: true, roles: ["verbinder"])])
        #expect(result.functions[0].warnings.contains(.noRoles))
        #expect(result.functions[1].warnings.contains(.vacancy))
    }

    @Test func anotherStandardWeek() {
        let result = analyse([function("A", holder: "A", hours: 40, roles: ["verbinder"])], week: 40)
        #expect(result.functions[0].fte == 1)
    }

    @Test func workloadAsFte() {
        #expect(Workload.fte(0.8).fte(standardWeekHours: 36) == 0.8)
        #expect(Workload.hoursPerWeek(18).fte(standardWeekHours: 36) == 0.5)
    }
}

@Suite struct GapAnalyserReportingTests {
    @Test func categoryCoverageCountsNeededAndPresentRoles() throws {
        let result = analyse(
            [function("A", holder: "A", roles: ["leidinggevende", "woordvoerder"]), function("V", vacancy: true, roles: ["strateeg"])],
            needs: [
                RoleNeed(roleId: "leidinggevende", priority: .must), RoleNeed(roleId: "strateeg", priority: .must),
                RoleNeed(roleId: "woordvoerder", priority: .notNeeded),
            ])
        let first = try #require(result.categories.first)
        #expect(first.needed == 2)
        #expect(first.present == 1)
        #expect(first.single == 1)
        #expect(first.coverage == 0.5)
        #expect(result.categories[1].needed == 0)
        #expect(result.categories[1].coverage == nil)
    }

    @Test func neededTasksNobodyPerforms() {
        let result = analyse(
            [function("A", holder: "A", roles: ["verbinder"], tasks: ["Webcare via WhatsApp en chat"]), function("V", vacancy: true, roles: ["verbinder"], tasks: ["Monitoren sociale media"])],
            tasks: ["webcare", "Monitoren sociale media", "Toegankelijkheid toetsen"])
        #expect(result.missingTasks == ["Monitoren sociale media", "Toegankelijkheid toetsen"])
    }

    @Test func neededCompetenciesNobodyOrOnlyOnePersonHas() {
        let result = analyse(
            [
                function("A", holder: "A", roles: ["verbinder"], competencies: [Competency(name: "Schrijven op B1-niveau", level: 3), Competency(name: "Privacy (AVG)")]),
                function("B", holder: "B", roles: ["verbinder"], competencies: [Competency(name: "schrijven op b1-niveau", level: 2)]),
            ],
            competencies: [
                Competency(name: "Schrijven op B1-niveau"), Competency(name: "Schrijven op B1-niveau", level: 3),
                Competency(name: "Privacy (AVG)"), Competency(name: "Data-analyse"),
            ])
        #expect(result.missingCompetencies == [Competency(name: "Data-analyse")])
        #expect(result.singleCompetencies.map(\.competency) == [Competency(name: "Schrijven op B1-niveau", level: 3), Competency(name: "Privacy (AVG)")])
        #expect(result.singleCompetencies.first?.holders == ["A"])
    }

    @Test func aCompetencyWrittenWithoutALevelCountsForANeededLevel() {
        let result = analyse(
            [function("A", holder: "A", roles: ["verbinder"], competencies: [Competency(name: "Schrijven")])],
            competencies: [Competency(name: "Schrijven", level: 3)])
        #expect(result.missingCompetencies.isEmpty)
        #expect(result.singleCompetencies.map(\.holders) == [["A"]])
    }

    @Test func rolesRememberWhetherTheirNeedWasStated() {
        let stated = analyse([], needs: [RoleNeed(roleId: "strateeg", priority: .must)])
        #expect(stated.roles.filter(\.needStated).map(\.role.id) == ["strateeg"])
        #expect(analyse([]).roles.allSatisfy { !$0.needStated })
    }

    @Test func urgentGapsPutMissingMustRolesFirstThenUnderstaffedThenSingle() {
        let result = analyse(
            [
                function("A", holder: "A", roles: ["verbinder", "strateeg"]),
                function("B", holder: "B", roles: ["leidinggevende"]),
            ],
            needs: [
                RoleNeed(roleId: "leidinggevende", priority: .must),
                RoleNeed(roleId: "visievormer", priority: .should),
                RoleNeed(roleId: "verbinder", priority: .should),
                RoleNeed(roleId: "strateeg", priority: .must, minPeople: 2),
                RoleNeed(roleId: "procesmanager", priority: .must),
            ])
        #expect(result.urgentGaps.map(\.role.id) == ["procesmanager", "strateeg", "visievormer", "leidinggevende", "verbinder"])
    }
}
