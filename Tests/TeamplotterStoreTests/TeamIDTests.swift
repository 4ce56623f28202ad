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
            let old = try SQLiteConnection(path: file.path)
            try old.execute("PRAGMA foreign_keys = ON")
            try old.execute(Self.firstSchema)
            try old.execute("PRAGMA user_version = 1")
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
            let old = try SQLiteConnection(path: file.path)
            try old.execute(Self.firstSchema)
            try old.execute("PRAGMA user_version = 1")
            try old.execute("INSERT INTO functions (team_id, position, title) VALUES (99, 0, 'Zonder team')")
        }
        #expect(throws: StoreError.self) { _ = try SQLiteTeamStore(path: file.path) }
        let database = try SQLiteConnection(path: file.path)
        #expect(try database.scalar("PRAGMA user_version") == 1)
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'") == 0)
    }

    /// The schema of version 1 as databases in use were made with it, written out here so that
    /// the test stands for those files whatever later steps do.
    static let firstSchema = """
        CREATE TABLE teams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            organisation TEXT,
            standard_week_hours REAL NOT NULL CHECK (standard_week_hours > 0),
            catalogue_mode TEXT CHECK (catalogue_mode IN ('extend', 'replace')),
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE functions (
            id INTEGER PRIMARY KEY,
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            holder TEXT,
            vacancy INTEGER NOT NULL DEFAULT 0 CHECK (vacancy IN (0, 1)),
            hours_per_week REAL,
            fte REAL,
            CHECK (hours_per_week IS NULL OR fte IS NULL),
            UNIQUE (team_id, position)
        );
        CREATE TABLE function_tasks (
            function_id INTEGER NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (function_id, position)
        );
        CREATE TABLE function_roles (
            function_id INTEGER NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role_id TEXT NOT NULL,
            share_percent REAL,
            PRIMARY KEY (function_id, position)
        );
        CREATE TABLE function_competencies (
            function_id INTEGER NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            level INTEGER CHECK (level BETWEEN 1 AND 4),
            PRIMARY KEY (function_id, position)
        );
        CREATE TABLE role_needs (
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role_id TEXT NOT NULL,
            priority TEXT NOT NULL CHECK (priority IN ('must', 'should', 'could', 'notNeeded')),
            desired_fte REAL,
            min_people INTEGER,
            note TEXT,
            PRIMARY KEY (team_id, position),
            UNIQUE (team_id, role_id)
        );
        CREATE TABLE needed_tasks (
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (team_id, position)
        );
        CREATE TABLE needed_competencies (
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            level INTEGER CHECK (level BETWEEN 1 AND 4),
            PRIMARY KEY (team_id, position)
        );
        CREATE TABLE custom_categories (
            team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            category_id TEXT NOT NULL,
            name TEXT NOT NULL,
            english_name TEXT,
            PRIMARY KEY (team_id, position)
        );
        CREATE TABLE custom_roles (
            team_id INTEGER NOT NULL,
            category_position INTEGER NOT NULL,
            position INTEGER NOT NULL,
            role_id TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            english_name TEXT,
            english_description TEXT,
            -- One alias a line: aliases are names, which never hold a line break.
            aliases TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (team_id, category_position, position),
            FOREIGN KEY (team_id, category_position)
                REFERENCES custom_categories(team_id, position) ON DELETE CASCADE
        );
        CREATE INDEX functions_by_team ON functions(team_id, position);
        """
}
