/// Applies the rules of PRODUCT.md §4–5 to a team.
public enum GapAnalyser {
    /// FTE are compared with this slack, so that 0.1 + 0.2 counts as 0.3.
    public static let tolerance = 1e-6

    /// Teams from this many functions are analysed in pieces on all cores.
    static let piecesFrom = 16_384

    public static func analyse(_ team: Team) -> GapAnalysis {
        analyse(team, pieces: team.functions.count >= piecesFrom ? 8 : 1)
    }

    /// The analysis with the functions cut into `pieces` consecutive runs, each read on whichever
    /// core is free and then joined in order: the pass over the functions is most of the work,
    /// and it chases every function's role list and holder name through memory. The result is
    /// the same for any number of pieces (tests compare), down to the order FTE are added in.
    static func analyse(_ team: Team, pieces: Int, namePartitions: Int? = nil) -> GapAnalysis {
        // No empty pieces, and one for an empty team.
        let pieceCount = max(1, min(pieces, team.functions.count))
        let catalogue = team.catalogue
        // One pass over the functions gathers every role's holdings, so the analysis grows
        // linearly with the team rather than with functions × roles. Role ids and holder names
        // are numbered through byte tables, and a holding is a pair of indices into the
        // function results rather than a copy of the function's texts.
        let roleOrdinals = RoleOrdinals(catalogue)
        let count = team.functions.count
        let partitions = namePartitions ?? PeopleNumbering.partitions(for: count)
        // Each piece writes the people of its own functions only.
        var personOfFunction = [Int32](repeating: PeopleNumbering.nobody, count: count)
        let ranges = (0..<pieceCount).map { piece in (count * piece / pieceCount)..<(count * (piece + 1) / pieceCount) }
        let (functions, pieces) = personOfFunction.withUnsafeMutableBufferPointer { personOfFunction in
            team.functions.withUnsafeBufferPointer { teamFunctions in
                FunctionResults.inPieces(team.functions, catalogue: catalogue, ranges: ranges) { piece, results in
                    Piece(
                        teamFunctions, ranges[piece], standardWeekHours: team.standardWeekHours, roleOrdinals: roleOrdinals,
                        catalogue: catalogue, partitions: partitions, personOfFunction: personOfFunction, results: &results)
                }
            }
        }
        personOfFunction.withUnsafeMutableBufferPointer {
            PeopleNumbering.number(pieces.map(\.names), partitions: partitions, into: $0)
        }
        // Where each piece's shares start among all of them.
        let firstShares = pieces.reduce(into: [UInt32(0)]) { $0.append($0.last! + UInt32($1.shareCount)) }
        // One piece (every small team, such as each page view of the web app) is taken over as
        // it is, on this thread.
        let tallies = pieces.count == 1
            ? pieces[0].tallies.map { RoleTotal(joining: [$0], sharesAfter: firstShares) }
            : Parts.map(catalogue.roles.count) { ordinal in
                RoleTotal(joining: pieces.map { $0.tallies[ordinal] }, sharesAfter: firstShares)
            }
        let peopleOfRole = PeopleNumbering.distinctPeople(in: tallies.map(\.holdings), personOfFunction: personOfFunction)
        let needs = Dictionary(team.needs.roles.map { ($0.roleId, $0) }, uniquingKeysWith: { first, _ in first })

        var roles: [RoleResult] = []
        var categories: [CategoryResult] = []
        for category in catalogue.categories {
            var categoryResult = CategoryResult(category: category, needed: 0, present: 0, single: 0)
            for role in category.roles {
                let ordinal = catalogue.ordinal(ofRole: role.id)
                let result = roleResult(
                    role, categoryId: category.id, need: needs[role.id],
                    priority: team.needs.statesRoleNeeds ? (needs[role.id]?.priority ?? .notNeeded) : .should,
                    tally: ordinal.map { tallies[$0] } ?? RoleTotal(joining: [], sharesAfter: []), people: ordinal.map { peopleOfRole[$0] } ?? 0,
                    functions: functions)
                if result.isNeeded {
                    categoryResult.needed += 1
                    if result.people > 0 { categoryResult.present += 1 }
                    if result.status == .single { categoryResult.single += 1 }
                }
                roles.append(result)
            }
            categories.append(categoryResult)
        }

        // Copies of the current functions only when a needed task or competency asks for them.
        let needsPeople = !team.needs.tasks.isEmpty || !team.needs.competencies.isEmpty
        let current = needsPeople ? team.functions.enumerated().filter { !$0.element.isVacancy } : []
        return GapAnalysis(
            teamName: team.name,
            standardWeekHours: team.standardWeekHours,
            roles: roles,
            categories: categories,
            functions: functions,
            missingTasks: missingTasks(team.needs.tasks, in: current.map(\.element)),
            missingCompetencies: [],
            singleCompetencies: [],
            urgentGaps: urgentGaps(roles),
            assumedNeeds: !team.needs.statesRoleNeeds
        ).withCompetencies(team.needs.competencies, people: current)
    }

    /// Appends the function's FTE, shares and warnings to `results`, and returns how many roles it
    /// holds. `ordinals` and `percents` come in with each role assignment's catalogue ordinal
    /// (-1 when the ids table did not know it) and share; the held roles' ordinals go out in
    /// `ordinals`, their positions among the function's roles in `kept`, their FTE in `shareFte`.
    /// The function itself is read only for a role id that a warning names or the catalogue
    /// must look up.
    fileprivate static func functionResult(
        _ function: UnsafePointer<TeamFunction>, standardWeekHours: Double, catalogue: Catalogue,
        ordinals: UnsafeMutableBufferPointer<Int>, percents: UnsafeBufferPointer<Double?>,
        kept: UnsafeMutableBufferPointer<Int>, shareFte: UnsafeMutableBufferPointer<Double>,
        warnings: inout [FunctionWarning], into results: inout FunctionResults.PieceWriter
    ) -> Int {
        if !warnings.isEmpty { warnings.removeAll(keepingCapacity: true) }
        if function.pointee.isVacancy { warnings.append(.vacancy) }
        if function.pointee.workload == nil { warnings.append(.hoursUnknown) }
        let fte = function.pointee.workload?.fte(standardWeekHours: standardWeekHours) ?? 0

        // A role named twice counts once; the first mention wins. A function holds a handful of
        // roles, so a linear look is cheaper than a set. The held roles' ordinals are written over
        // the ones read, never ahead of them.
        var held = 0
        var explicitTotal = 0.0
        var unshared = 0
        for position in percents.indices {
            let known = ordinals[position]
            guard let ordinal = known >= 0 ? known : catalogue.ordinal(ofRole: function.pointee.roles[position].roleId) else {
                warnings.append(.unknownRole(roleId: function.pointee.roles[position].roleId))
                continue
            }
            if !ordinals[..<held].contains(ordinal) {
                ordinals[held] = ordinal
                kept[held] = position
                held += 1
                if let percent = percents[position] { explicitTotal += percent } else { unshared += 1 }
            } else {
                warnings.append(.duplicateRole(roleId: function.pointee.roles[position].roleId))
            }
        }
        if held == 0 { warnings.append(.noRoles) }

        let rest = unshared == 0 ? 0 : Swift.max(0, 100 - explicitTotal) / Double(unshared)
        if explicitTotal > 100 + tolerance { warnings.append(.overloaded(sharePercent: explicitTotal)) }
        let warnsWithoutTime = unshared > 0 && explicitTotal >= 100 - tolerance

        for share in 0..<held {
            let percent = percents[kept[share]]
            if warnsWithoutTime, percent == nil {
                warnings.append(.roleWithoutTime(roleId: function.pointee.roles[kept[share]].roleId))
            }
            shareFte[share] = FunctionResults.fte(fte, percent ?? rest)
        }
        warnings.withUnsafeBufferPointer { warnings in
            results.append(
                fte: fte, rest: rest, shareTotal: explicitTotal,
                positions: UnsafeBufferPointer(rebasing: kept[..<held]),
                ordinals: UnsafeBufferPointer(rebasing: ordinals[..<held]), warnings: warnings)
        }
        return held
    }

    private static func roleResult(
        _ role: Role, categoryId: String, need: RoleNeed?, priority: Priority, tally: RoleTotal, people: Int,
        functions: FunctionResults
    ) -> RoleResult {
        var result = RoleResult(
            role: role, categoryId: categoryId, priority: priority, status: .notNeeded,
            people: people, fte: tally.fte, desiredFte: need?.desiredFte,
            minPeople: need?.minPeople, note: need?.note, needStated: need != nil, vacancies: tally.vacancies,
            holdings: RoleHoldings(functions: functions, references: tally.holdings))
        result.status = status(of: result)
        return result
    }

    /// The first rule that matches wins (PRODUCT.md §5).
    static func status(of role: RoleResult) -> RoleStatus {
        guard role.isNeeded else { return role.people > 0 ? .extra : .notNeeded }
        if role.people == 0 { return .missing }
        if role.lacksPeople || role.lacksFte { return .understaffed }
        if role.people == 1 { return .single }
        return .covered
    }

    /// Functions with the same holder name are one person; unnamed functions one each.
    static func personKey(_ function: TeamFunction, index: Int) -> String {
        if let holder = function.holder.map(TextKey.folded), !holder.isEmpty {
            return "name:" + holder
        }
        return "function:\(index)"
    }

    private static func urgentGaps(_ roles: [RoleResult]) -> [RoleResult] {
        func rank(_ role: RoleResult) -> Int? {
            switch role.status {
            case .missing: role.priority == .must ? 0 : 2
            case .understaffed: 1
            case .single: 3
            default: nil
            }
        }
        return roles.enumerated()
            .compactMap { offset, role in rank(role).map { (rank: $0, priority: role.priority, offset: offset, role: role) } }
            .sorted { ($0.rank, $0.priority, $0.offset) < ($1.rank, $1.priority, $1.offset) }
            .map(\.role)
    }

    /// A needed task is performed when some current function's task contains it (case and
    /// diacritics ignored), so "Webcare" is covered by "Webcare via WhatsApp en chat".
    private static func missingTasks(_ needed: [String], in functions: [TeamFunction]) -> [String] {
        guard !needed.isEmpty else { return [] }
        let performed = functions.flatMap(\.tasks).map(TextKey.folded)
        return needed.filter { task in
            let key = TextKey.folded(task)
            return !key.isEmpty && !performed.contains { $0.contains(key) }
        }
    }
}

/// What the functions of one piece of the team that hold one role add up to.
private struct RoleTally {
    var holdings: [RoleHoldings.Reference] = []
    /// The FTE of the current functions' shares, in team order: summed once every piece is read,
    /// so that the pieces add them up in the same order as one pass would.
    var shareFtes: [Double] = []
    var vacancies = 0

    mutating func add(function: Int, share: Int, fte: Double, isVacancy: Bool) {
        holdings.append(RoleHoldings.Reference(function: UInt32(function), share: UInt32(share)))
        if isVacancy {
            vacancies += 1
        } else {
            shareFtes.append(fte)
        }
    }
}

/// One role over the whole team: its pieces' tallies joined.
private struct RoleTotal {
    var holdings: [RoleHoldings.Reference]
    var vacancies: Int
    /// The pieces' share FTE added one list after the other, from 0: the additions of one pass,
    /// in its order, so the same sum to the last bit (the lists are not joined first).
    var fte: Double

    /// The tallies of consecutive pieces, each piece's shares numbered from 0 within it and
    /// starting at `firstShares[piece]` among all of them.
    init(joining pieces: [RoleTally], sharesAfter firstShares: [UInt32]) {
        vacancies = pieces.reduce(0) { $0 + $1.vacancies }
        fte = pieces.reduce(0) { sum, tally in tally.shareFtes.reduce(sum, +) }
        let count = pieces.reduce(0) { $0 + $1.holdings.count }
        if pieces.count == 1 && firstShares.first == 0 {
            holdings = pieces[0].holdings
            return
        }
        // Nothing to write: an empty list made by the initialiser below is written into the
        // one empty array all share, and pieces of other roles do the same at the same time.
        guard count > 0 else {
            holdings = []
            return
        }
        // Written in place, each piece's run after the last: appended one by one, every
        // reference checked the list's capacity and uniqueness.
        holdings = [RoleHoldings.Reference](unsafeUninitializedCapacity: count) { joined, initialized in
            for (piece, tally) in pieces.enumerated() {
                let shift = firstShares[piece]
                tally.holdings.withUnsafeBufferPointer { references in
                    for reference in references {
                        (joined.baseAddress! + initialized).initialize(
                            to: RoleHoldings.Reference(function: reference.function, share: reference.share + shift))
                        initialized += 1
                    }
                }
            }
        }
    }
}

extension GapAnalyser {
    /// The pass over one run of consecutive functions: their results (through `results`), the
    /// roles' holdings among them (shares numbered within the piece) and their people (numbered
    /// within the piece).
    fileprivate struct Piece {
        var tallies: [RoleTally]
        var names: PeopleNumbering.Names
        /// How many shares the piece's functions hold.
        var shareCount: Int

        /// Reads `teamFunctions[range]`, writes their results to `results` and their people (to be
        /// numbered) into `personOfFunction[range]`.
        init(
            _ teamFunctions: UnsafeBufferPointer<TeamFunction>, _ range: Range<Int>, standardWeekHours: Double,
            roleOrdinals: RoleOrdinals, catalogue: Catalogue, partitions: Int,
            personOfFunction: UnsafeMutableBufferPointer<Int32>, results: inout FunctionResults.PieceWriter
        ) {
            var tallies = [RoleTally](repeating: RoleTally(), count: catalogue.roles.count)
            var names = PeopleNumbering.Names(partitions: partitions, capacity: range.count)
            // Reused for each function's warnings, which go on into one flat list.
            var warnings: [FunctionWarning] = []
            // Where each holder's name is folded; a longer name takes a slower path.
            let foldedName = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
            defer { foldedName.deallocate() }
            // Each function is read where the team keeps it, through a pointer: a copy of the
            // function, or of one of its texts or lists, retains it, and at a million functions
            // those retains and releases were a quarter of the time.
            // Through a pointer too: a role's tally reached through the list checked the list's
            // uniqueness for every share.
            if let first = teamFunctions.baseAddress {
                tallies.withUnsafeMutableBufferPointer { tallies in
                    for index in range {
                        let function = first + index
                        let roleCount = function.pointee.roles.count
                        // Room for the ordinals, positions, shares and FTE of the function's roles, on the stack.
                        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * roleCount) { scratch in
                            withUnsafeTemporaryAllocation(of: Double?.self, capacity: roleCount) { percents in
                                withUnsafeTemporaryAllocation(of: Double.self, capacity: roleCount) { shareFte in
                                    let ordinals = UnsafeMutableBufferPointer(rebasing: scratch[..<roleCount])
                                    let kept = UnsafeMutableBufferPointer(rebasing: scratch[roleCount...])
                                    // The roles are read in a loop that calls nothing the compiler cannot
                                    // see into, which is what lets it read them without retaining them.
                                    for position in 0..<roleCount {
                                        ordinals[position] = roleOrdinals.knownOrdinal(of: function.pointee.roles[position].roleId) ?? -1
                                        percents[position] = function.pointee.roles[position].sharePercent
                                    }
                                    let firstShare = results.shareCount
                                    let held = GapAnalyser.functionResult(
                                        function, standardWeekHours: standardWeekHours, catalogue: catalogue,
                                        ordinals: ordinals, percents: UnsafeBufferPointer(percents), kept: kept,
                                        shareFte: shareFte, warnings: &warnings, into: &results)
                                    let isVacancy = function.pointee.isVacancy
                                    // Only current holders count as people; a vacancy's name is never looked up.
                                    if !isVacancy && held > 0 {
                                        personOfFunction[index] = names.add(function.pointee.holder, function: index, scratch: foldedName)
                                    }
                                    for share in 0..<held {
                                        // Unchecked through the pointer: the ordinals are the catalogue's.
                                        precondition(ordinals[share] < tallies.count)
                                        tallies[ordinals[share]].add(
                                            function: index, share: firstShare + share, fte: shareFte[share], isVacancy: isVacancy)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (self.tallies, self.names, shareCount) = (tallies, names, results.shareCount)
        }
    }
}

extension GapAnalysis {
    /// Fills in who has each needed competency (at the needed level, where one is given).
    fileprivate func withCompetencies(
        _ needed: [Competency], people: [(offset: Int, element: TeamFunction)]
    ) -> GapAnalysis {
        var copy = self
        guard !needed.isEmpty else { return copy }
        let held = people.map { ($0.offset, $0.element, $0.element.competencies.map { (TextKey.folded($0.name), $0.level) }) }
        for competency in needed {
            let key = TextKey.folded(competency.name)
            var holders: [String: String] = [:]
            for (index, function, competencies) in held {
                let has = competencies.contains { name, level in
                    // A competency written without a level counts: nothing says it falls short.
                    name == key && (competency.level.map { needed in (level ?? needed) >= needed } ?? true)
                }
                guard has else { continue }
                holders[GapAnalyser.personKey(function, index: index)] = function.holder ?? function.title
            }
            if holders.isEmpty {
                copy.missingCompetencies.append(competency)
            } else if holders.count == 1 {
                copy.singleCompetencies.append(
                    CompetencyResult(competency: competency, holders: Array(holders.values)))
            }
        }
        return copy
    }
}
