import Foundation
import TeamplotterCore
import TeamplotterFormats

/// Reads the TEAM and --needs files of a command into one team, printing input warnings.
enum InputFiles {
    static func read(_ path: String) throws(CLIError) -> Data {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "bestaat niet / does not exist")
        }
        guard !isDirectory.boolValue else {
            throw .unreadable(path: path, reason: "is een map / is a folder")
        }
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
            size > TeamLoader.maximumBytes
        {
            throw .input(InputProblems([InputProblem(.tooLarge(limitBytes: TeamLoader.maximumBytes), at: SourceLocation(file: path))]))
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The team in TEAM, with the needs of NEEDS (when given) in place of its own.
    static func team(
        _ path: String, needs needsPath: String?, language: Language, console: Console
    ) throws(CLIError) -> Team {
        var problems: [InputProblem] = []
        var team: Team?
        var warnings: [InputProblem] = []
        do {
            let loaded = try TeamLoader.loadTeam(try read(path), file: path)
            team = loaded.team
            warnings = loaded.warnings
        } catch let error as InputProblems {
            problems += error.problems
        } catch let error as CLIError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        var needs: Needs?
        if let needsPath {
            // Read the needs even when the team failed, so that all problems come out together.
            do {
                needs = try TeamLoader.loadNeeds(try read(needsPath), file: needsPath, catalogue: team?.catalogue ?? .builtIn)
            } catch let error as InputProblems {
                problems += error.problems
            } catch let error as CLIError {
                throw error
            } catch {
                throw .unreadable(path: needsPath, reason: "\(error)")
            }
        }
        if !problems.isEmpty { throw .input(InputProblems(problems)) }
        for warning in warnings { console.writeError(warning.formatted(language) + "\n") }
        guard var result = team else { throw .unreadable(path: path, reason: "") }
        if let needs { result.needs = needs }
        return result
    }

    /// Writes bytes to a file in one step: a reader never sees half a workbook.
    static func write(_ data: Data, to path: String) throws(CLIError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    static func write(_ text: String, to path: String?, console: Console) throws(CLIError) {
        guard let path, path != "-" else {
            console.write(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
