import Testing
import TeamplotterCore

@testable import TeamplotterReport

/// The CLI writes `renderUTF8` to files as it is; it must be the UTF-8 of `render`, which would
/// have repaired any invalid byte, so these tests feed the reports awkward text.
@Suite struct RenderUTF8Tests {
    private static let awkward = [
        "Anna", "José", "Jose\u{301}", "李 明", "tab\there", "line\nbreak", "c1 \u{85} control", "sep \u{2028} x",
        "emoji 👩‍💻 teams", " a  b ", "", "| * _ ` [ ] < > # & \\", "\r\n", "e\u{301} \u{301}start",
        String(repeating: "lang woord ", count: 20),
    ]

    private func analysis() -> GapAnalysis {
        let ids = Catalogue.builtIn.roles.map(\.id)
        let functions = Self.awkward.enumerated().map { index, text in
            TeamFunction(
                title: text, holder: index % 3 == 0 ? nil : text, isVacancy: index % 5 == 0,
                workload: index % 4 == 0 ? nil : .fte(0.5),
                roles: [RoleAssignment(roleId: ids[index % ids.count]), RoleAssignment(roleId: text, sharePercent: 20)])
        }
        return GapAnalyser.analyse(Team(name: Self.awkward.joined(separator: " "), functions: functions))
    }

    @Test func theBytesAreTheUTF8OfTheText() {
        let analysis = analysis()
        for language in Language.allCases {
            for colour in [false, true] {
                let text = TextReport(language: language, colour: colour)
                #expect(text.renderUTF8(analysis) == Array(text.render(analysis).utf8))
            }
            let markdown = MarkdownReport(language: language)
            #expect(markdown.renderUTF8(analysis) == Array(markdown.render(analysis).utf8))
        }
        let empty = GapAnalyser.analyse(Team(name: ""))
        #expect(TextReport().renderUTF8(empty) == Array(TextReport().render(empty).utf8))
        #expect(MarkdownReport().renderUTF8(empty) == Array(MarkdownReport().render(empty).utf8))
    }
}
