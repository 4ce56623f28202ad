import Dispatch

/// Two pieces of independent work run at the same time, one on the calling thread: how a large
/// file or report uses both cores of a small server. On one core they simply run one after the
/// other. Each closure must touch only its own data; the results come back in order.
package enum Halves {
    package static func run<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = Work(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { work.firstResult = work.first() } else { work.secondResult = work.second() }
                }
                // concurrentPerform returns only once both have run, so neither closure outlives
                // this call and each result was written by one thread before it is read here.
                return (work.firstResult!, work.secondResult!)
            }
        }
    }

    /// Where to split `count` items in two, or nil when there are too few for the second
    /// thread to pay for itself (handing work to it costs tens of microseconds).
    package static func split(_ count: Int, minimum: Int) -> Int? {
        count >= max(minimum, 2) ? count / 2 : nil
    }

    /// Unchecked: each field is written by one of the two iterations only, and read after both.
    private final class Work<First, Second>: @unchecked Sendable {
        let first: () -> First
        let second: () -> Second
        var firstResult: First?
        var secondResult: Second?

        init(first: @escaping () -> First, second: @escaping () -> Second) {
            self.first = first
            self.second = second
        }
    }
}
