import Foundation
import TeamplotterCore

/// Reads a team out of a workbook: the template, an export, or a workbook people already keep
/// (worksheet layout or skills matrix). Finds the team sheet, the needs sheet and the details
/// sheet, reads them all, and reports every problem together; nothing comes back half.
public enum SpreadsheetImport {
    /// Sheet names that win when more than one sheet could be the team or the needs.
    static let teamSheetNames = ["Team"]
    static let needsSheetNames = ["Behoefte", "Needs"]
    /// Sheets an export writes for people to read, never to be read back as a team.
    static let outputSheetNames = [
        "Analyse", "Analysis", "Verdeling", "Allocation", "Rollenlijst", "Catalogue", "Instructies", "Instructions",
    ]

    struct Candidate: Sendable {
        var sheet: Sheet
        var table: CSVTable
        var conversion: [InputProblem]
    }

    static let catalogueSheetNames = ["Rollenlijst", "Catalogue"]

    /// Whether reading a team looks at this sheet's cells: not at an export's output sheets
    /// (Analyse, Verdeling …), which for a large team hold more cells than the team itself.
    /// For `XLSXReader.read(_:file:keepingCellsOf:)`.
    public static func readsCells(ofSheet name: String) -> Bool {
        !named(name, outputSheetNames) || named(name, catalogueSheetNames)
    }

    public static func team(
        from workbook: consuming Workbook, file: String?, teamName: String? = nil, catalogue givenCatalogue: Catalogue = .builtIn
    ) throws(InputProblems) -> TeamLoader.Loaded {
        var problems: [InputProblem] = []
        // The catalogue first: the team's roles are matched against it.
        var catalogue = givenCatalogue
        var customization: CatalogueCustomization?
        if let sheet = workbook.sheets.first(where: { !$0.isHidden && named($0.name, catalogueSheetNames) }) {
            let (table, conversion) = SheetTable.table(sheet, file: file)
            let read = CatalogueSheet.read(table, file: file)
            problems += read.problems
            if let custom = read.customization {
                problems += conversion
                customization = custom
                catalogue = Catalogue.builtIn.applying(custom)
            }
        }
        var teamSheets: [(Candidate, TableLayout)] = []
        var needsSheets: [Candidate] = []
        var details: Candidate?
        for index in workbook.sheets.indices where !named(workbook.sheets[index].name, outputSheetNames) {
            // Taken out of the workbook, so that its cells go as its table is made.
            var sheet = workbook.sheets[index]
            workbook.sheets[index].removeAllCells()
            let (table, conversion) = SheetTable.table(emptying: &sheet, file: file)
            let candidate = Candidate(sheet: sheet, table: table, conversion: conversion)
            let layout = TableLayout.detect(table, catalogue: catalogue)
            let isNeeds = layout == nil && NeedsReader.recognises(table) && !isAnalysis(table)
            if sheet.isHidden {
                // A hidden sheet could be an old version or the real one: we cannot tell which.
                if layout != nil || isNeeds {
                    problems.append(
                        InputProblem(.spreadsheet(.hiddenSheet(name: sheet.name)), at: SourceLocation(file: file, sheet: sheet.name)))
                }
                continue
            }
            if let layout {
                teamSheets.append((candidate, layout))
            } else if isNeeds {
                needsSheets.append(candidate)
            } else if TeamDetails.isDetailsSheet(sheet.name) {
                details = candidate
            }
        }

        let names = workbook.sheets.map(\.name)
        var chosenTeam: (Candidate, TableLayout)?
        switch teamSheets.count {
        case 0:
            problems.append(InputProblem(.spreadsheet(.noTeamSheet(sheets: names)), at: SourceLocation(file: file)))
        case 1:
            chosenTeam = teamSheets[0]
        default:
            chosenTeam = teamSheets.first { named($0.0.sheet.name, teamSheetNames) }
            if chosenTeam == nil {
                problems.append(
                    InputProblem(
                        .spreadsheet(.severalTeamSheets(sheets: teamSheets.map(\.0.sheet.name), preferred: teamSheetNames[0])),
                        at: SourceLocation(file: file)))
            }
        }
        var chosenNeeds: Candidate?
        switch needsSheets.count {
        case 0: break
        case 1: chosenNeeds = needsSheets[0]
        default:
            chosenNeeds = needsSheets.first { named($0.sheet.name, needsSheetNames) }
            if chosenNeeds == nil {
                problems.append(
                    InputProblem(
                        .spreadsheet(.severalTeamSheets(sheets: needsSheets.map(\.sheet.name), preferred: needsSheetNames[0])),
                        at: SourceLocation(file: file)))
            }
        }

        let name = teamName ?? TeamLoader.defaultName(file: file)
        var team: Team?
        var warnings: [InputProblem] = []
        if case (var candidate, let layout)? = chosenTeam {
            // The chosen table is read from this one copy only: `WorksheetReader` lets go of each
            // row as it reads it, which frees nothing while another copy still holds the rows.
            chosenTeam = nil
            teamSheets = []
            problems += candidate.conversion
            let headerRow: Int?
            switch layout {
            case .worksheet:
                headerRow = WorksheetReader.headerRow(in: candidate.table).map { candidate.table.rows[$0.0].number }
            case .matrix:
                headerRow = MatrixReader.headerRow(in: candidate.table, catalogue: catalogue).map { candidate.table.rows[$0].number }
            }
            problems += SheetTable.mergeProblems(candidate.sheet, headerRow: headerRow ?? 1, file: file)
            let table = candidate.table
            candidate.table.rows = []
            do {
                let result =
                    switch layout {
                    case .worksheet: try WorksheetReader.read(table, file: file, catalogue: catalogue, teamName: name)
                    case .matrix: try MatrixReader.read(table, file: file, catalogue: catalogue, teamName: name)
                    }
                team = result.team
                problems += result.warnings
            } catch {
                problems += error.problems
            }
        }
        if let needs = chosenNeeds {
            problems += needs.conversion
            problems += SheetTable.mergeProblems(needs.sheet, headerRow: needs.table.rows.first?.number ?? 1, file: file)
            do {
                // Read even when the team sheet failed, so that all problems are told together
                // (`team?.needs = try …` would skip the reading then).
                let read = try NeedsReader.read(needs.table, file: file, catalogue: catalogue)
                team?.needs = read
            } catch {
                problems += error.problems
            }
        }
        if let details, team != nil {
            problems += details.conversion
            problems += TeamDetails.apply(details.table, to: &team!, file: file)
        }
        if teamName != nil { team?.name = teamName! }
        team?.customCatalogue = customization

        let errors = problems.filter { !$0.isWarning }
        guard errors.isEmpty, let team else {
            throw InputProblems(WorksheetReader.limited(errors + problems.filter(\.isWarning), file: file))
        }
        warnings += problems
        return TeamLoader.Loaded(team: team, warnings: WorksheetReader.limited(warnings, file: file))
    }

    /// The needs of a workbook on their own (for `--needs behoefte.xlsx`).
    public static func needs(from workbook: Workbook, file: String?, catalogue: Catalogue = .builtIn) throws(InputProblems) -> Needs {
        let candidates = workbook.sheets.filter { !$0.isHidden }.map { SheetTable.table($0, file: file) }
            .filter { NeedsReader.recognises($0.table) && !isAnalysis($0.table) }
        guard let chosen = candidates.first(where: { named($0.table.sheet ?? "", needsSheetNames) }) ?? candidates.first else {
            throw InputProblems([
                InputProblem(
                    .missingColumn(field: "Prioriteit", accepted: NeedsReader.headers[1].names), at: SourceLocation(file: file))
            ])
        }
        let errors = chosen.problems.filter { !$0.isWarning }
        if !errors.isEmpty { throw InputProblems(errors) }
        return try NeedsReader.read(chosen.table, file: file, catalogue: catalogue)
    }

    private static func named(_ name: String, _ names: [String]) -> Bool {
        names.contains { TextKey.compact($0) == TextKey.compact(name) }
    }

    /// The Analyse sheet of an export has Rol and Prioriteit too, and a Status: it is output.
    private static func isAnalysis(_ table: CSVTable) -> Bool {
        table.rows.first?.cells.contains { TextKey.compact($0) == "status" } ?? false
    }
}
