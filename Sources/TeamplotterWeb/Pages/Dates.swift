import TeamplotterCore

/// Dates as people read them.
enum Dates {
    /// "2026-12-03T12:57:51Z" → "3-12-2026 12:57 UTC" (Dutch) or "2026-12-03 12:57 UTC".
    static func show(_ iso: String, _ language: Language) -> String {
        let parts = iso.split(whereSeparator: { $0 == "T" || $0 == "Z" })
        guard parts.count >= 2 else { return iso }
        let date = parts[0].split(separator: "-")
        let time = parts[1].prefix(5)
        guard date.count == 3, let day = Int(date[2]), let month = Int(date[1]) else { return iso }
        return language == .nl ? "\(day)-\(month)-\(date[0]) \(time) UTC" : "\(parts[0]) \(time) UTC"
    }
}
