import Foundation
import TeamplotterCore

/// Dates in words, as a report heading shows them: "3 december 2026".
public enum DateFormatting {
    public static func long(_ date: Date, _ language: Language, calendar: Calendar = Calendar(identifier: .gregorian)) -> String {
        let months = language.pick(
            "januari februari maart april mei juni juli augustus september oktober november december",
            "January February March April May June July August September October November December"
        ).split(separator: " ")
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        guard let day = parts.day, let month = parts.month, let year = parts.year else { return "" }
        return language == .nl ? "\(day) \(months[month - 1]) \(year)" : "\(months[month - 1]) \(day), \(year)"
    }
}
