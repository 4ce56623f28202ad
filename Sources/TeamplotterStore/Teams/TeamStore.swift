import TeamplotterCore

/// Where teams are kept. SQLite is the one implementation now; the web app only knows this
/// interface, so another database can be added without touching the pages.
public protocol TeamStore: Sendable {
    /// Every team, by name.
    func teams() throws(StoreError) -> [TeamSummary]
    /// One team, or nil when no team has that id.
    func team(id: TeamID) throws(StoreError) -> StoredTeam?
    /// Adds a team and returns its id.
    func create(_ team: Team) throws(StoreError) -> TeamID
    /// Reads a team, lets `change` alter it and writes it back, all in one transaction, so two
    /// edits at once cannot undo each other. Nil when no team has that id; nothing is written
    /// when `change` throws (its error is rethrown as `.rejected`). With `ifRevision`, nothing is
    /// written either unless the team still has that revision (`.revisionMismatch`), so that a
    /// client can update what it read without overwriting what someone saved since.
    func update(id: TeamID, ifRevision: Int?, _ change: (inout Team) throws -> Void) throws(StoreError) -> StoredTeam?
    /// Removes a team with everything in it; false when there was none.
    func delete(id: TeamID) throws(StoreError) -> Bool
}

extension TeamStore {
    public func update(id: TeamID, _ change: (inout Team) throws -> Void) throws(StoreError) -> StoredTeam? {
        try update(id: id, ifRevision: nil, change)
    }
}

public typealias TeamID = Int64

/// A team as the list shows it.
public struct TeamSummary: Sendable, Hashable {
    public var id: TeamID
    public var name: String
    public var organisation: String?
    public var functionCount: Int
    /// ISO 8601, UTC.
    public var updatedAt: String

    public init(id: TeamID, name: String, organisation: String?, functionCount: Int, updatedAt: String) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.functionCount = functionCount
        self.updatedAt = updatedAt
    }
}

/// A team with what the store knows about it.
public struct StoredTeam: Sendable, Hashable {
    public var id: TeamID
    public var team: Team
    /// Goes up by one with every saved change.
    public var revision: Int
    /// ISO 8601, UTC.
    public var updatedAt: String

    public init(id: TeamID, team: Team, revision: Int, updatedAt: String) {
        self.id = id
        self.team = team
        self.revision = revision
        self.updatedAt = updatedAt
    }
}

/// What went wrong in the store.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database itself failed; carries the SQL and result code.
    case database(SQLiteError)
    /// The change given to `update` threw; nothing was written.
    case rejected(any Error)
    /// `update(ifRevision:)` found another revision; nothing was written.
    case revisionMismatch(current: Int)

    public var description: String {
        switch self {
        case .database(let error): error.description
        case .rejected(let error): "change rejected: \(error)"
        case .revisionMismatch(let current): "the team has revision \(current) now"
        }
    }
}
