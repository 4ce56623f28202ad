import TeamplotterCore

/// The team's needs: per role a priority, desired FTE and minimum people; needed tasks and
/// competencies.
enum NeedsHandlers {
    static func show(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let saved = context.request.query["saved"] == "1"
        return .html(NeedsPage(context: context, stored: stored, form: NeedsForm(stored.team.needs, language: context.language), saved: saved).render())
    }

    static func save(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let catalogue = stored.team.catalogue
        let form = NeedsForm(context.form, catalogue: catalogue)
        switch form.validate(catalogue: catalogue, language: context.language) {
        case .failure(let list):
            return .html(NeedsPage(context: context, stored: stored, form: form, errors: list.errors).render(), status: 422)
        case .success(let needs):
            try context.change(stored.id) { $0.needs = needs }
            return .redirect(to: "/teams/\(stored.id)/needs?saved=1")
        }
    }
}
