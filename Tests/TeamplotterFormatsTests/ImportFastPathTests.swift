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

    /// `quantity` as it reads on characters, the reference for the ASCII path.
    private func referenceQuantity(_ text: String) -> (Double, CellParsing.Unit)?? {
        var value = Substring(text.trimmed.lowercased())
        if value.isEmpty { return .some(nil) }
        var unit = CellParsing.Unit.none
        let units: [(String, CellParsing.Unit)] = [("uren", .hours), ("uur", .hours), ("hours", .hours), ("hour", .hours),
                                                   ("fte", .fte), ("u", .hours), ("h", .hours), ("%", .percent)]
        for (suffix, meaning) in units where value.hasSuffix(suffix) {
            value = Substring(value.dropLast(suffix.count).trimmed)
            unit = meaning
            break
        }
        var digits = ""
        var separators = 0
        for (offset, character) in value.enumerated() {
            switch character {
            case "0"..."9": digits.append(character)
            case ",", ".":
                separators += 1
                digits.append(".")
            case "-" where offset == 0, "+" where offset == 0: digits.append(character)
            default: return nil
            }
        }
        guard separators <= 1, digits.contains(where: \.isNumber), let number = Double(digits), number.isFinite else { return nil }
        return .some((number, unit))
    }

    @Test func quantitiesAsOnCharacters() {
        let cases = [
            "", " ", "36", " 36 ", "22,5", "22.5", ",5", "5,", "+5", "-1", "--5", "5-", "1.234,5", ".", ",", "-", "abc", "12abc",
            "36 uur", "36uur", "36 UUR", "36 Uren", "36 hours", "36hour", "36 u", "36u", "36 h", "36H", "0,8 fte", "0,8FTE",
            "70%", "70 %", "uur", "fte", "%", "36 uur uur", "1e5", "1 2", "36\tuur", "0x10", "99999999999999999999", "1.5.",
            "36 úur", "36 uur\u{00A0}", "\u{00A0}36", "３６", "36 u\u{0301}",
        ]
        for text in cases {
            let fast = CellParsing.quantity(text)
            let reference = referenceQuantity(text)
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

    @Test func vacanciesAsTheirKey() {
        let keys: Set<String> = ["vacature", "vacant", "vacancy", "openvacature", "nietingevuld"]
        for holder in ["Vacature", "VACATURE", " vacature ", "open vacature", "Open-Vacature", "niet ingevuld", "niet_ingevuld.",
                       "Vacant", "vacancy'", "vacature1", "Medewerker 0", "Jan de Vries", "", "vaca ture", "openvacatures",
                       "Vacatüre", "vacature\u{00A0}", "Vácature", "v a c a n t"] {
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

@Suite struct JSONReaderTests {
    private func decoded(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Whatever the fast reader takes, it reads as the decoder does; what it leaves, the decoder decides.
    private func expectAsDecoder(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let fast = JSONReader.parse(Data(text.utf8)) else { return }
        #expect(fast == decoded(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func documentsReadAsTheDecoderReadsThem() throws {
        let cases = [
            #"{"b": 1, "a": [true, false, null, "x"], "c": {"z": -0.5e2, "y": 1E+3, "x": 0}}"#,
            #"  [ ] "#, #"{}"#, #""tekst""#, "12", "-0", "0.1", "1e400", "01", "1.", ".5", "-", "+1", "1e", "12345678901234567890",
            #"{"a": 1, "a": 2}"#, #"{"é": 1, "e\u0301": 2}"#, #"["\u00e9\u20ac\u2028\n\t\"\\\/\b\f\r"]"#, #"["\ud83d\ude00"]"#,
            #"["\u+123"]"#, #"["\uZZZZ"]"#, #"["\x"]"#, "[\"a\u{1}\"]", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{1: 2}",
            "[1] x", "\u{FEFF}[1]", "nul", "truex", "[tru]", String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
            #"{"version": 1, "team": {"name": "Online <team> & co"}, "functions": [{"title": "A", "hoursPerWeek": 22.5}]}"#,
        ]
        for text in cases { expectAsDecoder(text) }
        #expect(JSONReader.parse(Data(cases[0].utf8)) != nil)
        // The shipped example and every document this program writes take the fast path.
        let example = try Repository.data("examples/voorbeeldstad.json")
        #expect(JSONReader.parse(example) != nil)
        #expect(JSONReader.parse(example) == (try JSONDecoder().decode(JSONValue.self, from: example)))
        let pieces = ["{", "}", "[", "]", ",", ":", "\"a\"", "\"\\n\"", "1", "-2.5e3", "true", "null", " ", "\"é\"", "\"\\u00e9\""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            expectAsDecoder((0..<Int.random(in: 1..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
    }

    @Test func invalidUTF8IsLeftToTheDecoder() {
        #expect(JSONReader.parse(Data([0x5B, 0x22, 0xC3, 0x22, 0x5D])) == nil)
    }
}
