import Foundation
import Testing
@testable import TeamplotterWeb

@Suite struct FileBodyTests {
    static func contents(_ file: FileBody) -> Data {
        var copy = [UInt8](repeating: 0, count: file.count)
        let read = pread(file.descriptor, &copy, copy.count, 0)
        return Data(copy.prefix(max(read, 0)))
    }

    @Test func theFileHoldsTheBytesAndLeavesNoNameBehind() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filebody-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for bytes in [Data(), Data("é ✓ <p>".utf8), Data((0..<300_000).map { UInt8($0 % 251) })] {
            let file = try #require(FileBody(bytes, directory: directory))
            #expect(file.count == bytes.count)
            #expect(Self.contents(file) == bytes)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func noFileWhereNoneCanBeMade() {
        #expect(FileBody(Data("x".utf8), directory: "/nonexistent-teamplotter-dir") == nil)
    }
}
