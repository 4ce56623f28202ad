import Foundation
import TeamplotterCore

/// The workbooks Teamplotter writes: the export of a team (with its analysis) and the empty
/// fill-in template. Both read back through `SpreadsheetImport`.
public struct SpreadsheetExport: Sendable {
    public var language: Language

    public init(language: Language = .default) {
        self.language = language
    }

    /// Rows with drop-downs in the template and export: room for any team.
    static let editableRows = 500

    // MARK: Sheet names and headers

    var teamSheet: String { "Team" }
    var needsSheet: String { language.pick("Behoefte", "Needs") }
    var analysisSheet: String { language.pick("Analyse", "Analysis") }
    var allocationSheet: String { language.pick("Verdeling", "Allocation") }
    var catalogueSheet: String { language.pick("Rollenlijst", "Catalogue") }
    var detailsSheet: String { language.pick("Gegevens", "Details") }
    var instructionsSheet: String { language.pick("Instructies", "Instructions") }
    var rolesName: String { language.pick("Rollen", "Roles") }

    var teamHeader: [String] {
        [
            language.pick("Functie", "Function"), language.pick("Naam", "Name"),
            language.pick("Uren per week", "Hours per week"), "FTE", language.pick("Taken", "Tasks"),
            language.pick("Rollen", "Roles"), language.pick("Competenties", "Competencies"),
        ]
    }

    var needsHeader: [String] {
        [
            language.pick("Rol", "Role"), language.pick("Prioriteit", "Priority"),
            language.pick("Gewenste fte", "Desired FTE"),
            language.pick("Minimaal aantal personen", "Minimum people"), language.pick("Toelichting", "Note"),
        ]
    }

    // MARK: Workbooks

    /// Team, needs, analysis, allocation, catalogue and details of one team.
    public func export(_ team: Team) -> Data {
        let catalogue = team.catalogue
        let analysis = GapAnalyser.analyse(team)
        return XLSXWriter(
            sheets: [
                teamSheet(team.functions, catalogue: catalogue, standardWeek: team.standardWeekHours),
                needsSheet(team.needs.roles, catalogue: catalogue),
                analysisSheet(analysis, catalogue: catalogue),
                allocationSheet(analysis, catalogue: catalogue),
                catalogueSheet(catalogue),
                detailsSheet(team),
            ],
            definedNames: [(rolesName, rolesReference(catalogue))]
        ).data()
    }

    /// The fill-in template: instructions, empty Team and Behoefte sheets with drop-downs, the
    /// catalogue the drop-downs list, and the details to fill in.
    public func template(catalogue: Catalogue = .builtIn) -> Data {
        XLSXWriter(
            sheets: [
                instructions(catalogue),
                teamSheet([], catalogue: catalogue, standardWeek: Team.defaultStandardWeekHours),
                needsSheet([], catalogue: catalogue),
                catalogueSheet(catalogue),
                detailsSheet(Team(name: "")),
            ],
            definedNames: [(rolesName, rolesReference(catalogue))]
        ).data()
    }

    /// The Rol column of the catalogue sheet, for the drop-downs.
    private func rolesReference(_ catalogue: Catalogue) -> String {
        "\(catalogueSheet)!$B$2:$B$\(max(catalogue.roles.count + 1, 2))"
    }

    private var priorityList: String {
        "\"" + Priority.allCases.map { $0.label(language) }.joined(separator: ",") + "\""
    }

    // MARK: Sheets

    func teamSheet(_ functions: [TeamFunction], catalogue: Catalogue, standardWeek: Double) -> SheetToWrite {
        var rows: [[SheetToWrite.Cell]] = [teamHeader.map { SheetToWrite.Cell(.text($0), .header) }]
        for function in functions {
            var hours: Double?
            var fte: Double?
            switch function.workload {
            case .hoursPerWeek(let value):
                hours = value
                fte = standardWeek > 0 ? value / standardWeek : nil
            case .fte(let value): fte = value
            case nil: break
            }
            let holder = function.isVacancy ? language.pick("Vacature", "Vacancy") : function.holder
            rows.append([
                .text(function.title), .text(holder), .number(hours, .plainNumber), .number(fte, .decimal),
                .text(function.tasks.joined(separator: "\n")),
                .text(function.roles.map { roleText($0, catalogue) }.joined(separator: "\n")),
                .text(function.competencies.map(competencyText).joined(separator: "\n")),
            ])
        }
        let last = Self.editableRows + 1
        return SheetToWrite(
            name: teamSheet, rows: rows, columnWidths: [28, 20, 10, 8, 45, 42, 36],
            validations: [
                SheetToWrite.Validation(
                    range: "F2:F\(last)", formula: rolesName, strict: false,
                    promptTitle: language.pick("Rollen", "Roles"),
                    prompt: language.pick(
                        "Kies een rol uit de lijst, of typ er meer onder elkaar (Alt+Enter). Een aandeel mag erachter: Contentmanager website (70%).",
                        "Pick a role from the list, or type several, one per line (Alt+Enter). A share may follow: Content manager website (70%).")),
                SheetToWrite.Validation(
                    range: "B2:B\(last)", formula: "\"" + language.pick("Vacature", "Vacancy") + "\"", strict: false,
                    promptTitle: language.pick("Naam", "Name"),
                    prompt: language.pick(
                        "Naam van de medewerker (mag een schuilnaam zijn), of Vacature als de functie open staat.",
                        "The holder's name (a pseudonym will do), or Vacancy when the function is open.")),
            ])
    }

    func needsSheet(_ needs: [RoleNeed], catalogue: Catalogue) -> SheetToWrite {
        var rows: [[SheetToWrite.Cell]] = [needsHeader.map { SheetToWrite.Cell(.text($0), .header) }]
        for need in needs {
            rows.append([
                .text(catalogue.role(id: need.roleId)?.name(language) ?? need.roleId),
                .text(need.priority.label(language)),
                .number(need.desiredFte, .decimal),
                .number(need.minPeople.map(Double.init), .plainNumber),
                .text(need.note),
            ])
        }
        let last = Self.editableRows + 1
        return SheetToWrite(
            name: needsSheet, rows: rows, columnWidths: [44, 14, 14, 24, 44],
            validations: [
                SheetToWrite.Validation(
                    range: "A2:A\(last)", formula: rolesName, strict: true,
                    errorTitle: language.pick("Onbekende rol", "Unknown role"),
                    error: language.pick(
                        "Kies een rol uit de lijst (zie het blad \(catalogueSheet)).",
                        "Pick a role from the list (see the sheet \(catalogueSheet)).")),
                SheetToWrite.Validation(
                    range: "B2:B\(last)", formula: priorityList, strict: true,
                    errorTitle: language.pick("Onbekende prioriteit", "Unknown priority"),
                    error: language.pick(
                        "Kies nodig, gewenst, optioneel of niet nodig.", "Pick must, should, could or not needed.")),
            ])
    }

    func analysisSheet(_ analysis: GapAnalysis, catalogue: Catalogue) -> SheetToWrite {
        let header = [
            language.pick("Categorie", "Category"), language.pick("Rol", "Role"),
            language.pick("Prioriteit", "Priority"), "Status", language.pick("Personen", "People"), "FTE",
            language.pick("Gewenste fte", "Desired FTE"), language.pick("Minimaal aantal personen", "Minimum people"),
            language.pick("Vacatures", "Vacancies"), language.pick("Functies", "Functions"),
        ]
        var rows: [[SheetToWrite.Cell]] = [header.map { SheetToWrite.Cell(.text($0), .header) }]
        for result in analysis.roles {
            let holdings = result.holdings.map { holding in
                let who = holding.isVacancy ? language.pick("vacature", "vacancy") : holding.holder
                return who.map { "\(holding.functionTitle) (\($0))" } ?? holding.functionTitle
            }
            rows.append([
                .text(catalogue.category(ofRole: result.role.id)?.name(language)),
                .text(result.role.name(language)),
                .text(result.priority.label(language)),
                .text(result.status.label(language)),
                .number(Double(result.people), .plainNumber),
                .number(result.fte, .decimal),
                .number(result.desiredFte, .decimal),
                .number(result.minPeople.map(Double.init), .plainNumber),
                .number(Double(result.vacancies), .plainNumber),
                .text(holdings.joined(separator: "\n")),
            ])
        }
        return SheetToWrite(name: analysisSheet, rows: rows, columnWidths: [36, 40, 12, 20, 10, 8, 14, 24, 11, 44])
    }

    /// One row per function and role: the share as a percentage and the FTE it comes to, as numbers
    /// to total or pivot in Excel.
    func allocationSheet(_ analysis: GapAnalysis, catalogue: Catalogue) -> SheetToWrite {
        let header = [
            language.pick("Functie", "Function"), language.pick("Naam", "Name"), language.pick("Rol", "Role"),
            language.pick("Aandeel", "Share"), "FTE",
        ]
        var rows: [[SheetToWrite.Cell]] = [header.map { SheetToWrite.Cell(.text($0), .header) }]
        for function in analysis.functions {
            let holder = function.function.isVacancy ? language.pick("Vacature", "Vacancy") : function.function.holder
            for share in function.roles {
                rows.append([
                    .text(function.function.title), .text(holder),
                    .text(catalogue.role(id: share.roleId)?.name(language) ?? share.roleId),
                    .number(share.sharePercent / 100, .percent), .number(share.fte, .decimal),
                ])
            }
        }
        return SheetToWrite(name: allocationSheet, rows: rows, columnWidths: [28, 20, 40, 10, 8])
    }

    func catalogueSheet(_ catalogue: Catalogue) -> SheetToWrite {
        SheetToWrite(
            name: catalogueSheet, rows: CatalogueSheet.rows(catalogue, language: language),
            columnWidths: [36, 44, 30, 90, 26, 30, 34, 60, 36])
    }

    func detailsSheet(_ team: Team) -> SheetToWrite {
        let header = [language.pick("Gegeven", "Item"), language.pick("Waarde", "Value")]
        let labels = TeamDetails.Label.self
        let rows: [[SheetToWrite.Cell]] = [
            header.map { SheetToWrite.Cell(.text($0), .header) },
            [.text(labels.name.text(language), .normal), .text(team.name)],
            [.text(labels.organisation.text(language), .normal), .text(team.organisation)],
            [.text(labels.standardWeek.text(language), .normal), .number(team.standardWeekHours, .plainNumber)],
            [.text(labels.tasks.text(language), .normal), .text(team.needs.tasks.joined(separator: "\n"))],
            [.text(labels.competencies.text(language), .normal), .text(team.needs.competencies.map(competencyText).joined(separator: "\n"))],
        ]
        return SheetToWrite(name: detailsSheet, rows: rows, columnWidths: [26, 60])
    }

    func instructions(_ catalogue: Catalogue) -> SheetToWrite {
        let lines: [String] =
            language == .nl
            ? [
                "Teamplotter — invulsjabloon voor uw online team",
                "",
                "1. Blad Team: één regel per functie. Vul de functie in, de naam van de medewerker (mag een schuilnaam zijn, of leeg) en de uren per week (of de FTE).",
                "   Staat de functie open, schrijf dan Vacature als naam.",
                "2. Zet bij Taken wat de functie doet, één taak per regel in de cel (Alt+Enter voor een nieuwe regel).",
                "3. Zet bij Rollen de rollen uit het blad Rollenlijst, één per regel. De keuzelijst helpt bij één rol; typ er meer onder elkaar.",
                "   Werkt iemand maar een deel van zijn tijd in een rol, zet het aandeel erachter: Contentmanager website (70%).",
                "   Rollen zonder aandeel delen de rest van de tijd gelijk.",
                "4. Zet bij Competenties wat de medewerker kan, één per regel; een niveau van 1 tot 4 mag erachter: Schrijven (niveau 3).",
                "5. Blad Behoefte: één regel per rol die uw organisatie nodig heeft. Kies de rol en de prioriteit uit de keuzelijsten:",
                "   nodig, gewenst, optioneel of niet nodig. Gewenste fte en het minimaal aantal personen zijn niet verplicht.",
                "   Laat u dit blad leeg, dan telt elke rol als gewenst. Vult u het in, dan tellen de rollen die er niet in staan als niet nodig.",
                "6. Blad Gegevens: de naam van het team, de organisatie en hoeveel uur één fte is (standaard 36).",
                "",
                "Gebruik getallen zonder eenheid (22,5 en niet 22,5 uur), geen formules, geen samengevoegde cellen en geen verborgen bladen.",
                "Sla het bestand op als Excel-werkmap (.xlsx) en lees het in met: teamplotter analyse sjabloon.xlsx",
                "",
                "De rollenlijst telt \(catalogue.categories.count) categorieën en \(catalogue.roles.count) rollen (blad Rollenlijst).",
            ]
            : [
                "Teamplotter — fill-in template for your online team",
                "",
                "1. Sheet Team: one row per function. Fill in the function, the holder's name (a pseudonym will do, or leave it empty) and the hours per week (or the FTE).",
                "   When the function is open, write Vacancy as the name.",
                "2. Under Tasks, write what the function does, one task per line in the cell (Alt+Enter for a new line).",
                "3. Under Roles, list roles from the sheet Catalogue, one per line. The drop-down helps with one role; type more below each other.",
                "   When someone spends only part of their time in a role, add the share: Content manager website (70%).",
                "   Roles without a share split the rest of the time equally.",
                "4. Under Competencies, list what the holder can do, one per line; a level from 1 to 4 may follow: Writing (level 3).",
                "5. Sheet Needs: one row per role your organisation needs. Pick the role and the priority from the drop-downs:",
                "   must, should, could or not needed. Desired FTE and minimum people are optional.",
                "   When this sheet is left empty, every role counts as should. Once it is filled in, the roles not in it count as not needed.",
                "6. Sheet Details: the team's name, the organisation and the hours in one FTE (36 by default).",
                "",
                "Use numbers without units (22.5, not 22.5 hours), no formulas, no merged cells and no hidden sheets.",
                "Save the file as an Excel workbook (.xlsx) and read it with: teamplotter analyse template.xlsx --lang en",
                "",
                "The catalogue has \(catalogue.categories.count) categories and \(catalogue.roles.count) roles (sheet Catalogue).",
            ]
        let rows: [[SheetToWrite.Cell]] = lines.enumerated().map { index, line in
            [index == 0 ? SheetToWrite.Cell(.text(line), .title) : .text(line, .normal)]
        }
        return SheetToWrite(name: instructionsSheet, rows: rows, columnWidths: [140], freezeHeader: false)
    }

    // MARK: Cell texts

    func roleText(_ assignment: RoleAssignment, _ catalogue: Catalogue) -> String {
        let name = catalogue.role(id: assignment.roleId)?.name(language) ?? assignment.roleId
        guard let share = assignment.sharePercent else { return name }
        return "\(name) (\(Self.decimal(share, language))%)"
    }

    func competencyText(_ competency: Competency) -> String {
        guard let level = competency.level else { return competency.name }
        return "\(competency.name) (\(language.pick("niveau", "level")) \(level))"
    }

    /// A number as the user's Excel writes it: a decimal comma in Dutch.
    static func decimal(_ value: Double, _ language: Language) -> String {
        let text = SheetTable.plain(value)
        return language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
