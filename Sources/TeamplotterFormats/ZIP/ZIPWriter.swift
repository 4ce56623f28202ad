import Foundation

/// Writes a ZIP archive in memory: each entry deflated when that makes it smaller, else stored.
public struct ZIPWriter: Sendable {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    private var names: Set<String> = []

    /// 1980-01-01 00:00, the earliest DOS date: the same input gives the same bytes.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    public init() {}

    public mutating func add(_ name: String, _ content: [UInt8]) {
        precondition(names.insert(name).inserted, "duplicate ZIP entry \(name)")
        let deflated = Deflate.compress(content)
        let useDeflate = deflated.count < content.count
        let payload = useDeflate ? deflated : content
        let method: UInt16 = useDeflate ? 8 : 0
        let crc = Deflate.crc32(content)
        let nameBytes = Array(name.utf8)
        let offset = body.count
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = 1 << 11

        var local: [UInt8] = []
        local.append(le32: ZIPArchive.localHeaderSignature)
        local.append(le16: 20)  // version needed: 2.0 (deflate)
        local.append(le16: flags)
        local.append(le16: method)
        local.append(le16: Self.dosTime)
        local.append(le16: Self.dosDate)
        local.append(le32: crc)
        local.append(le32: UInt32(payload.count))
        local.append(le32: UInt32(content.count))
        local.append(le16: UInt16(nameBytes.count))
        local.append(le16: 0)
        local += nameBytes
        body += local
        body += payload

        directory.append(le32: ZIPArchive.centralHeaderSignature)
        directory.append(le16: 20)  // made by: MS-DOS, 2.0
        directory.append(le16: 20)
        directory.append(le16: flags)
        directory.append(le16: method)
        directory.append(le16: Self.dosTime)
        directory.append(le16: Self.dosDate)
        directory.append(le32: crc)
        directory.append(le32: UInt32(payload.count))
        directory.append(le32: UInt32(content.count))
        directory.append(le16: UInt16(nameBytes.count))
        directory.append(le16: 0)  // extra
        directory.append(le16: 0)  // comment
        directory.append(le16: 0)  // disk
        directory.append(le16: 0)  // internal attributes
        directory.append(le32: 0)  // external attributes
        directory.append(le32: UInt32(offset))
        directory += nameBytes
        count += 1
    }

    public mutating func add(_ name: String, text: String) {
        add(name, Array(text.utf8))
    }

    /// The finished archive.
    public func archive() -> Data {
        var end: [UInt8] = []
        end.append(le32: ZIPArchive.endSignature)
        end.append(le16: 0)
        end.append(le16: 0)
        end.append(le16: UInt16(count))
        end.append(le16: UInt16(count))
        end.append(le32: UInt32(directory.count))
        end.append(le32: UInt32(body.count))
        end.append(le16: 0)
        return Data(body + directory + end)
    }
}

extension [UInt8] {
    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
