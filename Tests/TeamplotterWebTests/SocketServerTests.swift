import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterWeb

/// A minimal client for the tests: sends raw bytes over TCP and reads the answer until the
/// server closes (every request says `Connection: close`). Raw, so that the tests control
/// exactly what goes over the wire.
enum RawHTTP {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    static func send(port: Int, _ request: Data) throws -> Answer {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + "\n" + value } ?? value
        }
        return Answer(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    static func request(_ method: String, _ path: String, headers: [String] = [], body: Data = Data()) -> Data {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for header in headers { head += header + "\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        return Data((head + "\r\n").utf8) + body
    }
}

@Suite(.serialized) struct SocketServerTests {
    @Test func theServerAnswersOverARealSocketOnAnEphemeralPort() throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        #expect(server.port > 0)

        let home = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/"))
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["x-content-type-options"] == "nosniff")
        #expect(home.body.contains(ExampleTeam.name))
        #expect(home.headers["set-cookie"]?.contains("tp_csrf=") == true)

        let css = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/static/style.css?v=1"))
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        let english = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/roles?lang=en"))
        #expect(english.body.contains("<html lang=\"en\">"), "query arguments reach the app")
        let head = try RawHTTP.send(port: server.port, RawHTTP.request("HEAD", "/roles"))
        #expect(head.status == 200 && head.body.isEmpty)
    }

    /// Large bodies are handed to libmicrohttpd without a copy (and the analysis page straight
    /// from the render cache); over the socket they are byte for byte what the app answered, also
    /// when many are sent at once and when the cache has since dropped them.
    @Test func largeAndCachedBodiesArriveWhole() async throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        let expected = test.get("/teams/1/analysis").text
        #expect(expected.utf8.count > 4096)
        let port = server.port
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try RawHTTP.send(port: port, RawHTTP.request("GET", "/teams/1/analysis", headers: ["Accept-Language: nl"])).body
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == 16 && answers.allSatisfy { $0 == expected })
        let small = try RawHTTP.send(port: port, RawHTTP.request("GET", "/teams/999"))
        #expect(small.status == 404 && !small.body.isEmpty)
    }

    /// The cached analysis page goes out of its file (`sendfile`): the same bytes as from memory,
    /// for GET and HEAD, also after the team changed and the page was drawn and kept again.
    @Test func aPageSentFromItsFileIsThePage() throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        let answer = test.app.handle(HTTPRequest(method: "GET", path: "/teams/1/analysis"))
        let file = try #require(answer.file)
        #expect(file.count == answer.body.count)
        var copy = [UInt8](repeating: 0, count: file.count)
        #expect(pread(file.descriptor, &copy, copy.count, 0) == copy.count)
        #expect(Data(copy) == answer.body)

        let sent = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/teams/1/analysis"))
        #expect(sent.status == 200 && sent.body == String(decoding: answer.body, as: UTF8.self))
        #expect(sent.headers["content-length"] == String(answer.body.count))
        #expect(sent.headers["x-content-type-options"] == "nosniff")
        let head = try RawHTTP.send(port: server.port, RawHTTP.request("HEAD", "/teams/1/analysis"))
        #expect(head.status == 200 && head.body.isEmpty)
    }

    @Test func anUrlEncodedFormIsDecodedAndRedirected() throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        let body = "csrf=\(test.token)&mode=empty&name=A%26B+%3Cb%3Ez%C3%A9%3C%2Fb%3E"
        let answer = try RawHTTP.send(port: server.port, RawHTTP.request(
            "POST", "/teams",
            headers: ["Content-Type: application/x-www-form-urlencoded", "Cookie: tp_csrf=\(test.token)"],
            body: Data(body.utf8)))
        #expect(answer.status == 303)
        let id = try #require(answer.headers["location"].flatMap { Int64($0.dropFirst("/teams/".count)) })
        #expect(try test.store.team(id: id)?.team.name == "A&B <b>zé</b>")
        let page = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/teams/\(id)", headers: ["Cookie: tp_csrf=\(test.token)"]))
        #expect(page.body.contains("<h1>A&amp;B &lt;b&gt;zé&lt;/b&gt;</h1>"))
    }

    @Test func aBodyOfThousandsOfEmptyFieldsIsRefusedAndChangesNothing() throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        let before = try test.store.teams().count
        let body = "csrf=\(test.token)&mode=empty&name=X&" + String(repeating: "a=&", count: RequestState.maximumFields + 10)
        let answer = try RawHTTP.send(port: server.port, RawHTTP.request(
            "POST", "/teams",
            headers: ["Content-Type: application/x-www-form-urlencoded", "Cookie: tp_csrf=\(test.token)"],
            body: Data(body.utf8)))
        #expect(answer.status == 400)
        #expect(try test.store.teams().count == before)
    }

    @Test func aMultipartUploadOfTheExampleWorksheetCreatesATeam() throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        let boundary = "----teamplotter-test-boundary"
        var body = Data()
        func part(_ name: String, _ value: String) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        part("csrf", test.token)
        part("mode", "upload")
        part("name", "Geüpload team")
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"team-file\"; filename=\"team.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += try Repository.example("voorbeeldstad-team.csv")
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        let answer = try RawHTTP.send(port: server.port, RawHTTP.request(
            "POST", "/teams",
            headers: ["Content-Type: multipart/form-data; boundary=\(boundary)", "Cookie: tp_csrf=\(test.token)"], body: body))
        #expect(answer.status == 303)
        let id = try #require(answer.headers["location"].flatMap { Int64($0.dropFirst("/teams/".count)) })
        let team = try #require(try test.store.team(id: id)).team
        #expect(team.name == "Geüpload team")
        #expect(team.functions.count == 9)
        #expect(team.functions[1].tasks == ["Visie online dienstverlening 2030 opstellen", "Afstemming met de I-strategie"])
    }

    @Test func theAPIWorksOverTheSocket() throws {
        let test = try TestApp()
        let server = try test.app.start()
        defer { server.stop() }
        let roles = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/api/roles"))
        #expect(roles.status == 200 && roles.headers["content-type"] == "application/json; charset=utf-8")
        let put = try RawHTTP.send(port: server.port, RawHTTP.request(
            "PUT", "/api/teams/1", headers: ["Content-Type: application/json"],
            body: Data(#"{"version": 1, "team": {"name": "Via socket"}, "functions": [{"title": "X", "roles": ["strateeg"]}]}"#.utf8)))
        #expect(put.status == 200)
        #expect(try test.store.team(id: 1)?.team.name == "Via socket")
        let missing = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/api/teams/77"))
        #expect(missing.status == 404 && missing.body.contains("\"code\": \"notFound\""))
    }

    @Test func bodiesAndHeadersOverTheLimitsAreRefused() throws {
        var limits = HTTPServer.Limits.standard
        limits.maximumBodyBytes = 1024
        limits.connectionMemoryBytes = 8 * 1024
        let test = try TestApp(limits: limits)
        let server = try test.app.start()
        defer { server.stop() }
        let big = Data(repeating: UInt8(ascii: "a"), count: 4096)
        let tooLarge = try RawHTTP.send(port: server.port, RawHTTP.request(
            "POST", "/teams", headers: ["Content-Type: application/x-www-form-urlencoded"], body: big))
        #expect(tooLarge.status == 413)
        #expect(tooLarge.body.contains("Bestand te groot"))

        // Chunked: no length up front, so the limit is found while reading.
        var chunked = Data("POST /api/teams HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        for _ in 0..<4 { chunked += Data("400\r\n".utf8) + Data(repeating: UInt8(ascii: " "), count: 1024) + Data("\r\n".utf8) }
        chunked += Data("0\r\n\r\n".utf8)
        let chunkedAnswer = try RawHTTP.send(port: server.port, chunked)
        #expect(chunkedAnswer.status == 413)
        #expect(chunkedAnswer.body.contains("payloadTooLarge"))

        let hugeHeader = try RawHTTP.send(port: server.port, RawHTTP.request("GET", "/", headers: ["X-Filler: " + String(repeating: "b", count: 16 * 1024)]))
        #expect(hugeHeader.status == 431 || hugeHeader.status == 413)
    }

    @Test func stoppingClosesThePort() throws {
        let test = try TestApp()
        let server = try test.app.start()
        let port = server.port
        #expect(try RawHTTP.send(port: port, RawHTTP.request("GET", "/roles")).status == 200)
        server.stop()
        server.stop()
        #expect(throws: POSIXError.self) { try RawHTTP.send(port: port, RawHTTP.request("GET", "/roles")) }
    }

    @Test func onlyIPAddressesAreAcceptedAndLoopbackIsRecognised() throws {
        #expect(Application.isLoopback("127.0.0.1") && Application.isLoopback("127.1.2.3") && Application.isLoopback("::1"))
        #expect(Application.isLoopback("localhost"))
        #expect(!Application.isLoopback("0.0.0.0") && !Application.isLoopback("192.168.1.10") && !Application.isLoopback("::"))
        #expect(throws: HTTPServer.StartError.self) {
            _ = try HTTPServer(host: "example.org", port: 0) { _ in HTTPResponse() }
        }
        let v6 = try HTTPServer(host: "::1", port: 0) { _ in HTTPResponse(status: 204) }
        #expect(v6.port > 0)
        v6.stop()
    }
}
