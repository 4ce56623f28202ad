import Foundation
import Testing
import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport
import TeamplotterStore
@testable import TeamplotterWeb

/// An application on a database in a fresh temporary folder, with a browser-like cookie jar.
final class TestApp {
    let folder: URL
    let app: Application
    let token = String(repeating: "ab", count: 32)
    var acceptLanguage: String?

    init(limits: HTTPServer.Limits = .standard) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("teamplotter-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        app = try buildApplication(WebConfig(
            port: 0, databasePath: folder.appendingPathComponent("web.sqlite").path, limits: limits))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var store: any TeamStore { app.store }

    func get(_ path: String, headers: [String: String] = [:]) -> HTTPResponse {
        let (pathOnly, query) = Self.split(path)
        var all = ["cookie": "\(CSRFToken.cookieName)=\(token)"]
        if let acceptLanguage { all["accept-language"] = acceptLanguage }
        all.merge(headers) { _, new in new }
        return app.handle(HTTPRequest(method: "GET", path: pathOnly, query: query, headers: all))
    }

    /// Posts a form as a browser would, with the CSRF token unless told otherwise.
    func post(_ path: String, _ fields: [(String, String)], token: String? = nil, headers: [String: String] = [:]) -> HTTPResponse {
        var all = ["cookie": "\(CSRFToken.cookieName)=\(self.token)", "content-type": "application/x-www-form-urlencoded"]
        if let acceptLanguage { all["accept-language"] = acceptLanguage }
        all.merge(headers) { _, new in new }
        let form = FormFields([(CSRFToken.fieldName, token ?? self.token)] + fields)
        return app.handle(HTTPRequest(method: "POST", path: path, headers: all, form: form))
    }

    func api(
        _ method: String, _ path: String, json: String? = nil, contentType: String = "application/json",
        headers extra: [String: String] = [:]
    ) -> HTTPResponse {
        var headers = extra
        if json != nil { headers["content-type"] = contentType }
        return app.handle(HTTPRequest(method: method, path: path, headers: headers, body: Data((json ?? "").utf8)))
    }

    static func split(_ path: String) -> (String, [String: String]) {
        guard let mark = path.firstIndex(of: "?") else { return (path, [:]) }
        var query: [String: String] = [:]
        for pair in path[path.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            query[String(parts[0])] = parts.count > 1 ? String(parts[1]).removingPercentEncoding : ""
        }
        return (String(path[..<mark]), query)
    }
}

/// The repository's examples folder, found from this file's place.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("examples").appendingPathComponent(name))
    }

    /// What `teamplotter analyse examples/voorbeeldstad-team.csv --needs examples/voorbeeldstad-behoefte.csv` reads.
    static func exampleTeamFromFiles() throws -> Team {
        var team = try TeamLoader.loadTeam(try example("voorbeeldstad-team.csv"), file: "voorbeeldstad-team.csv").team
        team.needs = try TeamLoader.loadNeeds(try example("voorbeeldstad-behoefte.csv"), file: "voorbeeldstad-behoefte.csv")
        return team
    }
}

extension HTTPResponse {
    /// Every `name="value"` attribute value of the input with this id.
    func inputValue(id: String) -> String? {
        guard let tag = inputTag(id: id), let valueRange = tag.range(of: "value=\"") else { return nil }
        return String(tag[valueRange.upperBound...].prefix { $0 != "\"" })
    }

    /// The opening tag of the input with this id, without its closing `>`.
    func inputTag(id: String) -> String? {
        let page = text
        guard let idRange = page.range(of: "id=\"\(id)\"") else { return nil }
        let start = page[..<idRange.lowerBound].range(of: "<input", options: .backwards)?.lowerBound ?? idRange.lowerBound
        return String(page[start...].prefix { $0 != ">" })
    }

    /// The text inside the element with this id (up to its first closing tag).
    func elementText(id: String) -> String? {
        let page = text
        guard let idRange = page.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = page[idRange.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = page[page.index(after: open)...]
        guard let close = rest.range(of: "</") else { return nil }
        return String(rest[..<close.lowerBound])
    }
}
