import TeamplotterReport

/// Every address the app answers, in one place.
enum Routes {
    static func register(in router: inout Router) {
        router.get("/") { try TeamHandlers.list($0) }
        router.get("/roles") { .html(RolesPage(context: $0).render()) }
        router.get("/static/style.css") { _ in Stylesheet.response }

        router.post("/teams") { try TeamHandlers.create($0) }
        router.get("/teams/{id}") { try TeamHandlers.show($0) }
        router.post("/teams/{id}/rename") { try TeamHandlers.rename($0) }
        router.post("/teams/{id}/duplicate") { try TeamHandlers.duplicate($0) }
        router.get("/teams/{id}/delete") { try TeamHandlers.confirmDelete($0) }
        router.post("/teams/{id}/delete") { try TeamHandlers.delete($0) }
        router.get("/teams/{id}/download") { try TeamHandlers.download($0) }
        router.get("/teams/{id}/plot.svg") { try DownloadHandlers.plot($0) }
        router.get("/teams/{id}/report") { try DownloadHandlers.report($0) }
        router.get("/teams/{id}/export.xlsx") { try DownloadHandlers.workbook($0) }
        router.get("/template.xlsx") { DownloadHandlers.template($0) }

        router.get("/teams/{id}/functions/new") { try FunctionHandlers.new($0) }
        router.post("/teams/{id}/functions") { try FunctionHandlers.create($0) }
        router.get("/teams/{id}/functions/{number}") { try FunctionHandlers.edit($0) }
        router.post("/teams/{id}/functions/{number}") { try FunctionHandlers.save($0) }
        router.get("/teams/{id}/functions/{number}/remove") { try FunctionHandlers.confirmRemove($0) }
        router.post("/teams/{id}/functions/{number}/remove") { try FunctionHandlers.remove($0) }

        router.get("/teams/{id}/needs") { try NeedsHandlers.show($0) }
        router.post("/teams/{id}/needs") { try NeedsHandlers.save($0) }
        router.get("/teams/{id}/analysis") { context in
            // The page holds no form and nothing of the visitor's own, so it can be kept.
            let stored = try context.storedTeam()
            let key = RenderCache.Key(
                kind: "analysis", id: stored.id, revision: stored.revision, team: stored.team, language: context.language)
            let page = context.renders.body(key) { HTTPResponse.html(AnalysisPage(context: context, stored: stored).render()).body }
            return .html(body: page.bytes, file: page.file)
        }

        router.get("/api/roles") { try APIHandlers.roles($0) }
        router.get("/api/teams") { try APIHandlers.teams($0) }
        router.post("/api/teams") { try APIHandlers.create($0) }
        router.get("/api/teams/{id}") { try APIHandlers.team($0) }
        router.put("/api/teams/{id}") { try APIHandlers.replace($0) }
        router.get("/api/teams/{id}/analysis") { try APIHandlers.analysis($0) }
    }
}
