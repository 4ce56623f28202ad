/// Matches a method and path to a handler. Patterns are literal segments and `{name}`
/// placeholders: `/teams/{id}/functions/{number}`.
struct Router {
    typealias Handler = @Sendable (RequestContext) throws -> HTTPResponse

    private struct Route {
        let method: String
        let segments: [Substring]
        let handler: Handler
    }

    enum Outcome {
        case found(Handler, parameters: [String: String])
        /// The path exists, not with this method; the methods it has.
        case methodNotAllowed([String])
        case notFound
    }

    private var routes: [Route] = []

    mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }
    mutating func put(_ pattern: String, _ handler: @escaping Handler) { add("PUT", pattern, handler) }

    private mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, segments: pattern.split(separator: "/"), handler: handler))
    }

    func route(method: String, path: String) -> Outcome {
        // HEAD is GET without the body; libmicrohttpd leaves the body out.
        let method = method == "HEAD" ? "GET" : method
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = Self.match(route.segments, segments) else { continue }
            if route.method == method { return .found(route.handler, parameters: parameters) }
            allowed.append(route.method)
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains("GET") { allowed.append("HEAD") }
        return .methodNotAllowed(allowed)
    }

    private static func match(_ pattern: [Substring], _ path: [Substring]) -> [String: String]? {
        guard pattern.count == path.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, path) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                parameters[String(expected.dropFirst().dropLast())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
