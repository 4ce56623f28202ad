import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterFormats

@Suite struct XLSXTests {
    @Test func writtenCellsReadBack() throws {
        let tricky = "Taken & rollen <b>\"quoted\"\nline two _x0041_ \u{1} end"
        let sheet = SheetToWrite(
            name: "Blad & co", rows: [
                [.init(.text("Kop"), .header), .init(.text("Getal"), .header)],
                [.text(tricky), .number(22.5, .plainNumber)],
                [.text("  spaties  "), .number(0.0001, .decimal), .number(0.7, .percent)],
            ])
        let workbook = try XLSXReader.read(XLSXWriter(sheets: [sheet]).data(), file: "t.xlsx")
        let read = try #require(workbook.sheet(named: "Blad & co"))
        // The control character cannot live in XML and is dropped; everything else survives.
        #expect(read[2, 1]?.value == .text("Taken & rollen <b>\"quoted\"\nline two _x0041_  end"))
        #expect(read[2, 2]?.value == .number(22.5))
        #expect(read[3, 1]?.value == .text("  spaties  "))
        #expect(read[3, 2]?.value == .number(0.0001))
        #expect(read[3, 3]?.value == .number(0.7))
        #expect(read[3, 3]?.isPercent == true)
        #expect(read[1, 1]?.value == .text("Kop"))
    }

    @Test func sharedStringsRichTextAndEscapesAreRead() throws {
        var builder = WorkbookBuilder()
        builder.sharedStrings = [
            "<si><t>Functie</t></si>",
            "<si><r><rPr><b/></rPr><t>Rol</t></r><r><t xml:space=\"preserve\">len</t></r><rPh><t>ignored</t></rPh></si>",
            "<si><t>tab_x0009_here and _x005F_x0041_</t></si>",
        ]
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="b"><v>1</v></c></row>"#
                ))
        ]
        let sheet = try #require(try XLSXReader.read(builder.data(), file: nil).sheets.first)
        #expect(sheet[1, 1]?.value == .text("Functie"))
        #expect(sheet[1, 2]?.value == .text("Rollen"))
        #expect(sheet[1, 3]?.value == .text("tab\there and _x0041_"))
        #expect(sheet[1, 4]?.value == .bool(true))
    }

    @Test func datesFormulasMergesAndHiddenSheetsAreSeen() throws {
        var builder = WorkbookBuilder()
        builder.styles = """
            <numFmts count="1"><numFmt numFmtId="170" formatCode="d-mmm-yy;@"/></numFmts>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="164"/></cellXfs>
            """
        builder.sheets = [
            .init(
                name: "Team",
                xml: WorkbookBuilder.sheetXML(
                    #"<row r="2"><c r="B2" s="1"><v>45658</v></c><c r="C2" s="2"><v>45659</v></c><c r="D2"><f>SUM(1,2)</f><v>3</v></c><c r="E2"><f>A1*2</f></c><c r="F2" t="e"><v>#REF!</v></c></row>"#,
                    extra: #"<mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>"#)),
            .init(name: "Oud", xml: WorkbookBuilder.sheetXML(""), state: "hidden"),
        ]
        let workbook = try XLSXReader.read(builder.data(), file: nil)
        let sheet = workbook.sheets[0]
        #expect(sheet[2, 2]?.value == .date("2025-01-01"))
        #expect(sheet[2, 3]?.value == .date("2025-01-02"))
        #expect(sheet[2, 4] == Sheet.Cell(value: .number(3), formula: "SUM(1,2)"))
        #expect(sheet[2, 5] == Sheet.Cell(value: nil, formula: "A1*2"))
        #expect(sheet[2, 6]?.value == .error("#REF!"))
        #expect(sheet.merged.map(\.a1) == ["A5:B6"])
        #expect(workbook.sheets[1].isHidden)
        #expect(!sheet.isHidden)
    }

    @Test func anEntryGivesBackItsCellAndColumn() {
        let cells: [Sheet.Cell] = [
            Sheet.Cell(value: .text("één € 😀")), Sheet.Cell(value: .number(0.7), isPercent: true),
            Sheet.Cell(value: .number(3), formula: "SUM(A1:A2)"), Sheet.Cell(value: nil, formula: ""),
            Sheet.Cell(value: .error("#REF!"), formula: "A0"), Sheet.Cell(value: .date("2024-02-29")),
            Sheet.Cell(value: .bool(true)), Sheet.Cell(value: nil),
        ]
        for (cell, column) in zip(cells, [1, 2, 26, 27, 703, 16_384, 5, 9]) {
            let entry = Sheet.Entry(column: column, cell: cell)
            #expect(entry.cell == cell && entry.column == column)
        }
        #expect(Sheet.Entry(column: 1, cell: cells[2]) == Sheet.Entry(column: 1, cell: cells[2]))
        #expect(Sheet.Entry(column: 1, cell: cells[2]) != Sheet.Entry(column: 1, cell: cells[4]))
        // What a kept cell costs: a large sheet holds a million of them.
        #expect(MemoryLayout<Sheet.Entry>.stride == 32)
    }

    @Test func aCellFarToTheRightDoesNotWidenEveryRow() {
        var sheet = Sheet(name: "Team")
        for row in 1...100 { sheet.cells[row] = [1: .init(value: .text("A")), 16_384: .init(value: .number(1))] }
        let (table, problems) = SheetTable.table(sheet, file: nil)
        #expect(table.rows.allSatisfy { $0.cells.count <= SheetTable.maximumColumns })
        #expect(problems.count == 100)
        #expect(problems.first?.location == SourceLocation(sheet: "Team", row: 1, column: 16_384))
    }

    @Test func dateFormatCodes() {
        #expect(CellStyles.codeShowsDate("dd/mm/yyyy"))
        #expect(CellStyles.codeShowsDate("[$-413]d mmmm yyyy"))
        #expect(CellStyles.codeShowsDate("h:mm"))
        #expect(!CellStyles.codeShowsDate("0.00"))
        #expect(!CellStyles.codeShowsDate("#,##0.00 \"uur\""))
        #expect(!CellStyles.codeShowsDate("[Red]0.0;[Blue]-0.0"))
        #expect(!CellStyles.codeShowsDate("_-* #,##0.00_-"))
        #expect(CellStyles.codeShowsPercent("0.0%"))
        #expect(!CellStyles.codeShowsPercent("0.0\"%\""))
    }

    @Test func cellReferences() {
        #expect(CellReference("B12") == CellReference(row: 12, column: 2))
        #expect(CellReference("$AA$3") == CellReference(row: 3, column: 27))
        #expect(CellReference("XFD1048576") != nil)
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("12B") == nil)
        #expect(CellReference("B") == nil)
        #expect(CellReference(row: 1, column: 703).a1 == "AAA1")
        #expect(CellRange("C3:A1")?.a1 == "A1:C3")
    }

    @Test func notAWorkbookDamagedAndLegacyFilesAreNamed() {
        func issue(_ data: Data) -> SpreadsheetIssue? {
            do {
                _ = try XLSXReader.read(data, file: "x.xlsx")
                return nil
            } catch {
                guard case .spreadsheet(let issue) = error.problems.first?.kind else { return nil }
                return issue
            }
        }
        var zip = ZIPWriter()
        zip.add("word/document.xml", text: "<w/>")
        #expect(issue(zip.archive()) == .notAWorkbook)
        #expect(issue(Data(XLSXReader.oleMagic + [0, 0, 0, 0])) == .legacyOrEncrypted)
        let good = XLSXWriter(sheets: [SheetToWrite(name: "A", rows: [[.text("x")]])]).data()
        guard case .damagedZIP = issue(good.prefix(good.count / 2)) else {
            Issue.record("a file cut in half is a damaged ZIP")
            return
        }
        var broken = WorkbookBuilder()
        broken.sheets = [.init(name: "A", xml: "<worksheet><sheetData><row></worksheet>")]
        guard case .damagedXML(let part, _) = issue(broken.data()) else {
            Issue.record("malformed XML is named")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
    }

    /// What the ZIP and XML readers find wrong is worded in the user's language, Dutch included.
    @Test func damageIsToldInTheUsersLanguage() {
        func message(_ data: Data, _ language: Language) -> String? {
            do {
                _ = try XLSXReader.read(data, file: nil)
                return nil
            } catch {
                return error.problems.first?.message(language)
            }
        }
        let good = XLSXWriter(sheets: [SheetToWrite(name: "A", rows: [[.text("x")]])]).data()
        #expect(message(good.prefix(good.count / 2), .nl) == "de werkmap is beschadigd en kan niet worden gelezen (de inhoudsopgave aan het eind van het bestand ontbreekt; misschien is het bestand afgekapt); sla hem opnieuw op in Excel")
        #expect(message(good.prefix(good.count / 2), .en) == "the workbook is damaged and cannot be read (end of central directory not found (the file may be cut short)); save it again in Excel")
        var broken = WorkbookBuilder()
        broken.sheets = [.init(name: "A", xml: "<worksheet><sheetData><row><c><is><t>x</sheetData></worksheet>")]
        #expect(message(broken.data(), .nl) == "de werkmap is beschadigd: onderdeel xl/worksheets/sheet1.xml is geen geldige XML (regel 1, kolom 39: </sheetData> sluit <t> niet)")
        #expect(message(broken.data(), .en) == "the workbook is damaged: part xl/worksheets/sheet1.xml is not valid XML (1:39 </sheetData> does not close <t>)")
        var unknown = WorkbookBuilder()
        unknown.sheets = [.init(name: "A", xml: WorkbookBuilder.sheetXML(#"<row r="1"><c r="A1"><v>abc</v></c></row>"#))]
        #expect(message(unknown.data(), .nl)?.hasSuffix("(\"abc\" is geen getal)") == true)
        let tooMany = ZIPLimits(maximumEntries: 2, maximumEntrySize: 1_048_576, maximumTotalSize: 1_048_576, maximumRatio: 500)
        #expect(throws: InputProblems([InputProblem(.spreadsheet(.tooLargeUnpacked(.entries(count: 5, limit: 2))), at: SourceLocation())])) {
            try XLSXReader.read(broken.data(), file: nil, limits: tooMany)
        }
        #expect(UnpackedLimit.entries(count: 5, limit: 2).message(.nl) == "5 onderdelen, meer dan 2")
    }

    /// Entity expansion (the "billion laughs") needs a DTD; OOXML never has one.
    @Test func doctypesAreRefused() {
        var builder = WorkbookBuilder()
        builder.sheets = [
            .init(
                name: "A",
                xml: #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"#
            )
        ]
        #expect {
            try XLSXReader.read(builder.data(), file: nil)
        } throws: { error in
            (error as? InputProblems)?.problems.first?.kind == .spreadsheet(.damagedXML(part: "xl/worksheets/sheet1.xml", detail: .doctype))
        }
    }
}

@Suite struct XMLTreeTests {
    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a><b>é</b></a>"
        let bytes: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let tree = try XMLTree.parse(bytes)
        #expect(tree.child("b")?.text == "é")
    }

    @Test func bytesThatAreNotUTF8NeverReachTheParser() {
        #expect(throws: XMLTree.Failure.encoding("UTF-8")) { try XMLTree.parse([0x3C, 0x61, 0xF8, 0x3E, 0x3C, 0x2F, 0x61, 0x3E]) }
        #expect(throws: XMLTree.Failure.encoding("ISO-8859-1")) {
            try XMLTree.parse(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>".utf8))
        }
    }

    @Test func prefixedElementsAndAttributesAreReadByLocalName() throws {
        let tree = try XMLTree.parse(Array(#"<x:a xmlns:x="urn:x" xmlns:r="urn:r"><x:b r:id="rId3">t</x:b></x:a>"#.utf8))
        #expect(tree.name == "a")
        #expect(tree.child("b")?.attribute("id") == "rId3")
    }
}

@Suite struct SmallPartTests {
    /// Unclosed tags in the relationships part (a fuzzed sheet put there) made FoundationXML's
    /// XMLParser crash in strlen; the small parts are now read by `XMLStream` too.
    @Test func malformedRelationshipsAreRefusedNotACrash() {
        let relationships = "\u{FEFF}<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<!-- comment --><?piOdata?>\n"
            + #"<x:worksheet xmlns:x="urn:s" xmlns:mc="urn:mc"><x:sheetPr/><x:sheetData>"# + "\n"
            + #"<x:row r = '1' spans="1:2"><x:c r="B1"><x:v>1<!-- c -->2</x:v>x:worksheet xmlns:x="urn:s"><x:sheetData>"#
            + #"<x:c r="B1"><x:v>1</x:v><x:v>3</x:v></x:c><x:c r="C1"><mc:Altern>a><x:row r="9"><x:c r="A9"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
            + "\n<!-- after -->\n"
        var zip = ZIPWriter()
        zip.add(
            "xl/workbook.xml",
            text: #"<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="urn:x" xmlns:r="urn:r"><x:sheets><x:sheet name="Team" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#)
        zip.add("xl/_rels/workbook.xml.rels", text: relationships)
        zip.add("xl/worksheets/sheet1.xml", text: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["a"])))
        #expect {
            try XLSXReader.read(zip.archive(), file: nil)
        } throws: { error in
            guard case .spreadsheet(.damagedXML(let part, _))? = (error as? InputProblems)?.problems.first?.kind else { return false }
            return part == "xl/_rels/workbook.xml.rels"
        }
    }

    @Test func smallPartsKeepTextAttributesAndTheElementLimit() throws {
        let tree = try XMLTree.parse(Array(#"<a x="1 &amp; 2"><b>t&lt;<![CDATA[<c>]]></b>u<b/></a>"#.utf8))
        #expect(tree.attribute("x") == "1 & 2")
        #expect(tree.children("b").count == 2)
        #expect(tree.child("b")?.text == "t<<c>")
        #expect(tree.text == "u")
        #expect(throws: XMLTree.Failure.tooManyElements(limit: 2)) { try XMLTree.parse(Array("<a><b/><c/></a>".utf8), maximumElements: 2) }
        #expect(throws: XMLTree.Failure.doctype) { try XMLTree.parse(Array("<!DOCTYPE a><a/>".utf8)) }
        #expect(throws: XMLTree.Failure.self) { try XMLTree.parse(Array("<a><b></a>".utf8)) }
        #expect(throws: XMLTree.Failure.self) { try XMLTree.parse([]) }
    }
}
