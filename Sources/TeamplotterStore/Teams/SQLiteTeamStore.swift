import Synchronization
import TeamplotterCore

/// The team store in one SQLite file.
///
/// Durability: WAL with `synchronous=FULL` fsyncs the log at every commit, so a save that was
/// answered with success survives `kill -9` and a power cut alike. (NORMAL would survive the
/// kill but could lose the last commits on power loss; the saves are small, FULL costs little.)
public final class SQLiteTeamStore: TeamStore {
    private let connection: Mutex<SQLiteConnection>

    /// Opens (or creates) the database at `path` and brings its schema up to date. `initialTeams`
    /// are added in the same transaction that creates the schema, so a new database starts with
    /// them and an existing one is left as it is.
    public init(path: String, initialTeams: () -> [Team] = { [] }) throws(StoreError) {
        do {
            let database = try SQLiteConnection(path: path)
            // A second process (or a slow writer) makes us wait, not fail.
            try database.execute("PRAGMA busy_timeout = 5000")
            try database.execute("PRAGMA journal_mode = WAL")
            try database.execute("PRAGMA synchronous = FULL")
            try database.execute("PRAGMA foreign_keys = ON")
            try Self.migrate(database, initialTeams: initialTeams)
            connection = Mutex(database)
        } catch {
            throw .database(error)
        }
    }

    /// The schema version the file is at.
    public func schemaVersion() throws(StoreError) -> Int {
        try withConnection { database throws(SQLiteError) in
            Int(try database.scalar("PRAGMA user_version") ?? 0)
        }
    }

    /// A pragma's value, for tests and diagnostics (`journal_mode`, `synchronous`, `foreign_keys`).
    public func pragma(_ name: String) throws(StoreError) -> String {
        try withConnection { database throws(SQLiteError) in
            let allowed = ["journal_mode", "synchronous", "foreign_keys", "user_version"]
            guard allowed.contains(name) else { return "" }
            return try database.query("PRAGMA \(name)") { $0.text(0) }.first ?? ""
        }
    }

    private static func migrate(_ database: SQLiteConnection, initialTeams: () -> [Team]) throws(SQLiteError) {
        let current = Int(try database.scalar("PRAGMA user_version") ?? 0)
        guard current < Migrations.latestVersion else { return }
        do throws(TransactionError<SQLiteError>) {
            try database.transaction { () throws(SQLiteError) in
                for version in current..<Migrations.latestVersion {
                    try database.execute(Migrations.steps[version])
                }
                // PRAGMA takes no parameters; the number is ours.
                try database.execute("PRAGMA user_version = \(Migrations.latestVersion)")
                if current == 0 {
                    for team in initialTeams() { _ = try TeamRows.insert(team, into: database) }
                }
            }
        } catch {
            switch error {
            case .database(let error), .body(let error): throw error
            }
        }
    }

    private func withConnection<T>(_ body: (SQLiteConnection) throws(SQLiteError) -> T) throws(StoreError) -> T {
        do {
            return try connection.withLock { database throws(SQLiteError) in try body(database) }
        } catch {
            throw .database(error)
        }
    }

    // MARK: TeamStore

    public func teams() throws(StoreError) -> [TeamSummary] {
        try withConnection { database throws(SQLiteError) in
            try database.query(
                """
                SELECT t.id, t.name, t.organisation, t.updated_at,
                       (SELECT count(*) FROM functions f WHERE f.team_id = t.id)
                FROM teams t ORDER BY t.name COLLATE NOCASE, t.id
                """
            ) { row in
                TeamSummary(
                    id: row.int(0), name: row.text(1), organisation: row.optionalText(2),
                    functionCount: Int(row.int(4)), updatedAt: row.text(3))
            }
        }
    }

    public func team(id: TeamID) throws(StoreError) -> StoredTeam? {
        try withConnection { database throws(SQLiteError) in try TeamRows.load(id: id, from: database) }
    }

    public func create(_ team: Team) throws(StoreError) -> TeamID {
        try withConnection { database throws(SQLiteError) in
            do throws(TransactionError<SQLiteError>) {
                return try database.transaction { () throws(SQLiteError) in try TeamRows.insert(team, into: database) }
            } catch {
                switch error {
                case .database(let error), .body(let error): throw error
                }
            }
        }
    }

    public func update(id: TeamID, ifRevision: Int?, _ change: (inout Team) throws -> Void) throws(StoreError) -> StoredTeam? {
        try connection.withLock { database throws(StoreError) -> StoredTeam? in
            do throws(TransactionError<StoreError>) {
                return try database.transaction { () throws(StoreError) -> StoredTeam? in
                    let found = try Self.sql { () throws(SQLiteError) in try TeamRows.load(id: id, from: database) }
                    guard var stored = found else { return nil }
                    if let ifRevision, ifRevision != stored.revision { throw .revisionMismatch(current: stored.revision) }
                    do {
                        try change(&stored.team)
                    } catch {
                        throw .rejected(error)
                    }
                    return try Self.sql { () throws(SQLiteError) in
                        try TeamRows.replace(id: id, with: stored.team, in: database)
                        return try TeamRows.load(id: id, from: database)
                    }
                }
            } catch {
                switch error {
                case .database(let error): throw .database(error)
                case .body(let error): throw error
                }
            }
        }
    }

    private static func sql<T>(_ body: () throws(SQLiteError) -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw .database(error)
        }
    }

    public func delete(id: TeamID) throws(StoreError) -> Bool {
        try withConnection { database throws(SQLiteError) in
            try database.run("DELETE FROM teams WHERE id = ?", .integer(id))
            return database.changes > 0
        }
    }
}
