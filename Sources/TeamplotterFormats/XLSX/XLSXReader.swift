import Foundation
import TeamplotterCore

/// Reads an XLSX file into a `Workbook`. Everything that can go wrong becomes an `InputProblem`
/// that names the file (and the sheet, where there is one); nothing traps.
public enum XLSXReader {
    /// The first bytes of every ZIP file, and so of every XLSX file.
    public static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The first bytes of an OLE compound file: old .xls, or an XLSX with a password.
    public static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public static func looksLikeZIP(_ data: Data) -> Bool {
        data.prefix(4).elementsEqual(zipMagic) || data.prefix(4).elementsEqual([0x50, 0x4B, 0x05, 0x06])
    }

    public static func looksLikeOLE(_ data: Data) -> Bool {
        data.prefix(8).elementsEqual(oleMagic)
    }

    /// What a workbook may leave in memory, all sheets and shared strings together: cells kept
    /// (a shared string counts as one), and the bytes of their text. The export of 100,000
    /// functions keeps 1.95 million cells when every sheet is read, 700,000 when only those a
    /// team import needs are. A kept cell takes about 120 bytes, so 3 million about 360 MB.
    public static let maximumCells = 3_000_000
    public static let maximumTextBytes = 128 * 1_048_576

    /// Reads every sheet; the cells of those for which `keepingCellsOf` (given the sheet's name)
    /// says no are read and checked, but not kept: the sheet comes back empty.
    public static func read(
        _ data: Data, file: String?, limits: ZIPLimits = .spreadsheet, keepingCellsOf keep: (String) -> Bool = { _ in true }
    ) throws(InputProblems) -> Workbook {
        let location = SourceLocation(file: file)
        func fail(_ issue: SpreadsheetIssue) -> InputProblems {
            InputProblems([InputProblem(.spreadsheet(issue), at: location)])
        }
        if looksLikeOLE(data) { throw fail(.legacyOrEncrypted) }
        let archive: ZIPArchive
        do {
            archive = try ZIPArchive(data, limits: limits)
        } catch {
            throw fail(issue(for: error))
        }
        do {
            return try WorkbookParts(archive: archive, limits: limits).workbook(keepingCellsOf: keep)
        } catch let failure as PartFailure {
            throw fail(failure.issue)
        } catch {
            throw fail(.damagedZIP(.unreadable))
        }
    }

    static func issue(for error: ZIPError) -> SpreadsheetIssue {
        switch error {
        case .notAZip: return .notAWorkbook
        case .damaged(let damage): return .damagedZIP(damage)
        case .encrypted: return .legacyOrEncrypted
        case .unsupportedCompression(let entry, let method): return .damagedZIP(.unsupportedCompression(entry: entry, method: method))
        case .tooManyEntries(let count, let limit): return .tooLargeUnpacked(.entries(count: count, limit: limit))
        case .entryTooLarge(let entry, let size, let limit): return .tooLargeUnpacked(.entrySize(entry: entry, bytes: size, limit: limit))
        case .totalTooLarge(let size, let limit): return .tooLargeUnpacked(.totalSize(bytes: size, limit: limit))
        case .suspiciousRatio(let entry, let ratio, let limit): return .tooLargeUnpacked(.ratio(entry: entry, ratio: ratio, limit: limit))
        case .checksumMismatch(let entry): return .damagedZIP(.checksumMismatch(entry: entry))
        case .missingEntry(let entry): return .damagedZIP(.missingEntry(entry: entry))
        }
    }
}

/// Why one part of the package could not be used.
struct PartFailure: Error {
    var issue: SpreadsheetIssue
}

/// Walks the package: relationships to the workbook, its sheets, shared strings and styles.
private struct WorkbookParts {
    let archive: ZIPArchive
    let limits: ZIPLimits

    static let relationshipSuffix = (
        officeDocument: "/officeDocument", worksheet: "/worksheet", sharedStrings: "/sharedStrings",
        styles: "/styles")

    func workbook(keepingCellsOf keep: (String) -> Bool) throws -> Workbook {
        let workbookPath = try officeDocumentPath()
        let workbook = try xml(workbookPath)
        let relationships = try self.relationships(of: workbookPath)
        let folder = XLSXReader.folder(of: workbookPath)

        let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attribute("date1904") ?? "")
        // Every part is read at most once: a workbook that names the same part again and again
        // would otherwise cost a parse each time, within the ZIP's size limits.
        var sharedStrings: [String]?
        var styles: CellStyles?
        var budget = KeptBudget(cells: XLSXReader.maximumCells, textBytes: XLSXReader.maximumTextBytes)
        for (_, relationship) in relationships {
            let path = XLSXReader.resolve(relationship.target, in: folder)
            if sharedStrings == nil, relationship.type.hasSuffix(Self.relationshipSuffix.sharedStrings), archive.contains(path) {
                let handler = try streamed(path, SharedStringsHandler(part: path, budget: budget))
                sharedStrings = handler.strings
                budget = handler.budget
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
            let handler = try streamed(
                path,
                SheetHandler(
                    part: path, sharedStrings: sharedStrings ?? [], styles: styles ?? CellStyles(), date1904: date1904,
                    keep: keep(name), budget: budget))
            if let failure = handler.failure { throw failure }
            budget = handler.budget
            var sheet = handler.sheet
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

    /// A small part, read whole into a tree.
    private func xml(_ path: String) throws -> XMLTree {
        let bytes: [UInt8]
        if let entry = archive.entry(named: path), entry.uncompressedSize > limits.maximumWholeEntrySize {
            throw PartFailure(
                issue: XLSXReader.issue(
                    for: .entryTooLarge(entry: path, size: entry.uncompressedSize, limit: limits.maximumWholeEntrySize)))
        }
        do {
            bytes = try archive.data(of: path)
        } catch {
            throw PartFailure(issue: XLSXReader.issue(for: error))
        }
        do {
            return try XMLTree.parse(bytes)
        } catch {
            throw Self.failure(error, part: path)
        }
    }

    private static func failure(_ error: XMLTree.Failure, part: String) -> PartFailure {
        PartFailure(issue: .damagedXML(part: part, detail: error.damage))
    }

    /// A part that may be large (a sheet, the shared strings), inflated a chunk at a time and
    /// read as it comes by `handler`, which is given back.
    private func streamed<Handler: XMLStreamHandler>(_ path: String, _ handler: Handler) throws -> Handler {
        var stream = XMLStream(handler: handler)
        // UTF-16 (with a byte order mark) is converted whole: rare, and held to the whole-part limit.
        var utf16: [UInt8]?
        var first = true
        let wholeLimit = limits.maximumWholeEntrySize
        func failure(_ error: XMLStream<Handler>.Failure) -> Error {
            switch error {
            case .xml(let error): return Self.failure(error, part: path)
            case .handler(let error): return error
            }
        }
        do {
            try archive.stream(of: path) { (chunk) throws(XMLStream<Handler>.Failure) in
                if first {
                    first = false
                    if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) { utf16 = [] }
                }
                if utf16 != nil {
                    utf16!.append(contentsOf: chunk)
                    if utf16!.count > wholeLimit {
                        throw .handler(PartFailure(issue: XLSXReader.issue(for: .entryTooLarge(entry: path, size: utf16!.count, limit: wholeLimit))))
                    }
                } else {
                    try stream.feed(chunk)
                }
            }
            if let utf16 {
                let bytes: [UInt8]
                do { bytes = try XMLTree.utf8(utf16) } catch { throw XMLStream<Handler>.Failure.xml(error) }
                try bytes.withUnsafeBufferPointer { (buffer) throws(XMLStream<Handler>.Failure) in try stream.feed(buffer) }
            }
            try stream.finish()
        } catch let error as ZIPArchive.StreamFailure<XMLStream<Handler>.Failure> {
            switch error {
            case .zip(let error): throw PartFailure(issue: XLSXReader.issue(for: error))
            case .consumer(let error): throw failure(error)
            }
        } catch let error as XMLStream<Handler>.Failure {
            throw failure(error)
        }
        return stream.handler
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
}

extension XLSXReader {
    /// The folder of a part's path, with its trailing slash ("xl/" for "xl/workbook.xml").
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A relationship target relative to the part's folder ("worksheets/sheet1.xml"), or absolute
    /// from the package root ("/xl/worksheets/sheet1.xml").
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}
