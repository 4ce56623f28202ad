import TeamplotterCore

/// The analysis as Markdown, for a wiki page or a document.
public struct MarkdownReport: Sendable, StreamedReport {
    public var language: Language
    public var catalogue: Catalogue

    /// From this many functions on, their rows are written in runs on all cores (see
    /// `functionRows`). Tests set it low to compare a split report with an unsplit one.
    package var splitMinimum = 2_000

    public init(language: Language = .nl, catalogue: Catalogue = .builtIn) {
        self.language = language
        self.catalogue = catalogue
    }

    public func render(_ analysis: GapAnalysis) -> String {
        String(decoding: renderUTF8(analysis), as: UTF8.self)
    }

    package func write(_ analysis: GapAnalysis, to sink: ChunkSink) {
        let words = AnalysisWording(language)
        let l = language
        var out = TextBuffer(sink: sink)
        // Room for all the functions when they are written here in one run; a split report
        // writes its runs elsewhere (`writeInParts` makes room for each run).
        out.bytes.reserveCapacity(64 + Swift.min(analysis.functions.count, splitMinimum) * Self.bytesPerFunction)
        out.line("# Teamplotter — \(escape(analysis.teamName))")
        out.line("")
        out.line("## " + l.pick("Samenvatting", "Summary"))
        out.line("")
        out.line("| " + l.pick("status", "status") + " | " + l.pick("aantal rollen", "roles") + " |")
        out.line("|---|---:|")
        for status in RoleStatus.allCases {
            out.line("| \(status.symbol) \(status.label(l)) | \(analysis.count(status)) |")
        }
        out.line("")
        for sentence in words.summary(analysis) { out.line("- " + escape(sentence)) }
        if !analysis.urgentGaps.isEmpty {
            out.line("")
            out.line("## " + l.pick("Eerst aanpakken", "Act on first"))
            out.line("")
            for (number, role) in analysis.urgentGaps.enumerated() {
                let reason = words.reason(role)
                out.line("\(number + 1). \(role.status.symbol) **\(escape(role.role.name(l)))** — \(role.status.label(l))"
                    + (reason.isEmpty ? "" : " (\(escape(reason)))"))
            }
        }

        for category in analysis.categories {
            out.line("")
            var heading = "## " + escape(category.category.name(l))
            if let coverage = category.coverage {
                heading += l.pick(" (\(category.present)/\(category.needed) aanwezig, \(NumberFormatting.percent(coverage)))",
                                  " (\(category.present)/\(category.needed) present, \(NumberFormatting.percent(coverage)))")
            }
            out.line(heading)
            out.line("")
            out.line("| " + [l.pick("rol", "role"), l.pick("prioriteit", "priority"), l.pick("status", "status"),
                                l.pick("personen", "people"), "fte", l.pick("toelichting", "details")].joined(separator: " | ") + " |")
            out.line("|---|---|---|---:|---:|---|")
            for role in analysis.roles where role.categoryId == category.category.id {
                out.line("| " + [
                    escape(role.role.name(l)), role.priority.label(l), "\(role.status.symbol) \(role.status.label(l))",
                    String(role.people), NumberFormatting.fte(role.fte, l), escape(words.reason(role)),
                ].joined(separator: " | ") + " |")
            }
        }

        out.line("")
        out.line("## " + l.pick("Functies", "Functions"))
        out.line("")
        out.line("| " + [l.pick("functie", "function"), l.pick("medewerker", "holder"), "fte", l.pick("rollen", "roles"),
                            l.pick("signalen", "warnings")].joined(separator: " | ") + " |")
        out.line("|---|---|---:|---|---|")
        functionRows(analysis.functions, words: words, to: &out)
        if !analysis.missingTasks.isEmpty || !analysis.missingCompetencies.isEmpty || !analysis.singleCompetencies.isEmpty {
            out.line("")
            out.line("## " + l.pick("Taken en competenties", "Tasks and competencies"))
            out.line("")
            for task in analysis.missingTasks {
                out.line("- " + l.pick("Taak niet uitgevoerd: ", "Task not performed: ") + escape(task))
            }
            for competency in analysis.missingCompetencies {
                out.line("- " + l.pick("Competentie ontbreekt: ", "Competency missing: ") + escape(words.competency(competency)))
            }
            for result in analysis.singleCompetencies {
                out.line("- " + l.pick("Competentie bij één persoon: ", "Competency held by one person: ")
                    + escape(words.competency(result.competency)) + " (\(escape(result.holders.joined(separator: ", "))))")
            }
        }
        out.flush()
    }

    /// One table row per function: the bulk of a large report, so each row is written as bytes,
    /// in runs on all cores when there are enough functions to pay for the threads
    /// (`TextBuffer.writeInParts`).
    private func functionRows(_ functions: FunctionResults, words: AnalysisWording, to out: inout TextBuffer) {
        // Made for each run: the fixed pieces a run appends to every row are then its own, and
        // the cores do not wait on each other retaining the same ones.
        out.writeInParts(functions.count, minimum: splitMinimum, bytesPerItem: Self.bytesPerFunction) { range, buffer in
            FunctionRows(self, words: words, functions: functions).write(functions, range, to: &buffer)
        }
    }

    /// About what a function's row takes, to reserve room for the report up front.
    private static let bytesPerFunction = 120

    /// What every row needs, worked out once per run of rows.
    private struct FunctionRows {
        let report: MarkdownReport
        let words: AnalysisWording
        let roleShares: RoleShareList
        let vacancy: String
        // The rows' fixed pieces as bytes: appending an array is cheaper than a literal's UTF-8 view.
        let rowStart = Array("| ".utf8)
        let separator = Array(" | ".utf8)
        let rowEnd = Array(" |\n".utf8)
        /// The warnings whose wording is fixed, escaped once: most functions have one or none.
        let vacancyWarning: [UInt8]
        let noRolesWarning: [UInt8]
        let hoursUnknownWarning: [UInt8]

        init(_ report: MarkdownReport, words: AnalysisWording, functions: FunctionResults) {
            self.report = report
            self.words = words
            roleShares = RoleShareList(functions, language: report.language)
            vacancy = report.language.pick("vacature", "vacancy")
            func escaped(_ warning: FunctionWarning) -> [UInt8] {
                var escaped = TextBuffer()
                report.escape(words.warning(warning, catalogue: report.catalogue), to: &escaped)
                return escaped.bytes
            }
            vacancyWarning = escaped(.vacancy)
            noRolesWarning = escaped(.noRoles)
            hoursUnknownWarning = escaped(.hoursUnknown)
        }

        func write(_ functions: FunctionResults, _ range: Range<Int>, to out: inout TextBuffer) {
            var field: [UInt8] = []
            // Read in parts, so that no function result is put together.
            let teamFunctions = functions.teamFunctions
            for index in range {
                out.bytes.appendBytes(rowStart)
                report.escape(teamFunctions[index].title, to: &out)
                out.bytes.appendBytes(separator)
                report.escape(teamFunctions[index].isVacancy ? vacancy : (teamFunctions[index].holder ?? "—"), to: &out)
                out.bytes.appendBytes(separator)
                NumberFormatting.appendFTE(functions.fte(index), report.language, to: &out.bytes)
                out.bytes.appendBytes(separator)
                field.removeAll(keepingCapacity: true)
                roleShares.append(index, of: functions, to: &field)
                report.escape(field, to: &out)
                out.bytes.appendBytes(separator)
                // Escaped one by one: the same as escaping them joined, as every warning begins
                // with an ASCII letter, so no character spans the separator.
                let warnings = functions.warningRange(index)
                var repeated = RepeatedRoles()
                for position in warnings {
                    let warning = functions.warning(at: position)
                    var duplicateTimes = 0
                    if case .duplicateRole(let id) = warning {
                        guard let times = repeated.firstMention(of: id, among: functions.warnings(index)) else { continue }
                        duplicateTimes = times
                    }
                    if position > warnings.lowerBound { out.bytes.append(contentsOf: "; ".utf8) }
                    switch warning {
                    case .vacancy: out.bytes.appendBytes(vacancyWarning)
                    case .noRoles: out.bytes.appendBytes(noRolesWarning)
                    case .hoursUnknown: out.bytes.appendBytes(hoursUnknownWarning)
                    case .duplicateRole(let id):
                        report.escape(words.duplicateRole(id, timesNamed: duplicateTimes, catalogue: report.catalogue), to: &out)
                    default: report.escape(words.warning(warning, catalogue: report.catalogue), to: &out)
                    }
                }
                out.bytes.appendBytes(rowEnd)
            }
        }
    }

    func escape(_ text: String, to out: inout TextBuffer) {
        var text = text
        text.withUTF8 { escape($0, to: &out) }
    }

    fileprivate func escape(_ text: [UInt8], to out: inout TextBuffer) {
        text.withUnsafeBufferPointer { escape($0, to: &out) }
    }

    /// `escape` on bytes, for text whose characters are single scalars but for CR LF: ASCII and
    /// the scalars of `TextBuffer.standsAlone`. Runs of bytes left as they are are copied in one
    /// piece. Other text (combining marks, emoji, C1 controls) is escaped character by character.
    private func escape(_ text: UnsafeBufferPointer<UInt8>, to out: inout TextBuffer) {
        let start = out.bytes.count
        var run = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte >= 0x80 {
                let (value, length) = TextBuffer.scalar(startingAt: index, in: text)
                guard TextBuffer.standsAlone(value) else {
                    out.bytes.removeSubrange(start...)
                    return out.append(escape(String(decoding: text, as: UTF8.self)))
                }
                index += length
                continue
            }
            guard Self.isSpecial(byte) else {
                index += 1
                continue
            }
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index]))
            if byte == 0x0D, index + 1 < text.count, text[index + 1] == 0x0A {
                out.bytes.append(0x20)  // CR LF is one character
                index += 1
            } else if byte < 0x20 || byte == 0x7F {
                out.bytes.append(0x20)
            } else {
                out.bytes.append(UInt8(ascii: "\\"))
                out.bytes.append(byte)
            }
            index += 1
            run = index
        }
        out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
    }

    /// The ASCII bytes `escape` changes: controls and | \ * _ ` [ ] < > # &, as bits of two masks.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        let low: UInt64 = 0xFFFF_FFFF | 1 << 0x23 | 1 << 0x26 | 1 << 0x2A | 1 << 0x3C | 1 << 0x3E
        let high: UInt64 = 1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5D - 64) | 1 << (0x5F - 64) | 1 << (0x60 - 64)
            | 1 << (0x7C - 64) | 1 << (0x7F - 64)
        return (byte < 64 ? low &>> UInt64(byte) : high &>> UInt64(byte & 63)) & 1 != 0
    }

    /// User text must not break the table or turn into markup.
    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "&": result += "\\\(character)"
            default:
                result += character.unicodeScalars.contains(where: TextLayout.isControl) ? " " : String(character)
            }
        }
        return result
    }
}
