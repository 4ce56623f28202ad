import CMicroHTTPD
import Foundation
import Synchronization

/// An HTTP server on GNU libmicrohttpd: it parses requests and hands them to `handler`, one
/// thread per connection. Stop it with `stop()`; stopping twice is harmless.
public final class HTTPServer: Sendable {
    public struct Limits: Sendable {
        /// Largest request body accepted; larger ones are answered with 413.
        public var maximumBodyBytes: Int
        /// Memory per connection; bounds the request line and headers (libmicrohttpd answers
        /// larger ones itself).
        public var connectionMemoryBytes: Int
        public var maximumConnections: Int
        public var maximumConnectionsPerClient: Int
        /// A connection idle this long is closed, so slow clients cannot hold threads.
        public var connectionTimeoutSeconds: Int

        public static let standard = Limits(
            maximumBodyBytes: 8 * 1_048_576, connectionMemoryBytes: 64 * 1024, maximumConnections: 256,
            maximumConnectionsPerClient: 64, connectionTimeoutSeconds: 30)

        public init(
            maximumBodyBytes: Int, connectionMemoryBytes: Int, maximumConnections: Int,
            maximumConnectionsPerClient: Int, connectionTimeoutSeconds: Int
        ) {
            self.maximumBodyBytes = maximumBodyBytes
            self.connectionMemoryBytes = connectionMemoryBytes
            self.maximumConnections = maximumConnections
            self.maximumConnectionsPerClient = maximumConnectionsPerClient
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
        }
    }

    public enum StartError: Error, Sendable, CustomStringConvertible {
        case invalidHost(String)
        case cannotListen(host: String, port: Int)

        public var description: String {
            switch self {
            case .invalidHost(let host):
                "\"\(host)\" is geen IP-adres / is not an IP address (bijvoorbeeld / for example 127.0.0.1, ::1, 0.0.0.0)"
            case .cannotListen(let host, let port):
                "kan niet luisteren op / cannot listen on \(host) port \(port) (in gebruik? / in use?)"
            }
        }
    }

    /// The port actually bound: the one asked for, or the one the system chose for port 0.
    public let port: Int
    public let host: String
    private let daemon: Mutex<OpaquePointer?>
    private let context: ServerContext

    public init(
        host: String, port: Int, limits: Limits = .standard,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws(StartError) {
        let context = ServerContext(limits: limits, handler: handler)
        let address = try SocketAddress(host: host, port: port)
        var flags = UInt32(MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_THREAD_PER_CONNECTION.rawValue | MHD_USE_POLL.rawValue)
        if address.isIPv6 { flags |= UInt32(MHD_USE_IPv6.rawValue) }
        let cmhdLimits = cmhd_limits(
            connection_memory_limit: limits.connectionMemoryBytes,
            connection_limit: UInt32(limits.maximumConnections),
            per_ip_connection_limit: UInt32(limits.maximumConnectionsPerClient),
            connection_timeout: UInt32(limits.connectionTimeoutSeconds))
        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        let started = address.withSockaddr { sockaddr in
            cmhd_start(
                flags, sockaddr, mhdAccessHandler, contextPointer, mhdRequestCompleted, contextPointer, cmhdLimits)
        }
        guard let started else { throw .cannotListen(host: host, port: port) }
        self.context = context
        self.host = host
        self.port = Int(cmhd_bound_port(started))
        daemon = Mutex(started)
    }

    /// Stops listening, lets the running requests finish, and frees the daemon.
    public func stop() {
        let running = daemon.withLock { pointer -> OpaquePointer? in
            let current = pointer
            pointer = nil
            return current
        }
        if let running { MHD_stop_daemon(running) }
    }

    deinit {
        stop()
    }
}

/// What the C callbacks need: the limits and the application. Kept alive by the server.
final class ServerContext: Sendable {
    let limits: HTTPServer.Limits
    let handler: @Sendable (HTTPRequest) -> HTTPResponse

    init(limits: HTTPServer.Limits, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.limits = limits
        self.handler = handler
    }
}

/// An IPv4 or IPv6 address to bind, from its text form. Names other than `localhost` are refused:
/// binding should say exactly which interface is meant.
struct SocketAddress {
    private var storage = sockaddr_storage()
    let isIPv6: Bool

    init(host: String, port: Int) throws(HTTPServer.StartError) {
        let literal = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard (0...65535).contains(port) else { throw .cannotListen(host: host, port: port) }
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
            isIPv6 = false
            Self.copy(v4, into: &storage)
        } else if inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
            isIPv6 = true
            Self.copy(v6, into: &storage)
        } else {
            throw .invalidHost(host)
        }
    }

    private static func copy<Address>(_ address: Address, into storage: inout sockaddr_storage) {
        withUnsafeBytes(of: address) { bytes in
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
        }
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>) -> T) -> T {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1, body)
        }
    }

    /// True for addresses only this machine can reach.
    static func isLoopback(_ host: String) -> Bool {
        let literal = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if literal == "localhost" || literal == "::1" { return true }
        var v4 = in_addr()
        guard inet_pton(AF_INET, literal, &v4) == 1 else { return false }
        // 127.0.0.0/8, in network byte order.
        return UInt32(bigEndian: v4.s_addr) >> 24 == 127
    }
}
