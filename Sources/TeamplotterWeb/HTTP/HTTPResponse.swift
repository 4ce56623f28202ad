import Foundation
import TeamplotterFormats
import TeamplotterReport

/// What the application answers. Headers keep their order; a name may repeat (Set-Cookie).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// `body` again, in a file the server sends from (see `FileBody`); nil for most answers.
    public var file: FileBody?

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data(), file: FileBody? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.file = file
    }

    public func header(_ name: String) -> String? {
        headers.first { Self.sameName($0.name, name) }?.value
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { Self.sameName($0.name, name) }
        headers.append((name, value))
    }

    /// `a.lowercased() == b.lowercased()`, without making the two lowercased copies: every
    /// answer looks up each security header among its headers, and those copies were 2 % of the
    /// server's time. Header names are ASCII and compared byte by byte; any other text is
    /// compared as before. (An ASCII character lowercases to one ASCII character whatever
    /// surrounds it, so a difference between two ASCII bytes at the same place is final.)
    static func sameName(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil):
                return true
            case let (x?, y?):
                if x >= 0x80 || y >= 0x80 { return a.lowercased() == b.lowercased() }
                if x != y && asciiLowercase(x) != asciiLowercase(y) { return false }
            default:
                // One ended after an all-ASCII start; the other's rest lowercases to more.
                return false
            }
        }
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
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
    static func html(body: Data, file: FileBody? = nil, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: body, file: file)
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
