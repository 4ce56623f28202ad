import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport

/// Pages for requests that end in an error. They say what happened in plain words and how to go
/// on, and nothing about the server's inside.
enum ErrorPages {
    static func response(_ error: WebError, language l: Language, path: String) -> HTTPResponse {
        let (title, text): (String, String)
        switch error {
        case .notFound:
            title = l.pick("Pagina niet gevonden", "Page not found")
            text = l.pick(
                "Deze pagina bestaat niet (meer). Misschien is het team verwijderd of is het adres verkeerd overgenomen.",
                "This page does not exist (any more). The team may have been deleted, or the address was copied wrongly.")
        case .methodNotAllowed:
            title = l.pick("Dat kan hier niet", "Not possible here")
            text = l.pick("Deze pagina kan niet op deze manier worden gebruikt.", "This page cannot be used this way.")
        case .badRequest(let reason):
            title = l.pick("Verzoek niet begrepen", "Request not understood")
            text = reason
        case .staleForm:
            title = l.pick("Formulier verlopen", "Form expired")
            text = l.pick(
                "Het formulier kon niet worden gecontroleerd. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
                "The form could not be checked. Go back, reload the page and try again.")
        case .conflict:
            title = l.pick("Intussen gewijzigd", "Changed in the meantime")
            text = l.pick(
                "Deze functie is intussen gewijzigd of verwijderd, bijvoorbeeld in een ander venster of door een tweede klik. Er is niets veranderd. Ga terug naar het team en kijk of het nog nodig is.",
                "This function was changed or removed in the meantime, for example in another window or by a second click. Nothing has changed. Go back to the team and check whether it is still needed.")
        case .payloadTooLarge(let maximumBytes):
            let limit = ByteSizes.show(maximumBytes, l)
            title = l.pick("Bestand te groot", "File too large")
            text = l.pick(
                "Wat u verstuurde is groter dan de \(limit) die deze server aanneemt. Kies een kleiner bestand.",
                "What you sent is larger than the \(limit) this server accepts. Choose a smaller file.")
        case .unsupportedMediaType:
            title = l.pick("Soort inhoud niet ondersteund", "Content type not supported")
            text = l.pick("Deze pagina neemt dit soort inhoud niet aan.", "This page does not accept this kind of content.")
        }
        var response = page(title: title, text: text, language: l, path: path, status: error.status)
        if case .methodNotAllowed(let allowed) = error { response.setHeader("Allow", allowed.joined(separator: ", ")) }
        return response
    }

    static func internalError(language l: Language, path: String) -> HTTPResponse {
        page(
            title: l.pick("Er ging iets mis", "Something went wrong"),
            text: l.pick(
                "Er ging aan onze kant iets mis. Uw laatste wijziging is misschien niet bewaard. Probeer het later opnieuw.",
                "Something went wrong on our side. Your last change may not have been saved. Please try again later."),
            language: l, path: path, status: 500)
    }

    private static func page(title: String, text: String, language: Language, path: String, status: Int) -> HTTPResponse {
        // The language switch goes to the home page: the failing path may hold anything.
        let layout = Layout(language: language, path: "/")
        return .html(
            layout.page(title: title) {
                element("h1") { title }
                element("p", .class("lead")) { text }
                element("p") { element("a", HTMLAttribute("href", "/")) { language.pick("Naar de lijst met teams", "To the list of teams") } }
            }, status: status)
    }
}

/// JSON error bodies for the API: `{"error": {"status": 404, "code": "notFound", "message": "…"}}`.
enum APIErrors {
    static func response(_ error: WebError) -> HTTPResponse {
        let (code, message): (String, String)
        switch error {
        case .notFound: (code, message) = ("notFound", "No such resource.")
        case .methodNotAllowed: (code, message) = ("methodNotAllowed", "This method is not allowed here.")
        case .badRequest(let reason): (code, message) = ("badRequest", reason)
        case .staleForm: (code, message) = ("forbidden", "Forbidden.")
        case .payloadTooLarge: (code, message) = ("payloadTooLarge", "The request body is too large.")
        case .unsupportedMediaType(let expected): (code, message) = ("unsupportedMediaType", "Send \(expected).")
        case .conflict: (code, message) = ("conflict", "The resource changed in the meantime.")
        }
        var response = body(status: error.status, code: code, message: message)
        if case .methodNotAllowed(let allowed) = error { response.setHeader("Allow", allowed.joined(separator: ", ")) }
        return response
    }

    static func internalError() -> HTTPResponse {
        body(status: 500, code: "internalError", message: "Something went wrong on the server.")
    }

    static func body(status: Int, code: String, message: String, problems: [JSONValue]? = nil) -> HTTPResponse {
        .json(
            .object([
                ("error", .object([
                    ("status", .number(Double(status))),
                    ("code", .string(code)),
                    ("message", .string(message)),
                    ("problems", problems.map(JSONValue.array)),
                ]))
            ]), status: status)
    }
}
