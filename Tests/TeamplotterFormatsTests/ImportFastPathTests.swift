import Foundation
import Testing

@testable import TeamplotterCore
@testable import TeamplotterFormats

/// The byte-level fast paths of import and JSON output against the character-level rules they
/// stand in for: each reference below is the straightforward version of the same rule.
@Suite struct ImportFastPathTests {
    // MARK: UTF-8 validation

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var samples: [[UInt8]] = [
            [], Array("plain ascii, longer than eight bytes".utf8), Array("Coördinator één € 😀".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xC3], [0xE2, 0x82], Array("abcdefg".utf8) + [0xC3],
            Array("abcdefgh".utf8) + [0xE9] + Array("abcdefgh".utf8),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            // Mostly ASCII with some high bytes, as text files are.
            samples.append((0..<length).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0x80...0xFF, using: &generator)
            })
        }
        for sample in samples {
            let fast = sample.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
            #expect(fast == (String(validating: sample, as: UTF8.self) != nil), "\(sample)")
        }
        // Checked in parts, longer texts get the same verdict wherever a sequence is broken,
        // cut or left whole across a part's end.
        for _ in 0..<500 {
            var text = Array("Taak één, ✓ 李明 👩‍💻 ".utf8)
            let length = Int.random(in: 16..<400, using: &generator)
            while text.count < length { text += text }
            if Bool.random(using: &generator) {
                text[Int.random(in: 0..<text.count, using: &generator)] = UInt8.random(in: 0x80...0xFF, using: &generator)
            }
            let split = text.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0, minimumToSplit: 16) }
            #expect(split == (String(validating: text, as: UTF8.self) != nil), "\(text)")
        }
    }

    // MARK: CSV

    /// The reader as it was before it worked on cell ranges: byte by byte into a cell buffer.
    private func referenceParse(_ text: String) throws -> [(Int, [String])] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: TextDecoding.byteOrderMark) { bytes.removeFirst(3) }
        let delimiter = bytes.withUnsafeBufferPointer { CSVReader.detectDelimiter($0) }
        var rows: [(Int, [String])] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false, cellIsQuoted = false
        var quoteStart = (row: 1, column: 1)
        var row = 1, index = 0
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll()
            cellIsQuoted = false
        }
        func endRow() {
            endCell()
            if !CSVRow(number: row, cells: cells).isBlank { rows.append((row, cells)) }
            cells = []
            row += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == 0x22 {
                    if index < bytes.count, bytes[index] == 0x22 {
                        cell.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else if byte == 0x0D {
                    if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                    cell.append(0x0A)
                } else {
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter: endCell()
            case 0x0D, 0x0A, 0x20, 0x09: break
            default:
                // After a quoted cell's closing quote, only spaces.
                if cellIsQuoted {
                    throw InputProblems([InputProblem(.textAfterQuote, at: SourceLocation(file: nil, row: quoteStart.row, column: quoteStart.column))])
                }
            }
            switch byte {
            case delimiter: break
            case 0x22 where cell.isEmpty && !cellIsQuoted:
                inQuotes = true
                cellIsQuoted = true
                quoteStart = (row, cells.count + 1)
            case 0x0D:
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endRow()
            case 0x0A: endRow()
            default: cell.append(byte)
            }
        }
        if inQuotes {
            throw InputProblems([InputProblem(.unterminatedQuote, at: SourceLocation(file: nil, row: quoteStart.row, column: quoteStart.column))])
        }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }

    private func expectSameAsReference(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let reference = Result { try referenceParse(text) }
        let fast = Result { try CSVReader.parse(text, file: nil).rows.map { ($0.number, $0.cells) } }
        switch (reference, fast) {
        case (.success(let expected), .success(let actual)):
            #expect(expected.map(\.0) == actual.map(\.0), "\(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(expected.map(\.1) == actual.map(\.1), "\(text.debugDescription)", sourceLocation: sourceLocation)
        case (.failure(let expected as InputProblems), .failure(let actual as InputProblems)):
            #expect(expected == actual, "\(text.debugDescription)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(text.debugDescription): \(reference) vs \(fast)", sourceLocation: sourceLocation)
        }
    }

    @Test func cellsAndRowsAsTheCharacterByCharacterReader() {
        let cases = [
            "", "a", "a;b", "a;b\n", "a;b\r\n", "a;b\r", "a;b\n\nc;d", "a;b\r\rc;d\r\n\r\n", "a;\n;b\n;\n", "a;b;\n",
            "\"q\";x", "\"q\"", "\"\"", "\"\";x", "\"\"\"\"", "\"a\"\"b\";c", "\"a\nb\";c\nd", "\"a\r\nb\r\nc\";d\r\ne",
            "\"a\rb\";c", "\"ab\"cd;e", "\"ab\" \"cd\";e", "a\"b;c", " \"a;b\";c", "\"a;b\"\"\";c\n", "x;\"open\nmore\n",
            "\u{FEFF}a;b\n", "\u{FEFF}\u{FEFF}a;b\n", "één;twee\nCoördinator;\"ü\nü\"\n", "a,b,c\nd,\"e,f\",g\n", "a\tb\t\"c\td\"\n",
            "  ;\t;\n\u{00A0};x\n\u{00A0}\n", "a;b\n\"c\"\r\n\"d\r\n\"\"e\"\"\";f",
        ]
        for text in cases { expectSameAsReference(text) }
        // And random mixtures of what matters to the reader.
        let pieces = ["a", "bc", ";", ",", "\t", "\"", "\"\"", "\n", "\r", "\r\n", " ", "é", "\u{00A0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            expectSameAsReference(text)
        }
    }

    @Test func quotesAndLineBreaksAtEveryOffset() {
        let filler = "abcdefghijklmnopqrstuvwxyz0123456789é"
        for length in 0...20 {
            let run = String(filler.prefix(length))
            for inside in ["\"\"", "\r\n", "\r", "\n", ";", ","] {
                expectSameAsReference("\(run);\"\(run)\(inside)\(run)\";\(run)\r\n\"\(run)\"x\(run);\(run)\n")
            }
            // A quote left open after a long run is still found.
            expectSameAsReference("\(run);\(run)\n\"\(run)\(run)\(run)")
        }
    }

    @Test func blankRowsAsCharacters() {
        for cell in ["", " ", "\t\r\n", "\u{00A0}", " \u{2003} ", "a", " a ", "\u{00A0}x", "é", "\u{0301}"] {
            #expect(CSVRow.isBlank(cell) == cell.allSatisfy(\.isWhitespace), "\(cell.debugDescription)")
        }
    }

    // MARK: Loading

    private let worksheet = "Functie;Naam;Uren per week;Rollen\nWebredacteur;Kees;36;Strateeg\n"

    @Test func worksheetWithBOMsAndLineEndings() throws {
        for text in [worksheet, "\u{FEFF}" + worksheet, "\u{FEFF}\u{FEFF}" + worksheet,
                     worksheet.replacingOccurrences(of: "\n", with: "\r\n"), worksheet.replacingOccurrences(of: "\n", with: "\r")] {
            let team = try TeamLoader.loadTeam(Data(text.utf8), file: "w.csv").team
            #expect(team.functions.map(\.title) == ["Webredacteur"], "\(text.debugDescription)")
            #expect(team.functions.first?.workload == .hoursPerWeek(36))
        }
    }

    /// A worksheet read as a whole table, the way workbook sheets are read: the reference for
    /// the CSV path that streams records and splits item cells straight from the file's bytes.
    private func tableRead(_ text: String) -> Result<(Team, [InputProblem]), InputProblems> {
        Result { () throws(InputProblems) in
            let table = try CSVReader.read(Data(text.utf8), file: "w.csv")
            guard let layout = TableLayout.detect(table, catalogue: .builtIn) else {
                throw InputProblems([InputProblem(.notATeamFile, at: SourceLocation(file: "w.csv"))])
            }
            let read = layout == .worksheet
                ? try WorksheetReader.read(table, file: "w.csv", teamName: "w")
                : try MatrixReader.read(table, file: "w.csv", teamName: "w")
            return (read.team, read.warnings)
        }
    }

    private func streamedRead(_ text: String) -> Result<(Team, [InputProblem]), InputProblems> {
        Result { () throws(InputProblems) in
            let loaded = try TeamLoader.loadTeam(Data(text.utf8), file: "w.csv")
            return (loaded.team, loaded.warnings)
        }
    }

    @Test func streamedWorksheetReadsAsTheWholeTable() {
        let header = "Functie;Naam;Uren per week;Taken;Rollen;Competenties\n"
        let many = (0..<25).map { "F\($0);N\($0);\($0 % 40);\"- Taak \($0)\nTaak b\";Strateeg (50%);Schrijven (niveau 2)\n" }.joined()
        let texts = [
            header + "Redacteur;An;32;Taak;Strateeg;Schrijven\n",
            // Item cells that are not blank but hold no item, or only white space beyond ASCII.
            header + "A;B;32;;;\n;;;;;\n;;; ;\u{00A0};\n;;;;;\u{2003}\n;;;\";\";;\n;;;-;;\n",
            // Quoted item cells with "" and CR LF inside, bullets, non-ASCII, a share, bad level.
            header + "Coördinator;Zoë;36;\"• Één \"\"plan\"\"\r\n* twee\r\n\";\"Strateeg 40%\r\nVerbinder (60%)\";\"Schrijven (niveau 7)\";\n",
            // Title lines above the header, many rows, a row in another delimiter, extra cells.
            "Team X\n\nOverzicht\n" + header + many + "A,B,C\nF;N;32;T;Strateeg;C;extra\n",
            // Unknown roles, commas, bad hours, a vacancy; items in a different column order.
            "Rollen;Competenties;Functie;Taken;Naam;Uren\nOnbekend;;F;;Vacature;3x\nStrateeg, Verbinder;;G;t;;99\n",
            // No roles column; the same with a broken quote further down, which is said first.
            "Functie;Naam\nA;B\n", "Functie;Naam\nA;B\n" + String(repeating: "C;D\n", count: 12) + "\"E;F\n",
            // A broken quote in an item cell past the first records; no header at all; blank only.
            header + many + "A;B;1;\"T;R\n", "x;y\n" + many + "\"", "\n;;\n \n",
            // A skills matrix is read whole as before.
            "Functie;Strateeg;Verbinder\nA;x;50%\n" + many,
        ]
        for text in texts {
            let streamed = streamedRead(text), whole = tableRead(text)
            switch (streamed, whole) {
            case (.success(let a), .success(let b)):
                #expect(a.0.functions == b.0.functions, "\(text.debugDescription)")
                #expect(a.1 == b.1, "\(text.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(text.debugDescription)")
            default:
                Issue.record("\(text.debugDescription): \(streamed) against \(whole)")
            }
        }
    }

    @Test func itemsFromBytesAsFromText() {
        for cell in ["", ";", "\n\r;", "a;b\nc\r\nd", " - x ;• y;* z;· w", "Één; \u{00A0}twee\u{00A0} ", "x\u{0301};-\u{0301} y"] {
            let fromBytes = Array(cell.utf8).withUnsafeBufferPointer { CellParsing.items($0) }
            #expect(fromBytes == CellParsing.items(cell), "\(cell.debugDescription)")
        }
    }

    @Test func blankBytesAsBlankText() {
        for cell in ["", " ", "\t\r\n", "\u{00A0}", " \u{2003} ", "x", " \u{00A0}x", "é"] {
            let fromBytes = Array(cell.utf8).withUnsafeBufferPointer { CSVRow.isBlank($0) }
            #expect(fromBytes == CSVRow.isBlank(cell), "\(cell.debugDescription)")
        }
    }

    @Test func windows1252WorksheetLoads() throws {
        var bytes = Array("Functie;Naam;Uren;Rollen\nCo".utf8)
        bytes += [0xF6] + Array("rdinator;Ren".utf8) + [0xE9] + Array(";36;Strateeg\r\n".utf8)
        let team = try TeamLoader.loadTeam(Data(bytes), file: "w.csv").team
        #expect(team.functions.map(\.title) == ["Coördinator"])
        #expect(team.functions.map(\.holder) == ["René"])
    }

    @Test func jsonIsToldByItsFirstCharacter() throws {
        for (text, isJSON) in [("{", true), ("  \n[", true), ("\u{00A0}{", true), ("{\u{0301}", false), ("x{", false),
                               ("", false), (" ", false), ("\u{2003}\u{2003}[1]", true), ("é{", false)] {
            let fast = Array(text.utf8).withUnsafeBufferPointer { TeamLoader.startsLikeJSON($0) }
            let start = text.first { !$0.isWhitespace }
            #expect(fast == (start == "{" || start == "["), "\(text.debugDescription)")
            #expect(fast == isJSON, "\(text.debugDescription)")
        }
    }

    // MARK: Cells

    @Test func quantitiesAsOnCharacters() {
        let cases = [
            "", " ", "36", " 36 ", "22,5", "22.5", ",5", "5,", "+5", "-1", "--5", "5-", "1.234,5", ".", ",", "-", "abc", "12abc",
            "36 uur", "36uur", "36 UUR", "36 Uren", "36 hours", "36hour", "36 u", "36u", "36 h", "36H", "0,8 fte", "0,8FTE",
            "70%", "70 %", "uur", "fte", "%", "36 uur uur", "1e5", "1 2", "36\tuur", "0x10", "99999999999999999999", "1.5.",
            "36 úur", "36 uur\u{00A0}", "\u{00A0}36", "３６", "36 u\u{0301}", "-0", "0,0", "-0,5 fte", "123456789012345",
            "1234567890123456 uur", "0,000000000000001", "5.", ".5 h", "+5", "+,5", "1,2 %", "36 UREN", "36 Hours", "-", "-,",

        ]
        for text in cases {
            let fast = CellParsing.quantity(text)
            let reference = CellParsing.characterQuantity(text)
            #expect(fast.map { $0.map { "\($0.value) \($0.unit)" } } == reference.map { $0.map { "\($0.0) \($0.1)" } }, "\(text.debugDescription)")
        }
    }

    @Test func itemsAndBulletsAsOnCharacters() {
        let cases: [(String, [String])] = [
            ("a, b\nc;d ; \n- e", ["a, b", "c", "d", "e"]),
            ("- a\n* b\n• c\n· d", ["a", "b", "c", "d"]),
            ("- * x\n* - y", ["x", "- y"]),
            ("-a\n*b\n- \n-", ["-a", "*b", "-", "-"]),
            ("  \r\n;;\r", []),
            ("", []),
            ("- één\n\u{00A0}Coördinatie\u{00A0}\n· · z", ["één", "Coördinatie", "· z"]),
            ("-\u{0301} x", ["-\u{0301} x"]),
        ]
        for (cell, items) in cases {
            #expect(CellParsing.items(cell) == items, "\(cell.debugDescription)")
        }
    }

    @Test func sharesAndLevelsWhateverTheLastCharacter() {
        #expect(CellParsing.splitShare(" Strateeg ") == ("Strateeg", nil))
        #expect(CellParsing.splitShare("Strateeg (30%)") == ("Strateeg", "30"))
        #expect(CellParsing.splitShare("Coördinator 25%") == ("Coördinator", "25"))
        #expect(CellParsing.splitShare("Coördinator é") == ("Coördinator é", nil))
        #expect(CellParsing.splitShare("\u{00A0}Strateeg\u{00A0}") == ("Strateeg", nil))
        #expect(CellParsing.parseCompetency("Schrijven") == (Competency(name: "Schrijven"), nil))
        #expect(CellParsing.parseCompetency("Schrijven (4)") == (Competency(name: "Schrijven", level: 4), nil))
        #expect(CellParsing.parseCompetency("Schrijven (niveau 3)\u{00A0}") == (Competency(name: "Schrijven", level: 3), nil))
        #expect(CellParsing.parseCompetency("Ontwerp ü") == (Competency(name: "Ontwerp ü"), nil))
    }

    @Test func trimmedAsCore() {
        for text in ["", " ", "a", " a", "a ", "\ta\n", "\u{00A0}a\u{00A0}", "é", "a\u{00A0}", "\u{2003}"] {
            #expect(CellParsing.trimmed(text) == text.trimmed, "\(text.debugDescription)")
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { CellParsing.trimmed($0) } == text.trimmed, "\(text.debugDescription)")
        }
    }

    /// `items` as it reads on characters: the reference for the byte path.
    private func referenceItems(_ cell: String) -> [String] {
        var items: [String] = []
        for piece in cell.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { "\n\r;".unicodeScalars.contains($0) }) {
            var text = String(String.UnicodeScalarView(piece)).trimmed
            for bullet in ["- ", "• ", "* ", "· "] where text.hasPrefix(bullet) {
                text = text.dropFirst(bullet.count).trimmed
            }
            if !text.isEmpty { items.append(text) }
        }
        return items
    }

    @Test func itemsOnBytesAsOnCharacters() {
        let pieces = [
            "", " ", "\t", "a", "Taak 53, met komma", "- ", "-", "• ", "* ", "· ", "- a", "-a", "• b", "* c", "· d", "- * x", "* - y",
            "- • z", "• - z", "· · z", "-  \u{0301}x", "- \u{0301}x", "-\u{0301} x", "•\u{0301} x", "\u{00A0}x", "x\u{00A0}",
            "\u{00A0}- x", "- \u{00A0}x", "\u{0387} x", "é", "- é", "• één", "Coördinatie", "x\u{0301}", "\u{2003}", " - ", "- -",
            "--", "** x", "*  x", "-\tx", "·x", "•", "- x\u{0301}", "\u{FEFF}x",
        ]
        let separators = ["\n", "\r", "\r\n", ";", " ; ", "\n\n"]
        var cells = pieces + ["", ";", "\n\r;", "a;b\nc\r\nd"]
        for first in pieces {
            for second in pieces.prefix(12) { cells.append(first + separators[(first.utf8.count + second.utf8.count) % separators.count] + second) }
        }
        for cell in cells {
            let reference = referenceItems(cell)
            let fromBytes = Array(cell.utf8).withUnsafeBufferPointer { CellParsing.items($0) }
            #expect(fromBytes == reference, "\(cell.debugDescription)")
            #expect(CellParsing.items(cell) == reference, "\(cell.debugDescription)")
        }
        // A cell of white space alone keeps no room for items.
        #expect(Array(" \n ".utf8).withUnsafeBufferPointer { CellParsing.items($0) }.capacity == 0)
    }

    @Test func wordScanMarksExactlyTheBytesSought() {
        for sought in [UInt8(0x0A), 0x0D, 0x22, 0x3B, 0x00, 0x80, 0xFF, 0x7F] {
            for value in 0...255 {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: sought ^ 0x01, count: 8)
                    bytes[position] = UInt8(value)
                    let mask = bytes.withUnsafeBufferPointer { WordScan.matches(WordScan.load($0, 0), sought) }
                    let expected = UInt8(value) == sought ? UInt64(0x80) << (8 * position) : 0
                    #expect(mask == expected, "\(value) at \(position) for \(sought)")
                    if mask != 0 { #expect(WordScan.first(mask) == position && WordScan.count(mask) == 1) }
                }
            }
        }
        let all = [UInt8](repeating: 0x3B, count: 8).withUnsafeBufferPointer { WordScan.matches(WordScan.load($0, 0), 0x3B) }
        #expect(WordScan.count(all) == 8 && WordScan.first(all) == 0)
    }

    @Test func longCellsSplitAtEveryOffset() {
        let text = "Taak één, met komma\u{00A0}en meer woorden dan acht bytes"
        for length in 0...40 {
            for separator in ["\n", "\r", ";", "\r\n", "\n\n"] {
                let first = String(text.unicodeScalars.prefix(length).map(Character.init))
                let cell = first + separator + "- " + text + separator + " " + first
                let fromBytes = Array(cell.utf8).withUnsafeBufferPointer { CellParsing.items($0) }
                #expect(fromBytes == referenceItems(cell), "\(cell.debugDescription)")
            }
        }
    }

    @Test func exactDecimalsAsDouble() {
        var texts = ["0", "-0", "0,0", "-0.0", "1", "36", "22,5", "22.5", "0,1", "0.3", "-1", "999999999999999", "0.000000000000001",
                     "123456789.012345", "9007199254740993", "1234567890123456", "0,8", "5.", ".5", "+5", "-", ",", "1,2,3", "1-2", "",
                     "00000000000000012", "0.1234567890123456", "1e5", "36 "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let digits = Int.random(in: 1...15, using: &generator)
            let text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let point = Int.random(in: 0..<digits, using: &generator)
            texts.append(point == 0 ? text : String(text.prefix(point)) + "." + text.dropFirst(point))
        }
        for text in texts {
            let fast = Array(text.utf8).withUnsafeBufferPointer { CellParsing.exactDecimal($0) }
            let slow = Double(text.replacingOccurrences(of: ",", with: "."))
            if let fast {
                #expect(fast.bitPattern == slow?.bitPattern, "\(text.debugDescription)")
            } else {
                // Left to Double(String): only text with more digits or another shape.
                let digits = text.filter(\.isNumber).count
                let plain = text.wholeMatch(of: /-?[0-9]+([.,][0-9]+)?/) != nil
                #expect(!plain || digits > 15, "\(text.debugDescription)")
            }
        }
    }

    /// `splitShare` as it reads on characters: the reference for the byte path.
    private func referenceSplitShare(_ item: String) -> (name: String, share: String?) {
        let trimmed = item.trimmed
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmed
            if inner.hasSuffix("%") {
                return (trimmed[..<open].trimmed, String(inner.dropLast()).trimmed)
            }
        }
        if trimmed.hasSuffix("%"), let space = trimmed.lastIndex(of: " ") {
            let name = trimmed[..<space].trimmed
            let share = trimmed[trimmed.index(after: space)...].dropLast()
            if !name.isEmpty, share.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) { return (name, String(share)) }
        }
        return (trimmed, nil)
    }

    @Test func sharesOnBytesAsOnCharacters() {
        let items = [
            "", " ", "Strateeg", " Strateeg ", "Strateeg (20%)", "Strateeg(20%)", "Strateeg ( 20 % )", "Strateeg (abc%)", "Strateeg ()",
            "Strateeg (%)", "Strateeg (20)", "Strateeg 20%", "Strateeg 20 %", "Strateeg %", "Strateeg 2,5%", "Strateeg 2.5.5%", "Strateeg x%",
            "20%", " 20%", "(20%)", "%", ")", "(", "a (b) (30%)", "a (b (30%)", "a) (30%", "Strateeg\t20%", "Strateeg (20%)\t",
            "Strateeg (20%)\r\n", "Strateeg\r\n20%", "Strateeg (2\r\n0%)", "Coördinator 25%", "Coördinator (25%)", "Coördinator é",
            "\u{00A0}Strateeg\u{00A0}", "Strateeg (20%)\u{00A0}", "Strateeg ２０%", "Strateeg (20%\u{0301})", "Strateeg (20\u{0301}%)",
            "Strateeg 20%\u{0301}", "Web analist (30%)", "Strateeg, Verbinder (30%)",
        ]
        for item in items {
            let split = CellParsing.splitShare(item)
            let reference = referenceSplitShare(item)
            #expect(split.name == reference.name && split.share == reference.share, "\(item.debugDescription)")
        }
    }

    /// Role items read on their bytes (plain ASCII, a known role, a valid share) against the same
    /// items made to take the text path by a no-break space at their end, which trims away.
    @Test func roleItemsOnBytesAsAsText() throws {
        let header = "Functie;Naam;Uren per week;Rollen\n"
        let items = ["Strateeg", "Strateeg (20%)", " Strateeg ( 20,5 % ) ", "strateeg 40%", "Web analist (30%)", "Verbinder 0%",
                     "Verbinder (100%)", "- Strateeg", "Strateeg (50 uur%)", "Strateeg (-0%)", "Stratéeg (20%)"]
        for item in items {
            let cell = "\"\(item)\nVerbinder\""
            let bytes = try TeamLoader.loadTeam(Data((header + "A;B;36;\(cell)\nC;D;36;\(cell)\n").utf8), file: "w.csv")
            let text = try TeamLoader.loadTeam(
                Data((header + "A;B;36;\(cell.replacingOccurrences(of: "\n", with: "\u{00A0}\n"))\nC;D;36;\(cell)\n").utf8), file: "w.csv")
            #expect(bytes.team.functions == text.team.functions, "\(item.debugDescription)")
            #expect(bytes.team.functions[0].roles.count == 2, "\(item.debugDescription)")
            #expect(bytes.warnings == text.warnings, "\(item.debugDescription)")
        }
        // Whole roles cells, read from their bytes, as their items read one by one as text.
        let cells = ["- Strateeg (20%);\n\n• Verbinder\r\n * strateeg 40% ;\u{00A0}Web analist\u{00A0}", " ", "", ";\n",
                     "Strateeg\n", "·  Verbinder (10%)\r\rStrateeg", "Strateeg;Strateeg (5%);Verbinder 5%"]
        for cell in cells {
            let quoted = "\"" + cell + "\""
            let loaded = try TeamLoader.loadTeam(Data((header + "A;B;36;\(quoted)\n").utf8), file: "w.csv")
            let table = try CSVReader.parse(header + "A;B;36;\(quoted)\n", file: "w.csv")
            let expected = CellParsing.items(table.rows[1].cells[3]).map { item in
                let (name, share) = CellParsing.splitShare(item)
                return RoleAssignment(roleId: Catalogue.builtIn.role(matching: name)!.id, sharePercent: share.flatMap { CellParsing.number($0) ?? nil })
            }
            #expect(loaded.team.functions[0].roles == expected, "\(cell.debugDescription)")
            #expect(try WorksheetReader.read(table, file: "w.csv").team.functions[0].roles == expected, "\(cell.debugDescription)")
            #expect(expected.isEmpty == (loaded.team.functions[0].roles.capacity == 0), "\(cell.debugDescription)")
        }
        // Items the byte path leaves to the text path, each with its problem; the second row
        // finds the spelling already matched.
        let problems: [(String, InputProblem.Kind)] = [
            ("Strateeg (abc%)", .invalidNumber(value: "abc", field: "Aandeel (%) van Strateeg")),
            ("Strateeg (120%)", .outOfRange(value: "120", field: "Aandeel (%) van Strateeg", range: 0...100)),
            ("Strateeg %", .invalidNumber(value: "", field: "Aandeel (%) van Strateeg")),
            ("Strateeg ()", .unknownRole(name: "Strateeg ()", suggestions: ["Strateeg"])),
            ("Strateg", .unknownRole(name: "Strateg", suggestions: ["Strateeg"])),
            ("Strateeg, Verbinder", .rolesSeparatedByCommas(cell: "Strateeg, Verbinder")),
            ("Brandweer (10%)", .unknownRole(name: "Brandweer", suggestions: [])),
            ("Brändweer", .unknownRole(name: "Brändweer", suggestions: [])),
        ]
        for (item, kind) in problems {
            let text = header + "A;B;36;\(item)\nC;D;36;\(item)\n"
            #expect(throws: InputProblems([InputProblem(kind, at: SourceLocation(file: "w.csv", row: 2, column: 4)),
                                           InputProblem(kind, at: SourceLocation(file: "w.csv", row: 3, column: 4))]),
                    "\(item.debugDescription)") { try TeamLoader.loadTeam(Data(text.utf8), file: "w.csv") }
        }
    }

    @Test func vacanciesAsTheirKey() {
        let keys: Set<String> = ["vacature", "vacant", "vacancy", "openvacature", "nietingevuld"]
        for holder in ["Vacature", "VACATURE", " vacature ", "open vacature", "Open-Vacature", "niet ingevuld", "niet_ingevuld.",
                       "Vacant", "vacancy'", "vacature1", "Medewerker 0", "Jan de Vries", "", "vaca ture", "openvacatures",
                       "Vacatüre", "vacature\u{00A0}", "Vácature", "v a c a n t", "vacaturevacature", "vacaturevacaturevacature",
                       "vacature 1é", "Niet-ingevuld", "OPEN_VACATURE", "openvacaturx", "a", "-"] {
            #expect(CellParsing.isVacancy(holder) == keys.contains(TextKey.compact(holder)), "\(holder.debugDescription)")
        }
    }

    @Test func aTableReadTwiceReadsTheSame() throws {
        let table = try CSVReader.parse(worksheet + "Redacteur;;18;Strateeg (50%)\n", file: "w.csv")
        let first = try WorksheetReader.read(table, file: "w.csv").team
        let second = try WorksheetReader.read(table, file: "w.csv").team
        #expect(first == second)
        #expect(table.rows.count == 3 && table.rows.allSatisfy { !$0.cells.isEmpty })
    }

    // MARK: JSON

    @Test func jsonTextAsTheValueTree() throws {
        let team = try TeamLoader.loadTeam(try Repository.data("examples/voorbeeldstad.json"), file: nil).team
        var tricky = team
        tricky.name = "<script>&\"\\ \u{1}\u{1F}\u{7F}\n\r\t \u{2028}\u{2029} \u{2027} €😀"
        tricky.functions[0].tasks += ["", "\u{E2}", "a\u{2028}"]
        tricky.functions.append(TeamFunction(title: "Leeg"))
        for team in [team, tricky, Team(name: "Leeg")] {
            #expect(TeamDocument.write(team) == JSONWriter.write(TeamDocument.encode(team)))
            #expect(streamed(team) == Array(TeamDocument.write(team).utf8))
            let analysis = GapAnalyser.analyse(team)
            #expect(analysis.jsonText(.en) == JSONWriter.write(analysis.json(.en)))
            #expect(analysis.jsonText() == JSONWriter.write(analysis.json()))
            var streamed: [UInt8] = []
            analysis.writeJSON(.en) { streamed.append(contentsOf: $0) }
            #expect(String(decoding: streamed, as: UTF8.self) == analysis.jsonText(.en))
        }
    }

    /// The streamed document, its chunks put together; each chunk must be whole characters.
    private func streamed(_ team: Team, chunkSize: Int? = nil) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunksAreText = true
        let drain = { (chunk: UnsafeBufferPointer<UInt8>) in
            chunksAreText = chunksAreText && String(validating: chunk, as: UTF8.self) != nil
            bytes += chunk
        }
        if let chunkSize {
            JSONWriter.stream(chunkSize: chunkSize, to: drain) { TeamDocument.write(team, into: &$0) }
        } else {
            TeamDocument.write(team, to: drain)
        }
        #expect(chunksAreText)
        return bytes
    }

    @Test func streamedJSONIsTheText() throws {
        var team = try TeamLoader.loadTeam(try Repository.data("examples/voorbeeldstad.json"), file: nil).team
        // Multi-byte characters everywhere, so that some fall where a chunk is full, and one
        // string longer than a chunk.
        team.name = String(repeating: "é€😀<", count: 40)
        for index in team.functions.indices { team.functions[index].tasks.append("taak €😀 \(index) \u{2028}") }
        team.functions.append(TeamFunction(title: String(repeating: "x€", count: 500)))
        let text = Array(TeamDocument.write(team).utf8)
        for chunkSize in [1, 64, 65, 100, 1_000, 4_096, 1 << 20] {
            #expect(streamed(team, chunkSize: chunkSize) == text, "chunks of \(chunkSize)")
        }
        #expect(streamed(Team(name: ""), chunkSize: 64) == Array(TeamDocument.write(Team(name: "")).utf8))
    }

    @Test func jsonWriterShapes() {
        let value = JSONValue.object([
            ("a", .array([])), ("b", .object([])), ("c", .array([.array([]), .object([("x", .null)]), .number(-0.0), .number(-12), .number(1e15), .number(0.1)])),
            ("d", .string("\u{0}\u{8}\u{C}")),
        ])
        #expect(JSONWriter.write(value) == """
            {
              "a": [],
              "b": {},
              "c": [
                [],
                {
                  "x": null
                },
                0,
                -12,
                1000000000000000.0,
                0.1
              ],
              "d": "\\u0000\\u0008\\u000c"
            }

            """)
        #expect(JSONWriter.write(value, pretty: false) == #"{"a":[],"b":{},"c":[[],{"x":null},0,-12,1000000000000000.0,0.1],"d":"\u0000\u0008\u000c"}"#)
        #expect(JSONWriter.write(.number(12345678901234)) == "12345678901234\n")
    }
}

/// A value as `JSONDecoder` reads it, keys sorted: the oracle of `JSONReader`.
struct Decoded: Decodable {
    var value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            value = .number(number)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let array = try? container.decode([Decoded].self) {
            value = .array(array.map(\.value))
        } else {
            let dictionary = try container.decode([String: Decoded].self)
            value = .object(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) })
        }
    }
}

@Suite struct JSONReaderTests {
    private func decoded(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(Decoded.self, from: Data(text.utf8)).value
    }

    private func read(_ data: Data) -> Result<JSONValue, InputProblems> {
        Result { () throws(InputProblems) in try JSONReader.parse(data, file: nil) }
    }

    /// What the reader takes it reads as the decoder does; what it refuses, the decoder refuses,
    /// but for a key given twice, of which the decoder keeps one value without a word.
    private func expectAsDecoder(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        switch read(Data(text.utf8)) {
        case .success(let value):
            #expect(value == decoded(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
        case .failure(let problems):
            let keysTwice = problems.problems.allSatisfy {
                if case .duplicateKey = $0.kind { return true }
                return false
            }
            #expect(keysTwice || decoded(text) == nil, "\(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test func documentsReadAsTheDecoderReadsThem() throws {
        let cases = [
            #"{"b": 1, "a": [true, false, null, "x"], "c": {"z": -0.5e2, "y": 1E+3, "x": 0}}"#,
            #"  [ ] "#, #"{}"#, #""tekst""#, "12", "-0", "0.1", "1e400", "1e-400", "0e-400", "-0.0e999999", "01", "1.", ".5", "-",
            "+1", "1e", "12345678901234567890", "123456789012345678901234567890e300", "1.00000000000000000000000000000000001",
            #"{"a": 1, "a": 2}"#, #"{"é": 1, "e\u0301": 2}"#, #"["\u00e9\u20ac\u2028\n\t\"\\\/\b\f\r"]"#, #"["\ud83d\ude00"]"#,
            #"["\ud83d"]"#, #"["\ude00"]"#, #"["\ud83dx"]"#, #"["\ud83d\u0041"]"#, #"["\ud83d\n"]"#, #"["\u00"]"#,
            #"["\u+123"]"#, #"["\uZZZZ"]"#, #"["\x"]"#, "[\"a\u{1}\"]", "[1,]", "[1,,]", "[,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1,,}", "{,}", "{1: 2}",
            "[1] x", "\u{FEFF}[1]", "nul", "truex", "[tru]", String(repeating: "[", count: 256) + String(repeating: "]", count: 256),
            #"{"version": 1, "team": {"name": "Online <team> & co"}, "functions": [{"title": "A", "hoursPerWeek": 22.5}]}"#,
        ]
        for text in cases { expectAsDecoder(text) }
        #expect(try read(Data(cases[0].utf8)).get() == decoded(cases[0]))
        // The shipped example reads as the decoder reads it.
        let example = try Repository.data("examples/voorbeeldstad.json")
        #expect(try read(example).get() == (try JSONDecoder().decode(Decoded.self, from: example).value))
        let pieces = ["{", "}", "[", "]", ",", ":", "\"a\"", "\"\\n\"", "1", "-2.5e3", "true", "null", " ", "\"é\"", "\"\\u00e9\""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            expectAsDecoder((0..<Int.random(in: 1..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
    }

    /// The decoder keeps one of the values without a word; each later one is a problem, told where
    /// it is and where the key came first, all of them together and in the order of the text.
    @Test func aKeyGivenTwiceIsAProblem() {
        func problems(_ text: String) -> [InputProblem] {
            guard case .failure(let problems) = read(Data(text.utf8)) else { return [] }
            return problems.problems
        }
        func twice(_ key: String, _ row: Int, _ column: Int, first: (Int, Int)) -> InputProblem {
            InputProblem(.duplicateKey(key: key, firstRow: first.0, firstColumn: first.1), at: SourceLocation(row: row, column: column))
        }
        let document = "{\"version\": 1,\n \"functions\": [{\"title\": \"A\", \"hoursPerWeek\": 36, \"hoursPerWeek\": 20}]}"
        #expect(decoded(document) != nil)
        #expect(problems(document) == [twice("hoursPerWeek", 2, 51, first: (2, 31))])
        #expect(problems(#"{"b": {"a": 1, "a": 2, "a": 3}, "b": 0}"#) == [
            twice("a", 1, 16, first: (1, 8)), twice("a", 1, 24, first: (1, 8)), twice("b", 1, 33, first: (1, 2)),
        ])
        // Told where JSONDecoder still reads a number, with a syntax error after it, and when
        // the keys are written differently but are the same text.
        #expect(problems(#"{"x": 12345678901234567890, "x": 1} x"#) == [
            twice("x", 1, 29, first: (1, 2)), InputProblem(.invalidJSON(.textAfterEnd), at: SourceLocation(row: 1, column: 37)),
        ])
        #expect(problems(#"{"\u00e9": 1, "é": 2}"#).count == 1)
        #expect(problems(#"{"a": {"b": 1}, "b": {"a": 1}}"#).isEmpty)
        let message = twice("hoursPerWeek", 2, 51, first: (2, 31))
        #expect(message.message(.nl).hasPrefix("veld \"hoursPerWeek\" staat twee keer in hetzelfde object (eerst op regel 2, kolom 31)"))
        #expect(message.message(.en).hasPrefix("field \"hoursPerWeek\" appears twice in the same object (first at line 2, column 31)"))
    }

    /// The decoder says neither what is wrong nor where; the reader names both.
    @Test func aProblemNamesWhatIsWrongAndItsLineAndColumn() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let cases: [(Data, JSONSyntax, Int, Int)] = [
            (Data(#"{"version": 1, "functions": ["#.utf8), .endsEarly, 1, 30),
            (Data("{\"version\": 1,\n \"functions\": [\n\n".utf8), .endsEarly, 2, 16),
            (Data(#"{"title": "Webredac"#.utf8), .endsEarly, 1, 20),
            (Data("{\n  \"fte\": 1e999}".utf8), .numberOutOfRange("1e999"), 2, 10),
            (Data("{\n  \"fte\": tru}".utf8), .unexpected("}"), 2, 13),
            (Data(#"["één", x]"#.utf8), .unexpected("x"), 1, 9),
            (Data(#"{"a": 1,,}"#.utf8), .unexpected(","), 1, 9),
            (Data(#"[01]"#.utf8), .unexpected("1"), 1, 3),
            (Data(deep.utf8), .nestedTooDeeply(limit: 256), 1, 257),
            (Data((String(repeating: "[", count: 257) + String(repeating: "]", count: 257)).utf8), .nestedTooDeeply(limit: 256), 1, 257),
            (Data("[\"a\tb\"]".utf8), .controlCharacter, 1, 4),
            (Data(#"["x\ud83d"]"#.utf8), .invalidEscape("\\ud83d"), 1, 4),
            (Data(#"["\q"]"#.utf8), .invalidEscape("\\q"), 1, 3),
            (Data("[1]\n]".utf8), .textAfterEnd, 2, 1),
            (Data([0x5B, 0x22, 0x61, 0xC3, 0x22, 0x5D]), .notUTF8, 1, 4),
            (Data([0xEF, 0xBB, 0xBF] + Array("[x]".utf8)), .unexpected("x"), 1, 2),
        ]
        for (data, syntax, line, column) in cases {
            #expect(throws: InputProblems([InputProblem(.invalidJSON(syntax), at: SourceLocation(file: "t.json", row: line, column: column))])) {
                try JSONReader.parse(data, file: "t.json")
            }
        }
    }
}
