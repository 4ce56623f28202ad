import Foundation
import TeamplotterCore

/// What may still be kept of one workbook: sheets and shared strings are streamed, so it is what
/// they leave in memory, not their size, that needs a bound.
struct KeptBudget {
    var cells: Int
    var textBytes: Int

    mutating func take(cells: Int = 0, textBytes: Int = 0, part: String) throws(PartFailure) {
        self.cells -= cells
        self.textBytes -= textBytes
        if self.cells < 0 {
            throw PartFailure(issue: .tooLargeUnpacked(.cells(part: part, limit: XLSXReader.maximumCells)))
        }
        if self.textBytes < 0 { throw Self.tooMuchText(part) }
    }

    /// One cell's text is gathered before it is kept; it must fit too.
    func check(gathering bytes: Int, part: String) throws(PartFailure) {
        if bytes > textBytes { throw Self.tooMuchText(part) }
    }

    private static func tooMuchText(_ part: String) -> PartFailure {
        PartFailure(issue: .tooLargeUnpacked(.text(part: part, limitBytes: XLSXReader.maximumTextBytes)))
    }
}

/// Byte-level helpers shared by the sheet and shared-string readers.
enum SheetBytes {
    static func `is`(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        XMLBytes.equal(name, UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// SpreadsheetML text: `_xHHHH_` escapes replaced (only looked for when "_x" occurs).
    static func text(_ bytes: [UInt8]) -> String {
        let string = String(decoding: bytes, as: UTF8.self)
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x") { return XLSXText.unescaped(string) }
            index += 1
        }
        return string
    }

    /// A cell's `s`: `Int(text) ?? 0`, for digits without a String.
    static func style(_ bytes: UnsafeBufferPointer<UInt8>?) -> Int {
        guard let bytes else { return 0 }
        if !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        return Int(String(decoding: bytes, as: UTF8.self)) ?? 0
    }

    /// A cell's `t`; "n" and anything unknown are numbers, as before.
    static func cellType(_ bytes: UnsafeBufferPointer<UInt8>?) -> SheetHandler.CellType {
        guard let bytes else { return .number }
        switch bytes.count {
        case 1:
            switch bytes[0] {
            case UInt8(ascii: "s"): return .sharedString
            case UInt8(ascii: "b"): return .bool
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3: return Self.is(bytes, "str") ? .string : .number
        case 9: return Self.is(bytes, "inlineStr") ? .inlineString : .number
        default: return .number
        }
    }

    /// The column of a cell's `r` ("B12", "$B$12"), as `CellReference` reads it.
    static func column(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        CellReference(utf8: bytes)?.column
    }

    /// A shared string's index, `Int(trimmed(text))`: plain digits are read from the bytes.
    static func index(_ bytes: [UInt8]) -> Int? {
        if !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        return Int(trimmed(String(decoding: bytes, as: UTF8.self)))
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when nothing is to trim.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, first != 0x20,
            first != 0x09, last != 0x20, last != 0x09
        else { return text.trimmingCharacters(in: .whitespaces) }
        return text
    }
}

/// Reads `sharedStrings.xml`: the text of each `<si>`, plain `<t>` or rich-text runs `<r><t>`;
/// phonetic guides (`<rPh>`) are not part of the text.
struct SharedStringsHandler: XMLStreamHandler {
    let part: String
    var budget: KeptBudget
    var strings: [String] = []
    private var depth = 0
    private var inItem = false
    private var inRun = false
    private var textDepth = 0
    private var text: [UInt8] = []

    init(part: String, budget: KeptBudget) {
        self.part = part
        self.budget = budget
    }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes) throws {
        depth += 1
        switch depth {
        case 2 where SheetBytes.is(name, "si"):
            inItem = true
            text.removeAll(keepingCapacity: true)
        case 3 where inItem && SheetBytes.is(name, "t"), 4 where inRun && SheetBytes.is(name, "t"):
            textDepth = depth
        case 3 where inItem && SheetBytes.is(name, "r"):
            inRun = true
        default: break
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        if depth == textDepth { textDepth = 0 }
        if depth == 3 { inRun = false }
        if depth == 2, inItem {
            inItem = false
            try budget.take(cells: 1, textBytes: text.count, part: part)
            strings.append(SheetBytes.text(text))
        }
        depth -= 1
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard depth == textDepth else { return }
        text.append(contentsOf: bytes)
        try budget.check(gathering: text.count, part: part)
    }
}

/// Reads a worksheet's cells as they stream past: `<sheetData><row><c>` with their values,
/// formulas and styles, and `<mergeCells>`. A sheet whose cells are not wanted is still read
/// through, and checked, but keeps nothing.
struct SheetHandler: XMLStreamHandler {
    let part: String
    let sharedStrings: [String]
    let styles: CellStyles
    let date1904: Bool
    let keep: Bool
    var budget: KeptBudget
    var sheet = Sheet(name: "")
    /// The first thing wrong with the cells. Told only once the whole part is known to be
    /// well-formed XML, as when the part was read as a tree first.
    var failure: PartFailure?

    private var depth = 0
    private var sawSheetData = false
    private var inSheetData = false
    private var sawMergeCells = false
    private var inMergeCells = false
    private var inRow = false
    private var rowNumber = 0
    private var columnNumber = 0
    private var inCell = false
    private var inInline = false
    private var inRun = false
    private var cell = CellInProgress()
    /// The cells of the row being read, put into the sheet at its end: one insert per row.
    private var rowCells: [Sheet.Entry] = []
    private enum Target { case none, value, formula, inline }
    private var target = Target.none
    private var targetDepth = 0

    /// What one `<c>` has said so far. The byte buffers are kept from cell to cell.
    /// A cell's `t`: what its value is.
    enum CellType { case number, sharedString, inlineString, string, bool, error, date, other }

    private struct CellInProgress {
        var style = 0
        var type = CellType.number
        var hasValue = false
        var value: [UInt8] = []
        var hasFormula = false
        var formula: [UInt8] = []
        var formulaReference: String?
        var hasInline = false
        var inline: [UInt8] = []

        mutating func reset(style: Int, type: CellType) {
            self.style = style
            self.type = type
            // Most cells have only a value: an empty buffer is left alone (removeAll is not free).
            hasValue = false
            if !value.isEmpty { value.removeAll(keepingCapacity: true) }
            hasFormula = false
            if !formula.isEmpty { formula.removeAll(keepingCapacity: true) }
            formulaReference = nil
            hasInline = false
            if !inline.isEmpty { inline.removeAll(keepingCapacity: true) }
        }
    }

    init(part: String, sharedStrings: [String], styles: CellStyles, date1904: Bool, keep: Bool, budget: KeptBudget) {
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.keep = keep
        self.budget = budget
    }

    private mutating func fail(_ detail: XMLDamage) {
        if failure == nil { failure = PartFailure(issue: .damagedXML(part: part, detail: detail)) }
    }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes) throws {
        depth += 1
        switch depth {
        case 2:
            if !sawSheetData, SheetBytes.is(name, "sheetData") {
                sawSheetData = true
                inSheetData = true
            } else if !sawMergeCells, SheetBytes.is(name, "mergeCells") {
                sawMergeCells = true
                inMergeCells = true
            }
        case 3 where inSheetData && SheetBytes.is(name, "row"):
            inRow = true
            rowCells.removeAll(keepingCapacity: true)
            rowNumber = attributes.value("r").flatMap(Int.init) ?? rowNumber + 1
            columnNumber = 0
            if rowNumber < 1 || rowNumber > CellReference.maximumRow { fail(.rowNumber(rowNumber)) }
        case 3 where inMergeCells && SheetBytes.is(name, "mergeCell"):
            if keep, failure == nil, let range = attributes.value("ref").flatMap(CellRange.init) { sheet.merged.append(range) }
        case 4 where inRow && SheetBytes.is(name, "c"):
            inCell = true
            // Read from the bytes: three Strings per cell were a fifth of the whole import.
            cell.reset(style: attributes.withValue("s", SheetBytes.style), type: attributes.withValue("t", SheetBytes.cellType))
            attributes.withValue("r") { reference in
                guard let reference else {
                    columnNumber += 1
                    return
                }
                if let column = SheetBytes.column(reference) {
                    columnNumber = column
                } else {
                    fail(.cellReference(String(decoding: reference, as: UTF8.self)))
                }
            }
        case 5 where inCell:
            if !cell.hasValue, SheetBytes.is(name, "v") {
                cell.hasValue = true
                target = .value
                targetDepth = depth
            } else if !cell.hasFormula, SheetBytes.is(name, "f") {
                cell.hasFormula = true
                cell.formulaReference = attributes.value("ref")
                target = .formula
                targetDepth = depth
            } else if !cell.hasInline, SheetBytes.is(name, "is") {
                cell.hasInline = true
                inInline = true
            }
        case 6 where inInline && SheetBytes.is(name, "t"), 7 where inRun && SheetBytes.is(name, "t"):
            target = .inline
            targetDepth = depth
        case 6 where inInline && SheetBytes.is(name, "r"):
            inRun = true
        default: break
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        if depth == targetDepth {
            target = .none
            targetDepth = 0
        }
        switch depth {
        case 2:
            inSheetData = false
            inMergeCells = false
        case 3:
            if inRow { finishRow() }
            inRow = false
        case 4 where inCell:
            inCell = false
            try finishCell()
        case 5: inInline = false
        case 6: inRun = false
        default: break
        }
        depth -= 1
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard depth == targetDepth else { return }
        let gathered: Int
        switch target {
        case .none: return
        case .value:
            cell.value.append(contentsOf: bytes)
            gathered = cell.value.count
        case .formula:
            cell.formula.append(contentsOf: bytes)
            gathered = cell.formula.count
        case .inline:
            cell.inline.append(contentsOf: bytes)
            gathered = cell.inline.count
        }
        try budget.check(gathering: gathered, part: part)
    }

    private mutating func finishRow() {
        guard !rowCells.isEmpty else { return }
        // A copy of exactly the row's size (not the buffer itself, which would then be copied
        // on the next row's first append); the buffer stays for the next row.
        sheet.add(row: rowNumber, Array(rowCells[...]))
        rowCells.removeAll(keepingCapacity: true)
    }

    private mutating func finishCell() throws {
        guard failure == nil else { return }
        let value: Sheet.Value?
        do {
            value = try self.value(isDate: styles.isDate(cell.style))
        } catch {
            failure = error
            return
        }
        // A sheet that is not kept is only checked: no Strings for its cells.
        guard keep, value != nil || cell.hasFormula else { return }
        let formula =
            !cell.hasFormula ? nil : cell.formula.isEmpty ? (cell.formulaReference ?? "…") : String(decoding: cell.formula, as: UTF8.self)
        var textBytes = formula?.utf8.count ?? 0
        // Shared strings are counted once, where they are read; every other text is the cell's own.
        if case .text(let text) = value, cell.type != .sharedString { textBytes += text.utf8.count }
        try budget.take(cells: 1, textBytes: textBytes, part: part)
        rowCells.append(Sheet.Entry(column: columnNumber, value: value, formula: formula, isPercent: styles.isPercent(cell.style)))
    }

    private func value(isDate: Bool) throws(PartFailure) -> Sheet.Value? {
        switch cell.type {
        case .sharedString:
            guard cell.hasValue else { return nil }
            guard let index = SheetBytes.index(cell.value), sharedStrings.indices.contains(index) else {
                let raw = String(decoding: cell.value, as: UTF8.self)
                throw PartFailure(issue: .damagedXML(part: part, detail: .missingSharedString(raw)))
            }
            return .text(sharedStrings[index])
        case .inlineString:
            guard cell.hasInline else { return nil }
            return keep ? .text(SheetBytes.text(cell.inline)) : .text("")
        case .string:
            guard cell.hasValue else { return nil }
            return keep ? .text(SheetBytes.text(cell.value)) : .text("")
        default: break
        }
        guard cell.hasValue else { return nil }
        let raw = String(decoding: cell.value, as: UTF8.self)
        switch cell.type {
        case .bool:
            return .bool(SheetBytes.trimmed(raw) == "1")
        case .error:
            return .error(raw)
        case .date:
            return .date(raw)
        default:
            let trimmed = SheetBytes.trimmed(raw)
            guard !trimmed.isEmpty else { return nil }
            guard let number = Double(trimmed), number.isFinite else {
                throw PartFailure(issue: .damagedXML(part: part, detail: .notANumber(raw)))
            }
            return isDate ? .date(ExcelDate.isoText(serial: number, date1904: date1904)) : .number(number)
        }
    }
}
