import Foundation
import TeamplotterCore

/// What a ZIP file may ask of us. Everything but `maximumWholeEntrySize` is checked against these
/// from the central directory, before a single byte is inflated.
public struct ZIPLimits: Sendable, Hashable {
    public var maximumEntries: Int
    /// For an entry that is streamed (inflated a chunk at a time, never held whole): this bounds
    /// the work of reading it, not the memory.
    public var maximumEntrySize: Int
    public var maximumTotalSize: Int
    /// Uncompressed / compressed. Ordinary sheet XML compresses 10 to 100 times; a bomb about 1000.
    public var maximumRatio: Int
    /// For an entry that is held whole in memory (and read into a tree): checked by the reader
    /// before it asks for such an entry.
    public var maximumWholeEntrySize: Int

    public init(
        maximumEntries: Int, maximumEntrySize: Int, maximumTotalSize: Int, maximumRatio: Int,
        maximumWholeEntrySize: Int = 32 * 1_048_576
    ) {
        self.maximumEntries = maximumEntries
        self.maximumEntrySize = maximumEntrySize
        self.maximumTotalSize = maximumTotalSize
        self.maximumRatio = maximumRatio
        self.maximumWholeEntrySize = maximumWholeEntrySize
    }

    /// Generous for a team of any size (the example team's workbook unpacks to 70 KB; the export
    /// of 100,000 functions to 146 MB, its largest sheet 81 MB). Sheets and shared strings are
    /// streamed, so their size bounds the reading time (about a second per 250 MB), while what
    /// is kept of them has limits of its own (`XLSXReader.maximumCells`, `maximumTextBytes`).
    /// The small parts (workbook, relationships, styles) are read whole, as trees: 32 MB each.
    public static let spreadsheet = ZIPLimits(
        maximumEntries: 1_000, maximumEntrySize: 256 * 1_048_576, maximumTotalSize: 512 * 1_048_576,
        maximumRatio: 500, maximumWholeEntrySize: 32 * 1_048_576)
}

/// Why a ZIP file cannot be read.
public enum ZIPError: Error, Sendable, Hashable {
    case notAZip
    case damaged(ZIPDamage)
    case encrypted(entry: String)
    case unsupportedCompression(entry: String, method: Int)
    case tooManyEntries(count: Int, limit: Int)
    case entryTooLarge(entry: String, size: Int, limit: Int)
    case totalTooLarge(size: Int, limit: Int)
    case suspiciousRatio(entry: String, ratio: Int, limit: Int)
    case checksumMismatch(entry: String)
    case missingEntry(String)
}

/// One file in a ZIP archive, as the central directory describes it.
public struct ZIPEntry: Sendable, Hashable {
    public var name: String
    public var method: UInt16
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: Int
    public var uncompressedSize: Int
    public var localHeaderOffset: Int
}

/// Reads a ZIP archive: the central directory up front (with every limit checked), entries on
/// demand. Stored and deflated entries; no ZIP64, no encryption (XLSX needs neither).
public struct ZIPArchive: Sendable {
    public let entries: [ZIPEntry]
    /// The file as given, not a copy: a workbook's bytes are then in memory once.
    private let bytes: Data
    private let index: [String: Int]

    static let localHeaderSignature: UInt32 = 0x0403_4b50
    static let centralHeaderSignature: UInt32 = 0x0201_4b50
    static let endSignature: UInt32 = 0x0605_4b50

    public init(_ data: Data, limits: ZIPLimits = .spreadsheet) throws(ZIPError) {
        let reader = ByteReader(data)
        guard reader.count >= 4, reader.uint32(at: 0) == Self.localHeaderSignature || reader.uint32(at: 0) == Self.endSignature
        else { throw .notAZip }
        guard let end = Self.findEndRecord(reader) else {
            throw .damaged(.endRecordMissing)
        }
        guard let count = reader.uint16(at: end + 10).map(Int.init),
            let directorySize = reader.uint32(at: end + 12).map(Int.init),
            let directoryOffset = reader.uint32(at: end + 16).map(Int.init)
        else { throw .damaged(.endRecordCutShort) }
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw .damaged(.zip64)
        }
        guard count <= limits.maximumEntries else {
            throw .tooManyEntries(count: count, limit: limits.maximumEntries)
        }
        guard directoryOffset + directorySize <= end else {
            throw .damaged(.directoryOutsideFile)
        }

        var entries: [ZIPEntry] = []
        var index: [String: Int] = [:]
        var total = 0
        var position = directoryOffset
        for _ in 0..<count {
            guard reader.uint32(at: position) == Self.centralHeaderSignature,
                let flags = reader.uint16(at: position + 8),
                let method = reader.uint16(at: position + 10),
                let crc = reader.uint32(at: position + 16),
                let compressed = reader.uint32(at: position + 20).map(Int.init),
                let uncompressed = reader.uint32(at: position + 24).map(Int.init),
                let nameLength = reader.uint16(at: position + 28).map(Int.init),
                let extraLength = reader.uint16(at: position + 30).map(Int.init),
                let commentLength = reader.uint16(at: position + 32).map(Int.init),
                let offset = reader.uint32(at: position + 42).map(Int.init),
                let nameBytes = reader.slice(at: position + 46, count: nameLength)
            else { throw .damaged(.directoryEntryDamaged(number: entries.count + 1)) }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if flags & 0x1 != 0 { throw .encrypted(entry: name) }
            guard method == 0 || method == 8 else {
                throw .unsupportedCompression(entry: name, method: Int(method))
            }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF {
                throw .damaged(.zip64Entry(entry: name))
            }
            guard uncompressed <= limits.maximumEntrySize else {
                throw .entryTooLarge(entry: name, size: uncompressed, limit: limits.maximumEntrySize)
            }
            total += uncompressed
            guard total <= limits.maximumTotalSize else {
                throw .totalTooLarge(size: total, limit: limits.maximumTotalSize)
            }
            // Tiny entries may compress absurdly well (a run of spaces); only large ones count.
            if uncompressed > 1_048_576, uncompressed / max(compressed, 1) > limits.maximumRatio {
                throw .suspiciousRatio(
                    entry: name, ratio: uncompressed / max(compressed, 1), limit: limits.maximumRatio)
            }
            if method == 0, compressed != uncompressed {
                throw .damaged(.storedSizesDiffer(entry: name))
            }
            guard offset < directoryOffset else { throw .damaged(.entryOutsideFile(entry: name)) }
            if index[name] == nil { index[name] = entries.count }
            entries.append(
                ZIPEntry(
                    name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                    uncompressedSize: uncompressed, localHeaderOffset: offset))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
        self.bytes = data
        self.index = index
    }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    public func entry(named name: String) -> ZIPEntry? { index[name].map { entries[$0] } }

    /// The uncompressed bytes of one entry, CRC checked.
    public func data(of name: String) throws(ZIPError) -> [UInt8] {
        var content: [UInt8] = []
        do {
            try stream(of: name) { (chunk) throws(ZIPError) in content.append(contentsOf: chunk) }
        } catch {
            switch error {
            case .zip(let error): throw error
            case .consumer(let error): throw error
            }
        }
        return content
    }

    /// Either the archive failed, or whoever took an entry's bytes did.
    public enum StreamFailure<E: Error>: Error {
        case zip(ZIPError)
        case consumer(E)
    }

    /// Hands the uncompressed bytes of one entry to `consume` a chunk at a time. Should `consume`
    /// fail, the rest of the entry is still inflated (and not handed on) so that a damaged
    /// archive is told as such rather than by whatever its damaged bytes did to `consume`.
    public func stream<E: Error>(
        of name: String, consume: (UnsafeBufferPointer<UInt8>) throws(E) -> Void
    ) throws(StreamFailure<E>) {
        guard let position = index[name] else { throw .zip(.missingEntry(name)) }
        let entry = entries[position]
        let reader = ByteReader(bytes)
        let offset = entry.localHeaderOffset
        guard reader.uint32(at: offset) == Self.localHeaderSignature,
            let nameLength = reader.uint16(at: offset + 26).map(Int.init),
            let extraLength = reader.uint16(at: offset + 28).map(Int.init),
            let payload = reader.range(at: offset + 30 + nameLength + extraLength, count: entry.compressedSize)
        else { throw .zip(.damaged(.localHeaderDamaged(entry: name))) }
        // Inflated from the file's own bytes, where they are.
        let (crc, failure) = try bytes.withUnsafeBytes { raw in
            Result { () throws(ZIPError) in
                try Self.inflate(entry, UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[payload]), consume: consume)
            }
        }.mapError { StreamFailure<E>.zip($0) }.get()
        guard crc == entry.crc32 else { throw .zip(.checksumMismatch(entry: name)) }
        if let failure { throw .consumer(failure) }
    }

    /// The entry's bytes out of its `payload`, handed to `consume`: their CRC-32, and how
    /// `consume` failed, if it did.
    private static func inflate<E: Error>(
        _ entry: ZIPEntry, _ payload: UnsafeBufferPointer<UInt8>, consume: (UnsafeBufferPointer<UInt8>) throws(E) -> Void
    ) throws(ZIPError) -> (crc: UInt32, failure: E?) {
        let name = entry.name

        var failure: E?
        // After a failure the bytes are only checked, no longer handed on.
        func take(_ chunk: UnsafeBufferPointer<UInt8>) {
            guard failure == nil else { return }
            do throws(E) { try consume(chunk) } catch { failure = error }
        }
        let crc: UInt32
        if entry.method == 0 {
            var start = 0
            while start < payload.count {
                let end = min(payload.count, start + 256 * 1024)
                take(UnsafeBufferPointer(rebasing: payload[start..<end]))
                start = end
            }
            crc = Deflate.crc32(payload)
        } else {
            do {
                crc = try Deflate.inflate(payload, declaredSize: entry.uncompressedSize) { (chunk) throws(Never) in take(chunk) }
            } catch {
                switch error {
                case .inflate(.largerThanDeclared):
                    throw .damaged(.inflatesBeyondDeclared(entry: name, declared: entry.uncompressedSize))
                case .inflate(.sizeMismatch(let actual)):
                    throw .damaged(.inflatedSizeDiffers(entry: name, actual: actual, declared: entry.uncompressedSize))
                case .inflate(.damaged(let message)):
                    throw .damaged(.compressedDataDamaged(entry: name, zlib: message))
                case .inflate(.zlib(let code)):
                    throw .damaged(.zlibError(entry: name, code: Int(code)))
                }
            }
        }
        return (crc, failure)
    }

    /// The end record sits in the last 22 bytes, or up to 64 KiB earlier when there is a comment.
    private static func findEndRecord(_ reader: ByteReader) -> Int? {
        let count = reader.count
        guard count >= 22 else { return nil }
        var position = count - 22
        let lowest = max(0, count - 22 - 0xFFFF)
        while position >= lowest {
            if reader.uint32(at: position) == endSignature { return position }
            position -= 1
        }
        return nil
    }
}

/// Little-endian reads that return nil instead of reading past the end; offsets count from the
/// first byte, whatever the indices of `data` (a slice's start at other than 0).
struct ByteReader {
    let data: Data

    init(_ data: Data) {
        self.data = data
    }

    var count: Int { data.count }

    private func byte(_ offset: Int) -> UInt8 { data[data.startIndex + offset] }

    func uint16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= count else { return nil }
        return UInt16(byte(offset)) | UInt16(byte(offset + 1)) << 8
    }

    func uint32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= count else { return nil }
        return UInt32(byte(offset)) | UInt32(byte(offset + 1)) << 8 | UInt32(byte(offset + 2)) << 16
            | UInt32(byte(offset + 3)) << 24
    }

    /// Where `count` bytes from `offset` are, counted from the first byte.
    func range(at offset: Int, count: Int) -> Range<Int>? {
        guard offset >= 0, count >= 0, offset <= self.count, count <= self.count - offset else { return nil }
        return offset..<(offset + count)
    }

    func slice(at offset: Int, count: Int) -> Data? {
        range(at: offset, count: count).map { data[(data.startIndex + $0.lowerBound)..<(data.startIndex + $0.upperBound)] }
    }
}
