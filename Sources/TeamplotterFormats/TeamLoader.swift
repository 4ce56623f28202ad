import Foundation
import TeamplotterCore

/// Reads a team from whatever file the user gives: a team document (JSON), a worksheet or skills
/// matrix (CSV), or a workbook (XLSX), told apart by content rather than by the file's name.
public enum TeamLoader {
    /// Files larger than this are refused before parsing.
    public static let maximumBytes = 64 * 1_048_576

    public struct Loaded: Sendable {
        public var team: Team
        public var warnings: [InputProblem]

        public init(team: Team, warnings: [InputProblem]) {
            self.team = team
            self.warnings = warnings
        }
    }

    /// Takes `data` over so that a large file is freed once parsed, before the team is built.
    public static func loadTeam(_ data: consuming Data, file: String?, teamName: String? = nil) throws(InputProblems) -> Loaded {
        try checkSize(data, file: file)
        // Output sheets (the analysis, the allocation) are never read back as a team: their cells
        // need not be kept, which on a large export is most of them.
        if let workbook = try workbook(data, file: file, keepingCellsOf: SpreadsheetImport.readsCells(ofSheet:)) {
            return try SpreadsheetImport.team(from: workbook, file: file, teamName: teamName)
        }
        // A team document is JSON, which is UTF-8 by definition: it is told apart on the bytes as
        // they are, before another encoding is tried, so that bytes that are not UTF-8 are refused
        // with their place rather than read as Windows-1252, as a worksheet from Excel may be.
        let isJSON = data.withUnsafeBytes { startsLikeJSON(TextDecoding.withoutByteOrderMark($0.assumingMemoryBound(to: UInt8.self))) }
        if isJSON { return Loaded(team: try TeamDocument.read(data, file: file), warnings: []) }
        let name = teamName ?? defaultName(file: file)
        return try TextDecoding.withUTF8(data, file: file) { (bytes) throws(InputProblems) -> Loaded in
            // A second byte order mark is dropped too, as a CSV parsed from text does.
            var records = CSVReader.Records(TextDecoding.withoutByteOrderMark(bytes), file: file)
            return try team(from: &records, file: file, teamName: name)
        }
    }

    /// A team without a name of its own is named after its file; read from standard input
    /// (`-`) or from a name that says only which descriptor it is, it is "Team".
    static func defaultName(file: String?) -> String {
        guard let file, file != "-", !namesADescriptor(file) else { return "Team" }
        return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    /// `/dev/fd/63`, as the shell names a process substitution `<(…)`, `/proc/self/fd/3` or
    /// `/dev/stdin`: the name is a number or a stream, and says nothing about the team.
    static func namesADescriptor(_ file: String) -> Bool {
        if file == "/dev/stdin" { return true }
        let url = URL(fileURLWithPath: file)
        let folder = url.deletingLastPathComponent().path
        guard Int(url.lastPathComponent) != nil else { return false }
        return folder == "/dev/fd" || (folder.hasPrefix("/proc/") && folder.hasSuffix("/fd"))
    }

    /// The team in a CSV. The layout is told from the first records (all it looks at); a worksheet,
    /// nearly every file, is then read record by record without building a table of the whole file.
    static func team(
        from records: inout CSVReader.Records, file: String?, teamName: String,
        minimumBytesToSplit: Int = WorksheetReader.minimumBytesToSplit
    ) throws(InputProblems) -> Loaded {
        var table = CSVTable(delimiter: records.delimiterCharacter, rows: [])
        while table.rows.count < TableLayout.rowsLookedAt, let row = try records.next() { table.rows.append(row) }
        switch TableLayout.detect(table, catalogue: .builtIn) {
        case .worksheet?:
            let (team, warnings) = try WorksheetReader.read(
                head: table, rest: &records, file: file, teamName: teamName, minimumBytesToSplit: minimumBytesToSplit)
            return Loaded(team: team, warnings: warnings)
        case .matrix?:
            while let row = try records.next() { table.rows.append(row) }
            let (team, warnings) = try MatrixReader.read(table, file: file, teamName: teamName)
            return Loaded(team: team, warnings: warnings)
        case nil:
            try records.skipToEnd()
            throw InputProblems([InputProblem(.notATeamFile, at: SourceLocation(file: file))])
        }
    }

    public static func loadNeeds(_ data: Data, file: String?, catalogue: Catalogue = .builtIn) throws(InputProblems) -> Needs {
        try checkSize(data, file: file)
        if let workbook = try workbook(data, file: file) {
            return try SpreadsheetImport.needs(from: workbook, file: file, catalogue: catalogue)
        }
        // Read as CSV, a team document would fail on its first line with "kolom Rol ontbreekt".
        let isJSON = data.withUnsafeBytes { startsLikeJSON(TextDecoding.withoutByteOrderMark($0.assumingMemoryBound(to: UInt8.self))) }
        if isJSON { throw InputProblems([InputProblem(.needsInTeamDocument, at: SourceLocation(file: file))]) }
        let table = try CSVReader.read(data, file: file)
        return try NeedsReader.read(table, file: file, catalogue: catalogue)
    }

    /// Whether the first character that is not white space is `{` or `[`. Decided on the bytes when
    /// that character is a lone ASCII one (an ASCII byte followed by another always is); anything
    /// else asks the characters themselves.
    static func startsLikeJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || (bytes[index] >= 0x09 && bytes[index] <= 0x0D) { index += 1 }
        if index == bytes.count { return false }
        let byte = bytes[index]
        if byte < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 {
            return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")
        }
        let start = String(decoding: bytes, as: UTF8.self).first { !$0.isWhitespace }
        return start == "{" || start == "["
    }

    /// The workbook in an XLSX file (told by the ZIP signature), nil for anything else.
    private static func workbook(
        _ data: Data, file: String?, keepingCellsOf keepsCells: (String) -> Bool = { _ in true }
    ) throws(InputProblems) -> Workbook? {
        guard XLSXReader.looksLikeZIP(data) || XLSXReader.looksLikeOLE(data) else { return nil }
        return try XLSXReader.read(data, file: file, keepingCellsOf: keepsCells)
    }

    private static func checkSize(_ data: Data, file: String?) throws(InputProblems) {
        if data.count > maximumBytes {
            throw InputProblems([InputProblem(.tooLarge(limitBytes: maximumBytes), at: SourceLocation(file: file))])
        }
    }
}
