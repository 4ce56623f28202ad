import CLinux
import Foundation
import TeamplotterCore
import TeamplotterFormats

/// Reads the TEAM and --needs files of a command into one team, printing input warnings.
enum InputFiles {
    static func read(_ path: String, language: Language) throws(CLIError) -> Data {
        // `-` is standard input, for a pipeline: read as a stream, as a pipe is.
        if path == "-" { return try stream(STDIN_FILENO, path, language: language) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: SystemError.describe(errno, language))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadable(path: path, reason: SystemError.describe(EISDIR, language))
        }
        if (info.st_mode & S_IFMT) == S_IFIFO {
            // A pipe (`<(…)`) ends when its writer is done; read to the size limit. Opened without
            // waiting, so that a named FIFO nobody writes to reads as empty instead of hanging.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw .unreadable(path: path, reason: SystemError.describe(errno, language)) }
            defer { close(descriptor) }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            return try stream(descriptor, path, language: language)
        }
        // Otherwise only regular files: a device such as /dev/zero could never end.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: language.pick(
                "is geen gewoon bestand (een apparaat); geef een bestand, een pipe of - voor standaardinvoer",
                "is not a regular file (a device); give a file, a pipe or - for standard input"))
        }
        if Int(info.st_size) > TeamLoader.maximumBytes {
            throw .input(InputProblems([InputProblem(.tooLarge(limitBytes: TeamLoader.maximumBytes), at: SourceLocation(file: path))]))
        }
        let url = URL(fileURLWithPath: path)
        // Mapped rather than read: a large file is then not copied into fresh memory page by page
        // (a tenth of a 100,000-row import). Truncated by another program while mapped, it would
        // end the process; git and ripgrep take the same risk for the same gain. Where mapping
        // fails (an empty file, an odd file system) the file is read.
        if info.st_size > 0, let mapped = try? Data(contentsOf: url, options: .alwaysMapped) { return mapped }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: SystemError.code(of: error).map { SystemError.describe($0, language) } ?? language.pick("onbekende fout", "unknown error"))
        }
    }

    /// All that `descriptor` gives until its end, refused past the size limit rather than read on.
    private static func stream(_ descriptor: Int32, _ path: String, language: Language) throws(CLIError) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: SystemError.describe(errno, language))
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
            if data.count > TeamLoader.maximumBytes {
                throw .input(InputProblems([InputProblem(.tooLarge(limitBytes: TeamLoader.maximumBytes), at: SourceLocation(file: path))]))
            }
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

    /// `path` with `pathExtension` in place of its own, to suggest the name a user meant.
    static func path(_ path: String, withExtension pathExtension: String) -> String {
        (path as NSString).deletingPathExtension + "." + pathExtension
    }

    /// Whether `path` is a regular file (through symlinks) or does not exist yet.
    static func isRegularFileOrMissing(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) != 0 || (status.st_mode & S_IFMT) == S_IFREG
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
        try write(to: path, inputs: inputs, language: language) { put in
            var text = text
            text.withUTF8(put)
        }
    }

    /// Writes bytes to a file, atomically (a reader never sees half a workbook), never over one
    /// of the command's own input files.
    static func write(_ data: Data, to path: String, inputs: [String?] = [], language: Language) throws(CLIError) {
        try write(to: path, inputs: inputs, language: language) { put in
            data.withUnsafeBytes { put($0.bindMemory(to: UInt8.self)) }
        }
    }

    /// Writes what `produce` hands to the function it is given, a chunk at a time, to a file or
    /// to standard output: a large document is then never whole in memory. Each chunk must end
    /// between characters (standard output is written as text).
    static func write(
        to path: String?, inputs: [String?] = [], language: Language, console: Console,
        _ produce: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) throws(CLIError) {
        guard let path, path != "-" else {
            produce { console.write(String(decoding: $0, as: UTF8.self)) }
            return
        }
        try write(to: path, inputs: inputs, language: language, produce)
    }

    /// The chunks of `produce` into a file, never over one of the command's own input files.
    /// A regular file is replaced atomically: the chunks go to a temporary file beside it, renamed
    /// over it once all is written, so a failure on the way leaves the old file as it was.
    static func write(
        to path: String, inputs: [String?] = [], language: Language, _ produce: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) throws(CLIError) {
        try prepare(path, inputs: inputs, language: language, produce).commit(language)
    }

    /// A file written in full but, where it replaces a regular file, not yet in its place:
    /// `commit` renames it over its target, `discard` removes it. Several files prepared first and
    /// committed together are all written or none: what fails, fails before any rename.
    struct PendingFile {
        let path: String
        fileprivate let target: String
        /// Nil when the file was written where it is (a device, a FIFO): nothing left to do.
        fileprivate let temporary: String?
        /// The permissions of the file it replaces, which the new one keeps.
        fileprivate let mode: mode_t?

        func commit(_ language: Language) throws(CLIError) {
            guard let temporary else { return }
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw InputFiles.failure(path, code, language)
            }
            // The new file has default permissions; a file kept private (a team holds people's
            // names) stays private.
            if let mode { chmod(target, mode) }
        }

        func discard() {
            if let temporary { unlink(temporary) }
        }
    }

    /// Writes what `produce` hands over to `path`, or beside it to be renamed over it (`PendingFile`).
    static func prepare(
        _ path: String, inputs: [String?] = [], language: Language, _ produce: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) throws(CLIError) -> PendingFile {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for case let input? in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw .usage(language.pick(
                "\(path) is ook een invoerbestand; kies een andere naam voor -o",
                "\(path) is also an input file; choose another name for -o"))
        }
        // Atomic is right for a regular file, wrong for /dev/null, a FIFO or a terminal (the
        // rename would replace the device): those are written into. A symlink's target is
        // written, so the link stays a link.
        var status = stat()
        let exists = stat(target, &status) == 0
        let kind = status.st_mode & S_IFMT
        if exists, kind == S_IFDIR { throw failure(path, EISDIR, language) }
        if exists, kind != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw failure(path, errno, language) }
            var output = OutputFile(descriptor)
            produce { output.write($0) }
            if let error = output.close() { throw failure(path, error, language) }
            return PendingFile(path: path, target: target, temporary: nil, mode: nil)
        }
        let (temporary, descriptor) = createTemporaryFile(beside: target)
        guard descriptor >= 0 else { throw failure(path, errno, language) }
        var output = OutputFile(descriptor, writesBack: true)
        produce { output.write($0) }
        output.sync()
        if let error = output.close() {
            unlink(temporary)
            throw failure(path, error, language)
        }
        return PendingFile(path: path, target: target, temporary: temporary, mode: exists ? status.st_mode & 0o7777 : nil)
    }

    private static func failure(_ path: String, _ code: Int32, _ language: Language) -> CLIError {
        var isDirectory: ObjCBool = false
        let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        if code == ENOENT, !isFolder {
            let folder = folder(of: path)
            if !FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) {
                return .unwritable(path: path, reason: SystemError.missingFolder(folder, language))
            }
        }
        return .unwritable(path: path, reason: SystemError.describe(isFolder ? EISDIR : code, language))
    }

    /// The folder part of `path` as it was written ("" for a bare name). Not Foundation's
    /// `deletingLastPathComponent`, which traps on "." and "..".
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A new, empty file in the folder of `target`, for it to be renamed over `target`: there
    /// the rename is atomic. Created with the default permissions, as a new file would be.
    private static func createTemporaryFile(beside target: String) -> (path: String, descriptor: Int32) {
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        while true {
            let name = ".teamplotter-" + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor < 0, errno == EEXIST { continue }
            return (path, descriptor)
        }
    }
}

/// An open output file written a chunk at a time; the first error is kept, and what comes after
/// it is not written.
private struct OutputFile {
    private let descriptor: Int32
    private var error: Int32?
    /// For a file to be synced: each chunk is sent on to the disk as it is written, so that the
    /// sync at the end waits for the last chunks only, not for the whole file (8 of the 16 ms of
    /// writing a 13 MB report).
    private let writesBack: Bool

    init(_ descriptor: Int32, writesBack: Bool = false) {
        self.descriptor = descriptor
        self.writesBack = writesBack
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard error == nil, let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, start + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                error = errno
                return
            }
            offset += written
        }
        // Starts the writing and returns; whatever it meets, `sync` meets and reports.
        if writesBack { _ = teamplotter_start_writeback(descriptor) }
    }

    /// On the disk before the rename, so that a crash leaves the old file or the whole new one.
    mutating func sync() {
        if error == nil, fsync(descriptor) != 0 { error = errno }
    }

    /// Closes the file; the first error of writing it, if any.
    func close() -> Int32? {
        let closed = Glibc.close(descriptor)
        return error ?? (closed == 0 ? nil : errno)
    }
}
