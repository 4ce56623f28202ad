/// Every function's result, in team order. Kept as flat arrays beside the team's own functions
/// rather than as one `FunctionResult` per function: a result used to copy its function and own
/// a heap array of shares, some 260 bytes and a malloc per function, and at 100,000 functions
/// that working set no longer fit the caches. A `FunctionResult` is put together on access.
public struct FunctionResults: RandomAccessCollection, Sendable, Hashable {
    /// What a function adds to the team's own record of it.
    struct Record: Sendable, Hashable {
        var fte: Double
        /// The percent each role without an explicit share gets.
        var rest: Double
        /// Sum of the explicit shares, in percent.
        var shareTotal: Double
        /// The function's shares are `positions[firstShare..<next record's firstShare]`.
        var firstShare: Int32
        /// Likewise into `warningList`.
        var firstWarning: Int32
    }

    package let teamFunctions: [TeamFunction]
    private var records: [Record] = []
    /// For each share, the position of its role among the function's role assignments.
    private var positions: [UInt32] = []
    private var warningList: [FunctionWarning] = []

    init(_ teamFunctions: [TeamFunction]) {
        self.teamFunctions = teamFunctions
        records.reserveCapacity(teamFunctions.count)
    }

    /// Results of a piece of a team, to be appended to the whole team's.
    init(capacity: Int) {
        teamFunctions = []
        records.reserveCapacity(capacity)
    }

    /// The results of consecutive pieces of `teamFunctions`, computed on their own, joined.
    init(_ teamFunctions: [TeamFunction], joining pieces: [FunctionResults]) {
        self.teamFunctions = teamFunctions
        guard pieces.count > 1 else {
            // One piece: its arrays are taken over as they are.
            if let piece = pieces.first { (records, positions, warningList) = (piece.records, piece.positions, piece.warningList) }
            return
        }
        records.reserveCapacity(pieces.reduce(0) { $0 + $1.records.count })
        positions.reserveCapacity(pieces.reduce(0) { $0 + $1.positions.count })
        warningList.reserveCapacity(pieces.reduce(0) { $0 + $1.warningList.count })
        for piece in pieces {
            let shareOffset = Int32(positions.count)
            let warningOffset = Int32(warningList.count)
            for record in piece.records {
                var shifted = record
                shifted.firstShare += shareOffset
                shifted.firstWarning += warningOffset
                records.append(shifted)
            }
            positions.append(contentsOf: piece.positions)
            warningList.append(contentsOf: piece.warningList)
        }
    }

    /// Adds the next function's result; `positions` are the held roles' positions in its roles.
    mutating func append(
        fte: Double, rest: Double, shareTotal: Double, positions kept: UnsafeBufferPointer<Int>,
        warnings: UnsafeBufferPointer<FunctionWarning>
    ) {
        records.append(Record(
            fte: fte, rest: rest, shareTotal: shareTotal, firstShare: Int32(positions.count),
            firstWarning: Int32(warningList.count)))
        for position in kept { positions.append(UInt32(position)) }
        warningList.append(contentsOf: warnings)
    }

    /// Shares of all the functions so far.
    var shareCount: Int { positions.count }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(index: Int) -> FunctionResult {
        let shares = shareRange(index).map { share(index, $0) }
        return FunctionResult(
            index: index, function: teamFunctions[index], fte: records[index].fte, roles: shares,
            shareTotal: records[index].shareTotal, warnings: Array(warnings(index)))
    }

    // Parts of one result without putting all of it together, for the reports and role holdings.

    package func fte(_ index: Int) -> Double { records[index].fte }

    /// The function's shares, as indices for `share(_:_:)` and `roleId(_:_:)`.
    package func shareRange(_ index: Int) -> Range<Int> {
        let end = index + 1 < records.count ? Int(records[index + 1].firstShare) : positions.count
        return Int(records[index].firstShare)..<end
    }

    package func roleId(_ index: Int, _ share: Int) -> String {
        teamFunctions[index].roles[Int(positions[share])].roleId
    }

    package func sharePercent(_ index: Int, _ share: Int) -> Double {
        teamFunctions[index].roles[Int(positions[share])].sharePercent ?? records[index].rest
    }

    package func share(_ index: Int, _ share: Int) -> FunctionRoleShare {
        let assignment = teamFunctions[index].roles[Int(positions[share])]
        let percent = assignment.sharePercent ?? records[index].rest
        return FunctionRoleShare(
            roleId: assignment.roleId, sharePercent: percent, isExplicit: assignment.sharePercent != nil,
            fte: Self.fte(records[index].fte, percent))
    }

    package func warnings(_ index: Int) -> ArraySlice<FunctionWarning> {
        let end = index + 1 < records.count ? Int(records[index + 1].firstWarning) : warningList.count
        return warningList[Int(records[index].firstWarning)..<end]
    }

    /// A share's FTE; one formula for the analysis's sums and for the results read back.
    static func fte(_ functionFte: Double, _ percent: Double) -> Double {
        functionFte * percent / 100
    }

    /// Equal when the results are, however they are stored.
    public static func == (lhs: FunctionResults, rhs: FunctionResults) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for result in self { hasher.combine(result) }
    }
}
