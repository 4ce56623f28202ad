import Foundation

/// A request as the application sees it, after libmicrohttpd has parsed it.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path, without the query string, percent-decoded by libmicrohttpd.
    public var path: String
    /// Query arguments, decoded.
    public var query: [String: String]
    /// Header names in lower case.
    public var headers: [String: String]
    /// Form fields (urlencoded or multipart), decoded; a field named twice keeps every value.
    public var form: FormFields
    /// The body as sent, for requests that are not forms (JSON for the API).
    public var body: Data
    /// The body was larger than the server accepts; it was dropped.
    public var bodyTooLarge: Bool
    /// The body said it was a form but could not be parsed as one.
    public var formUnreadable: Bool

    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        form: FormFields = FormFields(), body: Data = Data(), bodyTooLarge: Bool = false, formUnreadable: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.form = form
        self.body = body
        self.bodyTooLarge = bodyTooLarge
        self.formUnreadable = formUnreadable
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// Cookies sent with the request, by name.
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for part in (header("cookie") ?? "").split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = pair[0].trimmingCharacters(in: .whitespaces)
            if result[name] == nil { result[name] = pair[1].trimmingCharacters(in: .whitespaces) }
        }
        return result
    }
}

/// Form fields in the order they came, with uploaded files kept apart.
public struct FormFields: Sendable {
    public struct File: Sendable {
        public var filename: String
        public var contentType: String?
        public var data: Data
    }

    private(set) var values: [(name: String, value: String)] = []
    public private(set) var files: [String: File] = [:]

    public init(_ values: [(String, String)] = []) {
        self.values = values.map { (name: $0.0, value: $0.1) }
    }

    public subscript(name: String) -> String? {
        values.first { $0.name == name }?.value
    }

    mutating func append(_ name: String, _ value: String) {
        values.append((name, value))
    }

    mutating func appendFile(_ name: String, filename: String, contentType: String?, chunk: Data) {
        if files[name] == nil {
            files[name] = File(filename: filename, contentType: contentType, data: Data())
        }
        files[name]?.data.append(chunk)
    }

    /// Decodes `application/x-www-form-urlencoded`, for tests that post in process.
    public static func urlEncoded(_ text: String) -> FormFields {
        var fields = FormFields()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            fields.append(decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
        return fields
    }
}
