import Foundation
import Synchronization
import Testing
import TeamplotterCore

@testable import TeamplotterCLI

/// Output written a chunk at a time (`InputFiles.write(to:)`): a regular file is replaced only
/// once everything is written, and the file and its folder look as after a whole write.
@Suite struct OutputFileTests {
    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theOldFileStaysUntilTheNewOneIsWhole() throws {
        let folder = try temporaryDirectory()
        let target = folder.appendingPathComponent("team.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        var seenWhileWriting: [String?] = []
        try InputFiles.write(to: target, language: .en) { put in
            for chunk in ["één ", "twee ", "drie"] {
                var chunk = chunk
                chunk.withUTF8(put)
                seenWhileWriting.append(contents(target))
            }
        }
        #expect(seenWhileWriting == ["old", "old", "old"])
        #expect(contents(target) == "één twee drie")
        var status = stat()
        #expect(stat(target, &status) == 0 && status.st_mode & 0o777 == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["team.json"])
    }

    @Test func aNewFileHasDefaultPermissions() throws {
        let folder = try temporaryDirectory()
        let target = folder.appendingPathComponent("new.json").path
        try InputFiles.write(Data("{}".utf8), to: target, language: .en)
        let mask = umask(0)
        umask(mask)
        var status = stat()
        #expect(stat(target, &status) == 0 && status.st_mode & 0o777 == 0o666 & ~mask)
        #expect(contents(target) == "{}")
    }

    @Test func failuresNameThePathAndLeaveNothing() throws {
        let folder = try temporaryDirectory()
        let missing = folder.appendingPathComponent("missing/team.json").path
        let missingFolder = "the folder \(folder.path)/missing does not exist; create it first or choose an existing folder"
        for (path, reason) in [(folder.path, "is a folder"), (missing, missingFolder)] {
            do {
                try InputFiles.write(to: path, language: .en) { _ in }
                Issue.record("\(path) was written")
            } catch {
                guard case .unwritable(path, reason) = error else {
                    Issue.record("\(error)")
                    continue
                }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// "." and ".." are folders like any other (Foundation's path functions trapped on them).
    @Test func theCurrentAndParentFolderAreFolders() throws {
        for path in [".", "./", "..", "../"] {
            let run = CapturedRun(["analyse", Repository.example, "-o", path])
            #expect(run.code == .failure, "\(path)")
            #expect(run.stderr.contains("\(path): kan niet schrijven: "), "\(path)")
        }
        #expect(["team.json", "a/b.json", "a//b.json", "/x.json", "a/b/", "/", ".", "../x"].map(InputFiles.folder(of:))
            == ["", "a", "a/", "/", "a", "/", "", ".."])
    }

    /// The folder is named as it was given, in the user's language.
    @Test func aMissingFolderIsNamed() throws {
        let run = CapturedRun(["analyse", Repository.example, "-o", "bestaat-niet-\(UUID().uuidString)/x.txt"])
        #expect(run.code == .failure)
        #expect(run.stderr.contains(": kan niet schrijven: de map bestaat-niet-"))
        #expect(run.stderr.hasSuffix(" bestaat niet; maak hem eerst aan of kies een bestaande map\n"))
    }

    @Test func standardOutputGetsTheChunksAsText() throws {
        let text = Mutex("")
        let console = Console(write: { chunk in text.withLock { $0 += chunk } }, writeError: { _ in }, isTerminal: false, environment: [:])
        try InputFiles.write(to: nil, language: .en, console: console) { put in
            for chunk in ["a€", "😀b"] {
                var chunk = chunk
                chunk.withUTF8(put)
            }
        }
        #expect(text.withLock { $0 } == "a€😀b")
    }
}
