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
        /// The function's shares are `shares[firstShare..<next record's firstShare]`.
        var firstShare: Int32
        /// Likewise into `warningList`.
        var firstWarning: Int32
    }

    package let teamFunctions: [TeamFunction]
    /// The catalogue the shares' ordinals are of: a report names the roles from it, whatever
    /// catalogue the report itself was given.
    package let catalogue: Catalogue
    private var records: [Record] = []
    /// A role a function holds.
    struct Share: Sendable, Hashable {
        /// Its position among the function's role assignments.
        var position: UInt32
        /// Its catalogue ordinal: the reports name it without looking its id up again (and
        /// without retaining the id, a text every function holding the role shares).
        var ordinal: UInt32
    }

    private var shares: [Share] = []
    private var warningList: [FunctionWarning] = []

    /// Results of a piece of a team, to be appended to the whole team's.
    init(capacity: Int) {
        teamFunctions = []
        catalogue = .builtIn
        records.reserveCapacity(capacity)
    }

    /// The results of consecutive pieces of `teamFunctions`, computed on their own against
    /// `catalogue`, joined.
    init(_ teamFunctions: [TeamFunction], catalogue: Catalogue, joining pieces: [FunctionResults]) {
        self.teamFunctions = teamFunctions
        self.catalogue = catalogue
        guard pieces.count > 1 else {
            // One piece: its arrays are taken over as they are.
            if let piece = pieces.first { (records, shares, warningList) = (piece.records, piece.shares, piece.warningList) }
            return
        }
        records.reserveCapacity(pieces.reduce(0) { $0 + $1.records.count })
        shares.reserveCapacity(pieces.reduce(0) { $0 + $1.shares.count })
        warningList.reserveCapacity(pieces.reduce(0) { $0 + $1.warningList.count })
        for piece in pieces {
            let shareOffset = Int32(shares.count)
            let warningOffset = Int32(warningList.count)
            for record in piece.records {
                var shifted = record
                shifted.firstShare += shareOffset
                shifted.firstWarning += warningOffset
                records.append(shifted)
            }
            shares.append(contentsOf: piece.shares)
            warningList.append(contentsOf: piece.warningList)
        }
    }

    /// Adds the next function's result; `positions` are the held roles' positions in its roles,
    /// `ordinals` their catalogue ordinals.
    mutating func append(
        fte: Double, rest: Double, shareTotal: Double, positions kept: UnsafeBufferPointer<Int>,
        ordinals: UnsafeBufferPointer<Int>, warnings: UnsafeBufferPointer<FunctionWarning>
    ) {
        records.append(Record(
            fte: fte, rest: rest, shareTotal: shareTotal, firstShare: Int32(shares.count),
            firstWarning: Int32(warningList.count)))
        for (position, ordinal) in zip(kept, ordinals) { shares.append(Share(position: UInt32(position), ordinal: UInt32(ordinal))) }
        warningList.append(contentsOf: warnings)
    }

    /// Shares of all the functions so far.
    var shareCount: Int { shares.count }

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
        let end = index + 1 < records.count ? Int(records[index + 1].firstShare) : shares.count
        return Int(records[index].firstShare)..<end
    }

    package func roleId(_ index: Int, _ share: Int) -> String {
        teamFunctions[index].roles[Int(shares[share].position)].roleId
    }

    /// The catalogue ordinal of the share's role.
    package func roleOrdinal(_ share: Int) -> Int {
        Int(shares[share].ordinal)
    }

    package func sharePercent(_ index: Int, _ share: Int) -> Double {
        let position = Int(shares[share].position)
        // Through a pointer, calling nothing out of line, so that the function's roles are read
        // without being retained: the reports and the JSON ask this for every holding.
        let explicit = teamFunctions.withUnsafeBufferPointer { functions in
            functions.baseAddress.map { ($0 + index).pointee.roles[position].sharePercent } ?? nil
        }
        return explicit ?? records[index].rest
    }

    package func share(_ index: Int, _ share: Int) -> FunctionRoleShare {
        let assignment = teamFunctions[index].roles[Int(shares[share].position)]
        let percent = assignment.sharePercent ?? records[index].rest
        return FunctionRoleShare(
            roleId: assignment.roleId, sharePercent: percent, isExplicit: assignment.sharePercent != nil,
            fte: Self.fte(records[index].fte, percent))
    }

    package func warnings(_ index: Int) -> ArraySlice<FunctionWarning> {
        warningList[warningRange(index)]
    }

    /// Where the function's warnings are, for `warning(at:)`: the reports read them one by one
    /// rather than as a slice, which retains the list that every function's warnings share.
    package func warningRange(_ index: Int) -> Range<Int> {
        let end = index + 1 < records.count ? Int(records[index + 1].firstWarning) : warningList.count
        return Int(records[index].firstWarning)..<end
    }

    package func warning(at position: Int) -> FunctionWarning {
        warningList[position]
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
