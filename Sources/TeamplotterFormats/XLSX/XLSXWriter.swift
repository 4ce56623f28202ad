import Foundation

/// A sheet to write: rows of cells, and how it should look and behave in Excel.
public struct SheetToWrite: Sendable {
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        case number(Double)
    }

    /// The cell formats of `XLSXStyles`, by their index in `cellXfs`.
    public enum Style: Int, Sendable, Hashable {
        case normal = 0
        case header = 1
        /// Text with line breaks, top aligned.
        case wrapped = 2
        /// Two decimals, e.g. FTE.
        case decimal = 3
        /// A number as typed (General), top aligned: hours, counts.
        case plainNumber = 4
        case percent = 5
        case title = 6
    }

    public struct Cell: Sendable, Hashable {
        public var value: Value
        public var style: Style

        public init(_ value: Value, _ style: Style = .normal) {
            self.value = value
            self.style = style
        }

        public static func text(_ text: String?, _ style: Style = .wrapped) -> Cell {
            guard let text, !text.isEmpty else { return Cell(.empty, style) }
            return Cell(.text(text), style)
        }

        public static func number(_ number: Double?, _ style: Style = .decimal) -> Cell {
            guard let number, number.isFinite else { return Cell(.empty, style) }
            return Cell(.number(number), style)
        }
    }

    /// A drop-down list (data validation of type list) over a range of cells.
    public struct Validation: Sendable, Hashable {
        /// E.g. "A2:A500".
        public var range: String
        /// A defined name, a range reference, or a quoted comma-separated list.
        public var formula: String
        /// When false, other values may be typed too; the list only helps.
        public var strict: Bool
        public var promptTitle: String?
        public var prompt: String?
        public var errorTitle: String?
        public var error: String?

        public init(
            range: String, formula: String, strict: Bool, promptTitle: String? = nil, prompt: String? = nil,
            errorTitle: String? = nil, error: String? = nil
        ) {
            self.range = range
            self.formula = formula
            self.strict = strict
            self.promptTitle = promptTitle
            self.prompt = prompt
            self.errorTitle = errorTitle
            self.error = error
        }
    }

    public var name: String
    public var rows: [[Cell]]
    /// Widths in characters; computed from the content where nil.
    public var columnWidths: [Double]?
    public var freezeHeader: Bool
    public var validations: [Validation]

    public init(
        name: String, rows: [[Cell]], columnWidths: [Double]? = nil, freezeHeader: Bool = true,
        validations: [Validation] = []
    ) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.freezeHeader = freezeHeader
        self.validations = validations
    }
}

/// Writes an XLSX workbook (Office Open XML, SpreadsheetML) with inline strings: no shared-string
/// table to keep in step, and Excel converts them on its first save.
public struct XLSXWriter: Sendable {
    public var sheets: [SheetToWrite]
    /// Workbook-wide names, e.g. "Rollen" → "Rollenlijst!$B$2:$B$25", for validation lists that
    /// point at another sheet (the form every Excel version accepts).
    public var definedNames: [(name: String, reference: String)]

    public init(sheets: [SheetToWrite], definedNames: [(name: String, reference: String)] = []) {
        self.sheets = sheets
        self.definedNames = definedNames
    }

    public func data() -> Data {
        var zip = ZIPWriter()
        zip.add("[Content_Types].xml", text: contentTypes())
        zip.add("_rels/.rels", text: Self.packageRelationships)
        zip.add("docProps/app.xml", text: Self.appProperties)
        zip.add("xl/workbook.xml", text: workbook())
        zip.add("xl/_rels/workbook.xml.rels", text: workbookRelationships())
        zip.add("xl/styles.xml", text: XLSXStyles.xml)
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", text: worksheet(sheet, selected: index == 0))
        }
        return zip.archive()
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private func contentTypes() -> String {
        var xml = Self.header
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let packageRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    private static let appProperties = header
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Teamplotter</Application></Properties>"

    private func workbook() -> String {
        var xml = Self.header
        xml += "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        if !definedNames.isEmpty {
            xml += "<definedNames>"
            for (name, reference) in definedNames {
                xml += "<definedName name=\"\(XMLText.escaped(name))\">\(XMLText.escaped(reference))</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    private func workbookRelationships() -> String {
        var xml = Self.header
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    private func worksheet(_ sheet: SheetToWrite, selected: Bool) -> String {
        let columnCount = sheet.rows.map(\.count).max() ?? 0
        var xml = Self.header
        xml += "<worksheet xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        if columnCount > 0, !sheet.rows.isEmpty {
            xml += "<dimension ref=\"A1:\(CellReference(row: sheet.rows.count, column: columnCount).a1)\"/>"
        }
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.freezeHeader {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"

        let widths = sheet.columnWidths ?? Self.widths(sheet.rows, columns: columnCount)
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Self.number(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }

        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = CellReference(row: rowIndex + 1, column: columnIndex + 1).a1
                let style = cell.style == .normal ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .empty:
                    if cell.style != .normal { xml += "<c r=\"\(reference)\"\(style)/>" }
                case .number(let number):
                    xml += "<c r=\"\(reference)\"\(style)><v>\(Self.number(number))</v></c>"
                case .text(let text):
                    let escaped = XMLText.escaped(Self.escapeUnderscores(text))
                    let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                        || text.contains("\n")
                    xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t\(preserve ? " xml:space=\"preserve\"" : "")>\(escaped)</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"

        if !sheet.validations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\""
                xml += " showErrorMessage=\"\(validation.strict ? 1 : 0)\""
                if let title = validation.promptTitle { xml += " promptTitle=\"\(XMLText.escaped(String(title.prefix(32))))\"" }
                if let prompt = validation.prompt { xml += " prompt=\"\(XMLText.escaped(String(prompt.prefix(255))))\"" }
                if let title = validation.errorTitle { xml += " errorTitle=\"\(XMLText.escaped(String(title.prefix(32))))\"" }
                if let error = validation.error { xml += " error=\"\(XMLText.escaped(String(error.prefix(255))))\"" }
                xml += " sqref=\"\(validation.range)\"><formula1>\(XMLText.escaped(validation.formula))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "</worksheet>"
    }

    /// A width that fits the longest line of each column, within reason.
    static func widths(_ rows: [[SheetToWrite.Cell]], columns: Int) -> [Double] {
        (0..<columns).map { column in
            var longest = 0
            for row in rows where column < row.count {
                switch row[column].value {
                case .text(let text):
                    longest = max(longest, text.split(separator: "\n").map(\.count).max() ?? 0)
                case .number(let value):
                    longest = max(longest, number(value).count)
                case .empty:
                    break
                }
            }
            return Double(min(max(longest + 2, 10), 60))
        }
    }

    /// Numbers as XML Schema doubles: "22.5", "36", never a locale's comma.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Excel reads `_xHHHH_` in text as an escaped character; a literal one must escape its `_`.
    static func escapeUnderscores(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var characters = text[...]
        while let first = characters.first {
            if first == "_", XLSXText.escapeLength(characters) != nil {
                result += "_x005F_"
            } else {
                result.append(first)
            }
            characters = characters.dropFirst()
        }
        return result
    }
}
