import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterFormats

@Suite struct SpreadsheetImportTests {
    /// The example team with its needs, from the CSV files.
    static func exampleTeam() throws -> Team {
        var team = try TeamLoader.loadTeam(try Examples.data(Examples.teamFile), file: Examples.teamFile).team
        team.needs = try TeamLoader.loadNeeds(try Examples.data(Examples.needsFile), file: Examples.needsFile)
        team.name = "Voorbeeldstad online"
        team.organisation = "Gemeente Voorbeeldstad"
        team.standardWeekHours = 36
        team.needs.tasks = ["Webcare buiten kantoortijden", "Toegankelijkheid toetsen, maandelijks"]
        team.needs.competencies = [Competency(name: "Schrijven op B1-niveau", level: 3), Competency(name: "Data")]
        return team
    }

    static func statuses(_ team: Team) -> [String: String] {
        Dictionary(uniqueKeysWithValues: GapAnalyser.analyse(team).roles.map { ($0.role.name, $0.status.rawValue) })
    }

    /// Problems as the user sees them, in Dutch.
    static func messages(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputProblems {
            return error.problems.map { $0.formatted(.nl) }
        } catch {
            return ["not InputProblems: \(error)"]
        }
    }

    @Test func theExampleCSVGivesTheStatusesItsReadmePromises() throws {
        #expect(Self.statuses(try Self.exampleTeam()) == Examples.expectedStatuses)
    }

    @Test(arguments: [Language.nl, .en])
    func jsonToXLSXToJSONGivesTheSameTeam(language: Language) throws {
        let team = try Self.exampleTeam()
        let json = TeamDocument.write(team)
        let fromJSON = try TeamDocument.read(Data(json.utf8), file: "t.json")
        let xlsx = SpreadsheetExport(language: language).export(fromJSON)
        let loaded = try TeamLoader.loadTeam(xlsx, file: "export.xlsx")
        #expect(loaded.team == fromJSON)
        #expect(TeamDocument.write(loaded.team) == json)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func jsonToCSVToJSONGivesTheSameFunctionsAndNeeds() throws {
        var team = try Self.exampleTeam()
        // A CSV holds functions and role needs; the name comes from the file name.
        team.name = "voorbeeldstad"
        team.organisation = nil
        team.needs.tasks = []
        team.needs.competencies = []
        team.functions[0].workload = .fte(0.75)
        team.functions[1].roles[0].sharePercent = 100.0 / 3
        let export = SpreadsheetExport()
        let loaded = try TeamLoader.loadTeam(Data(export.worksheetCSV(team)), file: "voorbeeldstad.csv")
        var back = loaded.team
        back.needs = try TeamLoader.loadNeeds(Data(export.needsCSV(team)), file: "voorbeeldstad-behoefte.csv")
        #expect(back == team)
        #expect(TeamDocument.write(back) == TeamDocument.write(team))
    }

    @Test func theCSVExportIsWhatDutchExcelReads() throws {
        let bytes = SpreadsheetExport().worksheetCSV(try Self.exampleTeam())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Functie;Naam;Uren per week;FTE;Taken;Rollen;Competenties\r\n"))
        #expect(text.contains(";22,5;"))
        #expect(text.contains("\"Contentmanager website (70%)\r\nWebsite analist (30%)\""))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func theExportHasItsSheetsAndNumbers() throws {
        let workbook = try XLSXReader.read(SpreadsheetExport().export(try Self.exampleTeam()), file: nil)
        #expect(workbook.sheets.map(\.name) == ["Team", "Behoefte", "Analyse", "Verdeling", "Rollenlijst", "Gegevens"])
        let team = try #require(workbook.sheet(named: "Team"))
        #expect(team[1, 1]?.value == .text("Functie"))
        #expect(team[2, 3]?.value == .number(36))
        #expect(team[2, 4]?.value == .number(1))
        let analysis = try #require(workbook.sheet(named: "Analyse"))
        let strateeg = try #require(analysis.rowNumbers.first { analysis[$0, 2]?.value == .text("Strateeg") })
        #expect(analysis[strateeg, 4]?.value == .text("onderbezet"))
        #expect(analysis[strateeg, 7]?.value == .number(0.5))
        let allocation = try #require(workbook.sheet(named: "Verdeling"))
        let row = try #require(allocation.rowNumbers.first { allocation[$0, 3]?.value == .text("Website analist") })
        #expect(allocation[row, 4] == Sheet.Cell(value: .number(0.3), isPercent: true))
        #expect(try #require(workbook.sheet(named: "Rollenlijst")).rowNumbers.count == 25)
    }

    @Test func anEmptyTemplateReadsAsAnEmptyTeam() throws {
        let loaded = try TeamLoader.loadTeam(SpreadsheetExport().template(), file: "sjabloon.xlsx")
        #expect(loaded.team.functions.isEmpty)
        #expect(loaded.team.needs.roles.isEmpty)
        #expect(loaded.team.name == "sjabloon")
        #expect(loaded.team.standardWeekHours == 36)
    }

    @Test func aSkillsMatrixGivesTheSameStatusesAsTheWorksheet() throws {
        let team = try Self.exampleTeam()
        let catalogue = Catalogue.builtIn
        let held = catalogue.roles.filter { role in team.functions.contains { $0.roles.contains { $0.roleId == role.id } } }
        var rows = [["Functie", "Medewerker", "Uren"] + held.map(\.name)]
        for function in team.functions {
            let hours: String
            if case .hoursPerWeek(let value) = function.workload { hours = SpreadsheetExport.decimal(value, .nl) } else { hours = "" }
            rows.append(
                [function.title, function.isVacancy ? "Vacature" : function.holder ?? "", hours]
                    + held.map { role in
                        guard let assignment = function.roles.first(where: { $0.roleId == role.id }) else { return "" }
                        return assignment.sharePercent.map { SpreadsheetExport.decimal($0, .nl) + "%" } ?? "x"
                    })
        }
        // As Dutch Excel saves it: Windows-1252, with a comma list separator this time.
        let text = rows.map { $0.map { CSVWriter.quoted($0, delimiter: ",") }.joined(separator: ",") }.joined(separator: "\r\n")
        let data = try #require(text.data(using: .windowsCP1252))
        var matrix = try TeamLoader.loadTeam(data, file: "matrix.csv").team
        matrix.needs = team.needs
        #expect(Self.statuses(matrix) == Examples.expectedStatuses)
        // The matrix lists roles in column order, the worksheet in the order typed.
        #expect(matrix.functions.map { Set($0.roles) } == team.functions.map { Set($0.roles) })
        #expect(matrix.functions.map(\.workload) == team.functions.map(\.workload))
        #expect(matrix.functions.map(\.isVacancy) == team.functions.map(\.isVacancy))
    }

    @Test func matrixMarks() {
        #expect(MatrixReader.mark("x") == .held(nil))
        #expect(MatrixReader.mark(" X ") == .held(nil))
        #expect(MatrixReader.mark("1") == .held(nil))
        #expect(MatrixReader.mark("70%") == .held(70))
        #expect(MatrixReader.mark("12,5 %") == .held(12.5))
        #expect(MatrixReader.mark("0,25") == .held(25))
        #expect(MatrixReader.mark("") == .notHeld)
        #expect(MatrixReader.mark("-") == .notHeld)
        #expect(MatrixReader.mark("0") == .notHeld)
        #expect(MatrixReader.mark("misschien") == .unknown("misschien"))
        #expect(MatrixReader.mark("150%") == .unknown("150%"))
    }

    @Test func aMatrixNamesUnknownRoleColumnsAndMarks() {
        let csv = "Functie;Leidinggevende;Strateeg;Stratteeg\r\nTeamleider;x;ja;\r\nAdviseur;;zeker;x\r\n"
        let messages = Self.messages { _ = try TeamLoader.loadTeam(Data(csv.utf8), file: "m.csv") }
        #expect(messages.contains { $0.hasPrefix("m.csv:1:4: onbekende rol \"Stratteeg\"; bedoelt u \"Strateeg\"") })
        #expect(messages.contains { $0.hasPrefix("m.csv:3:3: Strateeg: \"zeker\" wordt niet begrepen") })
        #expect(messages.count == 2)
    }

    // MARK: Bad workbooks: every problem with its sheet and cell, and nothing imported

    static let teamHeader = ["Functie", "Naam", "Uren per week", "Taken", "Rollen"]

    @Test func datesWhereNumbersBelongAreNamedWithTheirCell() {
        var builder = WorkbookBuilder()
        builder.styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, Self.teamHeader)
                        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>Webredacteur</t></is></c><c r="C2" s="1"><v>45688</v></c><c r="E2" t="inlineStr"><is><t>Contentmanager website</t></is></c></row>"#
                ))
        ]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "team.xlsx") }
        #expect(messages == [
            "team.xlsx:Team!C2: Uren per week: de cel is een datum (2025-01-31), geen getal; geef de cel de opmaak Standaard of Getal en typ het getal opnieuw"
        ])
    }

    /// The needs sheet is read when the team sheet has errors too, so that all are told at once.
    @Test func problemsOfTheTeamAndTheNeedsSheetAreReportedTogether() {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, Self.teamHeader)
                        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>Barista</t></is></c><c r="C2"><v>36</v></c><c r="E2" t="inlineStr"><is><t>Koffiezetter</t></is></c></row>"#)),
            .init(
                name: "Behoefte",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, ["Rol", "Prioriteit"]) + WorkbookBuilder.textRow(2, ["Strateeg", "heel graag"]))),
        ]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "team.xlsx") }
        #expect(messages.contains { $0.hasPrefix("team.xlsx:Team!E2: onbekende rol \"Koffiezetter\"") })
        #expect(messages.contains { $0.hasPrefix("team.xlsx:Behoefte!B2: onbekende prioriteit \"heel graag\"") })
    }

    @Test func formulasMergedCellsAndErrorValuesAreAllReportedTogether() {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, ["Overzicht online team"])
                        + WorkbookBuilder.textRow(2, Self.teamHeader)
                        + #"<row r="3"><c r="A3" t="inlineStr"><is><t>Webredacteur</t></is></c><c r="C3"><f>B9*2</f></c><c r="E3" t="inlineStr"><is><t>Strateeg</t></is></c></row>"#
                        + #"<row r="4"><c r="A4" t="inlineStr"><is><t>Adviseur</t></is></c><c r="C4"><f>18*2</f><v>36</v></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" t="inlineStr"><is><t>Strateeg</t></is></c></row>"#,
                    extra: #"<mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="E3:E4"/></mergeCells>"#)),
            .init(
                name: "Behoefte",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, ["Rol", "Prioriteit"]) + WorkbookBuilder.textRow(2, ["Strateeg", "heel graag"]))),
        ]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "team.xlsx") }
        // The title merged across the top does no harm; the merge over two data rows does.
        #expect(messages.contains("team.xlsx:Team!C3: de cel bevat een formule (=B9*2) zonder berekende waarde; typ de waarde zelf in, of open en bewaar het bestand eerst in Excel"))
        #expect(messages.contains("team.xlsx:Team!D4: de cel toont een foutwaarde (#N/A); vul een gewone waarde in"))
        #expect(messages.contains("team.xlsx:Team!E3: cellen E3:E4 zijn samengevoegd; maak de samenvoeging ongedaan en vul elke cel zelf in"))
        #expect(messages.contains { $0.hasPrefix("team.xlsx:Behoefte!B2: onbekende prioriteit \"heel graag\"") })
        #expect(messages.contains("team.xlsx:Team!C4: waarschuwing: de cel bevat een formule (=18*2); de berekende waarde \"36\" is gebruikt"))
        #expect(!messages.contains { $0.contains("A1:E1") })
        #expect(messages.count == 5)
    }

    /// In a CSV a row with one cell is a row in another delimiter; in a sheet it is a function
    /// with only its title filled in.
    @Test func aSheetRowWithOnlyATitleIsAFunction() throws {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, Self.teamHeader) + WorkbookBuilder.textRow(2, ["Webredacteur"])
                        + WorkbookBuilder.textRow(3, ["Adviseur", "", "", "", "Strateeg"])))
        ]
        let loaded = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx")
        #expect(loaded.team.functions.map(\.title) == ["Webredacteur", "Adviseur"])
    }

    @Test func aCellFarToTheRightIsNamed() {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, Self.teamHeader)
                        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="AMJ2"><v>1</v></c><c r="AMK2"><v>1</v></c></row>"#))
        ]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx") }
        #expect(messages.contains("t.xlsx:Team!AMK2: deze cel staat verder naar rechts dan kolom 1024; zet de gegevens in de eerste kolommen"))
        // The cell in the last column allowed is read, and then it is outside the header's columns.
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasPrefix("t.xlsx:Team!AMJ2: deze cel (\"1\") staat buiten de kolommen van de kopregel") })
    }

    @Test func aFormulaWithItsValueIsReadWithAWarning() throws {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    WorkbookBuilder.textRow(1, Self.teamHeader)
                        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>Adviseur</t></is></c><c r="C2"><f>18*2</f><v>36</v></c><c r="E2" t="str"><f>"Strateeg"</f><v>Strateeg</v></c></row>"#
                ))
        ]
        let loaded = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx")
        #expect(loaded.team.functions.first?.workload == .hoursPerWeek(36))
        #expect(loaded.team.functions.first?.roles == [RoleAssignment(roleId: "strateeg")])
        #expect(loaded.warnings.map(\.location) == [
            SourceLocation(file: "t.xlsx", sheet: "Team", row: 2, column: 3),
            SourceLocation(file: "t.xlsx", sheet: "Team", row: 2, column: 5),
        ])
    }

    @Test func aHiddenTeamSheetIsNotSilentlySkipped() {
        var builder = WorkbookBuilder()
        let rows = WorkbookBuilder.textRow(1, Self.teamHeader) + WorkbookBuilder.textRow(2, ["Adviseur", "", "36", "", "Strateeg"])
        builder.sheets = [
            .init(name: "Team", xml: WorkbookBuilder.sheetXML(rows)),
            .init(name: "Team 2023", xml: WorkbookBuilder.sheetXML(rows), state: "hidden"),
        ]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx") }
        #expect(messages == [
            "t.xlsx:Team 2023: blad \"Team 2023\" is verborgen maar lijkt teamgegevens te bevatten; maak het zichtbaar of verwijder het"
        ])
    }

    @Test func twoTeamSheetsWithoutOneCalledTeamAreAQuestion() {
        var builder = WorkbookBuilder()
        let rows = WorkbookBuilder.textRow(1, Self.teamHeader) + WorkbookBuilder.textRow(2, ["Adviseur", "", "36", "", "Strateeg"])
        builder.sheets = [
            .init(name: "2024", xml: WorkbookBuilder.sheetXML(rows)), .init(name: "2025", xml: WorkbookBuilder.sheetXML(rows)),
        ]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx") }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("meerdere bladen bevatten een team (\"2024\", \"2025\")") == true)
    }

    @Test func aWorkbookWithoutATeamSaysWhichSheetsItHas() {
        var builder = WorkbookBuilder()
        builder.sheets = [.init(name: "Begroting", xml: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["Post", "Bedrag"])))]
        let messages = Self.messages { _ = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx") }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("t.xlsx: geen blad met een team gevonden (bladen: \"Begroting\")") == true)
    }

    @Test func englishMessages() {
        var zip = ZIPWriter()
        zip.add("a.txt", text: "x")
        do {
            _ = try TeamLoader.loadTeam(zip.archive(), file: "a.xlsx")
            Issue.record("a ZIP without a workbook must not load")
        } catch {
            #expect(error.problems.map { $0.formatted(.en) } == ["a.xlsx: this is a ZIP file but not an Excel workbook (.xlsx)"])
        }
    }

    @Test func needsFromAWorkbook() throws {
        let needs = try TeamLoader.loadNeeds(SpreadsheetExport().export(try Self.exampleTeam()), file: "e.xlsx")
        #expect(needs.roles == (try Self.exampleTeam()).needs.roles)
    }
}

/// An organisation's own roles travel through the Rollenlijst sheet.
@Suite struct CustomCatalogueTests {
    static func team(_ customization: CatalogueCustomization) throws -> Team {
        var team = try SpreadsheetImportTests.exampleTeam()
        team.customCatalogue = customization
        let catalogue = team.catalogue
        let extra = customization.categories.flatMap(\.roles)
        team.functions[0].roles.append(RoleAssignment(roleId: extra[0].id, sharePercent: 10))
        if customization.mode == .replace {
            // Only roles of the replacing catalogue may be held or needed.
            for index in team.functions.indices {
                team.functions[index].roles = team.functions[index].roles.filter { catalogue.role(id: $0.roleId) != nil }
            }
            team.needs.roles = team.needs.roles.filter { catalogue.role(id: $0.roleId) != nil }
        }
        team.needs.roles.removeAll { $0.roleId == extra.last!.id }
        team.needs.roles.append(RoleNeed(roleId: extra.last!.id, priority: .must, desiredFte: 0.2))
        return team
    }

    static let extend = CatalogueCustomization(
        mode: .extend,
        categories: [
            RoleCategory(
                id: "visie-strategie-verbinding", name: "Visie, strategie en verbinding",
                englishName: "Vision, strategy and connection",
                roles: [Role(id: "ai-adviseur", name: "AI-adviseur", description: "Adviseert over AI.")]),
            RoleCategory(
                id: "informatiebeveiliging", name: "Informatiebeveiliging", englishName: "Information security",
                roles: [
                    Role(
                        id: "privacy-officer", name: "Privacy officer", description: "Bewaakt de AVG.",
                        englishName: "Privacy officer (GDPR)", englishDescription: "Guards the GDPR.",
                        aliases: ["FG", "functionaris gegevensbescherming"])
                ]),
        ])

    static let replace = CatalogueCustomization(
        mode: .replace,
        categories: [
            RoleCategory(
                id: "online", name: "Online", roles: [
                    Role(id: "webredacteur", name: "Webredacteur", description: "Schrijft."),
                    Role(id: "contentmanager-website", name: "Contentmanager website", englishName: "Content manager website"),
                ])
        ])

    @Test(arguments: [Language.nl, .en], [extend, replace])
    func aCustomCatalogueRoundTrips(language: Language, customization: CatalogueCustomization) throws {
        let team = try Self.team(customization)
        let loaded = try TeamLoader.loadTeam(SpreadsheetExport(language: language).export(team), file: "eigen.xlsx")
        #expect(loaded.team == team)
        #expect(TeamDocument.write(loaded.team) == TeamDocument.write(team))
    }

    @Test func aRoleAddedToTheTemplatesRollenlijstCanBeUsed() throws {
        let template = try XLSXReader.read(SpreadsheetExport().template(), file: nil)
        var workbook = template
        let index = try #require(workbook.sheets.firstIndex { $0.name == "Rollenlijst" })
        let next = (workbook.sheets[index].rowNumbers.last ?? 1) + 1
        workbook.sheets[index].cells[next] = [1: .init(value: .text("Informatiebeveiliging")), 2: .init(value: .text("Privacy officer")), 3: .init(value: .text("privacy-officer"))]
        let teamIndex = try #require(workbook.sheets.firstIndex { $0.name == "Team" })
        workbook.sheets[teamIndex].cells[2] = [1: .init(value: .text("Jurist")), 6: .init(value: .text("Privacy officer\nStrateeg"))]
        let loaded = try SpreadsheetImport.team(from: workbook, file: "s.xlsx")
        #expect(loaded.team.functions.first?.roles.map(\.roleId) == ["privacy-officer", "strateeg"])
        #expect(loaded.team.customCatalogue?.mode == .extend)
        #expect(loaded.team.catalogue.category(ofRole: "privacy-officer")?.name == "Informatiebeveiliging")
    }

    @Test func aRollenlijstOfSomeoneElsesMakingIsIgnored() throws {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(name: "Team", xml: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["Functie", "Rollen"]) + WorkbookBuilder.textRow(2, ["Adviseur", "Strateeg"]))),
            .init(name: "Rollenlijst", xml: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["Rol", "Omschrijving"]) + WorkbookBuilder.textRow(2, ["Strateeg", "…"]))),
        ]
        let loaded = try TeamLoader.loadTeam(builder.data(), file: "t.xlsx")
        #expect(loaded.team.customCatalogue == nil)
        #expect(loaded.team.functions.count == 1)
    }
}
