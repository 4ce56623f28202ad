import Foundation
import TeamplotterCore
import TeamplotterFormats

/// The needs form as typed, and the rules that turn it into `Needs`.
struct NeedsForm: Sendable {
    /// Per role id: "" (not stated) or a `Priority` raw value.
    var priorities: [String: String] = [:]
    var desiredFte: [String: String] = [:]
    var minPeople: [String: String] = [:]
    var notes: [String: String] = [:]
    /// Per category id: a priority for all its roles at once, or "" to choose per role.
    var categoryChoice: [String: String] = [:]
    var tasks = ""
    var competencies = ""

    init(_ needs: Needs, language: Language) {
        for need in needs.roles {
            priorities[need.roleId] = need.priority.rawValue
            desiredFte[need.roleId] = NumberField.show(need.desiredFte, language)
            minPeople[need.roleId] = need.minPeople.map(String.init) ?? ""
            notes[need.roleId] = need.note ?? ""
        }
        tasks = needs.tasks.joined(separator: "\n")
        competencies = needs.competencies.map { competency in
            competency.level.map { "\(competency.name) (" + language.pick("niveau", "level") + " \($0))" } ?? competency.name
        }.joined(separator: "\n")
    }

    init(_ fields: FormFields, catalogue: Catalogue) {
        for role in catalogue.roles {
            priorities[role.id] = fields["priority-" + role.id] ?? ""
            desiredFte[role.id] = fields["fte-" + role.id] ?? ""
            minPeople[role.id] = fields["min-" + role.id] ?? ""
            notes[role.id] = fields["note-" + role.id] ?? ""
        }
        for category in catalogue.categories {
            categoryChoice[category.id] = fields["category-" + category.id] ?? ""
        }
        tasks = fields["needed-tasks"] ?? ""
        competencies = fields["needed-competencies"] ?? ""
    }

    /// The priority a role ends up with: the category's quick choice wins over the role's own.
    func priority(of role: Role, in category: RoleCategory) -> String {
        let quick = categoryChoice[category.id] ?? ""
        return quick.isEmpty ? (priorities[role.id] ?? "") : quick
    }

    func validate(catalogue: Catalogue, language l: Language) -> Result<Needs, FieldErrorList> {
        var errors = FieldErrors()
        var roles: [RoleNeed] = []
        for category in catalogue.categories {
            let quick = categoryChoice[category.id] ?? ""
            if !quick.isEmpty && Priority(rawValue: quick) == nil {
                errors.add("category-" + category.id, l.pick("Kies een prioriteit uit de lijst.", "Choose a priority from the list."))
            }
            for role in category.roles {
                let chosen = priority(of: role, in: category)
                let desired = NumberField.read(desiredFte[role.id] ?? "", range: 0...100, example: "0,5", language: l)
                let minimum = NumberField.read(minPeople[role.id] ?? "", range: 0...1000, wholeNumber: true, example: "2", language: l)
                if case .invalid(let message) = desired { errors.add("fte-" + role.id, message) }
                if case .invalid(let message) = minimum { errors.add("min-" + role.id, message) }
                let note = (notes[role.id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !chosen.isEmpty else {
                    if desired != .empty || minimum != .empty {
                        errors.add("priority-" + role.id, l.pick(
                            "Kies een prioriteit voor \(role.name(l)): u vulde fte of een aantal personen in.",
                            "Choose a priority for \(role.name(l)): you entered an FTE or a number of people."))
                    }
                    continue
                }
                guard let priority = Priority(rawValue: chosen) else {
                    errors.add("priority-" + role.id, l.pick("Kies een prioriteit uit de lijst.", "Choose a priority from the list."))
                    continue
                }
                var need = RoleNeed(roleId: role.id, priority: priority, note: note.isEmpty ? nil : note)
                if case .value(let value) = desired { need.desiredFte = value }
                if case .value(let value) = minimum { need.minPeople = Int(value) }
                roles.append(need)
            }
        }
        var neededCompetencies: [Competency] = []
        switch CompetencyField.read(competencies, language: l) {
        case .value(let value): neededCompetencies = value
        case .invalid(let message): errors.add("needed-competencies", message)
        }
        guard errors.isEmpty else { return .failure(FieldErrorList(errors: errors)) }
        return .success(Needs(roles: roles, tasks: FunctionForm.lines(tasks), competencies: neededCompetencies))
    }
}
