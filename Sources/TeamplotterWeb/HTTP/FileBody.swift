import Foundation

/// A body kept in an unlinked temporary file as well as in memory, for answers that are sent
/// again and again (the cached analysis page): libmicrohttpd sends from a file descriptor with
/// `sendfile`, so the kernel moves the page cache's bytes to the socket without copying 150 KB out
/// of our memory for every view (a tenth of the server's time under load). The file has no name
/// once made, so nothing is left behind, and it is closed when the last answer using it is done.
public final class FileBody: Sendable {
    let descriptor: Int32
    public let count: Int

    /// Nil when no temporary file can be made or written: the caller then sends from memory.
    public init?(_ bytes: Data, directory: String = FileBody.temporaryDirectory) {
        var template = Array((directory + "/.teamplotter-body-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        // Not inherited by a program the server might start.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var written = 0
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                written += result
            }
            return true
        }
        guard complete else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        count = bytes.count
    }

    deinit { close(descriptor) }

    public static var temporaryDirectory: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }
}
