import Foundation
import TeamplotterCore
import TeamplotterFormats
import TeamplotterStore

/// The teams: list, create, rename, duplicate, delete, download.
enum TeamHandlers {
    static func list(_ context: RequestContext) throws -> HTTPResponse {
        .html(TeamsListPage(context: context, teams: try context.store.teams()).render())
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        let l = context.language
        let form = context.form
        var input = TeamsListPage.Input()
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let team: Team
        switch form["mode"] ?? "" {
        case "empty":
            input.emptyName = form["name"] ?? ""
            guard !name.isEmpty else {
                input.errors.add("team-name", l.pick("Vul een naam voor het team in.", "Enter a name for the team."))
                return try again(context, input)
            }
            team = Team(name: name)
        case "example":
            team = ExampleTeam.team
        case "upload":
            input.uploadName = form["name"] ?? ""
            // A browser sends a file field without a name and without content when no file was
            // chosen; an empty file that was chosen is read, and said to be empty.
            func chosen(_ file: FormFields.File?) -> FormFields.File? {
                guard let file, !file.data.isEmpty || !file.filename.isEmpty else { return nil }
                return file
            }
            guard let file = chosen(form.files["team-file"]) else {
                input.errors.add("team-file", l.pick("Kies een bestand om in te lezen.", "Choose a file to read."))
                return try again(context, input)
            }
            var problems: [InputProblem] = []
            var loaded: Team?
            do throws(InputProblems) {
                loaded = try TeamLoader.loadTeam(file.data, file: file.filename, teamName: name.isEmpty ? nil : name).team
            } catch {
                problems += error.problems
            }
            if let needsFile = chosen(form.files["needs-file"]) {
                do throws(InputProblems) {
                    let needs = try TeamLoader.loadNeeds(needsFile.data, file: needsFile.filename, catalogue: loaded?.catalogue ?? .builtIn)
                    loaded?.needs = needs
                } catch {
                    problems += error.problems
                    input.errors.add("needs-file", l.pick("De behoefte kon niet worden ingelezen; zie de meldingen bij het teambestand.", "The needs could not be read; see the messages at the team file."))
                }
            }
            let errors = problems.filter { !$0.isWarning }
            guard errors.isEmpty, var uploaded = loaded else {
                input.errors.add("team-file", l.pick(
                    "Het bestand is niet ingelezen en er is niets veranderd. Pas het bestand aan en probeer het opnieuw.",
                    "The file was not read and nothing has changed. Correct the file and try again."))
                input.uploadProblems = errors.map { $0.formatted(l, on: .web) }
                return try again(context, input)
            }
            if !name.isEmpty { uploaded.name = name }
            team = uploaded
        default:
            throw WebError.badRequest(l.pick("Onbekende manier om een team te maken.", "Unknown way to create a team."))
        }
        let id = try context.store.create(team)
        return .redirect(to: "/teams/\(id)")
    }

    private static func again(_ context: RequestContext, _ input: TeamsListPage.Input) throws -> HTTPResponse {
        .html(TeamsListPage(context: context, teams: try context.store.teams(), input: input).render(), status: 422)
    }

    static func show(_ context: RequestContext) throws -> HTTPResponse {
        .html(TeamPage(context: context, stored: try context.storedTeam()).render())
    }

    /// Name, organisation and the hours in one FTE.
    static func rename(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let l = context.language
        let form = context.form
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let organisation = (form["organisation"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if name.isEmpty { errors.add("rename-name", l.pick("Vul een naam voor het team in.", "Enter a name for the team.")) }
        var week = stored.team.standardWeekHours
        switch NumberField.read(form["week"] ?? "", range: 1...80, example: "36", language: l) {
        case .value(let hours): week = hours
        case .invalid(let message): errors.add("rename-week", message)
        case .empty: errors.add("rename-week", l.pick("Vul het aantal uren van één fte in, bijvoorbeeld 36.", "Enter the hours of one FTE, for example 36."))
        }
        guard errors.isEmpty else {
            var page = TeamPage(context: context, stored: stored)
            page.renameName = form["name"] ?? ""
            page.renameOrganisation = form["organisation"] ?? ""
            page.renameWeek = form["week"] ?? ""
            page.errors = errors
            return .html(page.render(), status: 422)
        }
        try context.change(stored.id) { team in
            team.name = name
            team.organisation = organisation.isEmpty ? nil : organisation
            team.standardWeekHours = week
        }
        return .redirect(to: "/teams/\(stored.id)")
    }

    static func duplicate(_ context: RequestContext) throws -> HTTPResponse {
        var team = try context.storedTeam().team
        team.name = context.pick("Kopie van ", "Copy of ") + team.name
        let id = try context.store.create(team)
        return .redirect(to: "/teams/\(id)")
    }

    static func confirmDelete(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        let l = context.language
        return .html(ConfirmPage(
            context: context, stored: stored,
            title: l.pick("Team verwijderen", "Delete team"),
            question: l.pick(
                "Weet u zeker dat u het team \u{201C}\(stored.team.name)\u{201D} wilt verwijderen? Alle functies en de behoefte worden ook verwijderd. Dit kan niet ongedaan worden gemaakt.",
                "Are you sure you want to delete the team \u{201C}\(stored.team.name)\u{201D}? All its functions and needs are deleted too. This cannot be undone."),
            hint: l.pick("Tip: download eerst het teamdocument als u het later nog wilt hebben.", "Tip: download the team document first if you may want it later."),
            action: "/teams/\(stored.id)/delete", confirm: l.pick("Ja, verwijder dit team", "Yes, delete this team"),
            cancel: "/teams/\(stored.id)").render())
    }

    static func delete(_ context: RequestContext) throws -> HTTPResponse {
        guard try context.store.delete(id: try context.idParameter()) else { throw WebError.notFound }
        return .redirect(to: "/")
    }

    /// The team document, as a file to save. The JSON writer escapes < > &, so markup in it
    /// stays text even if the file is opened in a browser.
    static func download(_ context: RequestContext) throws -> HTTPResponse {
        let stored = try context.storedTeam()
        var response = HTTPResponse.json(TeamDocument.encode(stored.team))
        let slug = TextKey.slug(stored.team.name)
        let filename = (slug.isEmpty ? "team" : String(slug.prefix(60))) + ".teamplotter.json"
        response.setHeader("Content-Disposition", "attachment; filename=\"\(filename)\"")
        return response
    }
}
