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

    /// Inflates a raw stream that must come to exactly `declaredSize` bytes. Inflation stops as
    /// soon as the output would pass that size, so a lying header cannot make it use more memory.
    static func inflate(_ input: ArraySlice<UInt8>, declaredSize: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initStatus = inflateInit2_(
            &stream, rawWindowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw .zlib(code: initStatus) }
        defer { inflateEnd(&stream) }

        // One spare byte: if zlib fills it, the stream is larger than declared.
        var output = [UInt8](repeating: 0, count: declaredSize + 1)
        var input = Array(input)
        if input.isEmpty { input = [0] }  // zlib wants a valid pointer even for no input.
        let inputCount = input.count
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inputCount)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        let produced = Int(stream.total_out)
        switch status {
        case Z_STREAM_END:
            guard produced == declaredSize else { throw .sizeMismatch(actual: produced) }
            output.removeLast()
            return output
        case Z_BUF_ERROR where produced > declaredSize:
            throw .largerThanDeclared
        case Z_BUF_ERROR:
            // Out of input before the end of the stream: the entry is cut short.
            throw .sizeMismatch(actual: produced)
        case Z_DATA_ERROR:
            let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
            throw .damaged(message)
        default:
            throw .zlib(code: status)
        }
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
