import Foundation
import Testing

@testable import TeamplotterCore
@testable import TeamplotterFormats

@Suite struct TeamDocumentTests {
    private func fullTeam() -> Team {
        Team(
            name: "Online <team> \"Zuid\"", organisation: "Gemeente Voorbeeldstad", standardWeekHours: 38,
            functions: [
                TeamFunction(title: "Webredacteur", holder: "K. Visser", workload: .hoursPerWeek(24), tasks: ["Nieuws, berichten"],
                             roles: [RoleAssignment(roleId: "contentmanager-website", sharePercent: 70), RoleAssignment(roleId: "privacy-officer")],
                             competencies: [Competency(name: "Schrijven", level: 3), Competency(name: "WCAG")]),
                TeamFunction(title: "KCC", isVacancy: true, workload: .fte(0.5), roles: [RoleAssignment(roleId: "online-servicemedewerker")]),
                TeamFunction(title: "Onbekend"),
            ],
            needs: Needs(
                roles: [RoleNeed(roleId: "strateeg", priority: .must, desiredFte: 0.5, minPeople: 1, note: "toelichting"),
                        RoleNeed(roleId: "privacy-officer", priority: .could)],
                tasks: ["Webcare"], competencies: [Competency(name: "Data-analyse", level: 2)]),
            customCatalogue: CatalogueCustomization(mode: .extend, categories: [
                RoleCategory(id: "eigen", name: "Eigen rollen", englishName: "Own roles", roles: [
                    Role(id: "privacy-officer", name: "Privacy officer", description: "AVG", englishName: "Privacy officer", aliases: ["FG"])
                ])
            ]))
    }

    @Test func writesAndReadsBackWithoutLoss() throws {
        let team = fullTeam()
        let text = TeamDocument.write(team)
        #expect(try TeamDocument.read(Data(text.utf8), file: "t.json") == team)
        // Writing again gives the same bytes: the key order is fixed.
        #expect(TeamDocument.write(try TeamDocument.read(Data(text.utf8), file: nil)) == text)
    }

    @Test func theShippedExampleDocumentReads() throws {
        let team = try TeamDocument.read(try Repository.data("examples/voorbeeldstad.json"), file: "voorbeeldstad.json")
        #expect(team.functions.count == 9)
        #expect(team.needs.roles.count == 24)
    }

    @Test func rolesMayBeGivenByNameAndPrioritiesInDutch() throws {
        let json = #"{"version": 1, "team": {"name": "T"}, "functions": [{"title": "A", "hoursPerWeek": "22,5", "roles": ["Web analist", {"role": "Strateeg", "share": 30}]}], "needs": {"roles": [{"role": "strateeg", "priority": "nodig"}]}}"#
        let team = try TeamDocument.read(Data(json.utf8), file: nil)
        #expect(team.functions[0].roles == [RoleAssignment(roleId: "website-analist"), RoleAssignment(roleId: "strateeg", sharePercent: 30)])
        #expect(team.functions[0].workload == .hoursPerWeek(22.5))
        #expect(team.needs.roles[0].priority == .must)
    }

    @Test(arguments: [
        ("[1, 2]", "verwacht een object"),
        (#"{"foo": 1}"#, "\"version\" ontbreekt"),
        (#"{"version": "één"}"#, "\"version\" is geen getal"),
        (#"{"version": 1}"#, "\"team\" en \"functions\" ontbreken"),
    ])
    func aJSONFileOfAnotherShapeGetsOneClearMessage(json: String, fragment: String) throws {
        do {
            _ = try TeamDocument.read(Data(json.utf8), file: "x.json")
            Issue.record("should not read")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].formatted(.nl).hasPrefix("x.json: dit JSON-bestand is geen Teamplotter-teamdocument"))
            #expect(error.problems[0].message(.nl).contains(fragment))
        }
    }

    @Test func anotherVersionIsNamed() {
        #expect(throws: InputProblems([InputProblem(.unsupportedVersion("2"), at: SourceLocation(file: "x.json"))])) {
            try TeamDocument.read(Data(#"{"version": 2, "functions": []}"#.utf8), file: "x.json")
        }
    }

    @Test func everyProblemNamesItsPath() {
        let json = #"{"version": 1, "functions": [{"title": "", "hoursPerWeek": "abc", "vacancy": "ja", "roles": ["Contentmanger website", 7]}], "needs": {"roles": [{"role": "strateeg", "priority": "zeer"}, {"role": "Strateeg", "priority": "must"}]}}"#
        do {
            _ = try TeamDocument.read(Data(json.utf8), file: "x.json")
            Issue.record("should not read")
        } catch {
            #expect(error.problems.map(\.location.path) == [
                "functions[0].title", "functions[0].hoursPerWeek", "functions[0].roles[0]", "functions[0].roles[1]",
                "functions[0].vacancy", "needs.roles[0].priority", "needs.roles[1] (needs.roles[0])",
            ].map(Optional.some))
            #expect(error.problems.contains { $0.formatted(.nl) == "x.json:functions[0].roles[0]: onbekende rol \"Contentmanger website\"; bedoelt u \"Contentmanager website\"?" })
        }
    }

    @Test func aSyntaxErrorNamesLineAndColumn() {
        #expect(throws: InputProblems([InputProblem(.invalidJSON(.unexpected("x")), at: SourceLocation(file: "x.json", row: 2, column: 17))])) {
            try TeamDocument.read(Data("{\"version\": 1,\n \"functions\": [ x".utf8), file: "x.json")
        }
    }

    /// JSON is UTF-8: a document that is not is refused where it goes wrong, however it is
    /// loaded, rather than read as Windows-1252 as a worksheet may be.
    @Test func aTeamDocumentThatIsNotUTF8IsRefusedWithItsPlace() {
        for (bytes, column) in [
            (Array(#"{"version": 1, "team": {"name": ""#.utf8) + [0xFF, 0xFE] + Array(#""}, "functions": []}"#.utf8), 34),
            (Array(#"{"version": 1, "team": {"name": "Caf"#.utf8) + [0xE9, 0x20, 0xC3, 0xA9] + Array(#""}, "functions": []}"#.utf8), 37),
        ] {
            #expect(throws: InputProblems([InputProblem(.invalidJSON(.notUTF8), at: SourceLocation(file: "t.json", row: 1, column: column))])) {
                try TeamLoader.loadTeam(Data(bytes), file: "t.json")
            }
        }
        let withMark = Data([0xEF, 0xBB, 0xBF] + Array(#" {"version": 1, "team": {"name": "BOM"}, "functions": []}"#.utf8))
        #expect((try? TeamLoader.loadTeam(withMark, file: "t.json"))?.team.name == "BOM")
    }

    @Test func anEmptyDocumentIsSaidToBeEmpty() {
        for text in ["", "  \n", "\u{FEFF}", "\u{FEFF} \r\n"] {
            #expect(throws: InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: "t.json"))])) {
                try TeamDocument.read(Data(text.utf8), file: "t.json")
            }
        }
    }

    @Test func theWriterEscapesMarkupAndControlCharacters() {
        #expect(JSONWriter.write(.string("<script>\"a\"\n\u{1}"), pretty: false) == #""\u003cscript\u003e\"a\"\n\u0001""#)
        #expect(JSONWriter.write(.string("één € 😀 \u{2028}x\u{2029}"), pretty: false) == #""één € 😀 \u2028x\u2029""#)
        #expect(JSONWriter.write(.object([("a", .array([.null, .bool(true)]))])) == "{\n  \"a\": [\n    null,\n    true\n  ]\n}\n")
        #expect(JSONWriter.write(.number(0.3), pretty: false) == "0.3")
        #expect(JSONWriter.write(.number(36), pretty: false) == "36")
    }
}

@Suite struct TeamLoaderTests {
    @Test func tellsJSONFromCSVByContent() throws {
        let json = try TeamLoader.loadTeam(Data(#"  {"version": 1, "functions": []}"#.utf8), file: "team.csv")
        #expect(json.team.functions.isEmpty)
        let csv = try TeamLoader.loadTeam(Data("Functie;Rollen\nA;Verbinder\n".utf8), file: "team.json")
        #expect(csv.team.functions.count == 1)
    }

    @Test func aByteOrderMarkAloneIsAnEmptyFile() {
        #expect(throws: InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: "x.csv"))])) {
            try TeamLoader.loadTeam(Data([0xEF, 0xBB, 0xBF]), file: "x.csv")
        }
    }

    @Test func aCSVWithoutAWorksheetHeaderIsNotATeamFile() {
        #expect(throws: InputProblems([InputProblem(.notATeamFile, at: SourceLocation(file: "x.csv"))])) {
            try TeamLoader.loadTeam(Data("a;b\n1;2\n".utf8), file: "x.csv")
        }
    }

    @Test func theVariantWorksheetGivesTheSameStatusesAsTheExample() throws {
        let needs = try TeamLoader.loadNeeds(try Repository.data("examples/voorbeeldstad-behoefte.csv"), file: nil)
        var example = try TeamLoader.loadTeam(try Repository.data("examples/voorbeeldstad-team.csv"), file: nil).team
        var variant = try TeamLoader.loadTeam(try Repository.fixture("voorbeeldstad-variant.csv"), file: nil).team
        example.needs = needs
        variant.needs = needs
        let expected = GapAnalyser.analyse(example).roles.map(\.status)
        #expect(GapAnalyser.analyse(variant).roles.map(\.status) == expected)
    }
}

@Suite struct HostileDocumentTests {
    @Test(arguments: [
        #"{"version": 1e300, "functions": []}"#,
        #"{"version": 1, "functions": [{"title": "A", "hoursPerWeek": 1e300, "roles": [{"role": "strateeg", "share": -1e300}]}]}"#,
        #"{"version": 1, "functions": [], "needs": {"roles": [{"role": "strateeg", "priority": "must", "minPeople": 1e300}]}}"#,
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        #"{"version": 1, "functions": [{"title": "A", "competencies": [{"name": "x", "level": 1e300}]}]}"#,
    ])
    func refusesWithoutCrashing(json: String) {
        #expect(throws: InputProblems.self) { try TeamDocument.read(Data(json.utf8), file: "h.json") }
    }
}

@Suite struct StrictDocumentTests {
    private func problems(_ json: String) -> [InputProblem] {
        do {
            _ = try TeamDocument.read(Data(json.utf8), file: "s.json")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aMisspeltKeyIsAnErrorWithASuggestion() {
        let found = problems(#"{"version": 1, "functions": [{"title": "A", "hoursPerweek": 36, "rols": ["strateeg"]}]}"#)
        #expect(found.map(\.kind) == [
            .unknownKey(key: "hoursPerweek", suggestion: "hoursPerWeek"), .unknownKey(key: "rols", suggestion: "roles"),
        ])
        #expect(found.first?.formatted(.en) == "s.json:functions[0].hoursPerweek: unknown field \"hoursPerweek\"; did you mean \"hoursPerWeek\"?")
    }

    @Test func theTeamHeaderMustBeAnObject() {
        #expect(problems(#"{"version": 1, "team": "x", "functions": []}"#).map(\.kind) == [.wrongType(expected: .teamHeader)])
    }

    @Test func nullInsideAListIsAnError() {
        #expect(problems(#"{"version": 1, "functions": [{"title": "A", "tasks": ["x", null]}]}"#).map(\.location.path) == ["functions[0].tasks[1]"])
    }

    @Test func idsInAnOwnCatalogueAreUnique() {
        let json = #"{"version": 1, "functions": [], "catalogue": {"mode": "extend", "categories": [{"id": "eigen", "name": "Eigen", "roles": [{"id": "x", "name": "X"}, {"id": "x", "name": "Y"}, {"id": "ontwerper", "name": "Ontwerper 2"}]}, {"id": "eigen", "name": "Nog eens"}]}}"#
        #expect(problems(json).map(\.kind) == [.duplicateId(id: "x"), .duplicateId(id: "ontwerper"), .duplicateId(id: "eigen")])
    }
}

@Suite struct RepeatedWorkbookPartsTests {
    /// A workbook that names its Team sheet many times is read as if it named it once.
    @Test func aSheetNamedManyTimesIsReadOnce() throws {
        let team = try TeamDocument.read(try Repository.data("examples/voorbeeldstad.json"), file: nil)
        let archive = try ZIPArchive(SpreadsheetExport().export(team))
        var writer = ZIPWriter()
        for entry in archive.entries {
            var content = try archive.data(of: entry.name)
            if entry.name == "xl/workbook.xml" {
                let copies = (0..<200).map { "<sheet name=\"Kopie \($0)\" sheetId=\"\(100 + $0)\" r:id=\"rId1\"/>" }.joined()
                let text = String(decoding: content, as: UTF8.self).replacingOccurrences(of: "</sheets>", with: copies + "</sheets>")
                content = Array(text.utf8)
            }
            writer.add(entry.name, content)
        }
        let repeated = writer.archive()
        // Each part is read once: the 200 extra names of the Team sheet add no sheets.
        #expect(try XLSXReader.read(repeated, file: nil).sheets.count == XLSXReader.read(SpreadsheetExport().export(team), file: nil).sheets.count)
        let loaded = try TeamLoader.loadTeam(repeated, file: "herhaald.xlsx").team
        #expect(GapAnalyser.analyse(loaded).roles.map(\.status) == GapAnalyser.analyse(team).roles.map(\.status))
    }
}
