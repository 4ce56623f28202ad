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

    /// Enough for the teams people are looking at now, counted in bytes of markup (a page holds
    /// its team's data, so this bounds the teams kept in the keys too); when full, everything is
    /// dropped at once and drawn again on demand.
    private let capacityBytes: Int
    private let state = Mutex(State())

    private struct State {
        var entries: [Key: HTML] = [:]
        var bytes = 0
    }

    init(capacityBytes: Int = 32 * 1_048_576) {
        self.capacityBytes = capacityBytes
    }

    func html(_ key: Key, render: () -> HTML) -> HTML {
        if let cached = state.withLock({ $0.entries[key] }) { return cached }
        // Drawn outside the lock, so other requests are not held up; two at once both draw.
        let rendered = render()
        let size = rendered.markup.utf8.count
        guard size <= capacityBytes / 4 else { return rendered }
        state.withLock { state in
            if state.bytes + size > capacityBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if state.entries.updateValue(rendered, forKey: key) == nil { state.bytes += size }
        }
        return rendered
    }

    var count: Int { state.withLock { $0.entries.count } }
    var bytes: Int { state.withLock { $0.bytes } }
}
