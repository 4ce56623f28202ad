import Foundation
import TeamplotterCore

/// Turns file bytes into UTF-8 text, or says plainly why it cannot.
public enum TextDecoding {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func withoutByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.starts(with: byteOrderMark) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    }

    /// Whether UTF-16 text after its byte order mark starts, past white space, with `{` or `[`.
    static func utf16StartsLikeJSON(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(4096))
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        var index = 2
        while index + 1 < bytes.count {
            let unit = littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            index += 2
            if [0x20, 0x09, 0x0A, 0x0D, 0xFEFF].contains(unit) { continue }
            return unit == UInt16(UInt8(ascii: "{")) || unit == UInt16(UInt8(ascii: "["))
        }
        return false
    }

    /// Whether the bytes look like a binary file: a NUL byte in the first 8 KiB.
    public static func looksBinary(_ data: Data) -> Bool {
        data.prefix(8192).contains(0)
    }

    /// Calls `body` with the text as UTF-8 bytes without BOM. Text that is not valid UTF-8 (nor
    /// says it is, by a BOM) is read as Windows-1252, which is what Dutch Excel writes for "CSV
    /// (gescheiden door lijstscheidingsteken)". Valid UTF-8 — nearly every file — is passed
    /// straight from `data`, without copying a large file.
    static func withUTF8<Result>(
        _ data: Data, file: String?, _ body: (UnsafeBufferPointer<UInt8>) throws(InputProblems) -> Result
    ) throws(InputProblems) -> Result {
        // A byte order mark alone says only how the text would be written: the file is as empty
        // as one without it.
        if data.isEmpty || data.elementsEqual(byteOrderMark) {
            throw InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: file))])
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            // Saving "as CSV UTF-8 in Excel" is no advice for a team document.
            let isDocument = file?.lowercased().hasSuffix(".json") == true || utf16StartsLikeJSON(data)
            throw InputProblems([InputProblem(isDocument ? .utf16Document : .utf16, at: SourceLocation(file: file))])
        }
        if looksBinary(data) { throw InputProblems([InputProblem(.notText, at: SourceLocation(file: file))]) }
        let outcome = data.withUnsafeBytes { raw -> Swift.Result<Result, InputProblems>? in
            var bytes = raw.assumingMemoryBound(to: UInt8.self)
            if bytes.starts(with: byteOrderMark) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            guard isValidUTF8(bytes) else { return nil }
            return Swift.Result { () throws(InputProblems) in try body(bytes) }
        }
        if let outcome { return try outcome.get() }
        var bytes = [UInt8](data)
        // Not UTF-8. A byte order mark says the file is UTF-8, and text with real UTF-8 in it as
        // well was pasted together from two sources: reading either as Windows-1252 would garble
        // part of it, so say so rather than guess.
        if bytes.starts(with: byteOrderMark) {
            bytes.removeFirst(3)
            let row = row(at: firstInvalidUTF8(bytes), in: bytes)
            throw InputProblems([InputProblem(.notUTF8AfterByteOrderMark, at: SourceLocation(file: file, row: row))])
        }
        if containsUTF8Sequence(bytes) {
            let row = row(at: firstInvalidUTF8(bytes), in: bytes)
            throw InputProblems([InputProblem(.mixedEncoding, at: SourceLocation(file: file, row: row))])
        }
        guard let text = String(data: Data(bytes), encoding: .windowsCP1252) else {
            throw InputProblems([InputProblem(.notText, at: SourceLocation(file: file))])
        }
        return try Array(text.utf8).withUnsafeBufferPointer { (buffer) throws(InputProblems) in try body(buffer) }
    }

    /// The row a spreadsheet shows for the byte at `offset`: records rather than lines, so a cell
    /// with line breaks inside is one row. The text before it is read as CSV with one plain byte
    /// in the place of the one at `offset`, whose record is then the last one read.
    static func row(at offset: Int, in bytes: [UInt8]) -> Int {
        let text = bytes.prefix(offset) + [UInt8(ascii: "x")]
        return text.withUnsafeBufferPointer { buffer in
            var records = CSVReader.Records(buffer, file: nil)
            var last = 1
            do {
                while let record = try records.next() { last = record.number }
            } catch {
                // Inside a quoted cell that the cut leaves open: the record it opened in.
                return records.row
            }
            return last
        }
    }

    /// Whether the bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates
    /// or scalars past U+10FFFF), the same verdict as `String(validating:)` without building a
    /// string. ASCII, most of any file, is checked eight bytes at a time; from `minimumToSplit`
    /// bytes on, in parts on all cores (a large file is read on all cores, and checking it first
    /// on one was a stretch with the other idle).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, minimumToSplit: Int = 1 << 20) -> Bool {
        // Below 16 bytes there is nothing to share out (the parts would be a byte or two).
        guard bytes.count >= max(minimumToSplit, 16) else { return isValidUTF8Run(bytes) }
        // A few parts per core, so that a core that is done takes another. Each part ends just
        // before an ASCII byte, which no sequence has inside it: the whole is well-formed exactly
        // when every part is.
        let parts = 8
        var cuts = [0]
        for part in 1..<parts {
            var cut = max(bytes.count * part / parts, cuts[cuts.count - 1])
            while cut < bytes.count, bytes[cut] >= 0x80 { cut += 1 }
            cuts.append(cut)
        }
        cuts.append(bytes.count)
        return !Parts.map(parts) { part in isValidUTF8Run(UnsafeBufferPointer(rebasing: bytes[cuts[part]..<cuts[part + 1]])) }
            .contains(false)
    }

    private static func isValidUTF8Run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte depends on the lead; the others are 80...BF.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// Whether a well-formed multi-byte UTF-8 sequence occurs (a Windows-1252 text almost never
    /// has a lead byte followed by exactly the right continuation bytes).
    static func containsUTF8Sequence(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 1 { return true }
            index += 1
        }
        return false
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return bytes.count
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when none starts there.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
    }
}
