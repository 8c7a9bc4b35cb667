import LumbungCore
import Vapor

/// Picks the interface language: the `lang` cookie set by the switch in the header, else
/// Indonesian. (Browsers in the province often say English while their users read Indonesian.)
struct LanguageMiddleware: Middleware {
    static let cookieName = "lang"

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if let value = request.cookies[Self.cookieName]?.string, let language = Language(rawValue: value) {
            request.language = language
        }
        return next.respond(to: request)
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    var language: Language {
        get { storage[LanguageKey.self] ?? .id }
        set { storage[LanguageKey.self] = newValue }
    }

    /// Shortcut for a catalogue text in the request's language.
    func t(_ key: String, _ arguments: String...) -> String {
        StringCatalogue.text(key, language: language, arguments: arguments)
    }
}

/// `GET /bahasa/:language?next=/path`: switches the interface language and goes back.
struct LanguageController {
    @Sendable func switchLanguage(req: Request) async throws -> Response {
        guard let language = req.parameters.get("language").flatMap(Language.init(rawValue:)) else {
            throw Abort(.notFound)
        }
        let response = req.redirect(to: LocalPath.safe(req.query[String.self, at: "next"]))
        response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(
            string: language.rawValue, expires: Date().addingTimeInterval(365 * 24 * 3600),
            path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
