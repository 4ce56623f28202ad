import TeamplotterCore
import TeamplotterFormats

/// Reads a competencies text area (one a line, optionally with a level) and says which lines
/// carry a level that does not exist, instead of storing the competency without it: a level the
/// user typed must not disappear without a word.
enum CompetencyField {
    /// At most this many wrong lines are named in the message; the rest are counted.
    static let namedLines = 5

    enum Outcome {
        case value([Competency])
        case invalid(String)
    }

    /// The competencies, or the message for the field.
    static func read(_ text: String, language l: Language) -> Outcome {
        var competencies: [Competency] = []
        var wrong: [(line: Int, level: String)] = []
        // Lines are numbered as the text area shows them, empty ones included.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let item = line.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            let (competency, invalidLevel) = CellParsing.parseCompetency(item)
            if let invalidLevel { wrong.append((index + 1, invalidLevel)) }
            competencies.append(competency)
        }
        guard !wrong.isEmpty else { return .value(competencies) }
        // Worded as the spreadsheet readers word it (InputProblem.Kind.invalidLevel).
        var parts = wrong.prefix(namedLines).map { line, level in
            let shown = level.count <= 80 ? level : String(level.prefix(79)) + "…"
            return l.pick("regel \(line): niveau \"\(shown)\" bestaat niet", "line \(line): level \"\(shown)\" does not exist")
        }
        if wrong.count > namedLines {
            let more = wrong.count - namedLines
            parts.append(l.pick("en nog \(more) " + (more == 1 ? "regel" : "regels"), "and \(more) more " + (more == 1 ? "line" : "lines")))
        }
        parts.append(l.pick(
            "een competentieniveau is 1, 2, 3 of 4, bijvoorbeeld Schrijven (niveau 3)",
            "a competency level is 1, 2, 3 or 4, for example Writing (level 3)"))
        let sentence = parts.joined(separator: "; ")
        return .invalid(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
    }
}
