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
        let calls = Mutex([Int](repeating: 0, count: 37))
        _ = Parts.map(37) { part in calls.withLock { $0[part] += 1 } }
        #expect(calls.withLock { $0 } == [Int](repeating: 1, count: 37))
    }

    @Test func noPartsAndOnePart() {
        #expect(Parts.map(0) { $0 }.isEmpty)
        #expect(Parts.map(-3) { $0 }.isEmpty)
        #expect(Parts.map(1) { $0 + 41 } == [41])
    }
}
