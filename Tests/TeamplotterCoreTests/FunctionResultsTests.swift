import Testing

@testable import TeamplotterCore

/// The analysis keeps function results as flat arrays and puts a `FunctionResult` together on
/// access; the reports read the parts. These tests pin both to the plain rules of PRODUCT.md §4.
@Suite struct FunctionResultsTests {
    /// One function's result, spelled out.
    private func expected(_ function: TeamFunction, index: Int, catalogue: Catalogue, weekHours: Double) -> FunctionResult {
        var warnings: [FunctionWarning] = []
        if function.isVacancy { warnings.append(.vacancy) }
        if function.workload == nil { warnings.append(.hoursUnknown) }
        let fte = function.workload?.fte(standardWeekHours: weekHours) ?? 0
        var seen: [Int] = []
        var kept: [RoleAssignment] = []
        for assignment in function.roles {
            guard let ordinal = catalogue.ordinal(ofRole: assignment.roleId) else {
                warnings.append(.unknownRole(roleId: assignment.roleId))
                continue
            }
            if seen.contains(ordinal) {
                warnings.append(.duplicateRole(roleId: assignment.roleId))
            } else {
                seen.append(ordinal)
                kept.append(assignment)
            }
        }
        if kept.isEmpty { warnings.append(.noRoles) }
        let explicit = kept.compactMap(\.sharePercent).reduce(0, +)
        let unshared = kept.count { $0.sharePercent == nil }
        let rest = unshared == 0 ? 0 : max(0, 100 - explicit) / Double(unshared)
        if explicit > 100 + GapAnalyser.tolerance { warnings.append(.overloaded(sharePercent: explicit)) }
        var shares: [FunctionRoleShare] = []
        for assignment in kept {
            if unshared > 0, explicit >= 100 - GapAnalyser.tolerance, assignment.sharePercent == nil {
                warnings.append(.roleWithoutTime(roleId: assignment.roleId))
            }
            let percent = assignment.sharePercent ?? rest
            shares.append(FunctionRoleShare(
                roleId: assignment.roleId, sharePercent: percent, isExplicit: assignment.sharePercent != nil,
                fte: fte * percent / 100))
        }
        return FunctionResult(index: index, function: function, fte: fte, roles: shares, shareTotal: explicit, warnings: warnings)
    }

    private func check(_ team: Team, pieces: Int = 1) {
        let analysis = GapAnalyser.analyse(team, pieces: pieces)
        let results = analysis.functions
        #expect(results.count == team.functions.count)
        for (index, function) in team.functions.enumerated() {
            let want = expected(function, index: index, catalogue: team.catalogue, weekHours: team.standardWeekHours)
            #expect(results[index] == want, "function \(index)")
            // The parts the reports read agree with the whole.
            #expect(results.fte(index) == want.fte)
            #expect(Array(results.warnings(index)) == want.warnings)
            let range = results.shareRange(index)
            #expect(range.count == want.roles.count)
            for (share, wanted) in zip(range, want.roles) {
                #expect(results.roleId(index, share) == wanted.roleId)
                #expect(results.sharePercent(index, share) == wanted.sharePercent)
                #expect(results.share(index, share) == wanted)
            }
        }
    }

    @Test func resultsFollowThePlainRules() {
        let ids = Catalogue.builtIn.roles.map(\.id)
        var random = Lcg(seed: 11)
        let functions = (0..<500).map { index in
            TeamFunction(
                title: "F\(index)",
                holder: random.next(10) == 0 ? nil : "Holder \(random.next(50))",
                isVacancy: random.next(8) == 0,
                workload: random.next(6) == 0 ? nil : (random.next(2) == 0 ? .hoursPerWeek(Double(random.next(40))) : .fte(0.5)),
                roles: (0..<random.next(6)).map { _ in
                    let id = random.next(10) == 0 ? "onbekend-\(random.next(3))" : ids[random.next(8)]
                    return RoleAssignment(roleId: id, sharePercent: random.next(3) == 0 ? Double(random.next(90)) : nil)
                })
        }
        // In one piece, and cut into pieces whose results are joined (one per function too).
        for pieces in [1, 2, 7, 500] { check(Team(name: "T", functions: functions), pieces: pieces) }
        check(Team(name: "T", standardWeekHours: 0, functions: Array(functions.prefix(40))))
    }

    @Test func emptyTeamsAndFunctionsWithoutRoles() {
        check(Team(name: "Leeg"))
        #expect(GapAnalyser.analyse(Team(name: "Leeg")).functions.isEmpty)
        check(Team(name: "T", functions: [
            TeamFunction(title: "Niets"), TeamFunction(title: "Onbekend", roles: [RoleAssignment(roleId: "ëëë")]),
            TeamFunction(title: "Vol", holder: "Ann", workload: .fte(1), roles: [
                RoleAssignment(roleId: "strateeg", sharePercent: 100), RoleAssignment(roleId: "verbinder"),
                RoleAssignment(roleId: "strateeg"), RoleAssignment(roleId: "website-analist", sharePercent: 30),
            ]),
        ]))
    }

    @Test func resultsAreEqualWhateverTheyAreStoredBeside() {
        let function = TeamFunction(title: "A", holder: "Ann", workload: .fte(1), roles: [RoleAssignment(roleId: "strateeg")])
        let one = GapAnalyser.analyse(Team(name: "T", functions: [function])).functions
        let same = GapAnalyser.analyse(Team(name: "Other", functions: [function])).functions
        let more = GapAnalyser.analyse(Team(name: "T", functions: [function, function])).functions
        #expect(one == same)
        #expect(one.hashValue == same.hashValue)
        #expect(one != more)
        #expect(Array(more.dropFirst()) == [FunctionResult(
            index: 1, function: function, fte: 1,
            roles: [FunctionRoleShare(roleId: "strateeg", sharePercent: 100, isExplicit: false, fte: 1)],
            shareTotal: 0, warnings: [])])
    }

    /// Pieces of any size, empty ones too, join to what one piece gives: each piece's shares and
    /// warnings are renumbered among all of them, and what each piece returns comes back in order.
    @Test func piecesOfAnySizeJoinAsOne() {
        let ids = Catalogue.builtIn.roles.map(\.id)
        let functions = (0..<60).map { index in
            TeamFunction(title: "F\(index)", roles: (0..<index % 4).map { RoleAssignment(roleId: ids[$0 + index % 5]) })
        }
        /// Writes made-up results, each function's told by its index, so that any misplaced one shows.
        func write(_ ranges: [Range<Int>]) -> (results: FunctionResults, outputs: [Int]) {
            FunctionResults.inPieces(functions, catalogue: .builtIn, ranges: ranges) { piece, writer in
                for index in ranges[piece] {
                    let held = index % 4
                    let positions = Array(0..<held)
                    let ordinals = positions.map { $0 + index % 5 }
                    let warnings: [FunctionWarning] = index % 3 == 0 ? [.vacancy, .overloaded(sharePercent: Double(index))] : []
                    positions.withUnsafeBufferPointer { positions in
                        ordinals.withUnsafeBufferPointer { ordinals in
                            warnings.withUnsafeBufferPointer { warnings in
                                writer.append(
                                    fte: Double(index), rest: Double(index) / 2, shareTotal: 0, positions: positions,
                                    ordinals: ordinals, warnings: warnings)
                            }
                        }
                    }
                }
                return piece
            }
        }
        let whole = write([0..<60])
        #expect(whole.outputs == [0])
        #expect(whole.results.count == 60)
        #expect(whole.results[7].fte == 7)
        #expect(whole.results[9].warnings == [.vacancy, .overloaded(sharePercent: 9)])
        #expect(whole.results[7].roles.map(\.roleId) == [ids[2], ids[3], ids[4]])
        for cut in [[0, 1, 60], [0, 0, 60], [0, 1, 2, 30, 30, 59, 60], [0, 60, 60], Array(0...60)] {
            let ranges = zip(cut, cut.dropFirst()).map { $0..<$1 }
            let pieces = write(ranges)
            #expect(pieces.outputs == Array(ranges.indices), "\(cut)")
            #expect(pieces.results == whole.results, "\(cut)")
            for index in 0..<60 {
                #expect(pieces.results.shareRange(index) == whole.results.shareRange(index), "\(cut) \(index)")
                #expect(pieces.results.warningRange(index) == whole.results.warningRange(index), "\(cut) \(index)")
                for share in pieces.results.shareRange(index) {
                    #expect(pieces.results.roleOrdinal(share) == whole.results.roleOrdinal(share))
                }
            }
        }
    }
}
