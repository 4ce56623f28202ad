import Foundation
import TeamplotterFormats
import TeamplotterReport

/// What the application answers. Headers keep their order; a name may repeat (Set-Cookie).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    public mutating func addHeader(_ name: String, _ value: String) {
        headers.append((name, value))
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// An HTML page. Only `HTML` goes in, so everything in it was escaped or trusted by name.
    public static func html(_ page: HTML, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Data(("<!DOCTYPE html>\n" + page.markup).utf8))
    }

    /// An HTML page whose bytes were made by `html(_:)` before (and kept).
    static func html(body: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: body)
    }

    /// POST-redirect-GET: 303 makes the browser fetch the target with GET.
    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [("Location", location)])
    }

    /// JSON; the writer escapes < > & so the text is inert even if opened as HTML.
    public static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")],
            body: Data(JSONWriter.write(value).utf8))
    }
}
