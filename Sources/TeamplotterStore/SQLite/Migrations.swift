/// The schema, one step per version. The database's `PRAGMA user_version` says how many steps
/// have run; a new step is appended, never edited once released.
enum Migrations {
    static let steps: [String] = [
        // 1: teams, their functions and needs, and an organisation's own catalogue.
        """
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
        """,
        // 2: a team's id is never given again after the team is deleted, so an old link or
        // bookmark cannot open another team. AUTOINCREMENT does that (sqlite_sequence keeps the
        // highest id ever given), but SQLite cannot add it to a column: the table is rebuilt as
        // SQLite's ALTER TABLE page describes, which `migrate` runs with foreign keys off (else
        // dropping the old table would delete every function and need) and checks before commit.
        // Ids already given are kept; a team deleted before this step may still see its id again.
        """
        CREATE TABLE teams_rebuilt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            organisation TEXT,
            standard_week_hours REAL NOT NULL CHECK (standard_week_hours > 0),
            catalogue_mode TEXT CHECK (catalogue_mode IN ('extend', 'replace')),
            revision INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        INSERT INTO teams_rebuilt (id, name, organisation, standard_week_hours, catalogue_mode, revision, created_at, updated_at)
            SELECT id, name, organisation, standard_week_hours, catalogue_mode, revision, created_at, updated_at FROM teams;
        DROP TABLE teams;
        ALTER TABLE teams_rebuilt RENAME TO teams;
        """,
    ]

    static var latestVersion: Int { steps.count }
}
