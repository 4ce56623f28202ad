import Foundation
import TeamplotterCore

/// Which language a visitor reads: `?lang=` (remembered in a cookie), then the cookie, then the
/// browser's Accept-Language, then Dutch.
enum LanguageChoice {
    static let cookieName = "tp_lang"

    static func choose(_ request: HTTPRequest) -> (language: Language, remember: Bool) {
        if let asked = request.query["lang"].flatMap(Language.init(rawValue:)) {
            return (asked, true)
        }
        if let stored = request.cookies[cookieName].flatMap(Language.init(rawValue:)) {
            return (stored, false)
        }
        return (fromAcceptLanguage(request.header("accept-language") ?? ""), false)
    }

    /// The supported language with the highest weight; Dutch when none is listed.
    static func fromAcceptLanguage(_ header: String) -> Language {
        var best: (language: Language, weight: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            if weight > 0, weight > (best?.weight ?? -1) { best = (language, weight) }
        }
        return best?.language ?? .default
    }

    static func cookie(_ language: Language) -> String {
        "\(cookieName)=\(language.rawValue); Path=/; SameSite=Lax; Max-Age=31536000"
    }
}
