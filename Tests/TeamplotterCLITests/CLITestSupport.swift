import Foundation
import Synchronization
import TeamplotterCLI

/// Runs the command line in process and keeps what it wrote.
final class CapturedRun: Sendable {
    private let out = Mutex("")
    private let err = Mutex("")
    let code: ExitCode

    var stdout: String { out.withLock { $0 } }
    var stderr: String { err.withLock { $0 } }

    init(_ arguments: [String], terminal: Bool = false, environment: [String: String] = [:]) {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            write: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } },
            isTerminal: terminal, environment: environment)
        code = TeamplotterCLI.run(arguments, console: console)
        self.out.withLock { $0 = out.withLock { $0 } }
        self.err.withLock { $0 = err.withLock { $0 } }
    }
}

enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static var example: String { path("examples/voorbeeldstad-team.csv") }
    static var exampleNeeds: String { path("examples/voorbeeldstad-behoefte.csv") }
}

/// Golden files: the expected output, kept in Golden/. Run with TEAMPLOTTER_UPDATE_GOLDENS=1 to
/// rewrite them on purpose, then review the diff.
enum Golden {
    static func check(_ actual: String, against name: String) throws -> Bool {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
        if ProcessInfo.processInfo.environment["TEAMPLOTTER_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        return try String(contentsOf: url, encoding: .utf8) == actual
    }
}

/// A temporary folder for files a test writes.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("teamplotter-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
