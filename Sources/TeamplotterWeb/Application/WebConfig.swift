/// How the web app is set up; `teamplotter serve` and the tests both fill one in.
public struct WebConfig: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (the tests do).
    public var port: Int
    public var databasePath: String
    public var limits: HTTPServer.Limits
    /// Where the server writes what went wrong inside (never shown to visitors).
    public var log: @Sendable (String) -> Void

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String,
        limits: HTTPServer.Limits = .standard,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.limits = limits
        self.log = log
    }
}
