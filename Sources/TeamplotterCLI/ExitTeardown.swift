import Synchronization

/// Lets the `teamplotter` program skip freeing what a command has finished with: a large team and
/// its analysis are millions of small heap objects, and releasing them one by one only to exit
/// right after cost as much as rendering the report. Off unless `main` turns it on, so that the
/// tests, which run many commands in one process, free everything as usual.
public enum ExitTeardown {
    /// Nil while off; otherwise what is kept until the process exits.
    private static let kept = Mutex<[any Sendable]?>(nil)

    /// Called by `main`, which exits when the command returns.
    public static func skip() {
        kept.withLock { if $0 == nil { $0 = [] } }
    }

    /// Keeps `value` alive until the process exits, when skipping is on; otherwise does nothing.
    static func keep(_ value: some Sendable) {
        kept.withLock { $0?.append(value) }
    }

    /// How many values are kept; for the tests.
    static var keptCount: Int {
        kept.withLock { $0?.count ?? 0 }
    }
}
