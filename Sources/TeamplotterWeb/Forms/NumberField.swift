import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport

/// Reads numbers typed in a form the way people write them ("22,5", "22.5", "36 uur") and says
/// in plain words what is wrong when they are not.
enum NumberField {
    enum Outcome: Equatable {
        case empty
        case value(Double)
        case invalid(String)
    }

    /// `label` names the field in the message, e.g. "Uren per week".
    static func read(_ text: String, range: ClosedRange<Double>, wholeNumber: Bool = false, example: String, language l: Language) -> Outcome {
        guard case .some(let parsed) = CellParsing.number(text) else {
            return .invalid(l.pick(
                "\"\(text)\" is geen getal. Vul een getal in, bijvoorbeeld \(example).",
                "\"\(text)\" is not a number. Enter a number, for example \(example.replacingOccurrences(of: ",", with: "."))."))
        }
        guard let number = parsed else { return .empty }
        if wholeNumber && number != number.rounded() {
            return .invalid(l.pick("Vul een heel getal in, bijvoorbeeld \(example).", "Enter a whole number, for example \(example)."))
        }
        guard range.contains(number) else {
            let low = NumberFormatting.short(range.lowerBound, l)
            let high = NumberFormatting.short(range.upperBound, l)
            let typed = NumberFormatting.short(number, l)
            return .invalid(l.pick(
                "\(typed) kan niet: vul een getal van \(low) tot en met \(high) in.",
                "\(typed) is not possible: enter a number from \(low) to \(high)."))
        }
        return .value(number)
    }

    /// A stored number as the form shows it again.
    static func show(_ value: Double?, _ language: Language) -> String {
        value.map { NumberFormatting.short($0, language) } ?? ""
    }
}
