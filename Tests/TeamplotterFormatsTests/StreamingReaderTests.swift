import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import TeamplotterCore
@testable import TeamplotterFormats

/// The streaming reader against the tree reader it replaced (`LegacyXLSXReader`): the same
/// workbook, or the same problem, on hand-made workbooks, the exports, the tricky inputs and
/// fuzzed parts. Where both refuse malformed XML, only the parser's own words may differ.
@Suite struct StreamingReaderTests {
    static func streamed(_ data: Data) -> LegacyXLSXReader.Outcome {
        do throws(InputProblems) {
            return .read(try XLSXReader.read(data, file: nil))
        } catch {
            guard case .spreadsheet(let issue)? = error.problems.first?.kind else { return .refused(.notAWorkbook) }
            return .refused(issue)
        }
    }

    /// Where a parser found the XML malformed (its place and words its own).
    static func isMalformed(_ detail: XMLDamage) -> Bool {
        if case .malformed = detail { return true }
        return false
    }

    /// Whether libxml2, under XMLParser, reports an error in any XML part,
    /// even one it recovered from. The tree reader read on after many (junk after the root, tags
    /// closed in the wrong order); the streaming reader refuses them.
    static func libxml2FindsAnError(_ data: Data) -> Bool {
        final class Listener: NSObject, XMLParserDelegate {
            var error = false
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = true }
        }
        guard let archive = try? ZIPArchive(data) else { return false }
        for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
            // XMLParser must only see UTF-8 (see XMLTree.utf8).
            guard let bytes = try? XMLTree.utf8(archive.data(of: entry.name)) else { continue }
            let parser = XMLParser(data: Data(bytes))
            parser.shouldProcessNamespaces = true
            let listener = Listener()
            parser.delegate = listener
            if !parser.parse() || listener.error || parser.parserError != nil { return true }
        }
        return false
    }

    static func expectAgreement(_ data: Data, _ label: String) {
        if let path = ProcessInfo.processInfo.environment["TEAMPLOTTER_FUZZ_DUMP"] { try? data.write(to: URL(fileURLWithPath: path)) }
        let old = LegacyXLSXReader.read(data)
        let new = streamed(data)
        if case .refused(.damagedXML(_, let detail)) = new, isMalformed(detail), libxml2FindsAnError(data) { return }
        switch (old, new) {
        case (.read(let before), .read(let after)):
            #expect(before == after, "\(label)")
        case (.refused(let before), .refused(let after)):
            if case .damagedXML(let part, let detail) = before, case .damagedXML(let newPart, let newDetail) = after,
                part == newPart, isMalformed(detail), isMalformed(newDetail)
            {
                return
            }
            #expect(before == after, "\(label)")
        default:
            Issue.record("\(label): before \(old), now \(new)")
        }
    }

    static func workbook(_ rows: String, extra: String = "", sharedStrings: [String]? = nil, styles: String? = nil) -> Data {
        var builder = WorkbookBuilder()
        builder.sharedStrings = sharedStrings
        builder.styles = styles
        builder.sheets = [.init(name: "Team", xml: WorkbookBuilder.sheetXML(rows, extra: extra))]
        return builder.data()
    }

    static let styles = """
        <numFmts count="2"><numFmt numFmtId="170" formatCode="d-mmm-yy;@"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts>\
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="9"/></cellXfs>
        """

    /// Every kind of cell and structure the reader knows, and some it must step over.
    static let handMade: [(String, Data)] = [
        ("types", workbook(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v> 1 </v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="d"><v>2026-03-06T00:00:00</v></c><c r="G1" t="str"><f>A1&amp;B1</f><v>ab_x0041_</v></c><c r="H1"><v> 22.5 </v></c><c r="I1"><v></v></c><c r="J1"/><c r="K1" t="s"/></row>"#, sharedStrings: ["<si><t>a</t></si>", "<si><r><t>b</t></r><r><rPr/><t xml:space=\"preserve\"> c </t></r><rPh><t>x</t></rPh><phoneticPr/></si>"])),
        ("dates and percentages", workbook(#"<row r="2"><c r="A2" s="1"><v>45658</v></c><c r="B2" s="2"><v>45659.5</v></c><c r="C2" s="3"><v>0.25</v></c><c r="D2" s="4"><v>1</v></c><c r="E2" s="9"><v>3</v></c></row>"#, styles: styles)),
        ("no references", workbook(#"<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row><row r="7"><c r="AA7"><v>7</v></c><c r="XFD7"><v>8</v></c></row><row><c r="$B$8"><v>9</v></c></row>"#)),
        ("repeated rows and columns", repeatedRowsAndColumns),
        ("formulas", workbook(#"<row r="1"><c r="A1"><f>SUM(B1:B3)</f><v>6</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0"/><v>2</v></c><c r="C1"><f t="shared" si="0"/></c><c r="D1"><f>1/0</f><v>x</v></c></row>"#.replacingOccurrences(of: "<v>x</v>", with: ""))),
        ("merged", workbook(WorkbookBuilder.textRow(1, ["Functie", "Rollen"]), extra: #"<mergeCells count="3"><mergeCell ref="A5:B6"/><mergeCell ref="C1"/><mergeCell ref="bad"/></mergeCells><mergeCells><mergeCell ref="D1:E1"/></mergeCells>"#)),
        ("escapes, entities, CDATA, line ends", workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#x20AC;&#x1F600;</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t><![CDATA[<raw> & \r\n]]>x\r\ny\rz</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>tab_x0009_ _x005F_x0041_ _xZZZZ_</t></is></c></row>")),
        ("prefixes, comments, unknown elements", {
            var builder = WorkbookBuilder()
            builder.sheets = [.init(name: "Team", xml: "\u{FEFF}<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<!-- comment --><?pi data?>\n<x:worksheet xmlns:x=\"urn:s\" xmlns:mc=\"urn:mc\"><x:sheetPr/><x:sheetData>\n  <x:row r = '1' spans=\"1:2\">\n    <x:c r=\"A1\" x:t=\"inlineStr\"><x:is><x:t>a</x:t><x:extra><x:t>not this</x:t></x:extra></x:is></x:c>\n    <x:c r=\"B1\"><x:v>1<!-- c -->2</x:v><x:v>3</x:v></x:c><x:c r=\"C1\"><mc:AlternateContent><x:v>9</x:v></mc:AlternateContent></x:c>\n  </x:row>\n</x:sheetData><x:sheetData><x:row r=\"9\"><x:c r=\"A9\"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>\n<!-- after -->\n")]
            return builder.data()
        }()),
        ("hidden and several sheets", {
            var builder = WorkbookBuilder()
            builder.sheets = [
                .init(name: "Team", xml: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["Functie", "Naam"]))),
                .init(name: "Oud", xml: WorkbookBuilder.sheetXML(WorkbookBuilder.textRow(1, ["x"])), state: "hidden"),
                .init(name: "Leeg", xml: "<worksheet/>", state: "veryHidden"),
            ]
            return builder.data()
        }()),
        ("utf-16", {
            var builder = WorkbookBuilder()
            let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>é</t></is></c></row></sheetData></worksheet>"
            builder.sheets = [.init(name: "Team", xml: "")]
            // The sheet again, as UTF-16 with a byte order mark.
            let archive = try! ZIPArchive(builder.data())
            var writer = ZIPWriter()
            for entry in archive.entries {
                let bytes = entry.name == "xl/worksheets/sheet1.xml"
                    ? [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } : try! archive.data(of: entry.name)
                writer.add(entry.name, bytes)
            }
            return writer.archive()
        }()),
        ("bad row number", workbook(#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c><v>1</v></c></row>"#)),
        ("bad reference", workbook(#"<row r="1"><c r="A0"><v>1</v></c></row>"#)),
        ("bad number", workbook(#"<row r="1"><c r="A1"><v>1e999</v></c><c r="B1"><v>x</v></c></row>"#)),
        ("missing shared string", workbook(#"<row r="1"><c r="A1" t="s"><v>3</v></c></row>"#, sharedStrings: ["<si><t>a</t></si>"])),
        ("semantic error, then malformed", workbook(#"<row r="1"><c r="A0"><v>1</v></c></row><row>"#)),
        ("malformed", workbook(#"<row r="1"><c r="A1"><v>1</c></row>"#)),
        ("unknown entity", workbook(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>"#)),
        ("doctype", {
            var builder = WorkbookBuilder()
            builder.sheets = [.init(name: "Team", xml: #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>"#)]
            return builder.data()
        }()),
        ("control character", workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\u{1}b</t></is></c></row>")),
        ("second root", workbook("<row/>", extra: "</worksheet><worksheet>")),
    ]

    /// Found by the fuzzed comparison: XMLParser (libxml2 underneath) crashed on this sheet
    /// (a NULL dereference in strlen), so the tree reader took the process down with it.
    @Test func aSheetThatCrashedXMLParserIsRefused() {
        let sheet = "\u{FEFF}<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<!-- comment --><?piOdata?>\n<x:worksheet xmlns:x=\"urn:s\" xmlns:mc=\"urn:mc\"><x:sheetPr/><x:sheetData>\n  <x:row r = '1' spans=\"1:2\">\n    <x:c r=\"A1\" x:t=\"inlineStr\"><x:is><x:t>a</x:t><x:extra><x:t>not this</x:t></x:extra></x:is></x:c>\n    <x:c r=\"B1\"><x:v>1<!-- c -->2</x:v>x:worksheet xmlns:x=\"urn:s\" xmlns:mc=\"urn:mc\"><x:sheetPr/><x:sheetData>\n  <x:row r = '1' spans=\"1:2\">\n    <x:c r=\"A1\" x:t=\"inlineStr\"><x:is><x:t>a</x:t><x:extra><x:t>not this</x:t></x:extra></x:is></x:c>\n    <x:c r=\"B1\"><x:v>1<!-- c -->2</x:v><x:v>3</x:v></x:c><x:c r=\"C1\"><mc:Altern>a><x:row r=\"9\"><x:c r=\"A9\"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>\n<!-- after -->\n"
        var builder = WorkbookBuilder()
        builder.sheets = [.init(name: "Team", xml: sheet)]
        guard case .refused(.damagedXML(let part, let detail)) = Self.streamed(builder.data()) else {
            Issue.record("refused as malformed XML")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(detail == .malformed(line: 9, column: 134, .endTagMismatch(end: "x:sheetData", open: "mc:Altern")))
        #expect(detail.message(.en) == "9:134 </x:sheetData> does not close <mc:Altern>")
        #expect(detail.message(.nl) == "regel 9, kolom 134: </x:sheetData> sluit <mc:Altern> niet")
    }

    @Test func handMadeWorkbooks() {
        for (label, data) in Self.handMade { Self.expectAgreement(data, label) }
    }

    /// A row number given twice, columns out of order and a column twice in one row.
    static let repeatedRowsAndColumns = workbook(
        #"<row r="3"><c r="C3"><v>1</v></c><c r="A3"><v>2</v></c><c r="C3"><v>3</v></c></row><row r="1"><c r="B1"><v>4</v></c></row><row r="3"><c r="A3"><v>5</v></c><c r="D3"><v>6</v></c></row>"#)

    /// A sheet keeps each row's cells sorted by column; a column given again, in the row or in a
    /// later row of the same number, keeps the later cell.
    @Test func repeatedRowsMergeAndLaterCellsWin() throws {
        guard case .read(let workbook) = Self.streamed(Self.repeatedRowsAndColumns) else {
            Issue.record("refused")
            return
        }
        let sheet = try #require(workbook.sheets.first)
        #expect(sheet.rowNumbers == [1, 3])
        #expect(sheet.rows[3]?.map(\.column) == [1, 3, 4])
        #expect(sheet[3, 1]?.value == .number(5))
        #expect(sheet[3, 3]?.value == .number(3))
        #expect(sheet[3, 4]?.value == .number(6))
        #expect(sheet[3, 2] == nil && sheet[2, 1] == nil)
        #expect(sheet[1, 2]?.value == .number(4))
        #expect(sheet.cells[3]?.count == 3)
        // Set through `cells`, read back the same.
        var copy = Sheet(name: "x")
        copy.cells = sheet.cells
        #expect(copy.rows == sheet.rows)
    }

    @Test func exportsTemplateAndTrickyInputs() throws {
        Self.expectAgreement(Data(try FuzzTests.exampleXLSX()), "export")
        Self.expectAgreement(SpreadsheetExport().template(), "template")
        for name in [
            "stored-entry-size-mismatch", "central-directory-past-end", "shared-string-out-of-range", "row-zero",
            "column-past-xfd", "empty-xml-part", "deeply-nested-xml", "huge-date-serial", "percent-cell-in-hours",
            "invalid-utf8-in-xml-name", "utf16-xml-part", "latin1-declared-part", "cells-far-right-on-many-rows",
        ] {
            Self.expectAgreement(Data(try FuzzTests.tricky(name)), name)
        }
    }

    /// Mutated parts reach the XML and cell readers; both readers must judge them alike.
    @Test func fuzzedParts() throws {
        var random = FuzzTests.SeededGenerator(state: 6_006)
        for seed in [try FuzzTests.exampleXLSX(), [UInt8](Self.handMade[0].1), [UInt8](Self.handMade[6].1)] {
            let archive = try ZIPArchive(Data(seed))
            let parts = try archive.entries.map { ($0.name, try archive.data(of: $0.name)) }
            let sheets = parts.indices.filter { parts[$0].0.hasPrefix("xl/worksheets/") || parts[$0].0.hasSuffix("sharedStrings.xml") }
            for iteration in 0..<FuzzTests.iterations {
                let target = sheets[Int.random(in: 0..<sheets.count, using: &random)]
                var writer = ZIPWriter()
                var mutated: [UInt8] = []
                for (index, part) in parts.enumerated() {
                    if index == target { mutated = FuzzTests.mutate(part.1, &random) }
                    writer.add(part.0, index == target ? mutated : part.1)
                }
                Self.expectAgreement(writer.archive(), "iteration \(iteration) of \(parts[target].0): \(String(decoding: mutated, as: UTF8.self).prefix(3000))")
            }
        }
    }
}

/// The tokenizer on its own: chunk boundaries anywhere change nothing, and its UTF-8 check is
/// the standard library's.
@Suite struct XMLStreamTests {
    /// Writes every event down, text pieces joined.
    struct Recorder: XMLStreamHandler {
        var log = ""
        var text: [UInt8] = []

        mutating func flush() {
            if !text.isEmpty { log += "text(\(String(decoding: text, as: UTF8.self)))" }
            text = []
        }

        mutating func start(_ name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes) throws {
            flush()
            log += "<\(String(decoding: name, as: UTF8.self)) r=\(attributes.value("r") ?? "-") t=\(attributes.value("t") ?? "-")>"
        }

        mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
            flush()
            log += "</\(String(decoding: name, as: UTF8.self))>"
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            text.append(contentsOf: bytes)
        }
    }

    static func events(_ document: [UInt8], chunk: Int) -> String {
        var stream = XMLStream(handler: Recorder())
        do {
            var start = 0
            while start < document.count {
                let end = min(document.count, start + chunk)
                try document[start..<end].withUnsafeBufferPointer { (piece) throws(XMLStream<Recorder>.Failure) in try stream.feed(piece) }
                start = end
            }
            try stream.finish()
        } catch {
            return "failure \(error)"
        }
        stream.handler.flush()
        return stream.handler.log
    }

    static let documents: [String] = [
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<x:a xmlns:x=\"u\"><x:c r=\"A&amp;1\" t='s&#x41;'>é€😀 &lt;&#233;\r\nline\rnext</x:c><!-- note --><?pi x?><b><![CDATA[<raw>\r\n]]></b><e/></x:a>\n",
        "<a><b r=\"\t1\r\n2\">x</b></a>",
        "<a><b></a>",
        "<a>&nbsp;</a>",
        "<a>\u{1}</a>",
        "<a/><b/>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
        "<!DOCTYPE a><a/>",
        "<a><!-- a -- b --></a>",
        "<a>",
        "",
        String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000),
        String(repeating: "<a>", count: 10_001) + String(repeating: "</a>", count: 10_001),
    ]

    @Test func chunkBoundariesChangeNothing() {
        for document in Self.documents {
            let bytes = Array(document.utf8)
            let whole = Self.events(bytes, chunk: max(1, bytes.count))
            for chunk in [1, 2, 3, 5, 7, 13] {
                #expect(Self.events(bytes, chunk: chunk) == whole, "\(document) in chunks of \(chunk)")
            }
        }
        #expect(
            Self.events(Array(Self.documents[0].utf8), chunk: 1000)
                == "<a r=- t=-><c r=A&1 t=sA>text(é€😀 <é\nline\nnext)</c><b r=- t=->text(<raw>\r\n)</b><e r=- t=-></e></a>")
        #expect(Self.events(Array(Self.documents[1].utf8), chunk: 1000) == "<a r=- t=-><b r= 1 2 t=->text(x)</b></a>")
        #expect(!Self.events(Array(Self.documents[11].utf8), chunk: 1000).hasPrefix("failure"))
        #expect(Self.events(Array(Self.documents[12].utf8), chunk: 1000).contains("nestedTooDeeply(limit: 10000)"))
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var random = FuzzTests.SeededGenerator(state: 8)
        var samples: [[UInt8]] = [
            [], Array("plain ASCII, longer than eight bytes".utf8), Array("é€😀 and ASCII after it".utf8), [0xC0, 0x80], [0xC1, 0xBF],
            [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82],
            [0x80], [0xFF], Array("12345678".utf8) + [0xC3],
        ]
        let palette: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<20, using: &random)
            samples.append((0..<length).map { _ in palette.randomElement(using: &random)! })
        }
        for sample in samples {
            let fast = sample.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
            #expect(fast == (String(validating: sample, as: UTF8.self) != nil), "\(sample)")
        }
    }
}
