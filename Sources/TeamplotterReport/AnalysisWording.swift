import TeamplotterCore

/// The words shared by every rendering of an analysis: the plain-language summary, the reason a
/// role has its status, the function warnings.
public struct AnalysisWording: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func pick(_ dutch: String, _ english: String) -> String { language.pick(dutch, english) }

    /// Why a role has its status, in a few words: "0,30 van 0,5 fte", "1 van 2 personen; vacature open".
    public func reason(_ role: RoleResult) -> String {
        var parts: [String] = []
        switch role.status {
        case .understaffed:
            if role.lacksFte, let desired = role.desiredFte {
                parts.append(pick("\(NumberFormatting.fte(role.fte, language)) van \(NumberFormatting.short(desired, language)) fte",
                                  "\(NumberFormatting.fte(role.fte, language)) of \(NumberFormatting.short(desired, language)) FTE"))
            }
            if role.lacksPeople, let minimum = role.minPeople {
                parts.append(pick("\(role.people) van \(minimum) personen", "\(role.people) of \(minimum) people"))
            }
        case .single:
            if let holder = role.holdings.first(where: { !$0.isVacancy }) {
                parts.append(pick("alleen ", "only ") + (holder.holder ?? holder.functionTitle))
            }
        default:
            break
        }
        if role.vacancies > 0 && role.isNeeded {
            parts.append(pick("vacature open", "vacancy open"))
        }
        return parts.joined(separator: "; ")
    }

    /// A role's name with its reason in brackets, for lists in sentences.
    public func nameWithReason(_ role: RoleResult) -> String {
        let reason = reason(role)
        return role.role.name(language) + (reason.isEmpty ? "" : " (\(reason))")
    }

    /// The summary in plain language, the most urgent gaps first.
    public func summary(_ analysis: GapAnalysis) -> [String] {
        var lines: [String] = []
        let gaps = analysis.urgentGaps
        let missingMust = gaps.filter { $0.status == .missing && $0.priority == .must }
        let understaffed = gaps.filter { $0.status == .understaffed }
        let missingOther = gaps.filter { $0.status == .missing && $0.priority != .must }
        let single = gaps.filter { $0.status == .single }

        if analysis.assumedNeeds {
            lines.append(pick(
                "Er is geen behoefte opgegeven; alle rollen uit de rollenlijst tellen als gewenst.",
                "No needs were stated; every role in the catalogue counts as should."))
        }
        let unstated = analysis.roles.filter { !$0.needStated }
        if !analysis.assumedNeeds, !unstated.isEmpty {
            lines.append(pick(
                "\(count(unstated.count, "rol staat niet in de behoefte en telt daarom als niet nodig", "rollen staan niet in de behoefte en tellen daarom als niet nodig").capitalisedFirst).",
                "\(count(unstated.count, "role is not in the needs and so counts as not needed", "roles are not in the needs and so count as not needed").capitalisedFirst)."))
        }
        if !analysis.roles.contains(where: \.isNeeded) {
            lines.append(pick("Er is geen rol nodig; er valt niets te missen.", "No role is needed, so nothing can be missing."))
        } else if gaps.isEmpty {
            lines.append(pick("Alle rollen die nodig zijn, zijn ingevuld door meer dan één persoon.",
                              "Every needed role is held by more than one person."))
        }
        if !missingMust.isEmpty {
            lines.append(pick(
                "\(count(missingMust.count, "rol die nodig is ontbreekt", "rollen die nodig zijn ontbreken")): ",
                "\(count(missingMust.count, "needed role is missing", "needed roles are missing")): ")
                + list(missingMust) + ".")
        }
        if !understaffed.isEmpty {
            lines.append(pick(
                "\(count(understaffed.count, "rol is onderbezet", "rollen zijn onderbezet")): ",
                "\(count(understaffed.count, "role is understaffed", "roles are understaffed")): ")
                + list(understaffed) + ".")
        }
        if !missingOther.isEmpty {
            lines.append(pick(
                "\(count(missingOther.count, "gewenste of optionele rol ontbreekt", "gewenste of optionele rollen ontbreken")): ",
                "\(count(missingOther.count, "wanted or optional role is missing", "wanted or optional roles are missing")): ")
                + list(missingOther) + ".")
        }
        if !single.isEmpty {
            lines.append(pick(
                "\(count(single.count, "rol hangt aan één persoon", "rollen hangen aan één persoon")): ",
                "\(count(single.count, "role rests on one person", "roles rest on one person")): ")
                + single.map { $0.role.name(language) }.joined(separator: ", ") + ".")
        }
        if !analysis.missingTasks.isEmpty {
            lines.append(pick("Niemand voert deze taken uit: ", "Nobody performs these tasks: ")
                + analysis.missingTasks.joined(separator: ", ") + ".")
        }
        if !analysis.missingCompetencies.isEmpty {
            lines.append(pick("Niemand heeft deze competenties: ", "Nobody has these competencies: ")
                + analysis.missingCompetencies.map(competency).joined(separator: ", ") + ".")
        }
        return lines
    }

    public func competency(_ competency: Competency) -> String {
        guard let level = competency.level else { return competency.name }
        return competency.name + pick(" (niveau \(level))", " (level \(level))")
    }

    public func warning(_ warning: FunctionWarning, catalogue: Catalogue) -> String {
        switch warning {
        case .noRoles: pick("geen rollen", "no roles")
        case .overloaded(let total):
            pick("overbelast: aandelen samen \(NumberFormatting.short(total, language))%",
                 "overloaded: shares add up to \(NumberFormatting.short(total, language))%")
        case .vacancy: pick("vacature", "vacancy")
        case .hoursUnknown: pick("uren onbekend", "hours unknown")
        case .duplicateRole(let id): duplicateRole(id, timesNamed: 2, catalogue: catalogue)
        case .unknownRole(let id): pick("onbekende rol \(id)", "unknown role \(id)")
        case .roleWithoutTime(let id):
            pick("rol \(catalogue.role(id: id)?.name(language) ?? id) krijgt geen tijd: de andere aandelen zijn samen al 100%",
                 "role \(catalogue.role(id: id)?.name(language) ?? id) gets no time: the other shares already add up to 100%")
        }
    }

    /// "rol Strateeg 5 keer genoemd; telt één keer": the analysis warns once per repetition.
    public func duplicateRole(_ id: String, timesNamed times: Int, catalogue: Catalogue) -> String {
        let name = catalogue.role(id: id)?.name(language) ?? id
        return times == 2
            ? pick("rol \(name) twee keer genoemd; telt één keer", "role \(name) named twice; counts once")
            : pick("rol \(name) \(times) keer genoemd; telt één keer", "role \(name) named \(times) times; counts once")
    }

    /// A function's warnings as said, with each repeated role once and its count (see
    /// `RepeatedRoles`); `.vacancy` is left out where the caller shows it otherwise.
    public func warnings(_ warnings: some Collection<FunctionWarning>, catalogue: Catalogue, withVacancy: Bool = true) -> [String] {
        var repeated = RepeatedRoles()
        return warnings.compactMap { warning in
            if warning == .vacancy && !withVacancy { return nil }
            guard case .duplicateRole(let id) = warning else { return self.warning(warning, catalogue: catalogue) }
            return repeated.firstMention(of: id, among: warnings).map { duplicateRole(id, timesNamed: $0, catalogue: catalogue) }
        }
    }

    private func list(_ roles: [RoleResult]) -> String {
        roles.map(nameWithReason).joined(separator: ", ")
    }

    private func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) " + (number == 1 ? one : many)
    }
}

/// A function's `.duplicateRole` warnings counted per role. The analysis gives one for every
/// repetition, so a cell with one role 500,000 times printed 500,000 lines; the renderings tell
/// each role once, where it is first repeated, with the number of times it is named.
public struct RepeatedRoles {
    /// Counted when first asked: nearly every function has no repeated role.
    private var repetitions: [String: Int]?

    public init() {}

    /// How many times the role is named (its repetitions and the first), the first time it is
    /// asked; nil after, when it has been told. `warnings` are the function's, all of them.
    public mutating func firstMention(
        of id: String, among warnings: @autoclosure () -> some Sequence<FunctionWarning>
    ) -> Int? {
        if repetitions == nil {
            var counts: [String: Int] = [:]
            for case .duplicateRole(let role) in warnings() { counts[role, default: 0] += 1 }
            repetitions = counts
        }
        guard let count = repetitions?.removeValue(forKey: id) else { return nil }
        return count + 1
    }
}

extension String {
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
