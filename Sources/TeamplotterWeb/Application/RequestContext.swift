import TeamplotterCore
import TeamplotterStore

/// One request with what the application worked out about it.
struct RequestContext: Sendable {
    let request: HTTPRequest
    let parameters: [String: String]
    let language: Language
    /// The token forms carry; equal to the visitor's CSRF cookie.
    let csrfToken: String
    let store: any TeamStore
    let config: WebConfig
    let renders: RenderCache

    var form: FormFields { request.form }

    func pick(_ dutch: String, _ english: String) -> String { language.pick(dutch, english) }

    /// A numeric path parameter, or 404.
    func idParameter(_ name: String = "id") throws -> Int64 {
        guard let text = parameters[name], let value = Int64(text), value > 0 else { throw WebError.notFound }
        return value
    }

    /// The team named in the path, or 404.
    func storedTeam() throws -> StoredTeam {
        guard let stored = try store.team(id: try idParameter()) else { throw WebError.notFound }
        return stored
    }

    /// Applies a change to a team in one transaction; a `WebError` thrown inside (a function
    /// that is gone) comes out as itself, and an unknown team is 404.
    func change(_ id: TeamID, _ body: (inout Team) throws -> Void) throws {
        do {
            guard try store.update(id: id, body) != nil else { throw WebError.notFound }
        } catch StoreError.rejected(let inner) {
            throw inner
        }
    }
}
