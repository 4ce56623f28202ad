import Foundation
import TeamplotterCore
import TeamplotterStore

/// Builds the web app: opens (or creates) the database, with the example team in a new one,
/// and sets up the routes. `teamplotter serve` and the tests both start here.
public func buildApplication(_ config: WebConfig) throws -> Application {
    let store = try SQLiteTeamStore(path: config.databasePath) { [ExampleTeam.team] }
    return Application(config: config, store: store)
}

/// The web app: turns requests into responses. `start()` puts it on a socket.
public final class Application: Sendable {
    public let config: WebConfig
    public let store: any TeamStore
    private let router: Router
    let renders = RenderCache()

    init(config: WebConfig, store: any TeamStore) {
        self.config = config
        self.store = store
        var router = Router()
        Routes.register(in: &router)
        self.router = router
    }

    /// Listens on the configured host and port; the server answers through `handle`.
    public func start() throws -> HTTPServer {
        try HTTPServer(host: config.host, port: config.port, limits: config.limits) { [self] request in
            handle(request)
        }
    }

    /// Whether the host is reachable only from this machine.
    public static func isLoopback(_ host: String) -> Bool { SocketAddress.isLoopback(host) }

    /// Answers one request. Never throws: every failure becomes an error page.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let (language, rememberLanguage) = LanguageChoice.choose(request)
        var newCookies: [String] = []
        if rememberLanguage { newCookies.append(LanguageChoice.cookie(language)) }
        var token = request.cookies[CSRFToken.cookieName] ?? ""
        let hadToken = CSRFToken.isWellFormed(token)
        if !hadToken {
            token = CSRFToken.generate()
            newCookies.append(CSRFToken.cookie(token))
        }
        let isAPI = request.path == "/api" || request.path.hasPrefix("/api/")

        var response: HTTPResponse
        do {
            if request.bodyTooLarge { throw WebError.payloadTooLarge(maximumBytes: config.limits.maximumBodyBytes) }
            if !hostIsAccepted(request) {
                throw WebError.badRequest(language.pick(
                    "Deze server is alleen bereikbaar via zijn IP-adres.", "This server is only reachable through its IP address."))
            }
            if request.formUnreadable {
                throw WebError.badRequest(language.pick("Het formulier kon niet worden gelezen.", "The form could not be read."))
            }
            switch router.route(method: request.method, path: request.path) {
            case .notFound:
                throw WebError.notFound
            case .methodNotAllowed(let allowed):
                throw WebError.methodNotAllowed(allowed)
            case .found(let handler, let parameters):
                if request.method == "POST" && !isAPI {
                    try checkForm(request, cookieToken: hadToken ? token : nil)
                }
                let context = RequestContext(
                    request: request, parameters: parameters, language: language, csrfToken: token,
                    store: store, config: config, renders: renders)
                response = try handler(context)
            }
        } catch let error as WebError {
            response = isAPI ? APIErrors.response(error) : ErrorPages.response(error, language: language, path: request.path)
        } catch {
            // The details go to the log, never to the visitor.
            config.log("error: \(request.method) \(request.path): \(error)")
            response = isAPI
                ? APIErrors.internalError()
                : ErrorPages.internalError(language: language, path: request.path)
        }

        for cookie in newCookies { response.addHeader("Set-Cookie", cookie) }
        for (name, value) in SecurityHeaders.all where response.header(name) == nil {
            response.addHeader(name, value)
        }
        if response.header("Cache-Control") == nil { response.addHeader("Cache-Control", "no-store") }
        if !isAPI { response.addHeader("Vary", "Cookie, Accept-Language") }
        return response
    }

    /// Bound to loopback, only loopback names are accepted in the Host header. A web page on
    /// another site could otherwise point its own domain name at 127.0.0.1 (DNS rebinding) and
    /// read the teams as if it were this site.
    private func hostIsAccepted(_ request: HTTPRequest) -> Bool {
        guard SocketAddress.isLoopback(config.host), let host = request.header("host") else { return true }
        var name = host
        if name.hasPrefix("[") {
            name = String(name.dropFirst().prefix { $0 != "]" })
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return SocketAddress.isLoopback(name.lowercased())
    }

    /// A form post must carry the token of the visitor's cookie, and come from this site when
    /// the browser says where it came from.
    private func checkForm(_ request: HTTPRequest, cookieToken: String?) throws {
        guard let cookieToken, let sent = request.form[CSRFToken.fieldName], CSRFToken.matches(sent, cookieToken) else {
            throw WebError.staleForm
        }
        if let origin = request.header("origin"), origin != "null", let host = request.header("host") {
            let stripped = origin.replacingOccurrences(of: "http://", with: "").replacingOccurrences(of: "https://", with: "")
            guard stripped == host else { throw WebError.staleForm }
        }
    }
}
