import TeamplotterCore

/// Maps a team to its rows and back. Lists keep their order through a `position` column.
enum TeamRows {
    static func insert(_ team: Team, into database: SQLiteConnection) throws(SQLiteError) -> TeamID {
        try database.run(
            "INSERT INTO teams (name, organisation, standard_week_hours, catalogue_mode) VALUES (?, ?, ?, ?)",
            .text(team.name), .optional(team.organisation), .real(team.standardWeekHours),
            .optional(team.customCatalogue?.mode.rawValue))
        let id = database.lastInsertRowID
        try insertContent(team, id: id, into: database)
        return id
    }

    /// Writes `new` over `old`, which must be what the database holds for the team now; the
    /// caller holds the transaction. Only what differs is written: saving one function rewrites
    /// that function's rows, not the whole team's. Returns the new revision and time.
    static func update(
        id: TeamID, from old: Team, to new: Team, in database: SQLiteConnection
    ) throws(SQLiteError) -> (revision: Int, updatedAt: String)? {
        let header = try database.query(
            """
            UPDATE teams SET name = ?, organisation = ?, standard_week_hours = ?, catalogue_mode = ?,
                revision = revision + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            WHERE id = ? RETURNING revision, updated_at
            """,
            .text(new.name), .optional(new.organisation), .real(new.standardWeekHours),
            .optional(new.customCatalogue?.mode.rawValue), .integer(id)
        ) { row in (revision: Int(row.int(0)), updatedAt: row.text(1)) }
        guard let written = header.first else { return nil }

        if new.functions != old.functions {
            if new.functions.count >= old.functions.count {
                // Changed in place or added at the end: positions of the others stay.
                for (position, function) in new.functions.enumerated()
                where position >= old.functions.count || function != old.functions[position] {
                    // The function's tasks, roles and competencies go with it (ON DELETE CASCADE).
                    try database.run("DELETE FROM functions WHERE team_id = ? AND position = ?", .integer(id), .int(position))
                    try insertFunction(function, position: position, team: id, into: database)
                }
            } else {
                // Removed or reordered: positions shift, so the list is written again.
                try database.run("DELETE FROM functions WHERE team_id = ?", .integer(id))
                try insertFunctions(new.functions, team: id, into: database)
            }
        }
        if new.needs != old.needs {
            for table in ["role_needs", "needed_tasks", "needed_competencies"] {
                try database.run("DELETE FROM \(table) WHERE team_id = ?", .integer(id))
            }
            try insertNeeds(new.needs, team: id, into: database)
        }
        if new.customCatalogue != old.customCatalogue {
            // Custom roles go with their categories (ON DELETE CASCADE).
            try database.run("DELETE FROM custom_categories WHERE team_id = ?", .integer(id))
            try insertCatalogue(new.customCatalogue, team: id, into: database)
        }
        return written
    }

    /// `team` as `load` gives it back after it was written: SQLite keeps no negative zero and
    /// no NaN (a NaN becomes NULL), and aliases are kept one a line. So a team remembered after
    /// a save is the very team a fresh read would return.
    static func asStored(_ team: Team) -> Team {
        func real(_ value: Double) -> Double { value == 0 ? 0 : value }
        func optional(_ value: Double?) -> Double? { value.flatMap { $0.isNaN ? nil : real($0) } }
        var team = team
        team.standardWeekHours = real(team.standardWeekHours)
        for index in team.functions.indices {
            var function = team.functions[index]
            switch function.workload {
            case .hoursPerWeek(let hours): function.workload = optional(hours).map(Workload.hoursPerWeek)
            case .fte(let fte): function.workload = optional(fte).map(Workload.fte)
            case nil: break
            }
            for role in function.roles.indices {
                function.roles[role].sharePercent = optional(function.roles[role].sharePercent)
            }
            team.functions[index] = function
        }
        for index in team.needs.roles.indices {
            team.needs.roles[index].desiredFte = optional(team.needs.roles[index].desiredFte)
        }
        if var catalogue = team.customCatalogue {
            for category in catalogue.categories.indices {
                for role in catalogue.categories[category].roles.indices {
                    let aliases = catalogue.categories[category].roles[role].aliases
                    catalogue.categories[category].roles[role].aliases =
                        aliases.joined(separator: "\n").split(separator: "\n").map(String.init)
                }
            }
            team.customCatalogue = catalogue
        }
        return team
    }

    private static func insertContent(_ team: Team, id: TeamID, into database: SQLiteConnection) throws(SQLiteError) {
        try insertFunctions(team.functions, team: id, into: database)
        try insertNeeds(team.needs, team: id, into: database)
        try insertCatalogue(team.customCatalogue, team: id, into: database)
    }

    private static func insertFunctions(_ functions: [TeamFunction], team id: TeamID, into database: SQLiteConnection) throws(SQLiteError) {
        for (position, function) in functions.enumerated() {
            try insertFunction(function, position: position, team: id, into: database)
        }
    }

    private static func insertFunction(
        _ function: TeamFunction, position: Int, team id: TeamID, into database: SQLiteConnection
    ) throws(SQLiteError) {
        var hours: Double?
        var fte: Double?
        switch function.workload {
        case .hoursPerWeek(let value): hours = value
        case .fte(let value): fte = value
        case nil: break
        }
        try database.run(
            """
            INSERT INTO functions (team_id, position, title, holder, vacancy, hours_per_week, fte)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            .integer(id), .int(position), .text(function.title), .optional(function.holder),
            .bool(function.isVacancy), .optional(hours), .optional(fte))
        let functionID = database.lastInsertRowID
        for (index, task) in function.tasks.enumerated() {
            try database.run(
                "INSERT INTO function_tasks (function_id, position, text) VALUES (?, ?, ?)",
                .integer(functionID), .int(index), .text(task))
        }
        for (index, role) in function.roles.enumerated() {
            try database.run(
                "INSERT INTO function_roles (function_id, position, role_id, share_percent) VALUES (?, ?, ?, ?)",
                .integer(functionID), .int(index), .text(role.roleId), .optional(role.sharePercent))
        }
        for (index, competency) in function.competencies.enumerated() {
            try database.run(
                "INSERT INTO function_competencies (function_id, position, name, level) VALUES (?, ?, ?, ?)",
                .integer(functionID), .int(index), .text(competency.name), .optional(competency.level))
        }
    }

    private static func insertNeeds(_ needs: Needs, team id: TeamID, into database: SQLiteConnection) throws(SQLiteError) {
        for (position, need) in needs.roles.enumerated() {
            try database.run(
                """
                INSERT INTO role_needs (team_id, position, role_id, priority, desired_fte, min_people, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                .integer(id), .int(position), .text(need.roleId), .text(need.priority.rawValue),
                .optional(need.desiredFte), .optional(need.minPeople), .optional(need.note))
        }
        for (position, task) in needs.tasks.enumerated() {
            try database.run(
                "INSERT INTO needed_tasks (team_id, position, text) VALUES (?, ?, ?)",
                .integer(id), .int(position), .text(task))
        }
        for (position, competency) in needs.competencies.enumerated() {
            try database.run(
                "INSERT INTO needed_competencies (team_id, position, name, level) VALUES (?, ?, ?, ?)",
                .integer(id), .int(position), .text(competency.name), .optional(competency.level))
        }
    }

    private static func insertCatalogue(
        _ catalogue: CatalogueCustomization?, team id: TeamID, into database: SQLiteConnection
    ) throws(SQLiteError) {
        for (position, category) in (catalogue?.categories ?? []).enumerated() {
            try database.run(
                "INSERT INTO custom_categories (team_id, position, category_id, name, english_name) VALUES (?, ?, ?, ?, ?)",
                .integer(id), .int(position), .text(category.id), .text(category.name), .optional(category.englishName))
            for (index, role) in category.roles.enumerated() {
                try database.run(
                    """
                    INSERT INTO custom_roles (team_id, category_position, position, role_id, name, description,
                        english_name, english_description, aliases)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    .integer(id), .int(position), .int(index), .text(role.id), .text(role.name),
                    .text(role.description), .optional(role.englishName), .optional(role.englishDescription),
                    .text(role.aliases.joined(separator: "\n")))
            }
        }
    }

    static func load(id: TeamID, from database: SQLiteConnection) throws(SQLiteError) -> StoredTeam? {
        struct Header {
            var name: String
            var organisation: String?
            var week: Double
            var mode: String?
            var revision: Int
            var updatedAt: String
        }
        let headers = try database.query(
            "SELECT name, organisation, standard_week_hours, catalogue_mode, revision, updated_at FROM teams WHERE id = ?",
            .integer(id)
        ) { row in
            Header(
                name: row.text(0), organisation: row.optionalText(1), week: row.double(2),
                mode: row.optionalText(3), revision: Int(row.int(4)), updatedAt: row.text(5))
        }
        guard let header = headers.first else { return nil }

        // Children of all functions in one query each, grouped by function id.
        var tasks: [Int64: [String]] = [:]
        for (functionID, text) in try database.query(
            """
            SELECT t.function_id, t.text FROM function_tasks t JOIN functions f ON f.id = t.function_id
            WHERE f.team_id = ? ORDER BY t.function_id, t.position
            """, .integer(id), row: { ($0.int(0), $0.text(1)) })
        {
            tasks[functionID, default: []].append(text)
        }
        var roles: [Int64: [RoleAssignment]] = [:]
        for (functionID, role) in try database.query(
            """
            SELECT r.function_id, r.role_id, r.share_percent FROM function_roles r
            JOIN functions f ON f.id = r.function_id WHERE f.team_id = ? ORDER BY r.function_id, r.position
            """, .integer(id), row: { ($0.int(0), RoleAssignment(roleId: $0.text(1), sharePercent: $0.optionalDouble(2))) })
        {
            roles[functionID, default: []].append(role)
        }
        var competencies: [Int64: [Competency]] = [:]
        for (functionID, competency) in try database.query(
            """
            SELECT c.function_id, c.name, c.level FROM function_competencies c
            JOIN functions f ON f.id = c.function_id WHERE f.team_id = ? ORDER BY c.function_id, c.position
            """, .integer(id), row: { ($0.int(0), Competency(name: $0.text(1), level: $0.optionalInt(2))) })
        {
            competencies[functionID, default: []].append(competency)
        }

        let functions = try database.query(
            "SELECT id, title, holder, vacancy, hours_per_week, fte FROM functions WHERE team_id = ? ORDER BY position",
            .integer(id)
        ) { row in
            let functionID = row.int(0)
            var workload: Workload?
            if let hours = row.optionalDouble(4) {
                workload = .hoursPerWeek(hours)
            } else if let fte = row.optionalDouble(5) {
                workload = .fte(fte)
            }
            return TeamFunction(
                title: row.text(1), holder: row.optionalText(2), isVacancy: row.int(3) != 0,
                workload: workload, tasks: tasks[functionID] ?? [], roles: roles[functionID] ?? [],
                competencies: competencies[functionID] ?? [])
        }

        let roleNeeds = try database.query(
            "SELECT role_id, priority, desired_fte, min_people, note FROM role_needs WHERE team_id = ? ORDER BY position",
            .integer(id)
        ) { row in
            RoleNeed(
                roleId: row.text(0), priority: Priority(rawValue: row.text(1)) ?? .should,
                desiredFte: row.optionalDouble(2), minPeople: row.optionalInt(3), note: row.optionalText(4))
        }
        let neededTasks = try database.query(
            "SELECT text FROM needed_tasks WHERE team_id = ? ORDER BY position", .integer(id)) { $0.text(0) }
        let neededCompetencies = try database.query(
            "SELECT name, level FROM needed_competencies WHERE team_id = ? ORDER BY position", .integer(id)
        ) { Competency(name: $0.text(0), level: $0.optionalInt(1)) }

        var customCatalogue: CatalogueCustomization?
        if let modeText = header.mode, let mode = CatalogueCustomization.Mode(rawValue: modeText) {
            var customRoles: [Int: [Role]] = [:]
            for (categoryPosition, role) in try database.query(
                """
                SELECT category_position, role_id, name, description, english_name, english_description, aliases
                FROM custom_roles WHERE team_id = ? ORDER BY category_position, position
                """, .integer(id),
                row: { row in
                    (Int(row.int(0)), Role(
                        id: row.text(1), name: row.text(2), description: row.text(3),
                        englishName: row.optionalText(4), englishDescription: row.optionalText(5),
                        aliases: row.text(6).split(separator: "\n").map(String.init)))
                })
            {
                customRoles[categoryPosition, default: []].append(role)
            }
            let categories = try database.query(
                "SELECT position, category_id, name, english_name FROM custom_categories WHERE team_id = ? ORDER BY position",
                .integer(id)
            ) { row in
                RoleCategory(
                    id: row.text(1), name: row.text(2), englishName: row.optionalText(3),
                    roles: customRoles[Int(row.int(0))] ?? [])
            }
            customCatalogue = CatalogueCustomization(mode: mode, categories: categories)
        }

        let team = Team(
            name: header.name, organisation: header.organisation, standardWeekHours: header.week,
            functions: functions,
            needs: Needs(roles: roleNeeds, tasks: neededTasks, competencies: neededCompetencies),
            customCatalogue: customCatalogue)
        return StoredTeam(id: id, team: team, revision: header.revision, updatedAt: header.updatedAt)
    }
}
