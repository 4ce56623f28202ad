import TeamplotterCore

/// The analysis for a terminal: summary first, then per category the roles with status, people
/// and FTE. Fits in 80 columns; colour only when asked for.
public struct TextReport: Sendable, StreamedReport {
    public var language: Language
    public var colour: Bool
    public var catalogue: Catalogue

    public static let width = 80

    /// From this many functions on, their entries are written in runs on all cores (see
    /// `functions`). Below it the threads cost more than they save. Tests set it low to
    /// compare a split report with an unsplit one.
    package var splitMinimum = 2_000

    public init(language: Language = .nl, colour: Bool = false, catalogue: Catalogue = .builtIn) {
        self.language = language
        self.colour = colour
        self.catalogue = catalogue
    }

    public func render(_ analysis: GapAnalysis) -> String {
        String(decoding: renderUTF8(analysis), as: UTF8.self)
    }

    package func write(_ analysis: GapAnalysis, to sink: ChunkSink) {
        let words = AnalysisWording(language)
        var out = TextBuffer(sink: sink)
        // Room for all the functions when they are written here in one run; a split report
        // writes its runs elsewhere (`writeInParts` makes room for each run).
        out.bytes.reserveCapacity(64 + Swift.min(analysis.functions.count, splitMinimum) * Self.bytesPerFunction)
        wrap(&out, "Teamplotter — \(analysis.teamName)", indent: "", hanging: "  ", bold: true)
        out.line("")
        out.line(bold(language.pick("Samenvatting", "Summary")))
        let counts = RoleStatus.allCases.map { "\($0.symbol) \(analysis.count($0)) \($0.label(language))" }
        out.line("  " + counts[0...3].joined(separator: "   "))
        out.line("  " + counts[4...].joined(separator: "   "))
        for sentence in words.summary(analysis) {
            wrap(&out, sentence, indent: "  ")
        }

        if !analysis.urgentGaps.isEmpty {
            out.line("")
            out.line(bold(language.pick("Eerst aanpakken", "Act on first")))
            for (number, role) in analysis.urgentGaps.prefix(5).enumerated() {
                let line = "\(number + 1). \(role.status.symbol) \(role.role.name(language)) — \(role.status.label(language))"
                let reason = words.reason(role)
                wrap(&out, line + (reason.isEmpty ? "" : " (\(reason))"), indent: "  ", hanging: "     ")
            }
            let more = analysis.urgentGaps.count - 5
            if more > 0 {
                wrap(&out, language.pick(
                    "… en nog \(more) (zie de categorieën hieronder)", "… and \(more) more (see the categories below)"),
                    indent: "  ")
            }
        }

        for (number, category) in analysis.categories.enumerated() {
            out.line("")
            var heading = "\(number + 1). \(category.category.name(language))"
            if let coverage = category.coverage {
                heading += language.pick(
                    " — \(category.present) van \(category.needed) nodige rollen aanwezig (\(NumberFormatting.percent(coverage)))",
                    " — \(category.present) of \(category.needed) needed roles present (\(NumberFormatting.percent(coverage)))")
            }
            wrap(&out, heading, indent: "", hanging: "   ", bold: true)
            out.line(dim(row(
                "", language.pick("status", "status"), language.pick("rol", "role"),
                language.pick("prioriteit", "priority"), language.pick("pers.", "ppl"), "fte")))
            for role in analysis.roles where role.categoryId == category.category.id {
                out.line(row(
                    role.status.symbol, role.status.label(language), role.role.name(language),
                    role.priority.label(language), String(role.people),
                    NumberFormatting.fte(role.fte, language), status: role.status))
                let reason = words.reason(role)
                if !reason.isEmpty {
                    wrap(&out, "↳ " + reason, indent: String(repeating: " ", count: 26), hanging: String(repeating: " ", count: 28))
                }
            }
        }

        out.line("")
        out.line(bold(language.pick("Functies", "Functions")))
        if analysis.functions.isEmpty {
            out.line("  " + language.pick("(nog geen functies ingevuld)", "(no functions filled in yet)"))
        }
        functions(analysis.functions, words: words, to: &out)

        if !analysis.missingTasks.isEmpty || !analysis.missingCompetencies.isEmpty || !analysis.singleCompetencies.isEmpty {
            out.line("")
            out.line(bold(language.pick("Taken en competenties", "Tasks and competencies")))
            for task in analysis.missingTasks {
                wrap(&out, language.pick("✗ taak niet uitgevoerd: ", "✗ task not performed: ") + task, indent: "  ")
            }
            for competency in analysis.missingCompetencies {
                wrap(&out, language.pick("✗ competentie ontbreekt: ", "✗ competency missing: ") + words.competency(competency), indent: "  ")
            }
            for result in analysis.singleCompetencies {
                wrap(&out,
                    language.pick("1 competentie bij één persoon: ", "1 competency held by one person: ")
                        + words.competency(result.competency) + " (\(result.holders.joined(separator: ", ")))",
                    indent: "  ")
            }
        }
        out.flush()
    }

    /// One entry per function: title, holder and FTE, then its roles and warnings. The bulk of a
    /// large report: written in runs on all cores when there are enough functions to pay for
    /// the threads (`TextBuffer.writeInParts`).
    private func functions(_ functions: FunctionResults, words: AnalysisWording, to out: inout TextBuffer) {
        // Made for each run: the fixed pieces a run appends to every entry are then its own, and
        // the cores do not wait on each other retaining the same ones.
        out.writeInParts(functions.count, minimum: splitMinimum, bytesPerItem: Self.bytesPerFunction) { range, buffer in
            FunctionEntries(self, words: words, functions: functions).write(functions, range, to: &buffer)
        }
    }

    /// About what a function entry takes, to reserve room for the report up front.
    private static let bytesPerFunction = 140

    /// What every function entry needs, worked out once per run of entries.
    private struct FunctionEntries {
        let report: TextReport
        let words: AnalysisWording
        let roleShares: RoleShareList
        let vacancy: [UInt8]
        let hoursUnknown: [UInt8]
        // The entries' fixed pieces as bytes: appending an array is cheaper than a literal's UTF-8 view.
        let bullet = Array("• ".utf8)
        let dash = Array(" — ".utf8)
        let lone = Array("—".utf8)
        let fte = Array(" fte".utf8)
        let warningSign = Array("⚠ ".utf8)
        let titleIndent = TextBuffer.Margin("  ")
        let detailIndent = TextBuffer.Margin("    ")

        init(_ report: TextReport, words: AnalysisWording, functions: FunctionResults) {
            self.report = report
            self.words = words
            roleShares = RoleShareList(functions, language: report.language)
            vacancy = Array(report.language.pick("vacature", "vacancy").utf8)
            hoursUnknown = Array(report.language.pick("uren onbekend", "hours unknown").utf8)
        }

        /// The entries of the functions in `range`; each is put together in one reused buffer.
        func write(_ functions: FunctionResults, _ range: Range<Int>, to out: inout TextBuffer) {
            var entry: [UInt8] = []
            entry.reserveCapacity(256)
            // Read in parts, so that no function result is put together.
            let teamFunctions = functions.teamFunctions
            for index in range {
                entry.removeAll(keepingCapacity: true)
                entry.appendBytes(bullet)
                entry.appendUTF8(teamFunctions[index].title)
                entry.appendBytes(dash)
                if teamFunctions[index].isVacancy {
                    entry.appendBytes(vacancy)
                } else if let holder = teamFunctions[index].holder {
                    entry.appendUTF8(holder)
                } else {
                    entry.appendBytes(lone)
                }
                entry.appendBytes(dash)
                if teamFunctions[index].workload == nil {
                    entry.appendBytes(hoursUnknown)
                } else {
                    NumberFormatting.appendFTE(functions.fte(index), report.language, to: &entry)
                    entry.appendBytes(fte)
                }
                out.appendWrapped(entry, width: TextReport.width, indent: titleIndent, hanging: detailIndent)

                if !functions.shareRange(index).isEmpty {
                    entry.removeAll(keepingCapacity: true)
                    roleShares.append(index, of: functions, to: &entry)
                    out.appendWrapped(entry, width: TextReport.width, indent: detailIndent, hanging: detailIndent)
                }
                var repeated = RepeatedRoles()
                for position in functions.warningRange(index) {
                    let warning = functions.warning(at: position)
                    if warning == .vacancy { continue }
                    entry.removeAll(keepingCapacity: true)
                    entry.appendBytes(warningSign)
                    if case .duplicateRole(let id) = warning {
                        guard let times = repeated.firstMention(of: id, among: functions.warnings(index)) else { continue }
                        entry.appendUTF8(words.duplicateRole(id, timesNamed: times, catalogue: report.catalogue))
                    } else {
                        entry.appendUTF8(words.warning(warning, catalogue: report.catalogue))
                    }
                    out.appendWrapped(entry, width: TextReport.width, indent: detailIndent, hanging: detailIndent)
                }
            }
        }
    }

    /// One role line: symbol, status (21), name (30), priority (10), people (5), fte (6).
    private func row(
        _ symbol: String, _ status: String, _ name: String, _ priority: String, _ people: String,
        _ fte: String, status roleStatus: RoleStatus? = nil
    ) -> String {
        let statusCell = pad(symbol, 1) + " " + pad(status, 20)
        let line = "  " + (roleStatus.map { paint(statusCell, $0) } ?? statusCell) + " " + pad(truncate(TextLayout.singleLine(name), 30), 30)
            + " " + pad(priority, 10) + " " + padLeft(people, 4) + " " + padLeft(fte, 6)
        return line
    }

    private func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Wraps to the report's width; `bold` applies to each line.
    private func wrap(_ out: inout TextBuffer, _ text: String, indent: String, hanging: String? = nil, bold: Bool = false) {
        guard bold, colour else { return out.appendWrapped(Array(text.utf8), width: Self.width, indent: indent, hanging: hanging) }
        for line in TextLayout.wrap(text, width: Self.width, indent: indent, hanging: hanging) {
            out.line(self.bold(line))
        }
    }

    // MARK: Colour (ANSI), only when enabled

    private func paint(_ text: String, _ status: RoleStatus) -> String {
        guard colour else { return text }
        let code = switch status {
        case .missing: "31;1"
        case .understaffed: "33;1"
        case .single: "35"
        case .covered: "32"
        case .extra: "36"
        case .notNeeded: "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
