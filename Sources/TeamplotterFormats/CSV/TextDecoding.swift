import Foundation
import TeamplotterCore

/// Turns file bytes into UTF-8 text, or says plainly why it cannot.
public enum TextDecoding {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether the bytes look like a binary file: a NUL byte in the first 8 KiB.
    public static func looksBinary(_ data: Data) -> Bool {
        data.prefix(8192).contains(0)
    }

    /// UTF-8 bytes without BOM. Text that is not valid UTF-8 is read as Windows-1252, which is what
    /// Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
    static func utf8Bytes(_ data: Data, file: String?) throws(InputProblems) -> [UInt8] {
        if data.isEmpty { throw InputProblems([InputProblem(.emptyFile, at: SourceLocation(file: file))]) }
        if looksBinary(data) { throw InputProblems([InputProblem(.notText, at: SourceLocation(file: file))]) }
        var bytes = [UInt8](data)
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        guard let text = String(data: Data(bytes), encoding: .windowsCP1252) else {
            throw InputProblems([InputProblem(.notText, at: SourceLocation(file: file))])
        }
        return Array(text.utf8)
    }

    /// The whole file as a string, for JSON and sniffing.
    public static func string(_ data: Data, file: String?) throws(InputProblems) -> String {
        String(decoding: try utf8Bytes(data, file: file), as: UTF8.self)
    }
}
