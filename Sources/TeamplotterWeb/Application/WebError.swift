/// What ends a request early; the application turns each into a page (or JSON for the API)
/// that says what happened and nothing about the inside.
enum WebError: Error {
    case notFound
    case methodNotAllowed([String])
    case badRequest(String)
    /// The form's CSRF token was missing or wrong.
    case staleForm
    /// The body was larger than the configured limit, which the page names.
    case payloadTooLarge(maximumBytes: Int)
    case unsupportedMediaType(expected: String)
    /// What the form was about changed in the meantime (another window, a second click).
    case conflict

    var status: Int {
        switch self {
        case .notFound: 404
        case .methodNotAllowed: 405
        case .badRequest: 400
        case .staleForm: 403
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .conflict: 409
        }
    }
}
