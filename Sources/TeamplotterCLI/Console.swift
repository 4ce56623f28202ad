import Foundation

/// Where a command writes, and what it knows of its surroundings. Tests give their own.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// Standard output is a terminal (colour may be used).
    public var isTerminal: Bool
    public var environment: [String: String]

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

    /// The process's own standard output and error.
    public static var standard: Console {
        Console(
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            isTerminal: isatty(STDOUT_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment)
    }

    /// Colour only on a terminal, never with NO_COLOR set (no-color.org), nor for TERM=dumb.
    public var wantsColour: Bool {
        isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }
}
