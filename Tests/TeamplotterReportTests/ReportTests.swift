import Testing
import TeamplotterCore

@testable import TeamplotterReport

@Suite struct TextReportTests {
    private func analysis(title: String, holder: String, team: String = "Team") -> GapAnalysis {
        GapAnalyser.analyse(Team(name: team, functions: [
            TeamFunction(title: title, holder: holder, workload: .hoursPerWeek(36), roles: [RoleAssignment(roleId: "verbinder")])
        ]))
    }

    @Test func controlCharactersFromTheInputNeverReachTheTerminal() {
        let text = TextReport().render(analysis(title: "Web\u{1B}[31mredacteur", holder: "A\nB\u{7}", team: "Team\n# Kop"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.contains("\n# Kop"))
    }

    @Test func longNamesStayWithinEightyColumns() {
        let text = TextReport().render(analysis(title: String(repeating: "Zeer lange functietitel ", count: 8), holder: String(repeating: "Naam ", count: 20), team: String(repeating: "Team ", count: 30)))
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test func colourOnlyWhenAskedFor() {
        #expect(!TextReport(colour: false).render(analysis(title: "A", holder: "B")).contains("\u{1B}"))
        #expect(TextReport(colour: true).render(analysis(title: "A", holder: "B")).contains("\u{1B}[1m"))
    }
}

@Suite struct WordingTests {
    /// One role 500,000 times in a cell printed 500,000 warning lines (reported by a new-user
    /// trial): every rendering tells a repeated role once per function, with its count.
    @Test func aRepeatedRoleIsToldOncePerFunctionWithItsCount() {
        let team = Team(name: "T", functions: [
            TeamFunction(title: "A", workload: .hoursPerWeek(36), roles: Array(repeating: RoleAssignment(roleId: "strateeg"), count: 1000)
                + [RoleAssignment(roleId: "verbinder"), RoleAssignment(roleId: "verbinder")]),
            TeamFunction(title: "B", workload: .hoursPerWeek(36), roles: [RoleAssignment(roleId: "strateeg"), RoleAssignment(roleId: "strateeg")]),
        ])
        let analysis = GapAnalyser.analyse(team)
        let nl = ["rol Strateeg 1000 keer genoemd; telt één keer", "rol Verbinder twee keer genoemd; telt één keer"]
        #expect(AnalysisWording(.nl).warnings(analysis.functions[0].warnings, catalogue: team.catalogue) == nl)
        let text = TextReport().render(analysis)
        #expect(text.occurrences(of: "genoemd") == 3)
        #expect(text.contains("⚠ " + nl[0] + "\n") && text.contains("⚠ " + nl[1] + "\n"))
        #expect(text.contains("⚠ rol Strateeg twee keer genoemd; telt één keer\n"))
        let markdown = MarkdownReport(language: .en).render(analysis)
        #expect(markdown.contains("| Strategist 50%, Connector 50% | role Strategist named 1000 times; counts once; role Connector named twice; counts once |"))
        #expect(markdown.occurrences(of: "named") == 3)
        let html = HTMLReport().render(team: team, analysis: analysis)
        #expect(html.contains(nl[0] + "; " + nl[1]))
        #expect(html.occurrences(of: "genoemd") < 20, "not one for each of the 999 repetitions")
    }

    @Test func rolesLeftOutOfTheNeedsAreNamedAsNotNeeded() {
        let analysis = GapAnalyser.analyse(Team(name: "T", needs: Needs(roles: [RoleNeed(roleId: "strateeg", priority: .must)])))
        #expect(AnalysisWording(.nl).summary(analysis).contains("23 rollen staan niet in de behoefte en tellen daarom als niet nodig."))
        #expect(AnalysisWording(.en).summary(analysis).contains("23 roles are not in the needs and so count as not needed."))
    }

    @Test func theTextReportSaysHowManyMoreGapsThereAre() {
        let text = TextReport().render(GapAnalyser.analyse(Team(name: "T")))
        #expect(text.contains("… en nog 19 (zie de categorieën hieronder)"))
    }
}

@Suite struct MarkdownReportTests {
    @Test func userTextCannotBecomeMarkup() {
        let analysis = GapAnalyser.analyse(Team(name: "<script>x</script> | *a* & [b](c)", functions: [
            TeamFunction(title: "A|B\nC", holder: "`x`", roles: [RoleAssignment(roleId: "verbinder")])
        ]))
        let text = MarkdownReport().render(analysis)
        #expect(text.hasPrefix("# Teamplotter — \\<script\\>x\\</script\\> \\| \\*a\\* \\& \\[b\\](c)\n"))
        #expect(text.contains("| A\\|B C | \\`x\\` |"))
    }
}

@Suite struct NumberFormattingTests {
    @Test func dutchUsesADecimalComma() {
        #expect(NumberFormatting.fte(0.296, .nl) == "0,30")
        #expect(NumberFormatting.fte(0.296, .en) == "0.30")
        #expect(NumberFormatting.short(1.5, .nl) == "1,5")
        #expect(NumberFormatting.short(2, .nl) == "2")
        #expect(NumberFormatting.short(33.3333, .en) == "33.33")
        #expect(NumberFormatting.percent(0.714) == "71%")
    }
}

@Suite struct HTMLTests {
    @Test func textIsEscapedByConstruction() {
        let html = element("p", .class("a\"b")) { "<script>alert('x') & more</script>" }
        #expect(html.markup == "<p class=\"a&quot;b\">&lt;script&gt;alert(&#39;x&#39;) &amp; more&lt;/script&gt;</p>")
    }

    @Test func rawMarkupOnlyByName() {
        #expect(HTML.raw(trusted: "<b>x</b>").markup == "<b>x</b>")
        #expect(HTML("<b>x</b>").markup == "&lt;b&gt;x&lt;/b&gt;")
    }

    @Test func voidElementsAndFlags() {
        let input = element("input", HTMLAttribute("name", "x"), .flag("required"), .flag("checked", false))
        #expect(input.markup == "<input name=\"x\" required>")
    }

    @Test func builderHandlesConditionsAndLoops() {
        let items = ["a", "<b>"]
        let list = element("ul") {
            for item in items { element("li") { item } }
            if items.isEmpty { "leeg" } else { HTML() }
        }
        #expect(list.markup == "<ul><li>a</li><li>&lt;b&gt;</li></ul>")
    }
}
