import Glibc
import Synchronization
import TeamplotterCore

/// The team store in one SQLite file.
///
/// Durability: WAL with `synchronous=FULL` fsyncs the log at every commit, so a save that was
/// answered with success survives `kill -9` and a power cut alike. (NORMAL would survive the
/// kill but could lose the last commits on power loss.)
///
/// Speed: separate connections for reading and writing, so that reading never waits for a
/// commit's fsync. Writes are grouped: a writer that finds another commit under way queues its
/// change, and the next commit takes every queued change in one transaction (each in its own
/// savepoint, so one refused change does not undo the others). One fsync then serves many
/// saves, and every caller still returns only after the commit that holds its change. Every
/// connection keeps the teams it decoded, and drops them when its `PRAGMA data_version` says
/// that another connection committed: for a read connection that is any save, for the write
/// connection only a save by another process (its own commits do not count).
public final class SQLiteTeamStore: TeamStore {
    /// Several read connections, each with its own lock and decoded teams, taken in turn: one
    /// was a queue that every page view of dozens of threads stood in.
    private let readers: [SleepingLock<ReadSide>]
    private let nextReader = Atomic<UInt>(0)
    static let readConnections = 4
    /// The last team each read connection decoded, shared: equal teams read by different
    /// connections become one copy, so the web app's caches compare them without a walk.
    private let decoded = Mutex<[TeamID: StoredTeam]>([:])
    /// Writers wait here through a commit's fsync, so they sleep rather than spin.
    private let writer: SleepingLock<WriteSide>
    /// Changes waiting for the next commit.
    private let queue = Mutex<[WriteJob]>([])

    /// Most changes one commit takes, so that one transaction stays short.
    static let maximumGroup = 256

    /// Opens (or creates) the database at `path` and brings its schema up to date. `initialTeams`
    /// are added in the same transaction that creates the schema, so a new database starts with
    /// them and an existing one is left as it is.
    public init(path: String, initialTeams: () -> [Team] = { [] }) throws(StoreError) {
        do {
            let database = try Self.open(path)
            try Self.migrate(database, initialTeams: initialTeams)
            writer = SleepingLock(WriteSide(connection: database))
            // Opened after the schema exists; they only read.
            var readers: [SleepingLock<ReadSide>] = []
            for _ in 0..<Self.readConnections { readers.append(SleepingLock(ReadSide(connection: try Self.open(path)))) }
            self.readers = readers
        } catch {
            throw .database(error)
        }
    }

    private static func open(_ path: String) throws(SQLiteError) -> SQLiteConnection {
        let database = try SQLiteConnection(path: path)
        // A second process (or a slow writer) makes us wait, not fail.
        try database.execute("PRAGMA busy_timeout = 5000")
        try database.execute("PRAGMA journal_mode = WAL")
        try database.execute("PRAGMA synchronous = FULL")
        try database.execute("PRAGMA foreign_keys = ON")
        return database
    }

    /// The schema version the file is at.
    public func schemaVersion() throws(StoreError) -> Int {
        try reading { side throws(SQLiteError) in Int(try side.connection.scalar("PRAGMA user_version") ?? 0) }
    }

    /// A pragma's value, for tests and diagnostics (`journal_mode`, `synchronous`, `foreign_keys`),
    /// as the connection that writes sees it.
    public func pragma(_ name: String) throws(StoreError) -> String {
        let allowed = ["journal_mode", "synchronous", "foreign_keys", "user_version"]
        guard allowed.contains(name) else { return "" }
        do {
            return try writer.withLock { side throws(SQLiteError) in
                try side.connection.query("PRAGMA \(name)") { $0.text(0) }.first ?? ""
            }
        } catch {
            throw .database(error)
        }
    }

    private static func migrate(_ database: SQLiteConnection, initialTeams: () -> [Team]) throws(SQLiteError) {
        let current = Int(try database.scalar("PRAGMA user_version") ?? 0)
        guard current < Migrations.latestVersion else { return }
        // Off while the schema changes, so that rebuilding a table does not cascade (the pragma
        // is ignored inside a transaction); the keys are checked before the commit instead. If
        // this throws, the connection is not used again.
        try database.execute("PRAGMA foreign_keys = OFF")
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
                try database.checkForeignKeys()
            }
        } catch {
            switch error {
            case .database(let error), .body(let error): throw error
            }
        }
        try database.execute("PRAGMA foreign_keys = ON")
    }

    private func reading<T>(_ body: (inout ReadSide) throws(SQLiteError) -> T) throws(StoreError) -> T {
        do {
            let turn = Int(nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(readers.count))
            return try readers[turn].withLock { side throws(SQLiteError) in try body(&side) }
        } catch {
            throw .database(error)
        }
    }

    // MARK: TeamStore

    public func teams() throws(StoreError) -> [TeamSummary] {
        try reading { side throws(SQLiteError) in
            try side.connection.query(
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
        try reading { side throws(SQLiteError) in try side.team(id: id, shared: intern) }
    }

    private func intern(_ stored: StoredTeam) -> StoredTeam {
        decoded.withLock { teams in
            if let known = teams[stored.id], known == stored { return known }
            if teams[stored.id] == nil && teams.count >= TeamCache.capacity { teams.removeAll(keepingCapacity: true) }
            teams[stored.id] = stored
            return stored
        }
    }

    public func create(_ team: Team) throws(StoreError) -> TeamID {
        try write { side throws(StoreError) in
            try Self.sql { () throws(SQLiteError) in try TeamRows.insert(team, into: side.connection) }
        }
    }

    public func update(id: TeamID, ifRevision: Int?, _ change: (inout Team) throws -> Void) throws(StoreError) -> StoredTeam? {
        try write { side throws(StoreError) -> StoredTeam? in
            guard var stored = try Self.sql({ () throws(SQLiteError) in try side.team(id: id) }) else { return nil }
            if let ifRevision, ifRevision != stored.revision { throw .revisionMismatch(current: stored.revision) }
            let old = stored.team
            do {
                try change(&stored.team)
            } catch {
                throw .rejected(error)
            }
            return try Self.sql { () throws(SQLiteError) -> StoredTeam? in
                guard let written = try TeamRows.update(id: id, from: old, to: stored.team, in: side.connection) else {
                    return nil
                }
                stored.team = TeamRows.asStored(stored.team)
                stored.revision = written.revision
                stored.updatedAt = written.updatedAt
                side.remember(stored)
                return stored
            }
        }
    }

    public func delete(id: TeamID) throws(StoreError) -> Bool {
        try write { side throws(StoreError) in
            try Self.sql { () throws(SQLiteError) in
                try side.connection.run("DELETE FROM teams WHERE id = ?", .integer(id))
                side.teams[id] = nil
                return side.connection.changes > 0
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

    // MARK: Group commit

    /// Runs `body` inside a transaction, together with whatever other writers queued meanwhile,
    /// and returns once that transaction is committed (or has failed).
    private func write<T>(_ body: (inout WriteSide) throws(StoreError) -> T) throws(StoreError) -> T {
        var value: T?
        let error: StoreError? = withoutActuallyEscaping(body) { body in
            let job = WriteJob { side throws(StoreError) in value = try body(&side) }
            queue.withLock { $0.append(job) }
            return writer.withLock { side in
                // Unless the writer before us committed it together with its own change, we
                // commit what is queued (our job first among it, or after older ones).
                while !job.isDone {
                    let group = queue.withLock { waiting -> [WriteJob] in
                        let taken = Array(waiting.prefix(Self.maximumGroup))
                        waiting.removeFirst(taken.count)
                        return taken
                    }
                    Self.commit(group, on: &side)
                }
                return job.error
            }
        }
        if let error { throw error }
        guard let value else { throw .database(SQLiteError(code: 1, message: "the change did not run", sql: nil)) }
        return value
    }

    /// One transaction for `group`: each job in a savepoint, one commit (one fsync) for all. A
    /// job that throws is rolled back alone; a failed commit fails every job in it.
    private static func commit(_ group: [WriteJob], on side: inout WriteSide) {
        guard !group.isEmpty else { return }
        let connection = side.connection
        defer { for job in group { job.isDone = true } }
        do {
            try connection.execute("BEGIN IMMEDIATE")
            try side.dropTeamsIfChangedElsewhere()
        } catch {
            try? connection.execute("ROLLBACK")
            for job in group { job.error = .database(error) }
            return
        }
        var succeeded: [WriteJob] = []
        for job in group {
            do {
                try connection.execute("SAVEPOINT job")
            } catch {
                job.error = .database(error)
                continue
            }
            job.run(&side)
            if job.error != nil {
                // Nothing of it stays, in the database or in what we remember.
                try? connection.execute("ROLLBACK TO job")
                side.teams = [:]
            }
            do {
                try connection.execute("RELEASE job")
                if job.error == nil { succeeded.append(job) }
            } catch {
                job.error = .database(error)
            }
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            side.teams = [:]
            for job in succeeded { job.error = .database(error) }
        }
    }
}

/// One queued change. Its fields are touched only under the store's writer lock; the body
/// runs on whichever thread commits it, while the thread that queued it waits for that lock.
private final class WriteJob: @unchecked Sendable {
    private let body: (inout WriteSide) throws(StoreError) -> Void
    /// What the body threw, or why its savepoint or the commit failed.
    var error: StoreError?
    var isDone = false

    init(_ body: @escaping (inout WriteSide) throws(StoreError) -> Void) {
        self.body = body
    }

    func run(_ side: inout WriteSide) {
        do {
            try body(&side)
        } catch {
            self.error = error
        }
    }
}

/// Teams decoded from the database, kept by one connection. Valid while the connection's
/// `PRAGMA data_version` stays the same: it changes whenever another connection commits.
private struct TeamCache {
    /// Enough for the teams being worked on; when full, all are dropped and read again.
    static let capacity = 64
    var teams: [TeamID: StoredTeam] = [:]
    var dataVersion: Int64?

    mutating func remember(_ stored: StoredTeam) {
        if teams[stored.id] == nil && teams.count >= Self.capacity { teams.removeAll(keepingCapacity: true) }
        teams[stored.id] = stored
    }
}

/// The connection that reads, with the teams it decoded.
private struct ReadSide: @unchecked Sendable {
    let connection: SQLiteConnection
    var cache = TeamCache()

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    mutating func team(id: TeamID, shared: (StoredTeam) -> StoredTeam) throws(SQLiteError) -> StoredTeam? {
        let version = try connection.scalar("PRAGMA data_version")
        if version != cache.dataVersion {
            cache.teams.removeAll(keepingCapacity: true)
            cache.dataVersion = version
        }
        if let known = cache.teams[id] { return known }
        guard let loaded = try TeamRows.load(id: id, from: connection) else { return nil }
        let team = shared(loaded)
        cache.remember(team)
        return team
    }
}

/// The connection that writes, with the teams as its last commits left them.
private struct WriteSide: @unchecked Sendable {
    let connection: SQLiteConnection
    private var cache = TeamCache()

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    var teams: [TeamID: StoredTeam] {
        get { cache.teams }
        set { cache.teams = newValue }
    }

    /// Inside the transaction: our own commits do not change this connection's data_version,
    /// another process's do.
    mutating func dropTeamsIfChangedElsewhere() throws(SQLiteError) {
        let version = try connection.scalar("PRAGMA data_version")
        if version != cache.dataVersion {
            cache.teams.removeAll(keepingCapacity: true)
            cache.dataVersion = version
        }
    }

    mutating func team(id: TeamID) throws(SQLiteError) -> StoredTeam? {
        if let known = cache.teams[id] { return known }
        guard let loaded = try TeamRows.load(id: id, from: connection) else { return nil }
        cache.remember(loaded)
        return loaded
    }

    mutating func remember(_ stored: StoredTeam) { cache.remember(stored) }
}
