import TeamplotterCore

/// The analysis as JSON: the contract of PRODUCT.md §6. Other tools rely on these names; fields may
/// be added, never renamed.
extension GapAnalysis {
    public func json(_ language: Language = .nl) -> JSONValue {
        JSONTree.build { write(language, into: &$0) }
    }

    /// The analysis as pretty-printed JSON text, written straight from the analysis (a large team's
    /// analysis never exists as a `JSONValue` too).
    public func jsonText(_ language: Language = .nl) -> String {
        JSONWriter.text(capacity: 1024 * (functions.count + roles.count + 1)) { write(language, into: &$0) }
    }

    /// The text of `jsonText` as UTF-8, handed to `drain` a chunk at a time (each ending between
    /// characters), for files: the 60 MB of a 100k-function analysis are then never whole in memory.
    public func writeJSON(_ language: Language = .nl, to drain: (UnsafeBufferPointer<UInt8>) -> Void) {
        JSONWriter.stream(to: drain) { write(language, into: &$0) }
    }

    func write(_ language: Language, into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("team", teamName)
            sink.field("standardWeekHours", standardWeekHours)
            sink.field("assumedNeeds", assumedNeeds)
            sink.field("summary", object: writeSummary)
            sink.field("roles", array: roles) { writeRole($1, language, into: &$0) }
            sink.field("categories", array: categories) { writeCategory($1, language, into: &$0) }
            sink.field("functions", array: functions) { writeFunction($1, into: &$0) }
            sink.field("tasks", object: { $0.field("missing", strings: missingTasks) })
            sink.field("competencies", object: { sink in
                sink.field("missing", array: missingCompetencies) { $1.write(into: &$0) }
                sink.field("single", array: singleCompetencies) { sink, result in
                    sink.object { sink in
                        sink.field("name", result.competency.name)
                        sink.field("level", result.competency.level)
                        sink.field("holders", strings: result.holders)
                    }
                }
            })
            sink.field("urgent", array: urgentGaps) { $0.string($1.role.id) }
        }
    }

    private func writeSummary(into sink: inout some JSONSink) {
        for status in RoleStatus.allCases { sink.field(status.rawValue, count(status)) }
        sink.field("needed", roles.count(where: \.isNeeded))
        sink.field("roles", roles.count)
    }

    private func writeRole(_ role: RoleResult, _ language: Language, into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("id", role.role.id)
            sink.field("name", role.role.name(language))
            sink.field("category", role.categoryId)
            sink.field("priority", role.priority.rawValue)
            sink.field("status", role.status.rawValue)
            sink.field("people", role.people)
            sink.field("fte", rounded: role.fte)
            sink.field("desiredFte", orNull: role.desiredFte)
            sink.field("minPeople", orNull: role.minPeople.map(Double.init))
            sink.field("vacancies", role.vacancies)
            sink.field("holders", array: role.holdings.lazy.filter { !$0.isVacancy }) { writeHolding($1, into: &$0) }
            if role.holdings.contains(where: \.isVacancy) {
                sink.field("vacancyFunctions", array: role.holdings.lazy.filter(\.isVacancy)) { writeHolding($1, into: &$0) }
            }
            sink.field("note", role.note)
        }
    }

    private func writeHolding(_ holding: RoleHolding, into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("function", holding.functionTitle)
            sink.field("functionIndex", holding.functionIndex)
            sink.field("name", holding.holder)
            sink.field("share", rounded: holding.sharePercent)
            sink.field("fte", rounded: holding.fte)
        }
    }

    private func writeCategory(_ category: CategoryResult, _ language: Language, into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("id", category.category.id)
            sink.field("name", category.category.name(language))
            sink.field("needed", category.needed)
            sink.field("present", category.present)
            sink.field("single", category.single)
            sink.key("coverage")
            if let coverage = category.coverage { sink.rounded(coverage) } else { sink.null() }
        }
    }

    private func writeFunction(_ function: FunctionResult, into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("index", function.index)
            sink.field("title", function.function.title)
            sink.field("holder", function.function.holder)
            sink.field("vacancy", function.function.isVacancy)
            sink.field("fte", rounded: function.fte)
            sink.field("roles", array: function.roles) { sink, share in
                sink.object { sink in
                    sink.field("role", share.roleId)
                    sink.field("share", rounded: share.sharePercent)
                    sink.field("explicit", share.isExplicit)
                    sink.field("fte", rounded: share.fte)
                }
            }
            sink.field("shareTotal", rounded: function.shareTotal)
            sink.field("warnings", array: function.warnings) { $0.string($1.code) }
        }
    }
}

extension FunctionWarning {
    /// A stable code for machines.
    public var code: String {
        switch self {
        case .noRoles: "noRoles"
        case .overloaded: "overloaded"
        case .vacancy: "vacancy"
        case .hoursUnknown: "hoursUnknown"
        case .duplicateRole: "duplicateRole"
        case .unknownRole: "unknownRole"
        case .roleWithoutTime: "roleWithoutTime"
        }
    }
}
