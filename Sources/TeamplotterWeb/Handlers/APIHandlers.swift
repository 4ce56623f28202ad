import Foundation
import TeamplotterCore
import TeamplotterFormats
import TeamplotterStore

/// The JSON API. Teams are exchanged as team documents (docs/team-document.md); the analysis
/// is the JSON contract of docs/analysis-json.md. Errors are `{"error": {status, code, message}}`.
enum APIHandlers {
    static func roles(_ context: RequestContext) throws -> HTTPResponse {
        .json(.object([("categories", .array(Catalogue.builtIn.categories.map(\.json)))]))
    }


    static func teams(_ context: RequestContext) throws -> HTTPResponse {
        .json(.object([
            ("teams", .array(try context.store.teams().map { summary in
                .object([
                    ("id", .number(Double(summary.id))),
                    ("name", .string(summary.name)),
                    ("organisation", .string(summary.organisation)),
                    ("functions", .number(Double(summary.functionCount))),
                    ("updatedAt", .string(summary.updatedAt)),
                    ("url", .string("/api/teams/\(summary.id)")),
                ])
            }))
        ]))
    }

    static func team(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        var response = HTTPResponse.json(TeamDocument.encode(stored.team))
        response.setHeader("ETag", "\"\(stored.revision)\"")
        return response
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        let team = try readDocument(context)
        guard case .success(let team) = team else { return try failure(team) }
        let id = try context.store.create(team)
        var response = HTTPResponse.json(.object([("id", .number(Double(id))), ("url", .string("/api/teams/\(id)"))]), status: 201)
        response.setHeader("Location", "/api/teams/\(id)")
        return response
    }

    static func replace(_ context: RequestContext) throws -> HTTPResponse {
        let id = try context.idParameter()
        let read = try readDocument(context)
        guard case .success(let team) = read else { return try failure(read) }
        // If-Match: "3" replaces the team only while it is still revision 3 (the ETag of GET).
        var expected: Int?
        if let match = context.request.header("if-match"), match != "*" {
            guard let revision = Int(match.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) else {
                throw WebError.badRequest("If-Match must be an ETag from GET /api/teams/\(id).")
            }
            expected = revision
        }
        let saved: StoredTeam
        do {
            guard let stored = try context.store.update(id: id, ifRevision: expected, { $0 = team }) else { throw WebError.notFound }
            saved = stored
        } catch StoreError.revisionMismatch(let current) {
            var response = APIErrors.body(
                status: 412, code: "preconditionFailed",
                message: "The team changed since it was read; it is now revision \(current). Read it again, then send your change.")
            response.setHeader("ETag", "\"\(current)\"")
            return response
        }
        var response = HTTPResponse.json(TeamDocument.encode(saved.team))
        response.setHeader("ETag", "\"\(saved.revision)\"")
        return response
    }

    static func analysis(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        return .json(GapAnalyser.analyse(stored.team).json(context.language))
    }

    private static func readDocument(_ context: RequestContext) throws -> Result<Team, InputProblems> {
        let type = context.request.header("content-type")?.lowercased() ?? ""
        // Only JSON: a browser cannot send it from another site without asking first (CORS),
        // which is what keeps this API safe from cross-site forgery without a token.
        guard type.hasPrefix("application/json") else { throw WebError.unsupportedMediaType(expected: "application/json") }
        do throws(InputProblems) {
            return .success(try TeamDocument.read(context.request.body, file: nil))
        } catch {
            return .failure(error)
        }
    }

    private static func failure(_ result: Result<Team, InputProblems>) throws -> HTTPResponse {
        guard case .failure(let problems) = result else { throw WebError.badRequest("no problem") }
        let invalidJSON = problems.problems.contains {
            switch $0.kind {
            case .invalidJSON, .emptyFile: true
            default: false
            }
        }
        let status = invalidJSON ? 400 : 422
        return APIErrors.body(
            status: status, code: invalidJSON ? "invalidJSON" : "invalidTeamDocument",
            message: "The team document has \(problems.errors.count) problem(s); nothing was saved.",
            problems: problems.problems.map { problem in
                // A syntax error or a key given twice is placed by line and column, where the
                // document has no path to it yet.
                var fields: [(String, JSONValue?)] = [("path", .string(problem.location.path))]
                if let line = problem.location.row { fields.append(("line", .number(Double(line)))) }
                if let column = problem.location.column { fields.append(("column", .number(Double(column)))) }
                fields += [("message", .string(problem.message(.en))), ("messageNl", .string(problem.message(.nl)))]
                return .object(fields)
            })
    }
}
