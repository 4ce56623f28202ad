import Testing

@testable import TeamplotterCLI

@Suite struct ExitTeardownTests {
    /// Only `main` turns skipping on; a command run in process (as here) frees what it loaded.
    @Test func nothingIsKeptUnlessMainAsks() {
        let before = ExitTeardown.keptCount
        ExitTeardown.keep([1, 2, 3])
        let run = CapturedRun(["analyse", Repository.example, "--format", "json"])
        #expect(run.code == .ok)
        #expect(before == 0)
        #expect(ExitTeardown.keptCount == 0)
    }
}
