import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterFormats

/// A bounded, seeded fuzz run over the CSV and XLSX readers: mutated inputs must load or be
/// refused with located problems, never trap. The same seed gives the same run; set
/// TEAMPLOTTER_FUZZ_ITERATIONS for a longer one, and TEAMPLOTTER_FUZZ_DUMP=FILE to keep the input
/// being checked (after a trap, FILE holds the one that caused it).
@Suite struct FuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["TEAMPLOTTER_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300

    /// SplitMix64: small, fast, and the same everywhere.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that mean something to one of the readers.
    static let tokens: [[UInt8]] = [
        ";", "\"", "\r\n", "\n", ",", "%", "x", "Vacature", "22,5", "-1", "1e308", "NaN", "(70%)", "\t",
        "<", ">", "&", "&amp;", "</c>", "<c r=\"A0\">", "<c r=\"XFE1\" t=\"s\"><v>99</v></c>", "t=\"e\"", "t=\"d\"",
        "<f>A1</f>", "s=\"9\"", "_x0000_", "<!DOCTYPE x>", "r=\"1048577\"", "<mergeCell ref=\"A1:B2\"/>",
        "state=\"hidden\"", "\u{FEFF}", "Rollen", "Functie", "Prioriteit", "nodig",
    ].map { Array($0.utf8) } + [[0xFF], [0x00], [0xC3], [0x80, 0x80], [0xEF, 0xBB, 0xBF]]

    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 2:
                bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: position)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.removeSubrange(position..<end)
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...256, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 5:
                bytes = Array(bytes.prefix(position))
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }

    /// Loading must give a team (that analyses) or located problems, in both languages.
    static func check(_ bytes: [UInt8], file: String) {
        if let path = ProcessInfo.processInfo.environment["TEAMPLOTTER_FUZZ_DUMP"] { try? Data(bytes).write(to: URL(fileURLWithPath: path)) }
        do {
            let loaded = try TeamLoader.loadTeam(Data(bytes), file: file)
            _ = GapAnalyser.analyse(loaded.team)
            _ = SpreadsheetExport().export(loaded.team)
        } catch {
            #expect(!error.errors.isEmpty, "refused without an error: \(error.problems)")
            for problem in error.problems {
                #expect(problem.location.file == file)
                #expect(!problem.message(.nl).isEmpty && !problem.message(.en).isEmpty)
            }
        }
        do {
            _ = try TeamLoader.loadNeeds(Data(bytes), file: file)
        } catch {
            #expect(!error.problems.isEmpty)
        }
    }

    static func exampleXLSX() throws -> [UInt8] {
        [UInt8](SpreadsheetExport().export(try SpreadsheetImportTests.exampleTeam()))
    }

    @Test func csvReaders() throws {
        var random = SeededGenerator(state: 20_261_203)
        let seeds = [
            [UInt8](try Examples.data(Examples.teamFile)), [UInt8](try Examples.data(Examples.needsFile)),
            Array("Functie;Leidinggevende;Strateeg\r\nTeamleider;x;70%\r\nAdviseur;;1\r\n".utf8),
        ]
        for iteration in 0..<Self.iterations {
            Self.check(Self.mutate(seeds[iteration % seeds.count], &random), file: "fuzz.csv")
        }
    }

    @Test func xlsxBytes() throws {
        var random = SeededGenerator(state: 4_096)
        let seeds = [try Self.exampleXLSX(), [UInt8](SpreadsheetExport().template())]
        for iteration in 0..<Self.iterations {
            Self.check(Self.mutate(seeds[iteration % seeds.count], &random), file: "fuzz.xlsx")
        }
    }

    /// Mutating the zipped bytes mostly trips the CRC; mutating the XML inside and zipping it
    /// again reaches the XML, sheet and team readers.
    @Test func xlsxParts() throws {
        var random = SeededGenerator(state: 1_969)
        let archive = try ZIPArchive(Data(try Self.exampleXLSX()))
        let parts = try archive.entries.map { ($0.name, try archive.data(of: $0.name)) }
        for _ in 0..<Self.iterations {
            let target = Int.random(in: 0..<parts.count, using: &random)
            var writer = ZIPWriter()
            for (index, part) in parts.enumerated() {
                writer.add(part.0, index == target ? Self.mutate(part.1, &random) : part.1)
            }
            Self.check([UInt8](writer.archive()), file: "fuzz.xlsx")
        }
    }

    /// Inputs that once needed care, kept so they stay handled.
    @Test(arguments: [
        "stored-entry-size-mismatch", "central-directory-past-end", "shared-string-out-of-range", "row-zero",
        "column-past-xfd", "empty-xml-part", "deeply-nested-xml", "lone-quote-csv", "only-delimiters-csv",
        "matrix-header-only-csv", "huge-date-serial", "percent-cell-in-hours", "invalid-utf8-in-xml-name",
        "utf16-xml-part", "latin1-declared-part", "cells-far-right-on-many-rows",
    ])
    func trickyInput(name: String) throws {
        Self.check(try Self.tricky(name), file: "tricky")
    }

    static func tricky(_ name: String) throws -> [UInt8] {
        func sheet(_ rows: String, styles: String? = nil) -> [UInt8] {
            var builder = WorkbookBuilder()
            builder.styles = styles
            builder.sheets = [.init(name: "Team", xml: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["Functie", "Uren", "Rollen"]) + rows))]
            return [UInt8](builder.data())
        }
        switch name {
        case "stored-entry-size-mismatch":
            var writer = ZIPWriter()
            writer.add("a", [1])
            var bytes = [UInt8](writer.archive())
            bytes[bytes.count - 22 - 47 + 20] = 9  // compressed size 9 for a stored 1-byte entry
            return bytes
        case "central-directory-past-end":
            var bytes = try exampleXLSX()
            bytes[bytes.count - 6] = 0xFF
            bytes[bytes.count - 5] = 0xFF
            return bytes
        case "shared-string-out-of-range":
            return sheet(#"<row r="2"><c r="A2" t="s"><v>7</v></c></row>"#)
        case "row-zero":
            return sheet(#"<row r="0"><c r="A0" t="inlineStr"><is><t>x</t></is></c></row>"#)
        case "column-past-xfd":
            return sheet(#"<row r="2"><c r="XFE2"><v>1</v></c></row>"#)
        case "empty-xml-part":
            var builder = WorkbookBuilder()
            builder.sheets = [.init(name: "Team", xml: "")]
            return [UInt8](builder.data())
        case "deeply-nested-xml":
            return sheet(String(repeating: "<row>", count: 5_000) + String(repeating: "</row>", count: 5_000))
        case "lone-quote-csv":
            return Array("Functie;Rollen\r\n\"Webredacteur;Strateeg\r\n".utf8)
        case "only-delimiters-csv":
            return Array(";;;;\r\n;;;\r\n".utf8)
        case "matrix-header-only-csv":
            return Array("Functie;Strateeg;Verbinder".utf8)
        case "huge-date-serial":
            return sheet(
                #"<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" s="1"><v>1e300</v></c></row>"#,
                styles: #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#)
        case "percent-cell-in-hours":
            return sheet(
                #"<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" s="1"><v>0.5</v></c><c r="C2" t="inlineStr"><is><t>Strateeg</t></is></c></row>"#,
                styles: #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs>"#)
        case "invalid-utf8-in-xml-name":
            // Found by the fuzz run: XMLParser (libxml2 in recovery mode) trapped on a namespace
            // attribute whose name is not UTF-8.
            let archive = try ZIPArchive(Data(try exampleXLSX()))
            var writer = ZIPWriter()
            for entry in archive.entries {
                var content = try archive.data(of: entry.name)
                if entry.name == "xl/workbook.xml", let range = content.firstRange(of: Array("xmlns=".utf8)) {
                    content[range.lowerBound + 4] = 0xF8
                }
                writer.add(entry.name, content)
            }
            return [UInt8](writer.archive())
        case "utf16-xml-part":
            let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + WorkbookBuilder.sheetXML(
                WorkbookBuilder.textRow(1, ["Functie", "Rollen"]) + WorkbookBuilder.textRow(2, ["Adviseur", "Strateeg"]))
                .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
            var builder = WorkbookBuilder()
            builder.sheets = [.init(name: "Team", xml: "")]
            let archive = try ZIPArchive(builder.data())
            var writer = ZIPWriter()
            for entry in archive.entries {
                let content = entry.name.hasSuffix("sheet1.xml")
                    ? [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                    : try archive.data(of: entry.name)
                writer.add(entry.name, content)
            }
            return [UInt8](writer.archive())
        case "cells-far-right-on-many-rows":
            // Rows are dense arrays: rows with a cell in column XFD would hold 16 384 strings each
            // if every row were as wide as its last cell.
            let rows = (2...2_001).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined()
            return sheet(rows)
        case "latin1-declared-part":
            var builder = WorkbookBuilder()
            builder.sheets = [.init(name: "Team", xml: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>")]
            return [UInt8](builder.data())
        default:
            Issue.record("no tricky input \(name)")
            return []
        }
    }
}
