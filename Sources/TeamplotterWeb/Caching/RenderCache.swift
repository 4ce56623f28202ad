import Foundation
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
        let revision: Int
        let team: Team
        let language: Language

        /// The team is compared but not hashed: hashing walks every function on every request,
        /// while comparing a team with the one it was cached for is quick (the store hands out
        /// the same copy until the team changes, and equal storage compares without a walk).
        /// Id and revision spread different teams and versions over the table.
        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(id)
            hasher.combine(revision)
            hasher.combine(language)
        }
    }

    /// Enough for the teams people are looking at now, counted in bytes of markup (a page holds
    /// its team's data, so this bounds the teams kept in the keys too); when full, everything is
    /// dropped at once and drawn again on demand.
    private let capacityBytes: Int
    private let state = SleepingLock(State())

    private enum Entry {
        case html(HTML)
        /// A whole answer's bytes, ready to send, and the same in a file to send from.
        case body(Data, FileBody?)
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    init(capacityBytes: Int = 32 * 1_048_576) {
        self.capacityBytes = capacityBytes
    }

    func html(_ key: Key, render: () -> HTML) -> HTML {
        if case .html(let cached) = state.withLock({ $0.entries[key] }) { return cached }
        // Drawn outside the lock, so other requests are not held up; two at once both draw.
        let rendered = render()
        keep(.html(rendered), size: rendered.markup.utf8.count, for: key)
        return rendered
    }

    /// A page as the bytes of its answer, so that a page seen again costs no copying either;
    /// once kept, also as a file the server sends from without copying at all.
    func body(_ key: Key, render: () -> Data) -> (bytes: Data, file: FileBody?) {
        if case .body(let cached, let file) = state.withLock({ $0.entries[key] }) { return (cached, file) }
        let rendered = render()
        guard rendered.count <= capacityBytes / 4 else { return (rendered, nil) }
        let file = FileBody(rendered)
        keep(.body(rendered, file), size: rendered.count, for: key)
        return (rendered, file)
    }

    private func keep(_ entry: Entry, size: Int, for key: Key) {
        guard size <= capacityBytes / 4 else { return }
        state.withLock { state in
            if state.bytes + size > capacityBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if state.entries.updateValue(entry, forKey: key) == nil { state.bytes += size }
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
    var bytes: Int { state.withLock { $0.bytes } }
}
