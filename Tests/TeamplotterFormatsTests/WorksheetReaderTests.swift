import Foundation
import Testing

@testable import TeamplotterCore
@testable import TeamplotterFormats

@Suite struct WorksheetReaderTests {
    private func read(_ text: String, file: String = "team.csv") throws(InputProblems) -> Team {
        try WorksheetReader.read(try CSVReader.parse(text, file: file), file: file).team
    }

    private func problems(_ text: String, file: String = "team.csv") -> [InputProblem] {
        do {
            _ = try read(text, file: file)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsTheShippedExample() throws {
        let loaded = try TeamLoader.loadTeam(try Repository.data("examples/voorbeeldstad-team.csv"), file: "voorbeeldstad-team.csv")
        let team = loaded.team
        #expect(loaded.warnings.isEmpty)
        #expect(team.name == "voorbeeldstad-team")
        #expect(team.functions.count == 9)
        let visser = team.functions[3]
        #expect(visser.holder == "K. Visser")
        #expect(visser.workload == .hoursPerWeek(24))
        #expect(visser.roles == [RoleAssignment(roleId: "contentmanager-website", sharePercent: 70), RoleAssignment(roleId: "website-analist", sharePercent: 30)])
        #expect(team.functions[0].tasks == ["Aansturen team online", "Budget en planning", "Overleg met MT en bestuur"])
        let vacancy = team.functions[6]
        #expect(vacancy.isVacancy)
        #expect(vacancy.holder == nil)
        #expect(team.functions[8].workload == .hoursPerWeek(22.5))
        #expect(team.functions[8].roles.map(\.roleId) == ["data-analist", "proces-analist"])
    }

    @Test func looseHeadersAndAnFteColumn() throws {
        let team = try read("functietitel,medewerker,FTE,rol\nA,B,\"0,8\",Strateeg\n")
        #expect(team.functions == [TeamFunction(title: "A", holder: "B", workload: .fte(0.8), roles: [RoleAssignment(roleId: "strateeg")])])
    }

    @Test func aTitleLineAboveTheHeaderIsSkipped() throws {
        let team = try read("Teamplotter online team;;\nFunctie;Naam;Rollen\nA;B;Verbinder\n")
        #expect(team.functions.map(\.title) == ["A"])
    }

    @Test func anEmptyHolderIsNobodyNamed() throws {
        let team = try read("Functie;Naam;Rollen\nA;;Verbinder\n")
        #expect(team.functions[0].holder == nil)
        #expect(!team.functions[0].isVacancy)
    }

    @Test func aMisspeltRoleNamesRowAndColumnAndSuggests() {
        let found = problems("Functie;Naam;Uren;Rollen\nA;B;36;Verbinder\nC;D;36;\"Strateeg\nContentmanger website\"\n")
        #expect(found == [InputProblem(.unknownRole(name: "Contentmanger website", suggestions: ["Contentmanager website"]), at: SourceLocation(file: "team.csv", row: 3, column: 4))])
        #expect(found.first?.formatted(.nl) == "team.csv:3:4: onbekende rol \"Contentmanger website\"; bedoelt u \"Contentmanager website\"?")
        #expect(found.first?.formatted(.en) == "team.csv:3:4: unknown role \"Contentmanger website\"; did you mean \"Contentmanager website\"?")
    }

    @Test func everyProblemIsReportedTogether() {
        let found = problems("Functie;Uren;Rollen\n;abc;Verbinder\nB;200;Strateeg (150%)\nC;36;Brandweer\n")
        #expect(found.map(\.location.row) == [2, 2, 3, 3, 4])
        #expect(found.map(\.kind) == [
            .missingValue(field: "Functie"),
            .invalidNumber(value: "abc", field: "Uren per week"),
            .outOfRange(value: "200", field: "Uren per week", range: 0...80),
            .outOfRange(value: "150", field: "Aandeel (%) van Strateeg", range: 0...100),
            .unknownRole(name: "Brandweer", suggestions: []),
        ])
        #expect(found[1].formatted(.nl) == "team.csv:2:2: Uren per week: \"abc\" is geen getal; schrijf alleen cijfers, met een komma of punt voor decimalen")
    }

    @Test func withoutAFunctionColumnItSaysWhichHeadersItKnows() {
        let found = problems("Naam;Rollen\nA;Verbinder\n")
        #expect(found.count == 1)
        #expect(found.first?.message(.nl).contains("\"Functie\"") == true)
    }

    @Test func aMisspeltRolesColumnIsNamedWithWhatItProbablyMeans() {
        #expect(problems("Functie;Naam;Uren per week;Rolen\nA;B;36;Strateeg\n", file: "t.csv") == [
            InputProblem(.missingColumn(field: "Rollen", accepted: ["Rollen", "Rol", "Roles", "Role"]), at: SourceLocation(file: "t.csv", row: 1)),
            InputProblem(.unknownColumn(header: "Rolen", suggestion: "Rollen"), at: SourceLocation(file: "t.csv", row: 1, column: 4), isWarning: true),
        ])
    }

    @Test func aDuplicateColumnIsAnErrorBecauseItsDataWouldBeLost() {
        let found = problems("Functie;Rollen;Rol\nA;Verbinder;Strateeg\n", file: "t.csv")
        #expect(found == [InputProblem(.duplicateColumn(header: "Rol"), at: SourceLocation(file: "t.csv", row: 1, column: 3))])
        // The file is refused, so the message does not say the column is ignored.
        #expect(found.first?.message(.nl) == "kolom \"Rol\" staat twee keer in de kopregel; welke van de twee geldt is niet te zeggen: laat er één staan")
        #expect(InputProblem(.duplicateColumn(header: "Rol"), at: SourceLocation(), isWarning: true).message(.en)
            == "column \"Rol\" appears twice in the header row; the second is ignored")
    }

    @Test func anUnknownColumnIsAWarningWithASuggestion() throws {
        let (team, warnings) = try WorksheetReader.read(try CSVReader.parse("Functie;Urne per week;Rollen;Opmerking\nA;36;Verbinder;x\n", file: "t.csv"), file: "t.csv")
        #expect(team.functions[0].workload == nil)
        #expect(warnings == [
            InputProblem(.unknownColumn(header: "Urne per week", suggestion: "Uren per week"), at: SourceLocation(file: "t.csv", row: 1, column: 2), isWarning: true),
            InputProblem(.unknownColumn(header: "Opmerking", suggestion: nil), at: SourceLocation(file: "t.csv", row: 1, column: 4), isWarning: true),
        ])
    }

    @Test func cellsBeyondTheHeaderAreAnError() {
        #expect(problems("Functie;Rollen\nA;Verbinder;Programmeur;\n") == [
            InputProblem(.extraCell(value: "Programmeur"), at: SourceLocation(file: "team.csv", row: 2, column: 3))
        ])
    }

    @Test func aRowInAnotherDelimiterIsAnError() {
        #expect(problems("Functie,Naam,Rollen\nA,B,Verbinder\nX;Y;Programmeur\n") == [
            InputProblem(.singleCellRow(delimiter: ","), at: SourceLocation(file: "team.csv", row: 3))
        ])
    }

    @Test func aFunctionColumnWithoutRolesNamesTheRolesColumn() {
        #expect(problems("Functie;Naam\nA;B\n").map(\.kind) == [.missingColumn(field: "Rollen", accepted: ["Rollen", "Rol", "Roles", "Role"])])
    }

    @Test func aUnitInTheCellIsTakenAtItsWord() throws {
        let team = try read("Functie;Uren;FTE;Rollen\nA;0,8 fte;;Verbinder\nB;;30 uur;Verbinder\n")
        #expect(team.functions.map(\.workload) == [.fte(0.8), .hoursPerWeek(30)])
    }

    @Test func hoursAndFteThatDisagreeGiveAWarning() throws {
        let (team, warnings) = try WorksheetReader.read(try CSVReader.parse("Functie;Uren;FTE;Rollen\nA;36;0,5;Verbinder\nB;18;0,5;Verbinder\n", file: "t.csv"), file: "t.csv")
        #expect(team.functions.map(\.workload) == [.hoursPerWeek(36), .hoursPerWeek(18)])
        #expect(warnings == [InputProblem(.conflictingWorkload(hours: "36", fte: "0,5"), at: SourceLocation(file: "t.csv", row: 2, column: 3), isWarning: true)])
    }

    @Test func aCompetencyLevelOutsideOneToFourIsAnError() {
        #expect(problems("Functie;Rollen;Competenties\nA;Verbinder;\"Schrijven (niveau 5)\nPrivacy (AVG)\"\n") == [
            InputProblem(.invalidLevel(value: "niveau 5"), at: SourceLocation(file: "team.csv", row: 2, column: 3))
        ])
    }

    @Test func rolesSeparatedByCommasGetAHintWhatToUseInstead() {
        let found = problems("Functie;Rollen\nA;\"Strateeg, Verbinder (30%)\"\n")
        #expect(found.map(\.kind) == [.rolesSeparatedByCommas(cell: "Strateeg, Verbinder (30%)")])
        #expect(found.first?.message(.nl).contains("Alt+Enter") == true)
    }

    @Test func anEmptyShareIsAnError() {
        #expect(problems("Functie;Rollen\nA;Ontwerper (%)\n").map(\.kind) == [.invalidNumber(value: "", field: "Aandeel (%) van Ontwerper")])
    }

    @Test func aFloodOfProblemsIsCappedAndCounted() {
        let rows = (1...500).map { "F\($0);Onbekende rol \($0)" }.joined(separator: "\n")
        let found = problems("Functie;Rollen\n" + rows)
        #expect(found.count == WorksheetReader.problemLimit + 1)
        #expect(found.last?.kind == .tooManyProblems(more: 300))
    }

    /// 300 unknown columns gave 200 warnings and "en nog 100 problemen; los eerst deze op",
    /// although nothing failed (reported by a new-user trial).
    @Test func aFloodOfWarningsAloneIsCountedAsWarnings() throws {
        let header = "Functie;Rollen;" + (0..<300).map { "c\($0)" }.joined(separator: ";")
        let loaded = try TeamLoader.loadTeam(Data((header + "\nA;Strateeg\n").utf8), file: "m.csv")
        #expect(loaded.warnings.count == WorksheetReader.problemLimit + 1)
        let last = try #require(loaded.warnings.last)
        #expect(last.kind == .tooManyWarnings(more: 100) && last.isWarning)
        #expect(last.formatted(.nl) == "m.csv: en nog 100 waarschuwingen")
        #expect(last.formatted(.en) == "m.csv: and 100 more warnings")
        #expect(loaded.warnings.dropLast().allSatisfy { $0.isWarning })
    }

    /// An error among more warnings than are told goes first: behind 200 warnings about extra
    /// columns, the unknown role that refused the file was left out (reported by a trial).
    @Test func anErrorIsNeverLeftOutBehindWarnings() {
        let header = "Functie;Rollen;" + (0..<300).map { "c\($0)" }.joined(separator: ";")
        let found = problems(header + "\nA;Strateg\n")
        #expect(found.count == WorksheetReader.problemLimit + 1)
        #expect(found.first.map { !$0.isWarning && $0.location.row == 2 } == true)
        #expect(found.last?.kind == .tooManyProblems(more: 101))
        #expect(found.filter { !$0.isWarning }.count == 2)
    }

    @Test func aVeryLongUnknownNameIsQuickAndShortenedInTheMessage() {
        let name = String(repeating: "abcdefghij", count: 100_000)
        let found = problems("Functie;Rollen\nA;\(name)\n")
        #expect(found.count == 1)
        #expect(found[0].message(.nl).count < 200)
    }
}

@Suite struct NeedsReaderTests {
    private func read(_ text: String) throws -> Needs {
        try NeedsReader.read(try CSVReader.parse(text, file: "n.csv"), file: "n.csv")
    }

    @Test func readsTheShippedExample() throws {
        let needs = try TeamLoader.loadNeeds(try Repository.data("examples/voorbeeldstad-behoefte.csv"), file: "b.csv")
        #expect(needs.roles.count == 24)
        #expect(needs.need(for: "contentmanager-website") == RoleNeed(roleId: "contentmanager-website", priority: .must, desiredFte: 1.5, minPeople: 2))
        #expect(needs.need(for: "woordvoerder")?.note == "Ligt bij de afdeling Communicatie")
        #expect(needs.need(for: "webformulieren-specialist-bouwen-en-vernieuwen")?.priority == .must)
    }

    @Test func anUnknownPriorityListsTheValidOnes() {
        #expect(throws: InputProblems([InputProblem(.unknownPriority(value: "heel hard"), at: SourceLocation(file: "n.csv", row: 2, column: 2))])) {
            try read("Rol;Prioriteit\nStrateeg;heel hard\n")
        }
        let message = InputProblem(.unknownPriority(value: "x"), at: SourceLocation()).message(.nl)
        #expect(message == "onbekende prioriteit \"x\"; kies uit \"nodig\", \"gewenst\", \"optioneel\", \"niet nodig\"")
    }

    @Test func aRoleNamedTwiceNamesBothRows() {
        #expect(throws: InputProblems([InputProblem(.duplicateNeed(role: "Strateeg", firstRow: 2), at: SourceLocation(file: "n.csv", row: 4, column: 1))])) {
            try read("Rol;Prioriteit\nStrateeg;nodig\nVerbinder;nodig\nstrateeg;gewenst\n")
        }
    }

    @Test func theMinimumIsAWholeNumber() {
        #expect(throws: InputProblems.self) { try read("Rol;Prioriteit;Minimaal aantal personen\nStrateeg;nodig;1,5\n") }
        #expect((try? read("Rol;Prioriteit;Minimaal aantal personen\nStrateeg;nodig;2\n"))?.roles.first?.minPeople == 2)
    }

    @Test func missingColumns() {
        #expect(throws: InputProblems.self) { try read("Naam;Iets\nA;B\n") }
    }
}
