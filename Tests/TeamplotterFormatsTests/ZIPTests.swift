import Foundation
import Testing
@testable import TeamplotterFormats

@Suite struct ZIPTests {
    @Test func entriesComeBackAsWritten() throws {
        var writer = ZIPWriter()
        let text = Array(String(repeating: "Contentmanager website; ", count: 200).utf8)
        let random = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        writer.add("a.txt", text)
        writer.add("map/b.bin", random)
        writer.add("empty", [])
        let archive = try ZIPArchive(writer.archive())
        #expect(archive.entries.map(\.name) == ["a.txt", "map/b.bin", "empty"])
        // Repetitive text is deflated; the empty entry cannot shrink and is stored.
        #expect(archive.entries[0].method == 8)
        #expect(archive.entries[0].compressedSize < text.count / 10)
        #expect(archive.entries[2].method == 0)
        #expect(try archive.data(of: "a.txt") == text)
        #expect(try archive.data(of: "map/b.bin") == random)
        #expect(try archive.data(of: "empty") == [])
        #expect(throws: ZIPError.missingEntry("c")) { try archive.data(of: "c") }
    }

    @Test func crcIsZlibs() {
        // The check value of CRC-32 (ISO-HDLC) for "123456789".
        #expect(Deflate.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func notAZipAndCutShortAreTold() throws {
        #expect(throws: ZIPError.notAZip) { try ZIPArchive(Data("Functie;Rollen".utf8)) }
        var writer = ZIPWriter()
        writer.add("a.txt", Array(repeating: 65, count: 1000))
        let whole = writer.archive()
        #expect(throws: ZIPError.self) { try ZIPArchive(whole.prefix(whole.count - 10)) }
        #expect(throws: ZIPError.self) { try ZIPArchive(whole.prefix(40)) }
    }

    @Test func damagedDataFailsTheChecksumOrTheStream() throws {
        var writer = ZIPWriter()
        writer.add("a.txt", Array(String(repeating: "abcdefgh", count: 500).utf8))
        var bytes = [UInt8](writer.archive())
        // The deflated payload starts after the 30-byte local header and the 5-byte name.
        bytes[40] ^= 0xFF
        let archive = try ZIPArchive(Data(bytes))
        #expect(throws: ZIPError.self) { try archive.data(of: "a.txt") }
    }

    @Test func sizesAreCheckedBeforeInflating() throws {
        var writer = ZIPWriter()
        writer.add("zeros", [UInt8](repeating: 0, count: 2 * 1_048_576))
        let data = writer.archive()
        let small = ZIPLimits(maximumEntries: 10, maximumEntrySize: 1_048_576, maximumTotalSize: 4 * 1_048_576, maximumRatio: 1_000_000)
        #expect(throws: ZIPError.entryTooLarge(entry: "zeros", size: 2 * 1_048_576, limit: 1_048_576)) {
            try ZIPArchive(data, limits: small)
        }
        let total = ZIPLimits(maximumEntries: 10, maximumEntrySize: 4 * 1_048_576, maximumTotalSize: 1_048_576, maximumRatio: 1_000_000)
        #expect(throws: ZIPError.totalTooLarge(size: 2 * 1_048_576, limit: 1_048_576)) { try ZIPArchive(data, limits: total) }
    }

    @Test func aBombIsRefusedByItsRatio() throws {
        var writer = ZIPWriter()
        writer.add("xl/worksheets/sheet1.xml", [UInt8](repeating: 0x20, count: 16 * 1_048_576))
        let data = writer.archive()
        #expect(data.count < 100_000)
        #expect {
            try ZIPArchive(data)
        } throws: { error in
            guard case ZIPError.suspiciousRatio(let entry, let ratio, _) = error else { return false }
            return entry == "xl/worksheets/sheet1.xml" && ratio > 1_000
        }
    }

    @Test func tooManyEntries() throws {
        var writer = ZIPWriter()
        for index in 0..<12 { writer.add("f\(index)", [UInt8(index)]) }
        let limits = ZIPLimits(maximumEntries: 10, maximumEntrySize: 100, maximumTotalSize: 1000, maximumRatio: 10)
        #expect(throws: ZIPError.tooManyEntries(count: 12, limit: 10)) { try ZIPArchive(writer.archive(), limits: limits) }
    }

    /// A header that declares fewer bytes than the stream holds: inflation stops at the declared
    /// size instead of following the stream.
    @Test func inflationStopsAtTheDeclaredSize() throws {
        var writer = ZIPWriter()
        let content = [UInt8](repeating: 0x41, count: 100_000)
        writer.add("a", content)
        var bytes = [UInt8](writer.archive())
        let archive = try ZIPArchive(Data(bytes))
        let centralOffset = bytes.count - 22 - (46 + 1)
        // Declare 10 bytes, in the central directory (which we trust) and the local header.
        for offset in [centralOffset + 24, 22] {
            bytes[offset] = 10
            bytes[offset + 1] = 0
            bytes[offset + 2] = 0
            bytes[offset + 3] = 0
        }
        #expect(try archive.data(of: "a") == content)
        let lying = try ZIPArchive(Data(bytes))
        #expect(lying.entries[0].uncompressedSize == 10)
        #expect {
            try lying.data(of: "a")
        } throws: { error in
            (error as? ZIPError) == .damaged(.inflatesBeyondDeclared(entry: "a", declared: 10))
        }
    }

    @Test func encryptedEntriesAreRefused() throws {
        var writer = ZIPWriter()
        writer.add("a", [1, 2, 3])
        var bytes = [UInt8](writer.archive())
        let centralOffset = bytes.count - 22 - (46 + 1)
        bytes[centralOffset + 8] |= 1
        #expect(throws: ZIPError.encrypted(entry: "a")) { try ZIPArchive(Data(bytes)) }
    }
}
