import Foundation
import Testing

@testable import TeamplotterCore
@testable import TeamplotterFormats

@Suite struct CSVReaderTests {
    private func cells(_ text: String) throws -> [[String]] {
        try CSVReader.parse(text, file: "t.csv").rows.map(\.cells)
    }

    @Test func detectsSemicolonCommaAndTab() throws {
        #expect(try CSVReader.parse("a;b,c\n", file: nil).delimiter == ";")
        #expect(try CSVReader.parse("a,b,c;d\n", file: nil).delimiter == ",")
        #expect(try CSVReader.parse("a\tb\tc\n", file: nil).delimiter == "\t")
        #expect(try CSVReader.parse("alleen\n", file: nil).delimiter == ";")
    }

    @Test func delimitersInsideQuotesDoNotCount() throws {
        #expect(try CSVReader.parse("\"a;b;c\",d\n", file: nil).delimiter == ",")
    }

    @Test func readsCRLFLFAndCR() throws {
        #expect(try cells("a;b\r\nc;d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(try cells("a;b\nc;d") == [["a", "b"], ["c", "d"]])
        #expect(try cells("a;b\rc;d\r") == [["a", "b"], ["c", "d"]])
    }

    @Test func quotedCellsKeepLineBreaksDelimitersAndQuotes() throws {
        let table = try CSVReader.parse("Functie;Taken\r\nA;\"een\r\ntwee; drie\"\"s\"\"\"\r\nB;x\r\n", file: nil)
        #expect(table.rows.map(\.cells) == [["Functie", "Taken"], ["A", "een\ntwee; drie\"s\""], ["B", "x"]])
        // A multi-line cell does not add rows: B is record 3, as in Excel.
        #expect(table.rows.map(\.number) == [1, 2, 3])
    }

    @Test func stripsTheByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Functie;Rollen\n".utf8)
        #expect(try CSVReader.read(data, file: nil).rows[0].cells == ["Functie", "Rollen"])
    }

    @Test func readsWindows1252() throws {
        // "Coördinator;Één" as Dutch Excel saves it.
        let data = Data([0x43, 0x6F, 0xF6, 0x72, 0x64, 0x69, 0x6E, 0x61, 0x74, 0x6F, 0x72, 0x3B, 0xC9, 0xE9, 0x6E, 0x0D, 0x0A])
        #expect(try CSVReader.read(data, file: nil).rows[0].cells == ["Coördinator", "Één"])
    }

    @Test func skipsBlankRowsButKeepsTheirNumbers() throws {
        let table = try CSVReader.parse("a;b\n;;\n\nc;d\n", file: nil)
        #expect(table.rows.map(\.number) == [1, 4])
    }

    @Test func anUnclosedQuoteNamesWhereItStarted() {
        #expect(throws: InputProblems([InputProblem(.unterminatedQuote, at: SourceLocation(file: "t.csv", row: 2, column: 2))])) {
            try CSVReader.parse("a;b\nc;\"open\nmore\n", file: "t.csv")
        }
    }

    /// A quote missing in one cell makes the quotes pair up wrongly further on: text then follows
    /// a closing quote. Said, at the cell that opened, rather than read into the wrong cells.
    @Test func textAfterAClosingQuoteIsAProblemNotData() throws {
        #expect(throws: InputProblems([InputProblem(.textAfterQuote, at: SourceLocation(file: "t.csv", row: 1, column: 1))])) {
            try CSVReader.parse("\"ab\"cd;e\n", file: "t.csv")
        }
        let missing = "Functie;Naam;Uren per week;Taken;Rollen;Competenties\r\n"
            + "Webredacteur;A;36;\"Taak 1\nTaak 2;\"Contentmanager website\nStrateeg\";\"Schrijven\"\r\n"
            + "Teamleider;B;36;\"Plannen\";\"Leidinggevende\";\"Leiden\"\r\n"
        #expect(throws: InputProblems([InputProblem(.textAfterQuote, at: SourceLocation(file: "t.csv", row: 2, column: 4))])) {
            try TeamLoader.loadTeam(Data(missing.utf8), file: "t.csv")
        }
        // Spaces after the closing quote are still part of the cell.
        #expect(try CSVReader.parse("\"a\" ;b\n", file: nil).rows[0].cells == ["a ", "b"])
    }

    @Test func utf16IsNamed() {
        #expect(throws: InputProblems([InputProblem(.utf16, at: SourceLocation(file: "u.txt"))])) {
            try CSVReader.read(Data([0xFF, 0xFE, 0x46, 0x00, 0x75, 0x00]), file: "u.txt")
        }
    }

    /// A UTF-16 team document got the advice to save it from Excel as CSV (reported by a new-user
    /// trial): named .json or starting like JSON, it is told to be saved as UTF-8 JSON.
    @Test func aUTF16TeamDocumentIsToldToBeSavedAsUTF8() throws {
        let document = "\n  {\"version\": 1}"
        let littleEndian = Data([0xFF, 0xFE]) + document.data(using: .utf16LittleEndian)!
        let bigEndian = Data([0xFE, 0xFF]) + document.data(using: .utf16BigEndian)!
        let worksheet = Data([0xFF, 0xFE]) + "Functie;Rollen\n".data(using: .utf16LittleEndian)!
        for (data, file) in [(littleEndian, "t.txt"), (bigEndian, "t"), (worksheet, "T.JSON")] {
            #expect(throws: InputProblems([InputProblem(.utf16Document, at: SourceLocation(file: file))]), "\(file)") {
                try TeamLoader.loadTeam(data, file: file)
            }
        }
        #expect(throws: InputProblems([InputProblem(.utf16, at: SourceLocation(file: "t.csv"))])) {
            try TeamLoader.loadTeam(worksheet, file: "t.csv")
        }
        #expect(InputProblem(.utf16Document, at: SourceLocation()).message(.nl).contains("sla het opnieuw op als UTF-8"))
    }

    @Test func utf8MixedWithAnotherCharacterSetIsRefusedNamingTheRow() {
        // Row 1 has a UTF-8 "ö", row 3 a Windows-1252 "é".
        let data = Data("Coördinator;x\na;b\n".utf8) + Data([0x43, 0x61, 0x66, 0xE9, 0x0A])
        #expect(throws: InputProblems([InputProblem(.mixedEncoding, at: SourceLocation(file: "m.csv", row: 3))])) {
            try CSVReader.read(data, file: "m.csv")
        }
    }

    /// A BOM says UTF-8: a Windows-1252 "é" after it is an error at its row, not read as Windows-1252.
    @Test func aByteOrderMarkBeforeTextThatIsNotUTF8IsRefusedNamingTheRow() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Functie;Rollen\nA;\"Strateeg\nVerbinder\"\n".utf8) + Data([0x43, 0x61, 0x66, 0xE9, 0x3B, 0x0A])
        #expect(throws: InputProblems([InputProblem(.notUTF8AfterByteOrderMark, at: SourceLocation(file: "b.csv", row: 3))])) {
            try CSVReader.read(data, file: "b.csv")
        }
        #expect(throws: InputProblems([InputProblem(.notUTF8AfterByteOrderMark, at: SourceLocation(file: "b.csv", row: 3))])) {
            try TeamLoader.loadTeam(data, file: "b.csv")
        }
        // Without the BOM the same bytes are Windows-1252.
        #expect(try CSVReader.read(data.dropFirst(3), file: nil).rows[2].cells == ["Café", ""])
    }

    /// The row as a spreadsheet shows it: cells with line breaks inside do not add rows.
    @Test func theRowOfMixedEncodingCountsRecordsNotLines() {
        let start = Data("Functie;Naam;Taken\r\nA;Jos\u{E9};\"t1\nt2\nt3\"\r\nB;Piet;\"t1\nt2\"\r\n".utf8)
        #expect(throws: InputProblems([InputProblem(.mixedEncoding, at: SourceLocation(file: "m.csv", row: 4))])) {
            try CSVReader.read(start + Data([0x43, 0x3B, 0x4A, 0xE9, 0x3B, 0x74, 0x0D, 0x0A]), file: "m.csv")
        }
        // Inside a cell with line breaks: the row the cell is in.
        #expect(throws: InputProblems([InputProblem(.mixedEncoding, at: SourceLocation(file: "m.csv", row: 4))])) {
            try CSVReader.read(start + Data("C;D;\"a\nb".utf8) + Data([0xE9, 0x22, 0x0A]), file: "m.csv")
        }
    }

    @Test func emptyAndBinaryFilesAreRefused() {
        #expect(throws: InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: "e.csv"))])) {
            try CSVReader.read(Data(), file: "e.csv")
        }
        #expect(throws: InputProblems([InputProblem(.notText, at: SourceLocation(file: "b.csv"))])) {
            try CSVReader.read(Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]), file: "b.csv")
        }
    }

    @Test(arguments: [
        ("22,5", 22.5), ("22.5", 22.5), ("36", 36.0), (" 36 uur ", 36.0), ("0,8 fte", 0.8), ("70%", 70.0), (",5", 0.5),
    ])
    func numbersAsPeopleWriteThem(text: String, value: Double) {
        #expect(CellParsing.number(text) == .some(value))
    }

    @Test func notANumber() {
        #expect(CellParsing.number("abc") == Double??.none)
        #expect(CellParsing.number("12abc") == Double??.none)
        // No field takes thousands; "1.234,5" and "1,234.5" are more likely typos than numbers.
        #expect(CellParsing.number("1.234,5") == Double??.none)
        #expect(CellParsing.number("1,234.5") == Double??.none)
        #expect(CellParsing.number("--5") == Double??.none)
        #expect(CellParsing.number("  ") == .some(nil))
    }

    @Test func cellItemsSplitOnLineBreaksAndSemicolonsNeverCommas() {
        #expect(CellParsing.items("a, b\nc;d ; \n- e") == ["a, b", "c", "d", "e"])
    }

    @Test func sharesAndLevels() {
        #expect(CellParsing.splitShare("Contentmanager website (70%)") == ("Contentmanager website", "70"))
        #expect(CellParsing.splitShare("Web analist 30%") == ("Web analist", "30"))
        #expect(CellParsing.splitShare("Webformulieren specialist (bouwen en vernieuwen)").share == nil)
        #expect(CellParsing.competency("Schrijven (niveau 3)") == Competency(name: "Schrijven", level: 3))
        #expect(CellParsing.competency("Writing (level 2)") == Competency(name: "Writing", level: 2))
        #expect(CellParsing.competency("Toegankelijkheid (WCAG)") == Competency(name: "Toegankelijkheid (WCAG)"))
        #expect(CellParsing.parseCompetency("Iets (9)") == (Competency(name: "Iets"), "9"))
        #expect(CellParsing.parseCompetency("Schrijven (niveau abc)") == (Competency(name: "Schrijven"), "niveau abc"))
        #expect(CellParsing.parseCompetency("Privacy (AVG)") == (Competency(name: "Privacy (AVG)"), nil))
    }
}
