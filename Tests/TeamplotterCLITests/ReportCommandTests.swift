import Foundation
import Synchronization
import Testing
import TeamplotterCLI

/// `report` and `plot`, run in process against the shipped example.
@Suite struct ReportCommandTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let team = root.appendingPathComponent("examples/voorbeeldstad-team.csv").path
    private static let needs = root.appendingPathComponent("examples/voorbeeldstad-behoefte.csv").path

    /// Runs a command line and returns its exit code and standard error.
    private func run(_ arguments: [String]) -> (code: ExitCode, stdout: String, stderr: String) {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            write: { text in out.withLock { $0 += text } },
            writeError: { text in err.withLock { $0 += text } },
            isTerminal: false, environment: [:])
        let code = TeamplotterCLI.run(arguments, console: console)
        return (code, out.withLock { $0 }, err.withLock { $0 })
    }

    private func scratchFile(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teamplotter-report-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    @Test func reportWritesOneHTMLFile() throws {
        let file = try scratchFile("rapport.html")
        let result = run(["report", Self.team, "--needs", Self.needs, "-o", file.path])
        #expect(result.code == .ok)
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.contains("<h1>Gap-analyse van voorbeeldstad-team</h1>"))
        #expect(html.contains("<th scope=\"row\">Usability expert</th>"))
        #expect(!html.contains("<script"))
    }

    @Test func reportSpeaksEnglishWhenAsked() throws {
        let file = try scratchFile("report.html")
        #expect(run(["report", Self.team, "--needs", Self.needs, "--lang", "en", "-o", file.path]).code == .ok)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<h1>Gap analysis of voorbeeldstad-team</h1>"))
    }

    @Test func plotWritesAnSVGDocument() throws {
        let result = run(["plot", Self.team, "--needs", Self.needs])
        #expect(result.code == .ok)
        #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(result.stdout.contains("<title>Usability expert: ontbreekt</title>"))
    }

    @Test func reportNeedsExactlyOneTeam() {
        let result = run(["report", "--needs", Self.needs])
        #expect(result.code == .badInput)
        #expect(result.stderr.contains("geef precies één TEAM-bestand"))
        let missing = run(["report", "bestaat-niet.csv", "-o", "x.html"])
        #expect(missing.code == .badInput)
        #expect(missing.stderr.contains("bestaat-niet.csv"))
    }

    /// `-o` is optional, and the help and the usage error say so.
    @Test func reportWithoutOutputWritesToStandardOutput() {
        let result = run(["report", Self.team, "--needs", Self.needs])
        #expect(result.code == .ok)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run(["report", "--help"]).stdout.contains("[-o rapport.html]"))
        #expect(run(["report", "--help", "--lang", "en"]).stdout.contains("[-o report.html]"))
        #expect(run(["report"]).stderr.contains("teamplotter report TEAM [--needs BEHOEFTE.csv] [-o rapport.html]"))
    }

    @Test func reportAndPlotAreListedInTheHelp() {
        let overview = run(["--help"]).stdout
        #expect(overview.contains("  report"))
        #expect(overview.contains("  plot"))
        #expect(run(["report", "--help"]).stdout.contains("teamplotter report TEAM"))
    }
}
