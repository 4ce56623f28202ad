import Foundation
import Synchronization

/// Where a command writes, and what it knows of its surroundings. Tests give their own.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// Standard output is a terminal (colour may be used).
    public var isTerminal: Bool
    public var environment: [String: String]
    /// Set when writing to standard output failed (a full disk, a closed pipe), so that the
    /// command can end with exit code 1 instead of pretending it succeeded.
    let failure = OutputFailure()

    public init(
        write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        isTerminal: Bool, environment: [String: String]
    ) {
        self.write = write
        self.writeError = writeError
        self.isTerminal = isTerminal
        self.environment = environment
    }

    /// The process's own standard output and error, written with `write(2)` so that every
    /// failure is seen (Foundation's FileHandle traps on a closed descriptor).
    public static var standard: Console {
        var console = Console(write: { _ in }, writeError: { _ in }, isTerminal: isatty(STDOUT_FILENO) == 1,
                              environment: ProcessInfo.processInfo.environment)
        let failure = console.failure
        console.write = { text in
            if let error = writeAll(text, to: STDOUT_FILENO) { failure.record(error) }
        }
        // Nothing more can be said when standard error itself fails.
        console.writeError = { text in _ = writeAll(text, to: STDERR_FILENO) }
        return console
    }

    /// Colour only on a terminal, never with NO_COLOR set (no-color.org), nor for TERM=dumb.
    public var wantsColour: Bool {
        isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// Writes all bytes, or returns the errno that stopped it.
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        // The text's own bytes, not a copy of a possibly large output.
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}

/// The first failure to write standard output, if any.
final class OutputFailure: Sendable {
    private let errorNumber = Mutex<Int32?>(nil)

    func record(_ error: Int32) {
        errorNumber.withLock { if $0 == nil { $0 = error } }
    }

    var error: Int32? { errorNumber.withLock { $0 } }
}
