import Testing

@testable import TeamplotterCore

/// The analyser numbers roles and people on bytes and keeps holdings as indices; these tests pin
/// it to the plain rules: people told apart by `TextKey.folded` with `String` equality, role ids
/// looked up in the catalogue, every holding spelled out.
@Suite struct GapAnalyserEquivalenceTests {
    /// The straightforward reading of PRODUCT.md §4–5 for one role: its holdings, distinct current
    /// people, FTE and vacancies.
    private struct Expected: Equatable {
        var holdings: [RoleHolding] = []
        var people = Set<String>()
        var fte = 0.0
        var vacancies = 0
    }

    /// Expectations by role ordinal.
    private func expected(_ team: Team, _ analysis: GapAnalysis) -> [Int: Expected] {
        let catalogue = team.catalogue
        var byRole: [Int: Expected] = [:]
        for (index, function) in team.functions.enumerated() {
            let result = analysis.functions[index]
            var seen: [Int] = []
            var kept: [RoleAssignment] = []
            for assignment in function.roles {
                guard let ordinal = catalogue.ordinal(ofRole: assignment.roleId) else { continue }
                if !seen.contains(ordinal) {
                    seen.append(ordinal)
                    kept.append(assignment)
                }
            }
            #expect(result.roles.map(\.roleId) == kept.map(\.roleId))
            let folded = function.holder.map(TextKey.folded) ?? ""
            let person = folded.isEmpty ? "function:\(index)" : "name:" + folded
            for (share, id) in zip(result.roles, seen) {
                var entry = byRole[id] ?? Expected()
                entry.holdings.append(RoleHolding(
                    functionIndex: index, functionTitle: function.title, holder: function.holder,
                    isVacancy: function.isVacancy, sharePercent: share.sharePercent, fte: share.fte))
                if function.isVacancy {
                    entry.vacancies += 1
                } else {
                    entry.fte += share.fte
                    entry.people.insert(person)
                }
                byRole[id] = entry
            }
        }
        return byRole
    }

    private func check(_ team: Team, pieces: Int = 1, namePartitions: Int? = nil) {
        let analysis = GapAnalyser.analyse(team, pieces: pieces, namePartitions: namePartitions)
        let byRole = expected(team, analysis)
        for role in analysis.roles {
            let want = byRole[team.catalogue.ordinal(ofRole: role.role.id)!] ?? Expected()
            #expect(Array(role.holdings) == want.holdings, "\(role.role.id)")
            #expect(role.people == want.people.count, "\(role.role.id)")
            #expect(role.fte == want.fte, "\(role.role.id)")
            #expect(role.vacancies == want.vacancies, "\(role.role.id)")
        }
    }

    private static let names = [
        "Anna", "anna", " ANNA  ", "An\tna", "An  na", "José", "jose", "JOSÉ", "Jose\u{301}", "Zoë", "zoe",
        "\u{212A}im", "Kim", "kim", "Ⅻ", "李", "李 ", "", "   ", "Medewerker 1", "medewerker  1",
        // As long as the analyser's scratch buffer for a folded name, and longer.
        String(repeating: "a", count: 256), String(repeating: "A", count: 256),
        String(repeating: "lange naam ", count: 30), String(repeating: "LANGE  NAAM ", count: 30),
    ]

    @Test func peopleAreToldApartAsTheFoldedNamesAre() {
        let ids = Catalogue.builtIn.roles.map(\.id)
        var random = Lcg(seed: 7)
        let functions = (0..<400).map { index in
            TeamFunction(
                title: "F\(index)",
                holder: random.next(10) == 0 ? nil : Self.names[random.next(Self.names.count)],
                isVacancy: random.next(8) == 0,
                workload: random.next(6) == 0 ? nil : .hoursPerWeek(Double(random.next(40))),
                roles: (0..<random.next(5)).map { _ in
                    let id = random.next(12) == 0 ? "onbekend-\(random.next(3))" : ids[random.next(6)]
                    return RoleAssignment(roleId: id, sharePercent: random.next(3) == 0 ? Double(random.next(80)) : nil)
                })
        }
        let team = Team(name: "T", functions: functions)
        check(team)
        // Cut into pieces and with the names spread over partitions, the result is the same
        // (with one piece per function too, and more pieces than functions).
        for (pieces, partitions) in [(2, 1), (3, 4), (7, 8), (400, 2), (999, 16)] {
            check(team, pieces: pieces, namePartitions: partitions)
            #expect(GapAnalyser.analyse(team, pieces: pieces, namePartitions: partitions) == GapAnalyser.analyse(team, pieces: 1))
        }
    }

    /// A team large enough to be analysed in pieces by default, with people who hold functions
    /// in several pieces, unnamed functions, vacancies and names beyond ASCII.
    @Test func aLargeTeamIsAnalysedInPiecesAsInOnePass() {
        let ids = Catalogue.builtIn.roles.map(\.id)
        var random = Lcg(seed: 11)
        // Large enough for pieces and for more than one partition of names.
        let count = max(GapAnalyser.piecesFrom, PeopleNumbering.namesPerPartition) + 1_000
        let functions = (0..<count).map { index in
            let holder: String? = switch random.next(20) {
            case 0: nil
            case 1: Self.names[random.next(Self.names.count)]
            case 2: "Collega \(random.next(50))"  // a few people with many functions all over the team
            default: "Medewerker \(index)"
            }
            return TeamFunction(
                title: "F\(index)", holder: holder, isVacancy: random.next(30) == 0,
                workload: .hoursPerWeek(Double(8 + random.next(33))),
                roles: (0..<random.next(5)).map { _ in
                    RoleAssignment(roleId: ids[random.next(ids.count)], sharePercent: random.next(4) == 0 ? Double(random.next(60)) : nil)
                })
        }
        let team = Team(name: "T", functions: functions)
        let whole = GapAnalyser.analyse(team, pieces: 1, namePartitions: 1)
        #expect(GapAnalyser.analyse(team) == whole)
        #expect(PeopleNumbering.partitions(for: count) > 1)
        #expect(PeopleNumbering.partitions(for: 100_000_000) == PeopleNumbering.maximumPartitions)
        check(team, pieces: 8)
        // The FTE are added in team order whatever the cut, so they are equal to the last bit.
        #expect(GapAnalyser.analyse(team).roles.map(\.fte) == whole.roles.map(\.fte))
        #expect(whole.roles.contains { $0.people > 0 && $0.people < $0.holdings.count - $0.vacancies })
    }

    @Test func rolesWithIdsBeyondASCIIAreFoundThroughTheCatalogue() {
        let catalogue = CatalogueCustomization(mode: .replace, categories: [
            RoleCategory(id: "c", name: "C", roles: [
                Role(id: "café", name: "Café"), Role(id: "cafe\u{301}-2", name: "Café 2"), Role(id: "plain", name: "Plain"),
                Role(id: "plain", name: "Plain again"), Role(id: "\u{212A}", name: "Kelvin"),
            ]),
        ])
        let functions = [
            TeamFunction(title: "A", holder: "A", workload: .fte(1), roles: [
                RoleAssignment(roleId: "café"), RoleAssignment(roleId: "cafe\u{301}"), RoleAssignment(roleId: "plain"),
            ]),
            TeamFunction(title: "B", holder: "B", workload: .fte(1), roles: [
                RoleAssignment(roleId: "caf\u{E9}-2"), RoleAssignment(roleId: "K"), RoleAssignment(roleId: "\u{212A}"),
            ]),
        ]
        let team = Team(name: "T", functions: functions, customCatalogue: catalogue)
        check(team)
        let analysis = GapAnalyser.analyse(team)
        #expect(analysis.functions[0].warnings == [.duplicateRole(roleId: "cafe\u{301}")])
        #expect(analysis.functions[1].warnings == [.duplicateRole(roleId: "\u{212A}")])
        #expect(analysis.role(id: "café")?.people == 1)
    }

    @Test func holdingsReadTheFunctionResults() {
        let functions = [
            TeamFunction(title: "A", holder: "Ann", workload: .fte(0.5), roles: [RoleAssignment(roleId: "strateeg", sharePercent: 40), RoleAssignment(roleId: "verbinder")]),
            TeamFunction(title: "B", isVacancy: true, workload: .fte(1), roles: [RoleAssignment(roleId: "verbinder")]),
        ]
        let analysis = GapAnalyser.analyse(Team(name: "T", functions: functions))
        let holdings = Array(analysis.role(id: "verbinder")!.holdings)
        #expect(holdings == [
            RoleHolding(functionIndex: 0, functionTitle: "A", holder: "Ann", isVacancy: false, sharePercent: 60, fte: 0.3),
            RoleHolding(functionIndex: 1, functionTitle: "B", holder: nil, isVacancy: true, sharePercent: 100, fte: 1),
        ])
        #expect(analysis.role(id: "strateeg")!.holdings.count == 1)
        #expect(analysis.role(id: "visievormer")!.holdings.isEmpty)
        // Equal holdings are equal (and hash alike) whatever results they are read from.
        let again = GapAnalyser.analyse(Team(name: "T", functions: functions + [TeamFunction(title: "C", roles: [])]))
        #expect(again.role(id: "verbinder")!.holdings == analysis.role(id: "verbinder")!.holdings)
        #expect(again.role(id: "verbinder")!.holdings.hashValue == analysis.role(id: "verbinder")!.holdings.hashValue)
        #expect(again.role(id: "strateeg")!.holdings != analysis.role(id: "verbinder")!.holdings)
    }

    @Test func theByteTableNumbersKeysInOrderThroughGrowth() {
        var table = ByteStringTable(capacity: 1)
        let keys = (0..<5000).map { Array("key \($0 % 2500)".utf8) } + [[], Array("é".utf8)]
        var numbers: [Int] = []
        for key in keys { numbers.append(key.withUnsafeBufferPointer { table.number(of: $0) }) }
        #expect(numbers == Array(0..<2500) + Array(0..<2500) + [2500, 2501])
        #expect(table.count == 2502)
        #expect(Array("key 17".utf8).withUnsafeBufferPointer { table.find($0) } == 17)
        #expect(Array("key 2500".utf8).withUnsafeBufferPointer { table.find($0) } == nil)
        #expect([UInt8]().withUnsafeBufferPointer { table.find($0) } == 2500)
    }

    @Test func asciiEquivalentsAreTheStringsSwiftCallsEqual() {
        #expect(PeopleNumbering.asciiEquivalent(of: "jose") == Array("jose".utf8))
        #expect(PeopleNumbering.asciiEquivalent(of: "\u{212A}im") == Array("Kim".utf8))
        #expect(PeopleNumbering.asciiEquivalent(of: "jos\u{E9}") == nil)
        #expect(PeopleNumbering.asciiEquivalent(of: "") == [])
    }
}

/// A small deterministic generator, so a failure repeats.
struct Lcg {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
