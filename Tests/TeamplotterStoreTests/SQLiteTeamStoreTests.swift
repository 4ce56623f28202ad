import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterStore

/// A database file in a fresh temporary folder, removed when the test ends.
final class TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("teams.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("teamplotter-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A team that uses every field the store keeps.
func fullTeam(name: String = "Online <script>alert(1)</script>") -> Team {
    Team(
        name: name, organisation: "Gemeente Voorbeeldstad", standardWeekHours: 38,
        functions: [
            TeamFunction(
                title: "Webredacteur", holder: "S. de Boer", workload: .hoursPerWeek(22.5),
                tasks: ["Teksten, op B1", "E-formulieren bouwen"],
                roles: [RoleAssignment(roleId: "contentmanager-website", sharePercent: 70), RoleAssignment(roleId: "website-analist")],
                competencies: [Competency(name: "Schrijven", level: 3), Competency(name: "WCAG")]),
            TeamFunction(title: "Medewerker KCC", holder: nil, isVacancy: true, workload: .fte(0.5)),
            TeamFunction(title: "Uren onbekend"),
        ],
        needs: Needs(
            roles: [
                RoleNeed(roleId: "strateeg", priority: .must, desiredFte: 0.5, minPeople: 2, note: "ook <b>vet</b>"),
                RoleNeed(roleId: "ontwerper", priority: .notNeeded),
            ],
            tasks: ["Webcare"], competencies: [Competency(name: "Data-analyse", level: 2)]),
        customCatalogue: CatalogueCustomization(mode: .extend, categories: [
            RoleCategory(id: "eigen", name: "Eigen rollen", englishName: "Own roles", roles: [
                Role(id: "chatbotbeheerder", name: "Chatbotbeheerder", description: "Beheert de chatbot.",
                     englishName: "Chatbot keeper", englishDescription: "Keeps the chatbot.", aliases: ["botbeheer", "chatbot"]),
            ])
        ]))
}

@Suite struct SQLiteTeamStoreTests {
    @Test func newDatabaseHasSchemaWALDurableSyncAndForeignKeys() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        #expect(try store.schemaVersion() == Migrations.latestVersion)
        #expect(try store.pragma("journal_mode") == "wal")
        // 2 is FULL: every commit is fsynced.
        #expect(try store.pragma("synchronous") == "2")
        #expect(try store.pragma("foreign_keys") == "1")
    }

    @Test func initialTeamsAreAddedOnlyWhenTheDatabaseIsCreated() throws {
        let file = try TemporaryDatabase()
        var calls = 0
        do {
            let store = try SQLiteTeamStore(path: file.path) { calls += 1; return [fullTeam(name: "Voorbeeld")] }
            #expect(try store.teams().map(\.name) == ["Voorbeeld"])
        }
        let reopened = try SQLiteTeamStore(path: file.path) { calls += 1; return [fullTeam(name: "Nog een")] }
        #expect(try reopened.teams().map(\.name) == ["Voorbeeld"])
        #expect(calls == 1)
    }

    @Test func aTeamComesBackExactlyAsSaved() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let team = fullTeam()
        let id = try store.create(team)
        let loaded = try #require(try store.team(id: id))
        #expect(loaded.team == team)
        #expect(loaded.revision == 1)
        let summary = try #require(try store.teams().first)
        #expect(summary.id == id)
        #expect(summary.functionCount == 3)
        #expect(summary.organisation == "Gemeente Voorbeeldstad")
    }

    @Test func textWithANulByteOrEmptyComesBackWhole() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let team = Team(name: "Alpha\u{0}Beta", organisation: "", functions: [TeamFunction(title: "één 😀", holder: "")])
        let id = try store.create(team)
        let loaded = try #require(try store.team(id: id))
        #expect(loaded.team.name == "Alpha\u{0}Beta")
        #expect(loaded.team.functions[0].title == "één 😀")
    }

    @Test func updateWritesTheChangeAndCountsTheRevision() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(fullTeam())
        let updated = try #require(try store.update(id: id) { team in
            team.name = "Hernoemd"
            team.functions.remove(at: 0)
            team.needs.roles = []
        })
        #expect(updated.revision == 2)
        let loaded = try #require(try store.team(id: id))
        #expect(loaded.team.name == "Hernoemd")
        #expect(loaded.team.functions.map(\.title) == ["Medewerker KCC", "Uren onbekend"])
        #expect(loaded.team.needs.roles.isEmpty)
        #expect(loaded.team.needs.tasks == ["Webcare"])
    }

    @Test func aRejectedChangeWritesNothing() throws {
        struct Refused: Error {}
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(fullTeam())
        #expect {
            _ = try store.update(id: id) { team in
                team.functions = []
                throw Refused()
            }
        } throws: { error in
            guard case StoreError.rejected(let inner) = error else { return false }
            return inner is Refused
        }
        let loaded = try #require(try store.team(id: id))
        #expect(loaded.team == fullTeam())
        #expect(loaded.revision == 1)
    }

    @Test func unknownIdsAreNilOrFalse() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        #expect(try store.team(id: 42) == nil)
        #expect(try store.update(id: 42) { $0.name = "x" } == nil)
        #expect(try store.delete(id: 42) == false)
    }

    @Test func deleteRemovesEveryRowOfTheTeam() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let keep = try store.create(fullTeam(name: "Blijft"))
        let gone = try store.create(fullTeam(name: "Weg"))
        #expect(try store.delete(id: gone))
        #expect(try store.teams().map(\.id) == [keep])

        // Every child table holds only the rows of the team that is left.
        let database = try SQLiteConnection(path: file.path)
        let perTeam: [String: Int64] = [
            "functions": 3, "function_tasks": 2, "function_roles": 2, "function_competencies": 2,
            "role_needs": 2, "needed_tasks": 1, "needed_competencies": 1, "custom_categories": 1, "custom_roles": 1,
        ]
        for (table, count) in perTeam {
            #expect(try database.scalar("SELECT count(*) FROM \(table)") == count, "\(table)")
        }
    }

    @Test func concurrentUpdatesLoseNothing() async throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(Team(name: "Teller"))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    _ = try? store.update(id: id) { team in
                        team.functions.append(TeamFunction(title: "Functie \(index)"))
                    }
                }
            }
        }
        let loaded = try #require(try store.team(id: id))
        #expect(loaded.team.functions.count == 40)
        #expect(loaded.revision == 41)
    }

    /// Saves write only what changed; whatever the change, the team read back from the file
    /// (by a store that has nothing cached) is the team `update` returned.
    @Test(arguments: 0..<7)
    func onlyTheChangedRowsAreWrittenAndTheTeamReadsBackWhole(change: Int) throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(fullTeam())
        let changes: [(inout Team) -> Void] = [
            { $0.functions[1].title = "Nieuw"; $0.functions[1].roles = [RoleAssignment(roleId: "strateeg")] },
            { $0.functions.append(TeamFunction(title: "Erbij", tasks: ["één", ""], competencies: [Competency(name: "x", level: 4)])) },
            { $0.functions.remove(at: 0) },
            { $0.functions.swapAt(0, 2) },
            { $0.needs.tasks.append("Nog een taak"); $0.needs.roles.removeAll() },
            { $0.customCatalogue = nil },
            { $0.name = "Alleen de naam"; $0.standardWeekHours = 40 },
        ]
        var expected = fullTeam()
        changes[change](&expected)
        let updated = try #require(try store.update(id: id) { changes[change](&$0) })
        #expect(updated.team == expected)
        #expect(updated.revision == 2)
        // Twice, so that the second save starts from what the first one left.
        let again = try #require(try store.update(id: id) { $0.functions.append(TeamFunction(title: "Daarna")) })
        expected.functions.append(TeamFunction(title: "Daarna"))
        #expect(again.team == expected)

        let fresh = try SQLiteTeamStore(path: file.path)
        let loaded = try #require(try fresh.team(id: id))
        #expect(loaded.team == expected)
        #expect(loaded.revision == 3)
        #expect(loaded == again)
    }

    /// What `update` returns is what a read gives afterwards, also for values SQLite does not
    /// keep as they were: negative zero, NaN, and aliases with an empty line.
    @Test func anUpdateReturnsTheTeamAsTheDatabaseKeepsIt() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(fullTeam())
        let updated = try #require(try store.update(id: id) { team in
            team.functions[0].workload = .hoursPerWeek(-0.0)
            team.functions[1].workload = .fte(.nan)
            team.functions[0].roles[0].sharePercent = .nan
            team.needs.roles[0].desiredFte = -0.0
            team.customCatalogue?.categories[0].roles[0].aliases = ["a", "", "b"]
        })
        let loaded = try #require(try SQLiteTeamStore(path: file.path).team(id: id))
        #expect(updated == loaded)
        #expect(loaded.team.functions[1].workload == nil)
        #expect(loaded.team.functions[0].roles[0].sharePercent == nil)
        guard case .hoursPerWeek(let hours) = try #require(updated.team.functions[0].workload) else {
            Issue.record("workload")
            return
        }
        #expect(hours.sign == .plus)
        #expect(updated.team.customCatalogue?.categories[0].roles[0].aliases == ["a", "b"])
    }

    /// Changes committed together: one that is refused is undone alone, the others stay.
    @Test func aRefusedChangeInABusyMomentUndoesOnlyItself() async throws {
        struct Refused: Error {}
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(Team(name: "Teller"))
        let refused = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        _ = try store.update(id: id) { team in
                            team.functions.append(TeamFunction(title: "Functie \(index)"))
                            if index % 3 == 0 { throw Refused() }
                        }
                        return false
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(refused == 14)
        let loaded = try #require(try SQLiteTeamStore(path: file.path).team(id: id))
        let titles = Set(loaded.team.functions.map(\.title))
        #expect(titles == Set((0..<40).filter { $0 % 3 != 0 }.map { "Functie \($0)" }))
        #expect(loaded.revision == 27)
        #expect(try store.team(id: id) == loaded)
    }

    /// Another process (here: another store on the same file) changes a team: both what this
    /// store reads and what it saves start from that change, never from what it had kept.
    @Test func aChangeFromAnotherConnectionIsSeen() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(fullTeam())
        _ = try store.team(id: id)
        _ = try store.update(id: id) { $0.name = "Eerst" }

        let other = try SQLiteTeamStore(path: file.path)
        _ = try other.update(id: id) { $0.functions.remove(at: 0) }
        #expect(try store.team(id: id)?.team.functions.count == 2)
        let saved = try #require(try store.update(id: id) { $0.functions[0].title = "Hier" })
        #expect(saved.revision == 4)
        #expect(saved.team.functions.map(\.title) == ["Hier", "Uren onbekend"])

        // Deleted there, and another team made there: no trace of the old one here.
        #expect(try other.delete(id: id))
        let created = try other.create(Team(name: "Nieuw team"))
        #expect(try store.team(id: id) == nil)
        #expect(try store.update(id: id) { $0.organisation = "X" } == nil)
        #expect(try store.team(id: created)?.team == Team(name: "Nieuw team"))
    }

    /// Reads go to several connections in turn, each keeping what it decoded: after every save,
    /// every one of them gives the saved team.
    @Test func everyReadAfterASaveSeesIt() throws {
        let file = try TemporaryDatabase()
        let store = try SQLiteTeamStore(path: file.path)
        let id = try store.create(fullTeam())
        for round in 1...3 {
            for _ in 0..<(2 * SQLiteTeamStore.readConnections) { _ = try store.team(id: id) }
            let saved = try #require(try store.update(id: id) { $0.functions[0].title = "Ronde \(round)" })
            for _ in 0..<(2 * SQLiteTeamStore.readConnections) {
                #expect(try store.team(id: id) == saved)
            }
        }
    }

    @Test func sqlErrorsCarryTheStatementAndResultCode() throws {
        let file = try TemporaryDatabase()
        _ = try SQLiteTeamStore(path: file.path)
        let database = try SQLiteConnection(path: file.path)
        try database.execute("PRAGMA foreign_keys = ON")
        #expect {
            try database.run("INSERT INTO functions (team_id, position, title) VALUES (?, 0, 'x')", .integer(999))
        } throws: { error in
            guard let error = error as? SQLiteError else { return false }
            // 787 is SQLITE_CONSTRAINT_FOREIGNKEY.
            return error.code == 787 && error.sql?.contains("INSERT INTO functions") == true
        }
        #expect(throws: SQLiteError.self) { try database.execute("SELECT * FROM no_such_table") }
    }

    @Test func anUnwritablePathIsADatabaseError() {
        #expect {
            _ = try SQLiteTeamStore(path: "/proc/teamplotter-cannot-be-here/db.sqlite")
        } throws: { error in
            guard case StoreError.database(let inner) = error else { return false }
            return inner.message.contains("/proc/teamplotter-cannot-be-here")
        }
    }
}
