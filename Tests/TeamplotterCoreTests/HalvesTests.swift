import Testing
import TeamplotterCore
import Synchronization

@Suite struct HalvesTests {
    @Test func bothRunAndTheirResultsComeBackInOrder() {
        let (first, second) = Halves.run({ (0..<1_000).map { "a\($0)" } }, { (0..<2_000).reduce(0, +) })
        #expect(first.count == 1_000)
        #expect(first.last == "a999")
        #expect(second == 1_999_000)
    }

    @Test func eachClosureRunsExactlyOnce() {
        let calls = Atomic(0)
        _ = Halves.run({ calls.add(1, ordering: .relaxed) }, { calls.add(10, ordering: .relaxed) })
        #expect(calls.load(ordering: .relaxed) == 11)
    }

    @Test func splitsOnlyWhatIsWorthSplitting() {
        #expect(Halves.split(10, minimum: 100) == nil)
        #expect(Halves.split(1, minimum: 0) == nil)
        #expect(Halves.split(100, minimum: 100) == 50)
        #expect(Halves.split(101, minimum: 2) == 50)
    }
}
