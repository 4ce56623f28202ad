/// Two pieces of independent work run at the same time (on `Parts`), one of them on the calling
/// thread: how a large report uses both cores of a small server. On one core they simply run one
/// after the other. Each closure must touch only its own data; the results come back in order.
package enum Halves {
    package static func run<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        var firstResult: First?
        var secondResult: Second?
        // Each part writes its own variable, and both are read only after both parts have run.
        _ = Parts.map(2) { index in
            if index == 0 { firstResult = first() } else { secondResult = second() }
        }
        return (firstResult!, secondResult!)
    }

    /// Where to split `count` items in two, or nil when there are too few for the second
    /// thread to pay for itself (handing work to it costs tens of microseconds).
    package static func split(_ count: Int, minimum: Int) -> Int? {
        count >= max(minimum, 2) ? count / 2 : nil
    }
}
