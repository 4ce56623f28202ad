import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterCLI
@testable import TeamplotterFormats

/// Output captured from an in-process run.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    var console: Console {
        Console(
            write: { text in self.lock.withLock { self.out += text } },
            writeError: { text in self.lock.withLock { self.err += text } },
            isTerminal: false, environment: [:])
    }

    var standardOutput: String { lock.withLock { out } }
    var standardError: String { lock.withLock { err } }
}

@Suite struct ExportCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
    static let team = examples.appendingPathComponent("voorbeeldstad-team.csv").path
    static let needs = examples.appendingPathComponent("voorbeeldstad-behoefte.csv").path

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("teamplotter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func exportsInEachFormatReadBackToTheSameTeam() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = Captured()
        let json = folder.appendingPathComponent("team.json").path
        #expect(TeamplotterCLI.run(["convert", Self.team, "--needs", Self.needs, "--name", "team", "-o", json], console: captured.console) == .ok)
        let original = try TeamLoader.loadTeam(Data(contentsOf: URL(fileURLWithPath: json)), file: json).team

        for format in ["xlsx", "csv", "json"] {
            let output = folder.appendingPathComponent("team.\(format)").path
            let name = format == "json" ? folder.appendingPathComponent("team-copy.json").path : output
            #expect(TeamplotterCLI.run(["export", json, "-o", name], console: captured.console) == .ok, "\(format): \(captured.standardError)")
            var back = try TeamLoader.loadTeam(Data(contentsOf: URL(fileURLWithPath: name)), file: name).team
            if format == "csv" {
                let needsPath = folder.appendingPathComponent("team-behoefte.csv").path
                back.needs = try TeamLoader.loadNeeds(Data(contentsOf: URL(fileURLWithPath: needsPath)), file: needsPath)
                back.name = original.name
            }
            #expect(back == original, "\(format)")
        }
        #expect(captured.standardError.isEmpty)
    }

    /// A CSV export is two files: refused or failing on the second, it leaves the first as it was.
    @Test func aCSVExportWritesBothFilesOrNeither() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.csv")
        try Data("ORIGINAL".utf8).write(to: output)
        // The needs file would go over the needs given as input.
        let needsInput = folder.appendingPathComponent("out-behoefte.csv")
        try FileManager.default.copyItem(atPath: Self.needs, toPath: needsInput.path)
        let captured = Captured()
        #expect(TeamplotterCLI.run(["export", Self.team, "--needs", needsInput.path, "-o", output.path], console: captured.console) == .badInput)
        #expect(try String(contentsOf: output, encoding: .utf8) == "ORIGINAL")
        // The needs file cannot be written: a folder stands where it goes.
        let second = folder.appendingPathComponent("second.csv")
        try Data("ORIGINAL".utf8).write(to: second)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("second-behoefte.csv"), withIntermediateDirectories: false)
        #expect(TeamplotterCLI.run(["export", Self.team, "--needs", Self.needs, "-o", second.path], console: captured.console) == .failure)
        #expect(try String(contentsOf: second, encoding: .utf8) == "ORIGINAL")
        // Nothing of the attempts is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["out-behoefte.csv", "out.csv", "second-behoefte.csv", "second.csv"])
    }

    /// A name that says one of the formats while --format asks for another is refused: Excel
    /// would call CSV text in a .xlsx file damaged.
    @Test func aNameThatSaysAnotherFormatIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = Captured()
        let output = folder.appendingPathComponent("out.xlsx").path
        #expect(TeamplotterCLI.run(["export", Self.team, "--format", "csv", "-o", output], console: captured.console) == .badInput)
        #expect(captured.standardError.hasPrefix("\(output): de naam zegt .xlsx, maar --format is csv; noem het bestand bijvoorbeeld \(folder.path)/out.csv"))
        #expect(!FileManager.default.fileExists(atPath: output))
        // A name that says none of them is the user's to choose.
        let other = folder.appendingPathComponent("out.txt").path
        #expect(TeamplotterCLI.run(["export", Self.team, "--format", "json", "-o", other], console: captured.console) == .ok)
    }

    @Test func formatFromTheExtensionAndFromTheOption() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = Captured()
        let path = folder.appendingPathComponent("uitvoer.bin").path
        #expect(TeamplotterCLI.run(["export", Self.team, "--format", "csv", "-o", path], console: captured.console) == .ok)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("uitvoer-behoefte.csv").path))
        let xlsx = folder.appendingPathComponent("team.xlsx").path
        #expect(TeamplotterCLI.run(["export", Self.team, "-o", xlsx], console: captured.console) == .ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: XLSXReader.zipMagic))
    }

    @Test func usageErrors() {
        let captured = Captured()
        #expect(TeamplotterCLI.run(["export", Self.team], console: captured.console) == .badInput)
        #expect(TeamplotterCLI.run(["export", Self.team, "-o", "x.ods", "--format", "ods"], console: captured.console) == .badInput)
        #expect(TeamplotterCLI.run(["template"], console: captured.console) == .badInput)
        #expect(captured.standardError.contains("teamplotter template -o sjabloon.xlsx"))
    }

    /// `export <(cat team.csv)` named the team "63" after /dev/fd/63 (reported by a new-user
    /// trial): such a name says nothing about the team, so it is "Team", as from standard input.
    @Test func aProcessSubstitutionGivesTheTeamTheDefaultName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func exported(_ extra: [String]) throws -> String? {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            let csv = try Data(contentsOf: URL(fileURLWithPath: Self.team))
            // The example fits in the pipe's buffer, so it is written before the command reads.
            _ = csv.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
            close(ends[1])
            defer { close(ends[0]) }
            let output = folder.appendingPathComponent("p.json").path
            let run = CapturedRun(["export", "/dev/fd/\(ends[0])", "-o", output] + extra)
            try #require(run.code == .ok, "\(run.stderr)")
            return try TeamLoader.loadTeam(Data(contentsOf: URL(fileURLWithPath: output)), file: output).team.name
        }
        #expect(try exported([]) == "Team")
        #expect(try exported(["--name", "Ons team"]) == "Ons team")
        for file in ["/dev/fd/63", "/proc/self/fd/3", "/proc/4711/fd/10", "/dev/stdin"] {
            #expect(TeamLoader.defaultName(file: file) == "Team", "\(file)")
        }
        for file in ["/data/fd/teams.csv", "/tmp/63.csv", "fd/63/team.csv"] {
            #expect(TeamLoader.defaultName(file: file) != "Team", "\(file)")
        }
    }

    @Test func templateWritesAWorkbookThatReadsAsAnEmptyTeam() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = Captured()
        let path = folder.appendingPathComponent("sjabloon.xlsx").path
        #expect(TeamplotterCLI.run(["template", "-o", path], console: captured.console) == .ok)
        let workbook = try XLSXReader.read(Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(workbook.sheets.map(\.name) == ["Instructies", "Team", "Behoefte", "Rollenlijst", "Gegevens"])
        #expect(TeamplotterCLI.run(["analyse", path, "--format", "json"], console: captured.console) == .ok)
        #expect(captured.standardOutput.contains("\"missing\": 24") || captured.standardOutput.contains("\"missing\":24"))
    }

    /// An XLSX workbook under a .csv name would open as garbage; a device takes it under any name.
    @Test func theTemplateNeedsAnXLSXName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("sjabloon.csv").path
        let refused = Captured()
        #expect(TeamplotterCLI.run(["template", "-o", csv], console: refused.console) == .badInput)
        #expect(refused.standardError.hasPrefix(
            "\(csv): het sjabloon is een Excel-werkmap; geef een naam die op .xlsx eindigt, zoals \(folder.path)/sjabloon.xlsx\n"))
        #expect(!FileManager.default.fileExists(atPath: csv))
        let english = Captured()
        #expect(TeamplotterCLI.run(["template", "-o", "sjabloon", "--lang", "en"], console: english.console) == .badInput)
        #expect(english.standardError.hasPrefix("sjabloon: the template is an Excel workbook; give a name that ends in .xlsx, such as sjabloon.xlsx\n"))
        let upper = folder.appendingPathComponent("SJABLOON.XLSX").path
        #expect(TeamplotterCLI.run(["template", "-o", upper], console: Captured().console) == .ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: upper)).starts(with: XLSXReader.zipMagic))
        #expect(TeamplotterCLI.run(["template", "-o", "/dev/null"], console: Captured().console) == .ok)
    }

    @Test func badWorkbooksGoToStandardErrorWithTheirPlace() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var zip = ZIPWriter()
        zip.add("word/document.xml", text: "<w/>")
        let path = folder.appendingPathComponent("brief.xlsx").path
        try zip.archive().write(to: URL(fileURLWithPath: path))
        let captured = Captured()
        #expect(TeamplotterCLI.run(["analyse", path, "--lang", "en"], console: captured.console) == .badInput)
        #expect(captured.standardError == "\(path): this is a ZIP file but not an Excel workbook (.xlsx)\n")
        // What the ZIP reader finds is told in Dutch too, not in its own English.
        let cut = folder.appendingPathComponent("afgekapt.xlsx").path
        try SpreadsheetExport().template().prefix(3000).write(to: URL(fileURLWithPath: cut))
        let dutch = Captured()
        #expect(TeamplotterCLI.run(["analyse", cut], console: dutch.console) == .badInput)
        #expect(dutch.standardError == "\(cut): de werkmap is beschadigd en kan niet worden gelezen (de inhoudsopgave aan het eind van het bestand ontbreekt; misschien is het bestand afgekapt); sla hem opnieuw op in Excel\n")
    }
}
