import Foundation
import Testing
import TeamplotterCore
@testable import TeamplotterFormats

/// The reader as it was before sheets and shared strings were streamed: every part parsed by
/// XMLParser into a tree, cells read from the tree. Kept only as an oracle: on every workbook
/// the streaming reader must give the same `Workbook`, or the same problem.
enum LegacyXLSXReader {
    /// A workbook, or the problem that refused it.
    enum Outcome {
        case read(Workbook)
        case refused(SpreadsheetIssue)
    }

    static let limits = ZIPLimits(
        maximumEntries: 1_000, maximumEntrySize: 32 * 1_048_576, maximumTotalSize: 96 * 1_048_576, maximumRatio: 500)

    static func read(_ data: Data) -> Outcome {
        if XLSXReader.looksLikeOLE(data) { return .refused(.legacyOrEncrypted) }
        let archive: ZIPArchive
        do {
            archive = try ZIPArchive(data, limits: limits)
        } catch {
            return .refused(XLSXReader.issue(for: error))
        }
        do {
            return .read(try LegacyWorkbookParts(archive: archive).workbook())
        } catch let failure as PartFailure {
            return .refused(failure.issue)
        } catch {
            return .refused(.damagedZIP(.unreadable))
        }
    }
}

/// The old walk through the package, sheets read as trees (unchanged but for its name).
struct LegacyWorkbookParts {
    let archive: ZIPArchive

    static let relationshipSuffix = (
        officeDocument: "/officeDocument", worksheet: "/worksheet", sharedStrings: "/sharedStrings",
        styles: "/styles")

    func workbook() throws -> Workbook {
        let workbookPath = try officeDocumentPath()
        let workbook = try xml(workbookPath)
        let relationships = try self.relationships(of: workbookPath)
        let folder = XLSXReader.folder(of: workbookPath)

        let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attribute("date1904") ?? "")
        // Every part is read at most once: a workbook that names the same part again and again
        // would otherwise cost a parse each time, within the ZIP's size limits.
        var sharedStrings: [String]?
        var styles: CellStyles?
        for (_, relationship) in relationships {
            let path = XLSXReader.resolve(relationship.target, in: folder)
            if sharedStrings == nil, relationship.type.hasSuffix(Self.relationshipSuffix.sharedStrings), archive.contains(path) {
                sharedStrings = try xml(path).children("si").map(Self.richText)
            } else if styles == nil, relationship.type.hasSuffix(Self.relationshipSuffix.styles), archive.contains(path) {
                styles = CellStyles(try xml(path))
            }
        }

        var sheets: [Sheet] = []
        var sheetParts = Set<String>()
        for entry in workbook.child("sheets")?.children("sheet") ?? [] {
            let name = entry.attribute("name") ?? "Blad\(sheets.count + 1)"
            let state = entry.attribute("state") ?? "visible"
            guard let id = entry.attribute("id"), let relationship = relationships[id],
                relationship.type.hasSuffix(Self.relationshipSuffix.worksheet)
            else {
                // Chart sheets and dialog sheets hold no cells; skip them.
                continue
            }
            let path = XLSXReader.resolve(relationship.target, in: folder)
            guard sheetParts.insert(path).inserted else { continue }
            var sheet = try worksheet(
                try xml(path), sharedStrings: sharedStrings ?? [], styles: styles ?? CellStyles(), date1904: date1904, part: path)
            sheet.name = name
            sheet.isHidden = state != "visible"
            sheets.append(sheet)
        }
        return Workbook(sheets: sheets)
    }

    private func officeDocumentPath() throws -> String {
        if archive.contains("_rels/.rels") {
            for (_, relationship) in try relationships(of: "") where relationship.type.hasSuffix(Self.relationshipSuffix.officeDocument) {
                let path = XLSXReader.resolve(relationship.target, in: "")
                if archive.contains(path) { return path }
            }
        }
        if archive.contains("xl/workbook.xml") { return "xl/workbook.xml" }
        throw PartFailure(issue: .notAWorkbook)
    }

    private func xml(_ path: String) throws -> XMLTree {
        let bytes: [UInt8]
        do {
            bytes = try archive.data(of: path)
        } catch {
            throw PartFailure(issue: XLSXReader.issue(for: error))
        }
        do {
            return try LegacyXMLTree.parse(bytes)
        } catch {
            throw PartFailure(issue: .damagedXML(part: path, detail: error.damage))
        }
    }

    private func relationships(of part: String) throws -> [String: (type: String, target: String)] {
        let folder = XLSXReader.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let path = folder + "_rels/" + name + ".rels"
        guard archive.contains(path) else { return [:] }
        var result: [String: (type: String, target: String)] = [:]
        for relationship in try xml(path).children("Relationship") {
            guard let id = relationship.attribute("Id"), let target = relationship.attribute("Target") else { continue }
            if relationship.attribute("TargetMode") == "External" { continue }
            result[id] = (relationship.attribute("Type") ?? "", target)
        }
        return result
    }

    static func richText(_ element: XMLTree) -> String {
        var text = ""
        for child in element.children {
            switch child.name {
            case "t": text += child.text
            case "r": text += child.children("t").map(\.text).joined()
            default: break
            }
        }
        return XLSXText.unescaped(text)
    }

    private func worksheet(
        _ root: XMLTree, sharedStrings: [String], styles: CellStyles, date1904: Bool, part: String
    ) throws -> Sheet {
        var sheet = Sheet(name: "")
        // Gathered here and given to the sheet once: `Sheet.cells` is built anew on each use.
        var cells: [Int: [Int: Sheet.Cell]] = [:]
        var rowNumber = 0
        for row in root.child("sheetData")?.children("row") ?? [] {
            rowNumber = row.attribute("r").flatMap(Int.init) ?? rowNumber + 1
            guard rowNumber >= 1, rowNumber <= CellReference.maximumRow else {
                throw PartFailure(issue: .damagedXML(part: part, detail: .rowNumber(rowNumber)))
            }
            var columnNumber = 0
            for cell in row.children("c") {
                if let reference = cell.attribute("r") {
                    guard let parsed = CellReference(reference) else {
                        throw PartFailure(issue: .damagedXML(part: part, detail: .cellReference(reference)))
                    }
                    columnNumber = parsed.column
                } else {
                    columnNumber += 1
                }
                let style = cell.attribute("s").flatMap(Int.init) ?? 0
                let formula = cell.child("f").map { $0.text.isEmpty ? ($0.attribute("ref") ?? "…") : $0.text }
                let value = try Self.value(
                    of: cell, sharedStrings: sharedStrings, isDate: styles.isDate(style), date1904: date1904,
                    part: part)
                if value == nil, formula == nil { continue }
                cells[rowNumber, default: [:]][columnNumber] = Sheet.Cell(
                    value: value, formula: formula, isPercent: styles.isPercent(style))
            }
        }
        sheet.cells = cells
        sheet.merged = root.child("mergeCells")?.children("mergeCell").compactMap { $0.attribute("ref").flatMap(CellRange.init) } ?? []
        return sheet
    }

    private static func value(
        of cell: XMLTree, sharedStrings: [String], isDate: Bool, date1904: Bool, part: String
    ) throws -> Sheet.Value? {
        let raw = cell.child("v")?.text
        switch cell.attribute("t") ?? "n" {
        case "s":
            guard let raw else { return nil }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw PartFailure(issue: .damagedXML(part: part, detail: .missingSharedString(raw)))
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return cell.child("is").map { .text(richText($0)) }
        case "str":
            return raw.map { .text(XLSXText.unescaped($0)) }
        case "b":
            return raw.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1") }
        case "e":
            return raw.map { .error($0) }
        case "d":
            return raw.map { .date($0) }
        default:
            guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw PartFailure(issue: .damagedXML(part: part, detail: .notANumber(raw)))
            }
            return isDate ? .date(ExcelDate.isoText(serial: number, date1904: date1904)) : .number(number)
        }
    }
}
