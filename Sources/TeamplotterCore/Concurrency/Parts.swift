import Dispatch

/// Work cut into parts that run on all cores, each part taken by whichever thread is free: a
/// part that runs slow (a thread that had to wait, a part that was harder) does not hold the
/// others up the way one of two fixed halves does. The results come back in order.
///
/// The compiler checks none of this (the body is not `@Sendable`, so that parts can read what
/// the caller has without copying it): each part may read what all share but must write only
/// what is its own, such as its slice of a buffer, and nothing may change what they read while
/// they run.
package enum Parts {
    package static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        return withoutActuallyEscaping(body) { body in
            let work = Work<Result>(count: count, body: body)
            DispatchQueue.concurrentPerform(iterations: count) { index in work.results[index] = work.body(index) }
            // concurrentPerform returns only once every part has run; each slot was written by one
            // part only.
            return work.results.map { $0! }
        }
    }

    /// Unchecked: each slot of `results` is written by one part only, and read after all of them.
    private final class Work<Result>: @unchecked Sendable {
        let body: (Int) -> Result
        let results: UnsafeMutableBufferPointer<Result?>

        init(count: Int, body: @escaping (Int) -> Result) {
            self.body = body
            results = .allocate(capacity: count)
            results.initialize(repeating: nil)
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }
    }
}
