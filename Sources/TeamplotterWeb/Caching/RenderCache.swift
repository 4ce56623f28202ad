import Synchronization
import TeamplotterCore
import TeamplotterReport

/// Markup that depends only on a team and the language (the analysis page, the team plot), kept
/// so that repeated views do not draw it again. Keyed by the team's whole content, so a change
/// to the team can never be served stale, whatever its id or revision.
final class RenderCache: Sendable {
    struct Key: Hashable, Sendable {
        let kind: String
        let id: Int64
        let team: Team
        let language: Language
    }

    /// Enough for the teams people are looking at now; older entries are dropped wholesale.
    private let capacity: Int
    private let entries = Mutex<[Key: HTML]>([:])

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func html(_ key: Key, render: () -> HTML) -> HTML {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        // Drawn outside the lock, so other requests are not held up; two at once both draw.
        let rendered = render()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = rendered
        }
        return rendered
    }

    var count: Int { entries.withLock { $0.count } }
}
