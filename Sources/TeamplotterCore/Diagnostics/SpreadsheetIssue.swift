/// What can be wrong with a spreadsheet file (XLSX) or with the layout of a sheet, beyond the
/// problems any worksheet can have. Kept apart from `InputProblem.Kind` so the file formats can
/// grow without touching every switch over it.
public enum SpreadsheetIssue: Sendable, Hashable {
    /// A ZIP file that holds no workbook (a Word file, an ordinary archive).
    case notAWorkbook
    /// The old binary .xls format, or an XLSX saved with a password (both OLE compound files).
    case legacyOrEncrypted
    case damagedZIP(ZIPDamage)
    case damagedXML(part: String, detail: XMLDamage)
    /// A ZIP bomb, or just too much: refused before inflating.
    case tooLargeUnpacked(UnpackedLimit)
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
        case .damagedZIP(let damage):
            return l.pick(
                "de werkmap is beschadigd en kan niet worden gelezen (\(damage.message(l))); sla hem opnieuw op in Excel",
                "the workbook is damaged and cannot be read (\(damage.message(l))); save it again in Excel")
        case .damagedXML(let part, let detail):
            return l.pick(
                "de werkmap is beschadigd: onderdeel \(part) is geen geldige XML (\(detail.message(l)))",
                "the workbook is damaged: part \(part) is not valid XML (\(detail.message(l)))")
        case .tooLargeUnpacked(let limit):
            return l.pick(
                "de werkmap is uitgepakt veel te groot en wordt niet gelezen (\(limit.message(l)))",
                "the workbook is far too large once unpacked and is not read (\(limit.message(l)))")
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

/// What is wrong with the ZIP archive a workbook is, as the reader finds it.
public enum ZIPDamage: Sendable, Hashable {
    /// No end record, most often because the file was cut short.
    case endRecordMissing
    case endRecordCutShort
    case zip64
    case directoryOutsideFile
    case directoryEntryDamaged(number: Int)
    case zip64Entry(entry: String)
    case storedSizesDiffer(entry: String)
    case entryOutsideFile(entry: String)
    case localHeaderDamaged(entry: String)
    case inflatesBeyondDeclared(entry: String, declared: Int)
    case inflatedSizeDiffers(entry: String, actual: Int, declared: Int)
    /// zlib's own words, which are English, are kept for English.
    case compressedDataDamaged(entry: String, zlib: String)
    case zlibError(entry: String, code: Int)
    case unsupportedCompression(entry: String, method: Int)
    case checksumMismatch(entry: String)
    case missingEntry(entry: String)
    /// Reading failed in a way the reader does not name.
    case unreadable

    public func message(_ l: Language) -> String {
        switch self {
        case .endRecordMissing:
            return l.pick(
                "de inhoudsopgave aan het eind van het bestand ontbreekt; misschien is het bestand afgekapt",
                "end of central directory not found (the file may be cut short)")
        case .endRecordCutShort:
            return l.pick("de inhoudsopgave aan het eind van het bestand is afgekapt", "end of central directory is cut short")
        case .zip64:
            return l.pick("ZIP64-archieven worden niet ondersteund", "ZIP64 archives are not supported")
        case .directoryOutsideFile:
            return l.pick("de inhoudsopgave ligt buiten het bestand", "central directory lies outside the file")
        case .directoryEntryDamaged(let number):
            return l.pick("regel \(number) van de inhoudsopgave is beschadigd", "central directory entry \(number) is damaged")
        case .zip64Entry(let entry):
            return l.pick("ZIP64-onderdelen worden niet ondersteund (\(entry))", "ZIP64 entries are not supported (\(entry))")
        case .storedSizesDiffer(let entry):
            return l.pick(
                "onderdeel \(entry) is niet gecomprimeerd maar heeft twee verschillende groottes",
                "stored entry \(entry) has different sizes")
        case .entryOutsideFile(let entry):
            return l.pick("onderdeel \(entry) ligt buiten het bestand", "entry \(entry) lies outside the file")
        case .localHeaderDamaged(let entry):
            return l.pick("de kop van onderdeel \(entry) is beschadigd", "local header of \(entry) is damaged")
        case .inflatesBeyondDeclared(let entry, let declared):
            return l.pick(
                "\(entry) pakt uit tot meer dan de opgegeven \(declared) bytes",
                "\(entry) inflates to more than its declared \(declared) bytes")
        case .inflatedSizeDiffers(let entry, let actual, let declared):
            return l.pick(
                "\(entry) pakt uit tot \(actual) bytes in plaats van de opgegeven \(declared)",
                "\(entry) inflates to \(actual) bytes, not the declared \(declared)")
        case .compressedDataDamaged(let entry, let zlib):
            return l.pick("de gecomprimeerde gegevens van \(entry) zijn beschadigd", "\(entry): \(zlib)")
        case .zlibError(let entry, let code):
            return l.pick("\(entry): zlib-fout \(code)", "\(entry): zlib error \(code)")
        case .unsupportedCompression(let entry, let method):
            return l.pick(
                "\(entry): compressiemethode \(method) wordt niet ondersteund",
                "\(entry): compression method \(method) is not supported")
        case .checksumMismatch(let entry):
            return l.pick("\(entry): de controlesom (CRC-32) klopt niet", "\(entry): the checksum (CRC-32) does not match")
        case .missingEntry(let entry):
            return l.pick("\(entry) ontbreekt", "\(entry) is missing")
        case .unreadable:
            return l.pick("onbekende fout", "unknown error")
        }
    }
}

/// Which limit a workbook passes once unpacked.
public enum UnpackedLimit: Sendable, Hashable {
    case entries(count: Int, limit: Int)
    case entrySize(entry: String, bytes: Int, limit: Int)
    case totalSize(bytes: Int, limit: Int)
    case ratio(entry: String, ratio: Int, limit: Int)
    case cells(part: String, limit: Int)
    case text(part: String, limitBytes: Int)

    public func message(_ l: Language) -> String {
        func megabytes(_ bytes: Int) -> String { "\(bytes / 1_048_576) MB" }
        switch self {
        case .entries(let count, let limit):
            return l.pick("\(count) onderdelen, meer dan \(limit)", "\(count) entries, more than \(limit)")
        case .entrySize(let entry, let bytes, let limit):
            return l.pick(
                "\(entry): \(megabytes(bytes)), meer dan \(megabytes(limit))",
                "\(entry): \(megabytes(bytes)), more than \(megabytes(limit))")
        case .totalSize(let bytes, let limit):
            return l.pick(
                "alle onderdelen samen \(megabytes(bytes)), meer dan \(megabytes(limit))",
                "all entries together \(megabytes(bytes)), more than \(megabytes(limit))")
        case .ratio(let entry, let ratio, let limit):
            return l.pick(
                "\(entry) pakt uit tot \(ratio) keer zijn grootte, meer dan \(limit) keer",
                "\(entry) unpacks to \(ratio) times its size, more than \(limit) times")
        case .cells(let part, let limit):
            return l.pick("\(part): meer dan \(limit) cellen", "\(part): more than \(limit) cells")
        case .text(let part, let limit):
            return l.pick("\(part): meer dan \(megabytes(limit)) tekst", "\(part): more than \(megabytes(limit)) of text")
        }
    }
}

/// What is wrong with one XML part of a workbook.
public enum XMLDamage: Sendable, Hashable {
    case malformed(line: Int, column: Int, XMLMalformation)
    /// A DTD has no place in OOXML, and entity expansion is the classic XML bomb.
    case doctype
    case tooManyElements(limit: Int)
    /// Not valid in this encoding, or declared in one other than UTF-8.
    case encoding(String)
    case rowNumber(Int)
    case cellReference(String)
    case missingSharedString(String)
    case notANumber(String)

    public func message(_ l: Language) -> String {
        switch self {
        case .malformed(let line, let column, let reason):
            return l.pick("regel \(line), kolom \(column): \(reason.message(l))", "\(line):\(column) \(reason.message(l))")
        case .doctype:
            return l.pick("een DOCTYPE, dat in een werkmap niet voorkomt", "a DOCTYPE, which a workbook never has")
        case .tooManyElements(let limit):
            return l.pick("meer dan \(limit) elementen", "more than \(limit) elements")
        case .encoding(let encoding):
            return l.pick("tekenset \(encoding) kan niet worden gelezen", "encoding \(encoding) cannot be read")
        case .rowNumber(let number):
            return l.pick("rijnummer \(number) bestaat niet", "row number \(number) does not exist")
        case .cellReference(let reference):
            return l.pick(
                "celverwijzing \"\(InputProblem.shortened(reference))\" bestaat niet",
                "cell reference \"\(InputProblem.shortened(reference))\" does not exist")
        case .missingSharedString(let index):
            return l.pick(
                "gedeelde tekst \(InputProblem.shortened(index)) bestaat niet", "shared string \(InputProblem.shortened(index)) does not exist")
        case .notANumber(let value):
            return l.pick("\"\(InputProblem.shortened(value))\" is geen getal", "\"\(InputProblem.shortened(value))\" is not a number")
        }
    }
}

/// Why XML is not well-formed where it stops being so.
public enum XMLMalformation: Sendable, Hashable {
    case endsInsideTag
    case endsInsideElement(String)
    case noRootElement
    case tagTooLong(limitBytes: Int)
    case unfinishedEntity
    case unknownEntity
    case characterNotAllowed(UInt8)
    case contentAfterRoot
    case textBeforeRoot
    case processingInstructionWithoutName
    case malformedDeclaration
    case doubleHyphenInComment
    case cdataOutsideRoot
    case unknownMarkup
    case tagWithoutName
    case slashWithoutClose
    case malformedAttribute
    case attributeWithoutValue
    case attributeValueWithoutQuotes
    case lessThanInAttributeValue
    case attributeTwice(String)
    case nestedTooDeeply(limit: Int)
    case malformedEndTag
    case endTagWithoutStart
    case endTagMismatch(end: String, open: String)

    public func message(_ l: Language) -> String {
        switch self {
        case .endsInsideTag: l.pick("het onderdeel houdt midden in een tag op", "the document ends inside a tag")
        case .endsInsideElement(let name): l.pick("het onderdeel houdt op binnen <\(name)>", "the document ends inside <\(name)>")
        case .noRootElement: l.pick("er is geen hoofdelement", "no root element")
        case .tagTooLong(let limit): l.pick("een tag langer dan \(limit / 1_048_576) MB", "a tag longer than \(limit / 1_048_576) MB")
        case .unfinishedEntity: l.pick("een onvoltooide entiteitsverwijzing", "an unfinished entity reference")
        case .unknownEntity: l.pick("een onbekende entiteit of ongeldige tekenverwijzing", "an unknown entity or an illegal character reference")
        case .characterNotAllowed(let code): l.pick("teken \(code) mag niet in XML", "character \(code) is not allowed in XML")
        case .contentAfterRoot: l.pick("inhoud na het hoofdelement", "content after the root element")
        case .textBeforeRoot: l.pick("tekst vóór het hoofdelement", "text before the root element")
        case .processingInstructionWithoutName: l.pick("een verwerkingsinstructie zonder naam", "a processing instruction without a name")
        case .malformedDeclaration: l.pick("een onjuiste XML-declaratie", "a malformed XML declaration")
        case .doubleHyphenInComment: l.pick("\"--\" in een commentaar", "\"--\" inside a comment")
        case .cdataOutsideRoot: l.pick("CDATA buiten het hoofdelement", "CDATA outside the root element")
        case .unknownMarkup: l.pick("onbekende opmaak", "unknown markup")
        case .tagWithoutName: l.pick("een tag zonder naam", "a tag without a name")
        case .slashWithoutClose: l.pick("\"/\" zonder \">\" erna", "\"/\" not followed by \">\"")
        case .malformedAttribute: l.pick("een onjuist attribuut", "a malformed attribute")
        case .attributeWithoutValue: l.pick("een attribuut zonder waarde", "an attribute without a value")
        case .attributeValueWithoutQuotes: l.pick("een attribuutwaarde zonder aanhalingstekens", "an attribute value without quotes")
        case .lessThanInAttributeValue: l.pick("\"<\" in een attribuutwaarde", "\"<\" in an attribute value")
        case .attributeTwice(let name): l.pick("attribuut \(name) staat er twee keer", "attribute \(name) given twice")
        case .nestedTooDeeply(let limit): l.pick("elementen dieper genest dan \(limit)", "elements nested deeper than \(limit)")
        case .malformedEndTag: l.pick("een onjuiste sluittag", "a malformed end tag")
        case .endTagWithoutStart: l.pick("een sluittag zonder begintag", "an end tag without a start tag")
        case .endTagMismatch(let end, let open): l.pick("</\(end)> sluit <\(open)> niet", "</\(end)> does not close <\(open)>")
        }
    }
}
