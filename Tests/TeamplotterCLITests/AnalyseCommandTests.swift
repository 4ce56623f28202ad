import Foundation
import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport
import Testing

@testable import TeamplotterCLI

@Suite struct AnalyseCommandTests {
    @Test func theExampleAsJSONHasTheExpectedStatusesPeopleAndCoverage() throws {
        let run = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds, "--format", "json"])
        #expect(run.code == .ok)
        #expect(run.stderr.isEmpty)
        let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let roles = try #require(json["roles"] as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: roles.map { ($0["name"] as! String, $0["status"] as! String) })
        let expected: [String: [String]] = [
            "missing": ["Procesmanager", "Beleidsmedewerker / adviseur nieuwe media", "Contentmanager alle kanalen", "Programmeur", "Social media analist", "Usability expert", "Ontwerper"],
            "understaffed": ["Strateeg", "Contentmanager website", "Online servicemedewerker", "Applicatie-beheerder", "Website analist"],
            "single": ["Leidinggevende", "Visievormer", "Verbinder", "Beleidsmedewerker / adviseur dienstverlening", "Contentregisseur", "Community manager", "Data analist", "Proces analist"],
            "covered": ["Webformulieren specialist (bouwen en vernieuwen)"],
            "extra": ["Communicatieadviseur extern", "Woordvoerder"],
            "notNeeded": ["Communicatieadviseur intern"],
        ]
        for (status, names) in expected {
            for name in names { #expect(statuses[name] == status, "\(name)") }
        }
        #expect(statuses.count == 24)

        let byName = Dictionary(uniqueKeysWithValues: roles.map { ($0["name"] as! String, $0) })
        #expect(byName["Strateeg"]?["fte"] as? Double == 0.3)
        #expect(byName["Contentmanager website"]?["fte"] as? Double == 0.8)
        #expect(byName["Website analist"]?["fte"] as? Double == 0.2)
        #expect(byName["Online servicemedewerker"]?["people"] as? Int == 1)
        #expect(byName["Online servicemedewerker"]?["vacancies"] as? Int == 1)
        #expect(byName["Social media analist"]?["vacancies"] as? Int == 1)
        #expect(byName["Applicatie-beheerder"]?["people"] as? Int == 1)
        #expect(byName["Webformulieren specialist (bouwen en vernieuwen)"]?["people"] as? Int == 2)

        let categories = try #require(json["categories"] as? [[String: Any]])
        #expect(categories.map { "\($0["present"]!)/\($0["needed"]!)" } == ["5/7", "4/5", "2/3", "3/6"])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["missing"] == 7 && summary["understaffed"] == 5 && summary["single"] == 8)
        #expect(summary["covered"] == 1 && summary["extra"] == 2 && summary["notNeeded"] == 1)
    }

    @Test func theExamplesTextOutputMatchesItsGoldenFile() throws {
        let run = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds])
        #expect(run.code == .ok)
        #expect(try Golden.check(run.stdout, against: "voorbeeldstad.txt"))
    }

    @Test func theExamplesEnglishTextOutputMatchesItsGoldenFile() throws {
        let run = CapturedRun(["analyze", Repository.example, "--needs", Repository.exampleNeeds, "--lang", "en"])
        #expect(run.code == .ok)
        #expect(try Golden.check(run.stdout, against: "voorbeeldstad-en.txt"))
    }

    @Test func theExamplesJSONOutputMatchesItsGoldenFile() throws {
        let run = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds, "--format", "json"])
        #expect(try Golden.check(run.stdout, against: "voorbeeldstad.json"))
    }

    @Test func theExamplesMarkdownOutputMatchesItsGoldenFile() throws {
        let run = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds, "--format", "markdown"])
        #expect(try Golden.check(run.stdout, against: "voorbeeldstad.md"))
    }

    @Test func textFitsEightyColumns() {
        let run = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds])
        for line in run.stdout.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        let args = ["analyse", Repository.example, "--needs", Repository.exampleNeeds]
        #expect(!CapturedRun(args).stdout.contains("\u{1B}["))
        #expect(CapturedRun(args, terminal: true, environment: ["TERM": "xterm"]).stdout.contains("\u{1B}["))
        #expect(!CapturedRun(args, terminal: true, environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}["))
    }

    @Test func aTeamDocumentAnalysesLikeTheWorksheet() {
        let fromDocument = CapturedRun(["analyse", Repository.path("examples/voorbeeldstad.json"), "--format", "json"])
        let fromWorksheet = CapturedRun(["analyse", Repository.example, "--needs", Repository.exampleNeeds, "--format", "json"])
        #expect(fromDocument.code == .ok)
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"team\":") }.joined(separator: "\n") }
        #expect(strip(fromDocument.stdout) == strip(fromWorksheet.stdout))
    }

    @Test func writesToAFileWithOutput() throws {
        let folder = try temporaryDirectory()
        let target = folder.appendingPathComponent("analyse.md").path
        let run = CapturedRun(["analyse", Repository.example, "--format", "markdown", "-o", target])
        #expect(run.code == .ok)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# Teamplotter"))
    }
}

@Suite struct BadInputTests {
    private func file(_ name: String, _ content: Data) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try content.write(to: url)
        return url.path
    }

    @Test func aMisspeltRoleExitsTwoNamingRowAndColumnWithASuggestion() throws {
        let text = try String(contentsOfFile: Repository.example, encoding: .utf8)
            .replacingOccurrences(of: "Contentmanager website (70%)", with: "Contentmanger website (70%)")
        let path = try file("team.csv", Data(text.utf8))
        let run = CapturedRun(["analyse", path])
        #expect(run.code == .badInput)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\(path):5:5: onbekende rol \"Contentmanger website\"; bedoelt u \"Contentmanager website\"?\n")
    }

    @Test func anUnknownPriorityListsTheValidOnes() throws {
        let text = try String(contentsOfFile: Repository.exampleNeeds, encoding: .utf8)
            .replacingOccurrences(of: "Strateeg;nodig", with: "Strateeg;heel hard nodig")
        let path = try file("behoefte.csv", Data(text.utf8))
        let run = CapturedRun(["analyse", Repository.example, "--needs", path, "--lang", "en"])
        #expect(run.code == .badInput)
        #expect(run.stderr == "\(path):4:2: unknown priority \"heel hard nodig\"; choose one of \"must\", \"should\", \"could\", \"not needed\"\n")
    }

    @Test func problemsInTeamAndNeedsComeOutTogether() throws {
        let team = try file("t.csv", Data("Functie;Uren;Rollen\nA;abc;Verbinder\n".utf8))
        let needs = try file("n.csv", Data("Rol;Prioriteit\nBrandweer;nodig\n".utf8))
        let run = CapturedRun(["analyse", team, "--needs", needs])
        #expect(run.code == .badInput)
        #expect(run.stderr.split(separator: "\n").count == 2)
    }

    @Test(arguments: [
        ("leeg.csv", Data(), "het bestand is leeg"),
        ("bom.csv", Data([0xEF, 0xBB, 0xBF]), "bom.csv: het bestand is leeg"),
        ("binair.csv", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), "dit is geen tekstbestand"),
        ("ander.json", Data(#"{"name": "x", "items": [1, 2]}"#.utf8), "dit JSON-bestand is geen Teamplotter-teamdocument (\"version\" ontbreekt)"),
        ("lijst.json", Data("[1, 2, 3]".utf8), "dit JSON-bestand is geen Teamplotter-teamdocument"),
        ("kapot.json", Data(#"{"version": 1, "functions": [ x ]}"#.utf8), "kapot.json:1:31: ongeldige JSON: \"x\" hoort hier niet"),
        ("dubbel.json", Data(#"{"version": 1, "functions": [{"title": "A", "hoursPerWeek": 36, "hoursPerWeek": 20}]}"#.utf8),
         "dubbel.json:1:65: veld \"hoursPerWeek\" staat twee keer in hetzelfde object (eerst op regel 1, kolom 45)"),
        ("afgekapt.json", Data(#"{"version": 1, "functions": ["#.utf8), "afgekapt.json:1:30: het document houdt op"),
        ("groot.json", Data(#"{"version": 1, "functions": [{"title": "A", "fte": 1e999}]}"#.utf8), "groot.json:1:52: het getal 1e999 is te groot"),
        ("diep.json", Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
         "diep.json:1:257: het document is dieper genest dan 256 niveaus"),
        ("tabel.csv", Data("a;b\n1;2\n".utf8), "geen teamdocument (.json) of werkblad (.csv)"),
    ])
    func eachBadFileGetsOneClearMessage(name: String, content: Data, message: String) throws {
        let path = try file(name, content)
        let run = CapturedRun(["analyse", path])
        #expect(run.code == .badInput)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(path) == true)
        #expect(lines.first?.contains(message) == true, "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func aMissingFileOrFolder() throws {
        #expect(CapturedRun(["analyse", "/nonexistent/team.csv"]).code == .badInput)
        let folder = try temporaryDirectory().path
        let run = CapturedRun(["analyse", folder])
        #expect(run.code == .badInput)
        #expect(run.stderr.contains("map"))
    }
}

/// A report large enough to be written in runs on both cores goes to a file, and to standard
/// output, in the pieces it was written in: the same bytes as rendered whole.
@Suite struct LargeReportOutputTests {
    @Test func aSplitReportIsWrittenWhole() throws {
        let ids = Catalogue.builtIn.roles.map(\.id)
        let functions = (0..<2_100).map { (index: Int) -> TeamFunction in
            let holder: String? = index % 9 == 0 ? nil : "Medewerker \(index % 700)"
            let workload: Workload? = index % 13 == 0 ? nil : .hoursPerWeek(Double(8 + index % 29))
            let roles = (0..<(index % 4)).map { (position: Int) -> RoleAssignment in
                RoleAssignment(roleId: ids[(index + position * 5) % ids.count], sharePercent: position == 1 ? 30 : nil)
            }
            return TeamFunction(
                title: "Functie \(index) — één", holder: holder, isVacancy: index % 31 == 0, workload: workload, roles: roles)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teamplotter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("groot.json")
        try Data(TeamDocument.write(Team(name: "Groot", functions: functions)).utf8).write(to: input)
        let team = try TeamLoader.loadTeam(Data(contentsOf: input), file: input.path).team
        let analysis = GapAnalyser.analyse(team)
        #expect(analysis.functions.count >= TextReport().splitMinimum)

        let text = folder.appendingPathComponent("rapport.txt")
        #expect(CapturedRun(["analyse", input.path, "-o", text.path]).code == .ok)
        let expected = TextReport(catalogue: team.catalogue).renderUTF8(analysis)
        #expect(try Data(contentsOf: text) == Data(expected))
        #expect(CapturedRun(["analyse", input.path]).stdout == String(decoding: expected, as: UTF8.self))

        let markdown = folder.appendingPathComponent("rapport.md")
        #expect(CapturedRun(["analyse", input.path, "--format", "markdown", "-o", markdown.path]).code == .ok)
        #expect(try Data(contentsOf: markdown) == Data(MarkdownReport(catalogue: team.catalogue).renderUTF8(analysis)))
    }
}
