import TeamplotterCore

/// What ends a command early, with the context to say why, and the exit code that goes with it.
public enum CLIError: Error, Sendable {
    /// The command line itself is wrong.
    case usage(String)
    /// The input files have problems; each names its place.
    case input(InputProblems)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// Writing the result failed.
    case unwritable(path: String, reason: String)
    /// Something outside the input failed (the database, the network); the message says what.
    case failed(String)

    public var exitCode: ExitCode {
        switch self {
        case .usage, .input, .unreadable: .badInput
        case .unwritable, .failed: .failure
        }
    }

    public func messages(_ language: Language) -> [String] {
        switch self {
        case .usage(let message):
            [message, language.pick("Zie `teamplotter --help`.", "See `teamplotter --help`.")]
        case .input(let problems):
            problems.problems.map { $0.formatted(language) }
        case .unreadable(let path, let reason):
            [language.pick("\(path): kan het bestand niet lezen: \(reason)", "\(path): cannot read the file: \(reason)")]
        case .unwritable(let path, let reason):
            [language.pick("\(path): kan niet schrijven: \(reason)", "\(path): cannot write: \(reason)")]
        case .failed(let message):
            [message]
        }
    }
}

/// Exit codes that mean something to a script.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// Something went wrong that is not the input's fault.
    case failure = 1
    /// Bad input or usage; the problems are on standard error.
    case badInput = 2
}
