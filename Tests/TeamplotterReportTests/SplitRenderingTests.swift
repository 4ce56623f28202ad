import Testing
import TeamplotterCore

@testable import TeamplotterReport

/// Large reports write their functions in runs on all cores; forced to split at any size, the
/// text and Markdown reports must give the bytes they give in one piece.
@Suite struct SplitRenderingTests {
    private static let texts = [
        "Adviseur", "Coördinator “digitaal”", "李 明", "Jose\u{301}", "tab\there", "line\nbreak", "c1 \u{85} x",
        "sep \u{2028} x", "👩‍💻 team", "| * _ ` [ ] < > # & \\", "", " a  b ", "\r\n", "e\u{301} \u{301}start",
        "• — ⚠ ↳", String(repeating: "lang woord ", count: 12),
    ]

    /// Functions with every kind of entry: vacancies, unknown hours, no roles and each warning.
    private func analysis(functions count: Int) -> GapAnalysis {
        let ids = Catalogue.builtIn.roles.map(\.id)
        let functions = (0..<count).map { index in
            let text = Self.texts[index % Self.texts.count]
            let first = ids[index % ids.count]
            let second = ids[(index + 5) % ids.count]
            let roles: [RoleAssignment] = switch index % 6 {
            case 0: []
            case 1: [RoleAssignment(roleId: first, sharePercent: 70), RoleAssignment(roleId: second, sharePercent: 60.125)]
            case 2: [RoleAssignment(roleId: first), RoleAssignment(roleId: first)]
            case 3: [RoleAssignment(roleId: "onbekend \(text)", sharePercent: 33.3333), RoleAssignment(roleId: second)]
            case 4: [RoleAssignment(roleId: first, sharePercent: 100), RoleAssignment(roleId: second)]
            default: [RoleAssignment(roleId: first), RoleAssignment(roleId: second), RoleAssignment(roleId: ids[(index + 9) % ids.count])]
            }
            return TeamFunction(
                title: "\(text) \(index)", holder: index % 4 == 0 ? nil : "\(text) \(index % 3)", isVacancy: index % 5 == 0,
                workload: index % 7 == 0 ? nil : .hoursPerWeek(Double(8 + index % 30)), roles: roles)
        }
        return GapAnalyser.analyse(Team(name: "Splitsing ✓ \(count)", functions: functions))
    }

    @Test(arguments: [0, 1, 2, 3, 4, 7, 16, 101, 1_001])
    func splitReportsAreTheUnsplitBytes(functions count: Int) {
        let analysis = analysis(functions: count)
        for language in Language.allCases {
            for colour in [false, true] {
                var whole = TextReport(language: language, colour: colour)
                whole.splitMinimum = .max
                var split = whole
                split.splitMinimum = 2
                let bytes = whole.renderUTF8(analysis)
                #expect(split.renderUTF8(analysis) == bytes, "text, \(language), colour \(colour)")
                // The pieces as handed on, one after another, are the same bytes, each ending a
                // line: what comes before the functions, then each run of them (they end the report).
                let chunks = split.chunks(analysis)
                #expect(Array(chunks.joined()) == bytes)
                #expect(chunks.count == (count >= 2 ? min(count, TextBuffer.parts) + 1 : 1))
                #expect(chunks.allSatisfy { $0.last == 0x0A })
                #expect(String(decoding: bytes, as: UTF8.self).occurrences(of: "\n  • ") == count)
            }
            var whole = MarkdownReport(language: language)
            whole.splitMinimum = .max
            var split = whole
            split.splitMinimum = 2
            #expect(split.renderUTF8(analysis) == whole.renderUTF8(analysis), "Markdown, \(language)")
            #expect(Array(split.chunks(analysis).joined()) == whole.renderUTF8(analysis))
        }
    }

    /// At the default minimum, a large report splits and still gives the bytes of one piece.
    @Test func largeReportsSplitByDefault() {
        let team = SyntheticTeam.make(functions: TextReport().splitMinimum + 1, roles: 30, titlePrefix: "Functie—ü")
        let analysis = GapAnalyser.analyse(team)
        var whole = TextReport(catalogue: team.catalogue)
        whole.splitMinimum = .max
        #expect(TextReport(catalogue: team.catalogue).renderUTF8(analysis) == whole.renderUTF8(analysis))
        var wholeMarkdown = MarkdownReport(language: .en, catalogue: team.catalogue)
        wholeMarkdown.splitMinimum = .max
        #expect(MarkdownReport(language: .en, catalogue: team.catalogue).renderUTF8(analysis) == wholeMarkdown.renderUTF8(analysis))
    }

    /// A wrap that gives up on its one pass at a control character or an unusual scalar removes
    /// what it wrote and takes the careful path, leaving the lines before it alone.
    @Test func aWrapThatGivesUpLeavesWhatCameBefore() {
        let texts = [
            "plain words in a line then a bell\u{7}", "• Functie — Naam — 0,50 fte", "• Functie — Jose\u{301} — 0,50 fte",
            "李 明 at the start", "ok • — ↳ ⚠ words words words", "at the end \u{85}", "e \u{301}",
        ]
        var out = TextBuffer()
        out.line("kop")
        var expected = ["kop"]
        for text in texts {
            out.appendWrapped(Array(text.utf8), width: 20, indent: .init("  "), hanging: .init("    "))
            expected += TextLayout.wrapCharacters(text, width: 20, indent: "  ", hanging: "    ")
        }
        #expect(String(decoding: out.bytes, as: UTF8.self) == expected.joined(separator: "\n") + "\n")
    }

    /// Runs that finish out of order are handed on in order, each as soon as all before it are.
    @Test func runsAreHandedOnInOrder() {
        var handed: [UInt8] = []
        var seenAfter: [[UInt8]] = []
        let sink = ChunkSink { handed.append(contentsOf: $0) }
        let runs = sink.runs()
        for run in [3, 1, 0, 2, 5, 4] {
            runs.deliver(run, [UInt8(run)])
            seenAfter.append(handed)
        }
        #expect(seenAfter == [[], [], [0, 1], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3, 4, 5]])
    }

    /// Lines that fit are copied whole; around that shortcut (a line of exactly the width, one
    /// over, spaces doubled or at the ends, scalars that do not stand alone, controls) the result
    /// is still the careful wrap's.
    @Test func linesThatFitAreWrappedAsTheCarefulWrapWrapsThem() {
        let pieces = ["a", "B", "1", " ", "  ", "•", "—", "é", "e\u{301}", "\u{7}", "\u{7F}", "\u{85}", "李", "⚠", "\t", "word"]
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        // With an indent of 2, 18 characters fit a width of 20.
        var texts = ["xxxxxxxx xxxxxxxxx", "xxxxxxxx xxxxxxxxxx", "• xxxxx — xxxxx é", "• xxxxx — xxxxx éé", "• Naam — 0,50 fte"]
        for _ in 0..<600 { texts.append((0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()) }
        // Longer lines for a width of 80 too, so that the eight-byte steps meet every piece.
        // And one disqualifier in an otherwise plain run of eight bytes, at each place in it.
        var long: [String] = ["word word word word word word word word", "word word word  word", "abcdefgh  ijklmnop"]
        for odd in ["  ", "\t", "\u{7}", "\u{7F}", "\u{85}", "\u{301}"] {
            for cut in 1..<16 {
                let plain = "abcdefghijklmnopqrstuvwxyz"
                long.append(String(plain.prefix(cut)) + odd + String(plain.dropFirst(cut)))
            }
        }
        for _ in 0..<600 { long.append((0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()) }
        for (width, texts) in [(20, texts), (80, long)] {
            for text in texts {
                var out = TextBuffer()
                out.appendWrapped(Array(text.utf8), width: width, indent: .init("  "), hanging: .init("    "))
                let expected = TextLayout.wrapCharacters(text, width: width, indent: "  ", hanging: "    ")
                #expect(String(decoding: out.bytes, as: UTF8.self) == expected.joined(separator: "\n") + "\n", "\(Array(text.unicodeScalars))")
            }
        }
    }
}

/// The report names each role as the catalogue does, ids beyond ASCII and given twice too.
@Suite struct RoleShareListTests {
    @Test func rolesAreNamedAsTheCatalogueNamesThem() {
        let custom = Catalogue(categories: [
            RoleCategory(id: "a", name: "A", roles: [
                Role(id: "café", name: "Café"), Role(id: "x", name: "Kort"), Role(id: "", name: "Leeg"),
                Role(id: "contentmanager-website", name: "Eerste"),
            ]),
            RoleCategory(id: "b", name: "B", roles: [
                Role(id: "contentmanager-website", name: "Tweede"), Role(id: "contentmanager-alle-kanalen", name: "Alle"),
                Role(id: "李", name: "Li"), Role(id: "12345678", name: "Acht"),
            ]),
        ])
        for catalogue in [Catalogue.builtIn, custom] {
            let ids = catalogue.roles.map(\.id) + ["cafe\u{301}", "onbekend"]
            let functions = ids.map { id in
                TeamFunction(title: id, holder: "H", workload: .hoursPerWeek(36), roles: [RoleAssignment(roleId: id, sharePercent: 40)])
            }
            let customisation = catalogue == .builtIn ? nil : CatalogueCustomization(mode: .replace, categories: catalogue.categories)
            let analysis = GapAnalyser.analyse(Team(name: "T", functions: functions, customCatalogue: customisation))
            let list = RoleShareList(analysis.functions, language: .nl)
            for (index, id) in ids.enumerated() {
                var bytes: [UInt8] = []
                list.append(index, of: analysis.functions, to: &bytes)
                // Where the catalogue has the id twice, the last role with it names it.
                let name = catalogue.roles.last { catalogue.ordinal(ofRole: $0.id) == catalogue.ordinal(ofRole: id) }?.name
                #expect(String(decoding: bytes, as: UTF8.self) == (name.map { "\($0) 40%" } ?? ""), "\(id.debugDescription)")
            }
            // A report given another catalogue than the team's still names the roles the
            // analysis found, from the team's catalogue.
            let lines = TextReport(catalogue: .builtIn).render(analysis).split(separator: "\n")
            for id in ids {
                guard let name = catalogue.roles.last(where: { catalogue.ordinal(ofRole: $0.id) == catalogue.ordinal(ofRole: id) })?.name else { continue }
                #expect(lines.contains { $0 == "    \(name) 40%" }, "\(id.debugDescription)")
            }
        }
    }
}

extension TextReport {
    /// The pieces `render(_:into:)` hands on, as they come.
    func chunks(_ analysis: GapAnalysis) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        render(analysis) { chunks.append(Array($0)) }
        return chunks
    }
}

extension MarkdownReport {
    func chunks(_ analysis: GapAnalysis) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        render(analysis) { chunks.append(Array($0)) }
        return chunks
    }
}
