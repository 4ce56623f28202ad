import Foundation
import Testing
import TeamplotterCore
import TeamplotterFormats
import TeamplotterStore
@testable import TeamplotterWeb

@Suite struct ErrorAndAPITests {
    @Test func errorPagesSayWhatHappenedAndNothingMore() throws {
        let test = try TestApp()
        let missing = test.get("/teams/999")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Pagina niet gevonden"))
        #expect(test.get("/geen/pagina").status == 404)

        let wrongMethod = test.app.handle(HTTPRequest(method: "DELETE", path: "/teams/1"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "GET, HEAD")

        let tooLarge = test.app.handle(HTTPRequest(method: "POST", path: "/teams", bodyTooLarge: true))
        #expect(tooLarge.status == 413)
        #expect(tooLarge.text.contains("te groot"))
    }

    @Test func theUploadFormAndThe413PageNameTheConfiguredLimit() throws {
        let test = try TestApp()
        let home = test.get("/")
        #expect(home.elementText(id: "team-file-hint") == "Hoogstens 8 MB, samen met het behoeftebestand.")
        #expect(home.inputTag(id: "team-file")?.contains(#"aria-describedby="team-file-hint""#) == true)
        let tooLarge = test.app.handle(HTTPRequest(method: "POST", path: "/teams", bodyTooLarge: true))
        #expect(tooLarge.status == 413)
        #expect(tooLarge.text.contains("groter dan de 8 MB die deze server aanneemt"))

        test.acceptLanguage = "en"
        #expect(test.get("/").elementText(id: "team-file-hint") == "At most 8 MB, together with the needs file.")
        let english = test.app.handle(HTTPRequest(method: "POST", path: "/teams", headers: ["accept-language": "en"], bodyTooLarge: true))
        #expect(english.text.contains("larger than the 8 MB this server accepts"))

        // Another limit shows as itself: the text comes from the configuration.
        var limits = HTTPServer.Limits.standard
        limits.maximumBodyBytes = 2 * 1_048_576 + 524_288
        let smaller = try TestApp(limits: limits)
        #expect(smaller.get("/").elementText(id: "team-file-hint") == "Hoogstens 2,5 MB, samen met het behoeftebestand.")
        let refused = smaller.app.handle(HTTPRequest(method: "POST", path: "/teams", bodyTooLarge: true))
        #expect(refused.text.contains("groter dan de 2,5 MB"))
    }

    @Test func anInternalFailureIsA500ThatLeaksNothing() throws {
        struct BrokenStore: TeamStore {
            func teams() throws(StoreError) -> [TeamSummary] {
                throw .database(SQLiteError(code: 11, message: "database disk image is malformed", sql: "SELECT secret FROM teams"))
            }
            func team(id: TeamID) throws(StoreError) -> StoredTeam? { try teams().first.map { _ in nil } ?? nil }
            func create(_ team: Team) throws(StoreError) -> TeamID { _ = try teams(); return 0 }
            func update(id: TeamID, ifRevision: Int?, _ change: (inout Team) throws -> Void) throws(StoreError) -> StoredTeam? { _ = try teams(); return nil }
            func delete(id: TeamID) throws(StoreError) -> Bool { _ = try teams(); return false }
        }
        let logged = LogBox()
        let app = Application(config: WebConfig(databasePath: "", log: { logged.append($0) }), store: BrokenStore())
        for (path, api) in [("/", false), ("/teams/1", false), ("/api/teams", true)] {
            let response = app.handle(HTTPRequest(method: "GET", path: path))
            #expect(response.status == 500)
            #expect(!response.text.contains("SELECT") && !response.text.contains("malformed") && !response.text.contains("SQLite"))
            #expect(response.header("Content-Type")?.hasPrefix(api ? "application/json" : "text/html") == true)
        }
        #expect(logged.lines.contains { $0.contains("SELECT secret FROM teams") }, "the details go to the log")
    }

    @Test func theAPIServesRolesTeamsAndTheAnalysisContract() throws {
        let test = try TestApp()
        let roles = try JSONValue.parse(test.api("GET", "/api/roles").body)
        guard case .array(let categories)? = roles["categories"] else { Issue.record("no categories"); return }
        let roleCount = categories.reduce(0) { count, category in
            if case .array(let list)? = category["roles"] { return count + list.count }
            return count
        }
        #expect(categories.count == 4 && roleCount == 24)

        let id = try #require(try test.store.teams().first?.id)
        let analysis = try JSONValue.parse(test.api("GET", "/api/teams/\(id)/analysis").body)
        #expect(analysis["summary"]?["missing"] == .number(7))
        #expect(analysis["summary"]?["understaffed"] == .number(5))
        #expect(analysis["summary"]?["single"] == .number(8))
        guard case .array(let roleResults)? = analysis["roles"] else { Issue.record("no roles"); return }
        let strateeg = roleResults.first { $0["id"] == .string("strateeg") }
        #expect(strateeg?["status"] == .string("understaffed"))
        #expect(strateeg?["desiredFte"] == .number(0.5))

        let document = test.api("GET", "/api/teams/\(id)")
        #expect(document.status == 200)
        #expect(try TeamDocument.read(document.body, file: nil).functions.count == 9)
    }

    @Test func putWithIfMatchReplacesOnlyTheRevisionThatWasRead() throws {
        let test = try TestApp()
        let read = test.api("GET", "/api/teams/1")
        let etag = try #require(read.header("ETag"))
        let team = try TeamDocument.read(read.body, file: nil)
        var changed = team
        changed.name = "Eerste wijziging"
        let first = test.api("PUT", "/api/teams/1", json: TeamDocument.write(changed), headers: ["if-match": etag])
        #expect(first.status == 200)
        #expect(first.header("ETag") != etag)
        // A second client with the old ETag is told, and overwrites nothing.
        changed.name = "Tweede wijziging"
        let second = test.api("PUT", "/api/teams/1", json: TeamDocument.write(changed), headers: ["if-match": etag])
        #expect(second.status == 412)
        #expect(second.header("ETag") == first.header("ETag"))
        #expect(try test.store.team(id: 1)?.team.name == "Eerste wijziging")
        #expect(test.api("PUT", "/api/teams/1", json: TeamDocument.write(changed), headers: ["if-match": "nonsense"]).status == 400)
    }

    @Test func putReplacesATeamOrSaysPreciselyWhyNot() throws {
        let test = try TestApp()
        let id = try #require(try test.store.teams().first?.id)
        var team = try #require(try test.store.team(id: id)).team
        team.name = "Via de API"
        team.functions.removeLast()
        let put = test.api("PUT", "/api/teams/\(id)", json: TeamDocument.write(team))
        #expect(put.status == 200)
        #expect(put.header("ETag") == "\"2\"")
        #expect(try test.store.team(id: id)?.team == team)

        let invalid = test.api("PUT", "/api/teams/\(id)", json: #"{"version": 1, "functions": [{"title": "", "hoursPerWeek": "abc", "roles": ["Strateg"]}]}"#)
        #expect(invalid.status == 422)
        let body = try JSONValue.parse(invalid.body)
        #expect(body["error"]?["code"] == .string("invalidTeamDocument"))
        guard case .array(let problems)? = body["error"]?["problems"] else { Issue.record("no problems"); return }
        #expect(problems.count == 3)
        #expect(problems.contains { $0["path"] == .string("functions[0].roles[0]") })
        #expect(try test.store.team(id: id)?.team == team, "nothing changed")

        let broken = test.api("PUT", "/api/teams/\(id)", json: "{\n  nope")
        #expect(broken.status == 400)
        guard case .array(let syntax)? = try JSONValue.parse(broken.body)["error"]?["problems"] else { Issue.record("no problems"); return }
        #expect(syntax.first?["line"] == .number(2))
        #expect(syntax.first?["column"] == .number(3))
        let empty = test.api("PUT", "/api/teams/\(id)", json: "")
        #expect(empty.status == 400)
        guard case .array(let emptiness)? = try JSONValue.parse(empty.body)["error"]?["problems"] else { Issue.record("no problems"); return }
        #expect(emptiness.first?["message"] == .string("the file is empty"))
        let twice = test.api("PUT", "/api/teams/\(id)", json: #"{"version": 1, "name": "A", "name": "B"}"#)
        #expect(twice.status == 422)
        guard case .array(let keys)? = try JSONValue.parse(twice.body)["error"]?["problems"] else { Issue.record("no problems"); return }
        #expect(keys.first?["column"] == .number(29))
        #expect(try test.store.team(id: id)?.team == team, "nothing changed")
        #expect(test.api("PUT", "/api/teams/\(id)", json: TeamDocument.write(team), contentType: "text/plain").status == 415)
        let unknown = test.api("PUT", "/api/teams/424242", json: TeamDocument.write(team))
        #expect(unknown.status == 404)
        #expect(try JSONValue.parse(unknown.body)["error"]?["code"] == .string("notFound"))
        let wrongMethod = test.api("DELETE", "/api/teams/\(id)")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "GET, PUT, HEAD")

        let created = test.api("POST", "/api/teams", json: TeamDocument.write(team))
        #expect(created.status == 201)
        #expect(created.header("Location")?.hasPrefix("/api/teams/") == true)
    }
}

final class LogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

@Suite struct HostHeaderTests {
    @Test func onLoopbackOnlyLoopbackHostNamesAreAnswered() throws {
        let test = try TestApp()
        for host in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "127.0.0.1"] {
            #expect(test.get("/roles", headers: ["host": host]).status == 200, "\(host)")
        }
        let rebound = test.get("/api/teams", headers: ["host": "attacker.example:8080"])
        #expect(rebound.status == 400)
        #expect(!rebound.text.contains(ExampleTeam.name))
    }
}
