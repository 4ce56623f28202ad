import Foundation

/// Excel's date serial numbers, for saying which date a user typed by mistake.
enum ExcelDate {
    static func isoText(serial: Double, date1904: Bool) -> String {
        // Day 0 of the 1900 system is 1899-12-30 once Excel's phantom 1900-02-29 is accounted for.
        let epochOffset = date1904 ? 24_107.0 : 25_569.0
        let seconds = (serial - epochOffset) * 86_400
        guard seconds.isFinite, abs(seconds) < 1e12 else { return String(serial) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds.rounded()))
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return String(serial) }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
