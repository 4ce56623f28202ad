import Foundation
@testable import TeamplotterFormats

/// Builds XLSX files by hand from raw XML, for the features our own writer never produces:
/// shared strings, rich text, formulas, merged cells, hidden sheets, date formats.
struct WorkbookBuilder {
    struct SheetPart {
        var name: String
        var xml: String
        var state: String? = nil
    }

    var sheets: [SheetPart] = []
    var sharedStrings: [String]? = nil
    /// The `<cellXfs>`-and-more inside `<styleSheet>`, when cells need number formats.
    var styles: String? = nil

    static func sheetXML(_ rows: String, extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData>\(extra)</worksheet>
        """
    }

    /// A row of inline-string cells, from column A.
    static func textRow(_ number: Int, _ cells: [String]) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            let reference = CellReference(row: number, column: index + 1).a1
            xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(XMLText.escaped(cell))</t></is></c>"
        }
        return xml + "</row>"
    }

    func data() -> Data {
        var zip = ZIPWriter()
        var types = """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>
            """
        for index in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        zip.add("[Content_Types].xml", text: types + "</Types>")
        zip.add(
            "_rels/.rels",
            text: """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>
                """)
        var workbook = """
            <?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets>
            """
        var relationships = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for (index, sheet) in sheets.enumerated() {
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            workbook += "<x:sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            zip.add("xl/worksheets/sheet\(index + 1).xml", text: sheet.xml)
        }
        if let sharedStrings {
            relationships += "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            zip.add(
                "xl/sharedStrings.xml",
                text: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + sharedStrings.joined() + "</sst>")
        }
        if let styles {
            relationships += "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            zip.add(
                "xl/styles.xml",
                text: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + styles + "</styleSheet>")
        }
        zip.add("xl/workbook.xml", text: workbook + "</x:sheets></x:workbook>")
        zip.add("xl/_rels/workbook.xml.rels", text: relationships + "</Relationships>")
        return zip.archive()
    }
}

/// The example team of the repository (examples/), and the statuses its README promises.
enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("examples").appendingPathComponent(name))
    }

    static let teamFile = "voorbeeldstad-team.csv"
    static let needsFile = "voorbeeldstad-behoefte.csv"

    /// From the example README (expected gap analysis), by catalogue name.
    static let expectedStatuses: [String: String] = {
        var statuses: [String: String] = [:]
        let table: [(String, [String])] = [
            ("missing", ["Procesmanager", "Beleidsmedewerker / adviseur nieuwe media", "Contentmanager alle kanalen", "Programmeur", "Social media analist", "Usability expert", "Ontwerper"]),
            ("understaffed", ["Strateeg", "Contentmanager website", "Online servicemedewerker", "Applicatie-beheerder", "Website analist"]),
            ("single", ["Leidinggevende", "Visievormer", "Verbinder", "Beleidsmedewerker / adviseur dienstverlening", "Contentregisseur", "Community manager", "Data analist", "Proces analist"]),
            ("covered", ["Webformulieren specialist (bouwen en vernieuwen)"]),
            ("extra", ["Communicatieadviseur extern", "Woordvoerder"]),
            ("notNeeded", ["Communicatieadviseur intern"]),
        ]
        for (status, names) in table { for name in names { statuses[name] = status } }
        return statuses
    }()
}
