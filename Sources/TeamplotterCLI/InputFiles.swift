import Foundation
import TeamplotterCore
import TeamplotterFormats

/// Reads the TEAM and --needs files of a command into one team, printing input warnings.
enum InputFiles {
    static func read(_ path: String, language: Language) throws(CLIError) -> Data {
        // Only regular files: a FIFO or a device would block or never end.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: SystemError.describe(errno, language))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadable(path: path, reason: SystemError.describe(EISDIR, language))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: language.pick("is geen gewoon bestand", "is not a regular file"))
        }
        if Int(info.st_size) > TeamLoader.maximumBytes {
            throw .input(InputProblems([InputProblem(.tooLarge(limitBytes: TeamLoader.maximumBytes), at: SourceLocation(file: path))]))
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: SystemError.code(of: error).map { SystemError.describe($0, language) } ?? language.pick("onbekende fout", "unknown error"))
        }
    }

    /// The team in TEAM, with the needs of NEEDS (when given) in place of its own.
    static func team(
        _ path: String, needs needsPath: String?, name: String? = nil, language: Language, console: Console
    ) throws(CLIError) -> Team {
        var problems: [InputProblem] = []
        var team: Team?
        var warnings: [InputProblem] = []
        do {
            let loaded = try TeamLoader.loadTeam(try read(path, language: language), file: path)
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
                needs = try TeamLoader.loadNeeds(try read(needsPath, language: language), file: needsPath, catalogue: team?.catalogue ?? .builtIn)
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
        if let name { result.name = name }
        return result
    }

    /// Writes the result to a file (atomically, so a failure leaves no half file) or to
    /// standard output. Never over one of the command's own input files.
    static func write(
        _ text: String, to path: String?, inputs: [String?] = [], language: Language, console: Console
    ) throws(CLIError) {
        guard let path, path != "-" else {
            console.write(text)
            return
        }
        // The text's own bytes, not a copy: a large document would otherwise be in memory twice.
        var text = text
        if let failure = text.withUTF8({ writeInPlace($0, to: path, inputs: inputs, language: language) }) { throw failure }
    }

    /// `write` for a report's UTF-8 bytes, written to a file as they are (no `String` in between).
    static func write(
        _ bytes: [UInt8], to path: String?, inputs: [String?] = [], language: Language, console: Console
    ) throws(CLIError) {
        guard let path, path != "-" else {
            console.write(String(decoding: bytes, as: UTF8.self))
            return
        }
        if let failure = bytes.withUnsafeBufferPointer({ writeInPlace($0, to: path, inputs: inputs, language: language) }) {
            throw failure
        }
    }

    /// Writes bytes that stay where they are (wrapped, not copied, into `Data`); the failure, if
    /// any, is returned because the closures this runs in cannot throw a typed error.
    private static func writeInPlace(
        _ bytes: UnsafeBufferPointer<UInt8>, to path: String, inputs: [String?], language: Language
    ) -> CLIError? {
        let data = bytes.baseAddress.map {
            Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: bytes.count, deallocator: .none)
        } ?? Data()
        do throws(CLIError) {
            try write(data, to: path, inputs: inputs, language: language)
            return nil
        } catch {
            return error
        }
    }

    /// `write` for UTF-8 bytes: to a file as they are, to standard output as text.
    static func write(
        _ data: Data, to path: String?, inputs: [String?] = [], language: Language, console: Console
    ) throws(CLIError) {
        guard let path, path != "-" else {
            console.write(String(decoding: data, as: UTF8.self))
            return
        }
        try write(data, to: path, inputs: inputs, language: language)
    }

    /// Writes bytes to a file, atomically (a reader never sees half a workbook), never over one
    /// of the command's own input files.
    static func write(_ data: Data, to path: String, inputs: [String?] = [], language: Language) throws(CLIError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for case let input? in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw .usage(language.pick(
                "\(path) is ook een invoerbestand; kies een andere naam voor -o",
                "\(path) is also an input file; choose another name for -o"))
        }
        do {
            // Atomic means a temporary file renamed over the target: right for a regular file,
            // wrong for /dev/null, a FIFO or a terminal (the rename would replace the device).
            // A symlink's target is written, so the link stays a link.
            var status = stat()
            let exists = stat(target, &status) == 0
            let kind = status.st_mode & S_IFMT
            let isSpecial = exists && kind != S_IFREG && kind != S_IFDIR
            try data.write(to: URL(fileURLWithPath: isSpecial ? path : target), options: isSpecial ? [] : .atomic)
            // The rename gives the file default permissions; a file kept private (a team holds
            // people's names) stays private.
            if exists, kind == S_IFREG { chmod(target, status.st_mode & 0o7777) }
        } catch {
            var isDirectory: ObjCBool = false
            let code = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? EISDIR : SystemError.code(of: error)
            throw .unwritable(path: path, reason: code.map { SystemError.describe($0, language) } ?? language.pick("onbekende fout", "unknown error"))
        }
    }
}
