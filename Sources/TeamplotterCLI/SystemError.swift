import Foundation
import TeamplotterCore

/// File-system errors in the user's language, rather than Foundation's English.
enum SystemError {
    static func describe(_ code: Int32, _ language: Language) -> String {
        switch code {
        case ENOENT: language.pick("bestaat niet", "does not exist")
        case EISDIR: language.pick("is een map", "is a folder")
        case ENOTDIR: language.pick("een deel van het pad is geen map", "part of the path is not a folder")
        case EACCES, EPERM: language.pick("geen toestemming", "permission denied")
        case ENOSPC, EDQUOT: language.pick("de schijf is vol", "the disk is full")
        case EROFS: language.pick("alleen-lezen bestandssysteem", "read-only file system")
        case EPIPE: language.pick("de ontvanger is gestopt met lezen", "the reader stopped reading")
        case EBADF: language.pick("de uitvoer is gesloten", "the output is closed")
        default: language.pick("systeemfout \(code)", "system error \(code)")
        }
    }

    /// Why a file cannot be created in `folder`: "does not exist" alone would leave the reader
    /// to think it is the file that is missing.
    static func missingFolder(_ folder: String, _ language: Language) -> String {
        language.pick(
            "de map \(folder) bestaat niet; maak hem eerst aan of kies een bestaande map",
            "the folder \(folder) does not exist; create it first or choose an existing folder")
    }

    /// The errno behind a Foundation error, where it says.
    static func code(of error: any Error) -> Int32? {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        default: return nil
        }
    }
}
