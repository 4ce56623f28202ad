/// What can be wrong with a spreadsheet file (XLSX) or with the layout of a sheet, beyond the
/// problems any worksheet can have. Kept apart from `InputProblem.Kind` so the file formats can
/// grow without touching every switch over it.
public enum SpreadsheetIssue: Sendable, Hashable {
    /// A ZIP file that holds no workbook (a Word file, an ordinary archive).
    case notAWorkbook
    /// The old binary .xls format, or an XLSX saved with a password (both OLE compound files).
    case legacyOrEncrypted
    case damagedZIP(detail: String)
    case damagedXML(part: String, detail: String)
    /// A ZIP bomb, or just too much: refused before inflating.
    case tooLargeUnpacked(detail: String)
    case formulaWithValue(formula: String, value: String)
    case formulaWithoutValue(formula: String)
    case errorValue(String)
    case mergedCells(range: String)
    case hiddenSheet(name: String)
    case dateWhereNumberBelongs(field: String, date: String)
    case noTeamSheet(sheets: [String])
    case severalTeamSheets(sheets: [String], preferred: String)
    case unknownMark(value: String, role: String)
    /// A filled cell further right than any team needs.
    case beyondLastColumn(limit: Int)

    public func message(_ language: Language) -> String {
        let l = language
        switch self {
        case .notAWorkbook:
            return l.pick(
                "dit is een ZIP-bestand maar geen Excel-werkmap (.xlsx)",
                "this is a ZIP file but not an Excel workbook (.xlsx)")
        case .legacyOrEncrypted:
            return l.pick(
                "dit is een oud Excel-bestand (.xls) of een werkmap met wachtwoord; sla het in Excel op als .xlsx zonder wachtwoord",
                "this is an old Excel file (.xls) or a workbook with a password; save it in Excel as .xlsx without a password")
        case .damagedZIP(let detail):
            return l.pick(
                "de werkmap is beschadigd en kan niet worden gelezen (\(detail)); sla hem opnieuw op in Excel",
                "the workbook is damaged and cannot be read (\(detail)); save it again in Excel")
        case .damagedXML(let part, let detail):
            return l.pick(
                "de werkmap is beschadigd: onderdeel \(part) is geen geldige XML (\(detail))",
                "the workbook is damaged: part \(part) is not valid XML (\(detail))")
        case .tooLargeUnpacked(let detail):
            return l.pick(
                "de werkmap is uitgepakt veel te groot en wordt niet gelezen (\(detail))",
                "the workbook is far too large once unpacked and is not read (\(detail))")
        case .formulaWithValue(let formula, let value):
            return l.pick(
                "de cel bevat een formule (=\(formula)); de berekende waarde \"\(value)\" is gebruikt",
                "the cell holds a formula (=\(formula)); its computed value \"\(value)\" was used")
        case .formulaWithoutValue(let formula):
            return l.pick(
                "de cel bevat een formule (=\(formula)) zonder berekende waarde; typ de waarde zelf in, of open en bewaar het bestand eerst in Excel",
                "the cell holds a formula (=\(formula)) without a computed value; type the value in, or open and save the file in Excel first")
        case .errorValue(let value):
            return l.pick(
                "de cel toont een foutwaarde (\(value)); vul een gewone waarde in",
                "the cell shows an error value (\(value)); fill in a plain value")
        case .mergedCells(let range):
            return l.pick(
                "cellen \(range) zijn samengevoegd; maak de samenvoeging ongedaan en vul elke cel zelf in",
                "cells \(range) are merged; unmerge them and fill in each cell")
        case .hiddenSheet(let name):
            return l.pick(
                "blad \"\(name)\" is verborgen maar lijkt teamgegevens te bevatten; maak het zichtbaar of verwijder het",
                "sheet \"\(name)\" is hidden but seems to hold team data; unhide it or delete it")
        case .dateWhereNumberBelongs(let field, let date):
            return l.pick(
                "\(field): de cel is een datum (\(date)), geen getal; geef de cel de opmaak Standaard of Getal en typ het getal opnieuw",
                "\(field): the cell is a date (\(date)), not a number; format the cell as General or Number and type the number again")
        case .noTeamSheet(let sheets):
            let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
            return l.pick(
                "geen blad met een team gevonden (bladen: \(names)); verwacht een kopregel met Functie en Rollen, of Functie en een kolom per rol",
                "no sheet with a team found (sheets: \(names)); expected a header row with Function and Roles, or Function and a column per role")
        case .severalTeamSheets(let sheets, let preferred):
            let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
            return l.pick(
                "meerdere bladen bevatten een team (\(names)); noem het blad dat gelezen moet worden \"\(preferred)\" of verwijder de andere",
                "several sheets hold a team (\(names)); name the sheet to read \"\(preferred)\" or delete the others")
        case .beyondLastColumn(let limit):
            return l.pick(
                "deze cel staat verder naar rechts dan kolom \(limit); zet de gegevens in de eerste kolommen",
                "this cell lies beyond column \(limit); put the data in the first columns")
        case .unknownMark(let value, let role):
            return l.pick(
                "\(role): \"\(value)\" wordt niet begrepen; zet x of 1 als de functie de rol heeft, of een percentage (70%), en laat de cel anders leeg",
                "\(role): \"\(value)\" is not understood; put x or 1 when the function holds the role, or a percentage (70%), and leave the cell empty otherwise")
        }
    }
}
