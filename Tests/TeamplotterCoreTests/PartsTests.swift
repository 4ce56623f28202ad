import Synchronization
import Testing

@testable import TeamplotterCore

@Suite struct PartsTests {
    @Test func resultsComeBackInOrderOfTheParts() {
        let results = Parts.map(100) { part in (0..<part).map { "\($0)" }.joined(separator: ",") }
        #expect(results.count == 100)
        for (part, result) in results.enumerated() {
            #expect(result == (0..<part).map { "\($0)" }.joined(separator: ","))
        }
    }

    @Test func eachPartRunsExactlyOnce() {
        // Atomics rather than a Mutex, which the thread sanitizer cannot see on Linux: every
        // part ran (all bits set) and no part twice (37 calls in all).
        let ran = Atomic<UInt64>(0)
        let calls = Atomic(0)
        _ = Parts.map(37) { part in
            ran.bitwiseOr(1 << UInt64(part), ordering: .relaxed)
            calls.add(1, ordering: .relaxed)
        }
        #expect(ran.load(ordering: .relaxed) == (1 << 37) - 1)
        #expect(calls.load(ordering: .relaxed) == 37)
    }

    @Test func noPartsAndOnePart() {
        #expect(Parts.map(0) { $0 }.isEmpty)
        #expect(Parts.map(-3) { $0 }.isEmpty)
        #expect(Parts.map(1) { $0 + 41 } == [41])
    }
}
