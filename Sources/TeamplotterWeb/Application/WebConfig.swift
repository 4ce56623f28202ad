import TeamplotterCore
import TeamplotterReport

/// How the web app is set up; `teamplotter serve` and the tests both fill one in.
public struct WebConfig: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (the tests do).
    public var port: Int
    public var databasePath: String
    public var limits: HTTPServer.Limits
    /// THE PLACE FOR THE TEAM PLOT (issue 4): given the team and its analysis, returns the SVG
    /// to show on the team and analysis pages. Nil leaves the place out.
    public var teamPlot: (@Sendable (Team, GapAnalysis, Language) -> HTML?)?
    /// Where the server writes what went wrong inside (never shown to visitors).
    public var log: @Sendable (String) -> Void

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String,
        limits: HTTPServer.Limits = .standard,
        teamPlot: (@Sendable (Team, GapAnalysis, Language) -> HTML?)? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.limits = limits
        self.teamPlot = teamPlot
        self.log = log
    }
}
