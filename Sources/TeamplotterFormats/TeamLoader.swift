import Foundation
import TeamplotterCore

/// Reads a team from whatever file the user gives: a team document (JSON) or a worksheet (CSV),
/// told apart by content rather than by the file's name.
public enum TeamLoader {
    /// Files larger than this are refused before parsing.
    public static let maximumBytes = 64 * 1_048_576

    public struct Loaded: Sendable {
        public var team: Team
        public var warnings: [InputProblem]
    }

    public static func loadTeam(_ data: Data, file: String?, teamName: String? = nil) throws(InputProblems) -> Loaded {
        try checkSize(data, file: file)
        let text = try TextDecoding.string(data, file: file)
        let start = text.first { !$0.isWhitespace }
        if start == "{" || start == "[" {
            return Loaded(team: try TeamDocument.read(Data(text.utf8), file: file), warnings: [])
        }
        let table = try CSVReader.parse(text, file: file)
        guard WorksheetReader.recognises(table) else {
            throw InputProblems([InputProblem(.notATeamFile, at: SourceLocation(file: file))])
        }
        let name = teamName ?? file.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "Team"
        let (team, warnings) = try WorksheetReader.read(table, file: file, teamName: name)
        return Loaded(team: team, warnings: warnings)
    }

    public static func loadNeeds(_ data: Data, file: String?, catalogue: Catalogue = .builtIn) throws(InputProblems) -> Needs {
        try checkSize(data, file: file)
        let table = try CSVReader.read(data, file: file)
        return try NeedsReader.read(table, file: file, catalogue: catalogue)
    }

    private static func checkSize(_ data: Data, file: String?) throws(InputProblems) {
        if data.count > maximumBytes {
            throw InputProblems([InputProblem(.tooLarge(limitBytes: maximumBytes), at: SourceLocation(file: file))])
        }
    }
}
