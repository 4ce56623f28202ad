import CZlib

/// Raw deflate streams (RFC 1951, no zlib or gzip wrapper), as ZIP stores them, through zlib.
enum Deflate {
    enum Failure: Error, Sendable, Equatable {
        /// The stream is damaged; zlib's own words.
        case damaged(String)
        /// The stream inflates to more bytes than the archive declared.
        case largerThanDeclared
        /// The stream ends before the declared size, or goes on after it.
        case sizeMismatch(actual: Int)
        case zlib(code: Int32)
    }

    /// Negative window bits select a raw stream; 15 is the full 32 KiB window ZIP uses.
    private static let rawWindowBits: Int32 = -15

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, rawWindowBits, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        // Only a broken zlib installation fails here; nothing a user's data can cause.
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(result == Z_STREAM_END, "deflate did not finish within deflateBound: \(result)")
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Inflates a raw stream that must come to exactly `declaredSize` bytes, handing the output
    /// to `consume` a chunk at a time, so a large part is never held whole. Inflation stops as soon
    /// as the output would pass the declared size, so a lying header cannot make it do more work.
    /// Returns the CRC-32 of everything produced.
    static func inflate<E: Error>(
        _ input: UnsafeBufferPointer<UInt8>, declaredSize: Int, chunkSize: Int = 256 * 1024,
        consume: (UnsafeBufferPointer<UInt8>) throws(E) -> Void
    ) throws(InflateFailure<E>) -> UInt32 {
        var stream = z_stream()
        let initStatus = inflateInit2_(
            &stream, rawWindowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw .inflate(.zlib(code: initStatus)) }
        defer { inflateEnd(&stream) }

        // zlib wants a valid pointer even for no input: then it is given one zero byte.
        let inputCount = max(input.count, 1)
        // One spare byte beyond the declared size: if zlib fills it, the stream is larger than declared.
        let capacity = max(1, min(chunkSize, declaredSize + 1))
        let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { output.deallocate() }
        var crc: UInt = 0
        var produced = 0
        var zero: UInt8 = 0
        return try withUnsafeMutablePointer(to: &zero) { (zero) throws(InflateFailure<E>) -> UInt32 in
            // zlib only reads through next_in; its header lacks the const.
            stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? zero
            stream.avail_in = uInt(inputCount)
            while true {
                let room = min(capacity, declaredSize + 1 - produced)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(room)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                let count = room - Int(stream.avail_out)
                produced += count
                if produced > declaredSize { throw .inflate(.largerThanDeclared) }
                if count > 0 {
                    crc = CZlib.crc32(crc, output.baseAddress, uInt(count))
                    do throws(E) {
                        try consume(UnsafeBufferPointer(rebasing: output[..<count]))
                    } catch {
                        throw .consumer(error)
                    }
                }
                switch status {
                case Z_STREAM_END:
                    guard produced == declaredSize else { throw .inflate(.sizeMismatch(actual: produced)) }
                    return UInt32(truncatingIfNeeded: crc)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress with room to write: out of input before the end of the stream,
                    // so the entry is cut short.
                    throw .inflate(.sizeMismatch(actual: produced))
                case Z_DATA_ERROR:
                    let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
                    throw .inflate(.damaged(message))
                default:
                    throw .inflate(.zlib(code: status))
                }
            }
        }
    }

    /// Either the stream failed, or whoever took its output did.
    enum InflateFailure<E: Error>: Error {
        case inflate(Failure)
        case consumer(E)
    }

    /// CRC-32 as ZIP uses it.
    static func crc32(_ bytes: some Collection<UInt8>) -> UInt32 {
        var array = Array(bytes)
        if array.isEmpty { return 0 }
        let count = array.count
        return array.withUnsafeMutableBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, uInt(count)))
        }
    }
}
