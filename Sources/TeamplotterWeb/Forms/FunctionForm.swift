import Foundation
import TeamplotterCore
import TeamplotterFormats

/// The function form exactly as typed, so that a form that fails validation comes back with
/// everything in it, and the rules that turn it into a `TeamFunction`.
struct FunctionForm: Sendable {
    var title = ""
    var holder = ""
    var hours = ""
    var fte = ""
    var vacancy = false
    var tasks = ""
    var competencies = ""
    /// Role ids ticked.
    var roles: Set<String> = []
    /// Share text per role id, as typed (may be set for a role that is not ticked).
    var shares: [String: String] = [:]

    static let maximumHours = 80.0
    static let maximumFte = 2.0

    init() {}

    /// A stored function, shown for editing.
    init(_ function: TeamFunction, language: Language) {
        title = function.title
        holder = function.holder ?? ""
        switch function.workload {
        case .hoursPerWeek(let value): hours = NumberField.show(value, language)
        case .fte(let value): fte = NumberField.show(value, language)
        case nil: break
        }
        vacancy = function.isVacancy
        tasks = function.tasks.joined(separator: "\n")
        competencies = function.competencies.map { competency in
            competency.level.map { "\(competency.name) (" + language.pick("niveau", "level") + " \($0))" } ?? competency.name
        }.joined(separator: "\n")
        for assignment in function.roles {
            roles.insert(assignment.roleId)
            if let share = assignment.sharePercent { shares[assignment.roleId] = NumberField.show(share, language) }
        }
    }

    /// What the browser sent.
    init(_ fields: FormFields, catalogue: Catalogue) {
        title = fields["title"] ?? ""
        holder = fields["holder"] ?? ""
        hours = fields["hours"] ?? ""
        fte = fields["fte"] ?? ""
        vacancy = fields["vacancy"] != nil
        tasks = fields["tasks"] ?? ""
        competencies = fields["competencies"] ?? ""
        for role in catalogue.roles {
            // One name per checkbox: each role is its own yes/no, not one choice of a group.
            if fields["role-" + role.id] != nil { roles.insert(role.id) }
            if let share = fields["share-" + role.id], !share.trimmingCharacters(in: .whitespaces).isEmpty {
                shares[role.id] = share
            }
        }
    }

    /// The function, or the messages per field.
    func validate(catalogue: Catalogue, language l: Language) -> Result<TeamFunction, FieldErrorList> {
        var errors = FieldErrors()
        let cleanTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if cleanTitle.isEmpty {
            errors.add("title", l.pick("Vul de naam van de functie in, bijvoorbeeld Webredacteur.", "Enter the function's title, for example Web editor."))
        }
        var workload: Workload?
        let hoursOutcome = NumberField.read(hours, range: 0...Self.maximumHours, example: "22,5", language: l)
        let fteOutcome = NumberField.read(fte, range: 0...Self.maximumFte, example: "0,8", language: l)
        if case .invalid(let message) = hoursOutcome { errors.add("hours", message) }
        if case .invalid(let message) = fteOutcome { errors.add("fte", message) }
        switch (hoursOutcome, fteOutcome) {
        case (.value, .value):
            errors.add("fte", l.pick("Vul uren per week óf fte in, niet allebei.", "Enter hours per week or FTE, not both."))
        case (.value(let value), _): workload = .hoursPerWeek(value)
        case (_, .value(let value)): workload = .fte(value)
        default: break
        }

        var assignments: [RoleAssignment] = []
        for role in catalogue.roles {
            let field = "share-" + role.id
            let typed = shares[role.id] ?? ""
            let ticked = roles.contains(role.id)
            switch NumberField.read(typed, range: 0...100, example: "70", language: l) {
            case .invalid(let message):
                errors.add(field, message)
            case .value(let share):
                if ticked {
                    assignments.append(RoleAssignment(roleId: role.id, sharePercent: share))
                } else {
                    errors.add(field, l.pick(
                        "Vink de rol \(role.name(l)) aan, of maak het aandeel leeg.",
                        "Tick the role \(role.name(l)), or clear the share."))
                }
            case .empty:
                if ticked { assignments.append(RoleAssignment(roleId: role.id)) }
            }
        }
        var parsedCompetencies: [Competency] = []
        switch CompetencyField.read(competencies, language: l) {
        case .value(let value): parsedCompetencies = value
        case .invalid(let message): errors.add("competencies", message)
        }
        guard errors.isEmpty else { return .failure(FieldErrorList(errors: errors)) }
        let cleanHolder = holder.trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(TeamFunction(
            title: cleanTitle,
            holder: cleanHolder.isEmpty ? nil : cleanHolder,
            isVacancy: vacancy,
            workload: workload,
            tasks: Self.lines(tasks),
            roles: assignments,
            competencies: parsedCompetencies))
    }

    /// One item a line; empty lines dropped. (Semicolons are left alone here: a task may hold one.)
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
