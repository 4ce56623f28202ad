import TeamplotterCore
import TeamplotterStore

/// Adding, editing and removing a team's functions. Functions are numbered from 1 in the URL,
/// in the order the team lists them.
enum FunctionHandlers {
    /// The form field with the fingerprint of the function the form was opened for.
    static let originalField = "original"
    static func new(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        var form = FunctionForm()
        // "Add a function with this role", from a gap on the analysis page.
        if let role = context.request.query["role"], stored.team.catalogue.role(id: role) != nil {
            form.roles.insert(role)
        }
        return .html(FunctionPage(context: context, stored: stored, number: nil, form: form).render())
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let form = FunctionForm(context.form, catalogue: stored.team.catalogue)
        switch form.validate(catalogue: stored.team.catalogue, language: context.language) {
        case .failure(let list):
            return .html(FunctionPage(context: context, stored: stored, number: nil, form: form, errors: list.errors).render(), status: 422)
        case .success(let function):
            guard let saved = try context.store.update(id: stored.id, { $0.functions.append(function) }) else { throw WebError.notFound }
            return .redirect(to: "/teams/\(stored.id)#functie-\(saved.team.functions.count)")
        }
    }

    static func edit(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let number = try functionNumber(context, in: stored)
        let form = FunctionForm(stored.team.functions[number - 1], language: context.language)
        return .html(FunctionPage(context: context, stored: stored, number: number, form: form).render())
    }

    static func save(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let number = try functionNumber(context, in: stored)
        let form = FunctionForm(context.form, catalogue: stored.team.catalogue)
        switch form.validate(catalogue: stored.team.catalogue, language: context.language) {
        case .failure(let list):
            return .html(FunctionPage(context: context, stored: stored, number: number, form: form, errors: list.errors).render(), status: 422)
        case .success(let function):
            do {
                try context.change(stored.id) { team in
                    try checkUnchanged(team, number: number, context: context)
                    team.functions[number - 1] = function
                }
            } catch WebError.conflict {
                // Someone changed this function meanwhile: show what they saved next to the
                // user's own input, which is kept; saving again overwrites knowingly.
                let current = try context.storedTeam()
                var errors = FieldErrors()
                errors.add("title", context.pick(
                    "Deze functie is intussen door iemand anders gewijzigd of verplaatst. Uw invoer staat hieronder; controleer hem en sla opnieuw op.",
                    "Someone else changed or moved this function in the meantime. Your input is below; check it and save again."))
                guard let now = current.team.functions[safe: number - 1] else { throw WebError.conflict }
                return .html(FunctionPage(context: context, stored: current, number: number, form: form, errors: errors, original: now.fingerprint).render(), status: 409)
            }
            return .redirect(to: "/teams/\(stored.id)#functie-\(number)")
        }
    }

    static func confirmRemove(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let number = try functionNumber(context, in: stored)
        let function = stored.team.functions[number - 1]
        let l = context.language
        let name = function.title + (function.holder.map { " (\($0))" } ?? "")
        return .html(ConfirmPage(
            context: context, stored: stored,
            title: l.pick("Functie verwijderen", "Remove function"),
            question: l.pick(
                "Weet u zeker dat u de functie \u{201C}\(name)\u{201D} uit dit team wilt verwijderen?",
                "Are you sure you want to remove the function \u{201C}\(name)\u{201D} from this team?"),
            action: "/teams/\(stored.id)/functions/\(number)/remove",
            confirm: l.pick("Ja, verwijder deze functie", "Yes, remove this function"),
            cancel: "/teams/\(stored.id)#functie-\(number)",
            hidden: [(originalField, function.fingerprint)]).render())
    }

    static func remove(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let number = try functionNumber(context, in: stored)
        try context.change(stored.id) { team in
            try checkUnchanged(team, number: number, context: context)
            team.functions.remove(at: number - 1)
        }
        return .redirect(to: "/teams/\(stored.id)#functies")
    }

    /// The function's place from the URL, from 1; anything else (0, negative, huge) is a 404.
    private static func functionNumber(_ context: RequestContext, in stored: StoredTeam) throws -> Int {
        guard let number = context.parameters["number"].flatMap(Int.init), number >= 1,
            number <= stored.team.functions.count
        else {
            throw WebError.notFound
        }
        return number
    }

    /// Inside the saving transaction: the function at `number` is still the one the form was
    /// opened for (when the form says which that was).
    private static func checkUnchanged(_ team: Team, number: Int, context: RequestContext) throws {
        guard let function = team.functions[safe: number - 1] else { throw WebError.conflict }
        if let original = context.form[originalField], original != function.fingerprint {
            throw WebError.conflict
        }
    }
}
