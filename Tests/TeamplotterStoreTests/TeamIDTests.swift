import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterStore

/// Team ids are in links and bookmarks, so an id once given never goes to another team.
@Suite struct TeamIDTests {
    @Test func theIdOfADeletedTeamIsNeverGivenAgain() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        _ = try store.create(fullTeam(name: "Eerste"))
        let highest = try store.create(fullTeam(name: "Tweede"))
        #expect(try store.delete(id: highest))
        let next = try store.create(fullTeam(name: "Derde"))
        #expect(next > highest)

        // Also after reopening: the highest id given is kept in the file, not in memory.
        #expect(try store.delete(id: next))
        let reopened = try SQLiteTeamStore(path: file.path)
        #expect(try reopened.create(fullTeam(name: "Vierde")) > next)
    }

    @Test func aDatabaseOfTheFirstSchemaKeepsItsTeamsAndNoLongerReusesIds() throws {
        let file = try TemporaryDatabase()
        var ids: [TeamID] = []
        do {
            let old = try Self.firstSchemaDatabase(file)
            try old.execute("PRAGMA foreign_keys = ON")
            for name in ["Noord", "Zuid", "West"] { ids.append(try TeamRows.insert(fullTeam(name: name), into: old)) }
            try old.run("UPDATE teams SET revision = 7, created_at = '2025-01-02T03:04:05Z' WHERE id = ?", .integer(ids[1]))
        }

        let store = try SQLiteTeamStore(path: file.path)
        #expect(try store.schemaVersion() == Migrations.latestVersion)
        #expect(try store.pragma("foreign_keys") == "1")
        #expect(try store.teams().map(\.id).sorted() == ids)
        for (id, name) in zip(ids, ["Noord", "Zuid", "West"]) {
            let stored = try #require(try store.team(id: id))
            #expect(stored.team == fullTeam(name: name), "every row of \(name) is kept")
        }
        #expect(try store.team(id: ids[1])?.revision == 7)
        let database = try SQLiteConnection(path: file.path)
        #expect(try database.scalar("SELECT count(*) FROM teams WHERE created_at = '2025-01-02T03:04:05Z'") == 1)

        // The foreign keys still point at the rebuilt table: deleting cascades.
        #expect(try store.delete(id: ids[2]))
        #expect(try database.scalar("SELECT count(*) FROM functions") == 6)
        #expect(try database.scalar("SELECT count(*) FROM custom_roles") == 2)
        #expect(try store.create(fullTeam(name: "Oost")) > ids[2])
    }

    /// The rebuild runs with foreign keys off; a row that points nowhere stops it, and the file
    /// stays as it was.
    @Test func aMigrationThatWouldLeaveABrokenKeyChangesNothing() throws {
        let file = try TemporaryDatabase()
        do {
            let old = try Self.firstSchemaDatabase(file)
            try old.execute("INSERT INTO functions (team_id, position, title) VALUES (99, 0, 'Zonder team')")
        }
        #expect(throws: StoreError.self) { _ = try SQLiteTeamStore(path: file.path) }
        let database = try SQLiteConnection(path: file.path)
        #expect(try database.scalar("PRAGMA user_version") == 1)
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'") == 0)
    }

    /// A file as version 1 made it. Its step is the first of `Migrations.steps`, which are
    /// appended to and never edited once released.
    static func firstSchemaDatabase(_ file: TemporaryDatabase) throws -> SQLiteConnection {
        let old = try SQLiteConnection(path: file.path)
        try old.execute(Migrations.steps[0])
        try old.execute("PRAGMA user_version = 1")
        return old
    }
}
