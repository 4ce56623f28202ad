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

    /// Results put together from their parts, as `inPieces` does.
    private init(
        _ teamFunctions: [TeamFunction], catalogue: Catalogue, records: [Record], shares: [Share],
        warningList: [FunctionWarning]
    ) {
        self.teamFunctions = teamFunctions
        self.catalogue = catalogue
        self.records = records
        self.shares = shares
        self.warningList = warningList
    }

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

extension FunctionResults {
    /// Where one piece of a team writes its functions' results while the pieces run: each record
    /// straight to its place among the whole team's, the shares and warnings into lists of the
    /// piece's own, numbered from 0 within the piece until the pieces are joined.
    struct PieceWriter {
        private let records: UnsafeMutableBufferPointer<Record>
        private var next: Int
        fileprivate private(set) var shares: [Share] = []
        fileprivate private(set) var warningList: [FunctionWarning] = []
        fileprivate let range: Range<Int>

        fileprivate init(records: UnsafeMutableBufferPointer<Record>, range: Range<Int>) {
            self.records = records
            self.range = range
            next = range.lowerBound
            // Most functions hold a few roles: room for two each before the list grows.
            shares.reserveCapacity(2 * range.count)
        }

        /// Shares of the piece's functions so far.
        var shareCount: Int { shares.count }

        /// Adds the piece's next function's result; `positions` are the held roles' positions in
        /// its roles, `ordinals` their catalogue ordinals.
        mutating func append(
            fte: Double, rest: Double, shareTotal: Double, positions kept: UnsafeBufferPointer<Int>,
            ordinals: UnsafeBufferPointer<Int>, warnings: UnsafeBufferPointer<FunctionWarning>
        ) {
            precondition(next < range.upperBound, "more results than the piece has functions")
            (records.baseAddress! + next).initialize(to: Record(
                fte: fte, rest: rest, shareTotal: shareTotal, firstShare: Int32(shares.count),
                firstWarning: Int32(warningList.count)))
            next += 1
            for (position, ordinal) in zip(kept, ordinals) { shares.append(Share(position: UInt32(position), ordinal: UInt32(ordinal))) }
            if !warnings.isEmpty { warningList.append(contentsOf: warnings) }
        }

        fileprivate var isComplete: Bool { next == range.upperBound }
    }

    /// The results of `teamFunctions` computed in consecutive pieces, `ranges`, that cover them
    /// in order: `body` writes piece `n`'s results through the writer it is given, on whichever
    /// core is free, and what it returns comes back in order with the results.
    ///
    /// The records go to their place at once, so that joining the pieces copies none of them:
    /// at a million functions copying them into a joined array (32 MB, fresh pages) on one core
    /// had been a tenth of the analysis. Only the shares are copied, each piece's on its own core.
    static func inPieces<Output>(
        _ teamFunctions: [TeamFunction], catalogue: Catalogue, ranges: [Range<Int>],
        _ body: (Int, inout PieceWriter) -> Output
    ) -> (results: FunctionResults, outputs: [Output]) {
        precondition(
            ranges.first?.lowerBound == 0 && ranges.last?.upperBound == teamFunctions.count
                && zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound },
            "the pieces must cover the functions in order")
        var outputs: [Output] = []
        // What each piece wrote besides its records (its writer points into them: not kept).
        var writers: [(range: Range<Int>, shares: [Share], warningList: [FunctionWarning])] = []
        var records = [Record](unsafeUninitializedCapacity: teamFunctions.count) { buffer, initialized in
            let written = Parts.map(ranges.count) { piece in
                var writer = PieceWriter(records: buffer, range: ranges[piece])
                let output = body(piece, &writer)
                precondition(writer.isComplete, "a piece must give a result for each of its functions")
                return ((writer.range, writer.shares, writer.warningList), output)
            }
            (writers, outputs) = (written.map(\.0), written.map(\.1))
            initialized = teamFunctions.count
        }
        guard writers.count > 1 else {
            // One piece: its lists are taken over as they are, and its numbers are the team's.
            return (FunctionResults(
                teamFunctions, catalogue: catalogue, records: records, shares: writers.first?.shares ?? [],
                warningList: writers.first?.warningList ?? []), outputs)
        }
        // Where each piece's shares and warnings start among all of them.
        let firstShares = writers.reduce(into: [0]) { $0.append($0.last! + $1.shares.count) }
        let firstWarnings = writers.reduce(into: [0]) { $0.append($0.last! + $1.warningList.count) }
        let shares = [Share](unsafeUninitializedCapacity: firstShares.last!) { buffer, initialized in
            records.withUnsafeMutableBufferPointer { records in
                // Each piece renumbers its own records and copies its own shares.
                _ = Parts.map(writers.count) { piece in
                    let shareOffset = Int32(firstShares[piece])
                    let warningOffset = Int32(firstWarnings[piece])
                    for index in writers[piece].range {
                        records[index].firstShare += shareOffset
                        records[index].firstWarning += warningOffset
                    }
                    writers[piece].shares.withUnsafeBufferPointer { pieceShares in
                        guard let source = pieceShares.baseAddress else { return }
                        (buffer.baseAddress! + firstShares[piece]).initialize(from: source, count: pieceShares.count)
                    }
                }
            }
            initialized = firstShares.last!
        }
        // Warnings are few: one list, on one core.
        var warningList: [FunctionWarning] = []
        warningList.reserveCapacity(firstWarnings.last!)
        for writer in writers { warningList.append(contentsOf: writer.warningList) }
        return (FunctionResults(
            teamFunctions, catalogue: catalogue, records: records, shares: shares, warningList: warningList), outputs)
    }
}
