import Foundation
import TeamplotterWeb
import Testing

@testable import TeamplotterCLI

@Suite struct CommandLineTests {
    @Test func versionAndOverview() {
        let version = CapturedRun(["--version"])
        #expect(version.code == .ok)
        #expect(version.stdout == "teamplotter \(TeamplotterCLI.version)\n")
        let overview = CapturedRun(["--help"])
        #expect(overview.code == .ok)
        #expect(overview.stdout.contains("analyse"))
        #expect(overview.stdout.contains("Afsluitcodes"))
        #expect(overview.stderr.isEmpty)
        #expect(CapturedRun(["--help", "--lang", "en"]).stdout.contains("Exit codes"))
        #expect(CapturedRun(["--lang", "en", "--help"]).stdout.contains("Exit codes"))
        #expect(CapturedRun(["--lang=en", "roles"]).stdout.contains("Web analyst"))
    }

    /// Without a command nothing is done: a usage error, the overview on standard error.
    @Test func noCommandIsAUsageError() {
        for arguments in [[], ["--lang", "en"], ["--lang=en"]] {
            let run = CapturedRun(arguments)
            #expect(run.code == .badInput, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == TeamplotterCLI.overview(arguments.isEmpty ? .nl : .en))
        }
    }

    @Test func everyCommandHasHelpInBothLanguages() {
        for command in TeamplotterCLI.commands {
            for name in command.names {
                let dutch = CapturedRun([name, "--help"])
                #expect(dutch.code == .ok)
                #expect(dutch.stdout.hasPrefix("Gebruik: teamplotter "), "\(name)")
                let english = CapturedRun([name, "--help", "--lang", "en"])
                #expect(english.stdout.hasPrefix("Usage: teamplotter "), "\(name)")
                #expect(CapturedRun(["help", name]).stdout == dutch.stdout)
            }
        }
    }

    @Test func helpAndTheCatalogueFitEightyColumns() {
        var outputs = [CapturedRun(["--help"]).stdout, CapturedRun(["roles"]).stdout, CapturedRun(["roles", "--lang", "en"]).stdout]
        for command in TeamplotterCLI.commands {
            outputs += [CapturedRun([command.names[0], "--help"]).stdout, CapturedRun([command.names[0], "--help", "--lang", "en"]).stdout]
        }
        for line in outputs.joined(separator: "\n").split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test func usageErrorsExitTwo() {
        for arguments in [["frobnicate"], ["analyse"], ["analyse", "a", "b"], ["analyse", "x", "--format", "pdf"],
                          ["analyse", "x", "--needs"], ["analyse", "x", "--kleur"], ["roles", "extra"], ["roles", "--lang", "fr"]] {
            let run = CapturedRun(arguments)
            #expect(run.code == .badInput, "\(arguments)")
            #expect(run.stderr.contains("teamplotter --help"), "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
    }

    /// `template -o x.xlsx extra` said "geef een uitvoerbestand" although -o was given (reported
    /// by a new-user trial): every command names the argument it does not take.
    @Test func aStrayArgumentIsNamedByEveryCommand() throws {
        let output = try temporaryDirectory().appendingPathComponent("uit").path
        let runs: [[String]] = [
            ["template", "-o", output + ".xlsx", "extra"], ["roles", "extra"], ["serve", "extra"],
            ["analyse", Repository.example, "extra"], ["convert", Repository.example, "extra", "-o", output + ".json"],
            ["report", Repository.example, "extra"], ["plot", Repository.example, "extra"],
            ["export", Repository.example, "-o", output + ".xlsx", "extra"],
        ]
        for arguments in runs {
            let run = CapturedRun(arguments)
            #expect(run.code == .badInput, "\(arguments)")
            #expect(run.stderr.hasPrefix("onverwacht argument \"extra\"; "), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(arguments[0] + " "), "the message says what \(arguments[0]) takes")
            #expect(run.stdout.isEmpty)
        }
        let english = CapturedRun(["template", "-o", output + ".xlsx", "extra", "--lang", "en"])
        #expect(english.stderr.hasPrefix("unexpected argument \"extra\"; template takes no files, only an output file after -o"))
        #expect(!FileManager.default.fileExists(atPath: output + ".xlsx"))
    }

    /// `analyse - --needs -` read standard input for the team and found it empty for the needs
    /// (reported by a new-user trial); it is refused before anything is read.
    @Test func standardInputIsReadOnlyOnce() {
        for command in ["analyse", "convert", "report", "plot"] {
            let run = CapturedRun([command, "-", "--needs", "-"])
            #expect(run.code == .badInput, "\(command)")
            #expect(run.stderr.hasPrefix("standaardinvoer (-) kan maar één keer gelezen worden; geef TEAM of --needs als bestand\n"), "\(command)")
        }
        let english = CapturedRun(["export", "-", "--needs", "-", "-o", "/dev/null", "--lang", "en"])
        #expect(english.code == .badInput)
        #expect(english.stderr.hasPrefix("standard input (-) can be read only once; give TEAM or --needs as a file\n"))
    }

    /// A team document as --needs was read as CSV and failed with "kolom Rol ontbreekt"
    /// (reported by a new-user trial).
    @Test func aTeamDocumentAsTheNeedsFileIsRefusedPlainly() {
        let json = Repository.path("examples/voorbeeldstad.json")
        let run = CapturedRun(["analyse", Repository.example, "--needs", json])
        #expect(run.code == .badInput)
        #expect(run.stderr == json + ": een behoeftebestand is CSV of XLSX; de behoefte van een JSON-teamdocument staat in dat document zelf\n")
        let english = CapturedRun(["analyse", Repository.example, "--needs", json, "--lang", "en"])
        #expect(english.stderr == json + ": a needs file is CSV or XLSX; the needs of a JSON team document are in that document itself\n")
    }

    @Test func aMistypedCommandGetsASuggestionAndAnOptionTwiceIsRefused() {
        #expect(CapturedRun(["anlayse", "x"]).stderr.hasPrefix("onbekende opdracht \"anlayse\"; bedoelt u analyse?"))
        #expect(CapturedRun(["Rport", "--lang", "en"]).stderr.hasPrefix("unknown command \"Rport\"; did you mean report?"))
        #expect(CapturedRun(["frobnicate"]).stderr.hasPrefix("onbekende opdracht \"frobnicate\"\n"))
        let twice = CapturedRun(["analyse", Repository.example, "--format", "json", "--format=text"])
        #expect(twice.code == .badInput)
        #expect(twice.stderr.hasPrefix("optie --format is twee keer gegeven; geef haar één keer"))
        #expect(twice.stdout.isEmpty)
    }

    @Test func optionsMayUseEquals() {
        let run = CapturedRun(["analyse", Repository.example, "--format=json", "--lang=en"])
        #expect(run.code == .ok)
        #expect(run.stdout.hasPrefix("{"))
    }

    @Test func rolesPrintsTheCatalogue() throws {
        let text = CapturedRun(["roles"])
        #expect(text.code == .ok)
        #expect(text.stdout.contains("• Webformulieren specialist (bouwen en vernieuwen)\n     id: webformulieren-specialist-bouwen-en-vernieuwen\n"))
        #expect(CapturedRun(["roles", "--lang", "en"]).stdout.contains("Web analyst"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(CapturedRun(["roles", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let categories = try #require(json["categories"] as? [[String: Any]])
        #expect(categories.count == 4)
        #expect(categories.map { ($0["roles"] as? [Any])?.count ?? 0 }.reduce(0, +) == 24)
        #expect(CapturedRun(["roles", "--format", "markdown"]).stdout.hasPrefix("## 1. Visie, strategie en verbinding"))
    }

    @Test func convertWritesADocumentThatAnalysesTheSame() throws {
        let folder = try temporaryDirectory()
        let target = folder.appendingPathComponent("team.json").path
        let convert = CapturedRun(["convert", Repository.example, "--needs", Repository.exampleNeeds, "--name", "Voorbeeldstad", "-o", target])
        #expect(convert.code == .ok)
        let fromDocument = CapturedRun(["analyse", target, "--format", "json"])
        let fromWorksheet = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds, "--format", "json"])
        #expect(fromDocument.stdout.replacingOccurrences(of: "\"team\": \"Voorbeeldstad\"", with: "\"team\": \"voorbeeldstad-team\"") == fromWorksheet.stdout)
    }

    @Test func convertToStandardOutput() {
        let run = CapturedRun(["convert", Repository.example])
        #expect(run.code == .ok)
        #expect(run.stdout.hasPrefix("{\n  \"version\": 1,"))
    }

    @Test func anUnwritableOutputExitsOne() {
        let run = CapturedRun(["convert", Repository.example, "-o", "/nonexistent/folder/team.json"])
        #expect(run.code == .failure)
        #expect(run.stderr.contains("/nonexistent/folder/team.json"))
    }
}

/// `serve` says why it cannot start in one language, not in both at once.
@Suite struct ServeCommandTests {
    @Test func aPortInUseIsToldInTheUsersLanguage() {
        let inUse = HTTPServer.StartError.cannotListen(host: "127.0.0.1", port: 8080)
        #expect(ServeCommand.describe(inUse, .nl) == "kan niet luisteren op 127.0.0.1 poort 8080; is die al in gebruik? Kies een andere met --port")
        #expect(ServeCommand.describe(inUse, .en) == "cannot listen on 127.0.0.1 port 8080; is it in use already? Choose another with --port")
        #expect(ServeCommand.describe(.invalidHost("example.org"), .en).hasPrefix("--host: \"example.org\" is not an IP address"))
    }

    /// A server that cannot start leaves no database it made behind, and one that was there as it was.
    @Test func aServerThatCannotStartLeavesNoNewDatabase() throws {
        let folder = try temporaryDirectory()
        let database = folder.appendingPathComponent("teams.sqlite").path
        let run = CapturedRun(["serve", "--host", "example.org", "--port", "0", "--db", database])
        #expect(run.code == .failure)
        #expect(run.stderr.contains("example.org"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        let kept = folder.appendingPathComponent("kept.sqlite").path
        FileManager.default.createFile(atPath: kept, contents: Data())
        #expect(CapturedRun(["serve", "--host", "example.org", "--port", "0", "--db", kept]).code == .failure)
        #expect(FileManager.default.fileExists(atPath: kept))
    }
}
