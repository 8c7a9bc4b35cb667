import FluentSQLiteDriver
import LumbungCore
import Vapor

/// Turns errors into a page a person can act on (in their language), or JSON naming the
/// problem for machine routes. The headers an error carries (`Allow`, `Retry-After`) are kept.
struct PageErrorMiddleware: Middleware {
    let environment: Environment

    struct ErrorData: Encodable {
        let status: Int
        let heading: String
        let message: String
    }

    /// Answers are passed through untouched; only a failure starts a task (to render its page).
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            request.eventLoop.makeFutureWithTask { try await self.answer(error, for: request) }
        }
    }

    private func answer(_ error: any Error, for request: Request) async throws -> Response {
        var (status, reason, headers) = Self.describe(error)
        if Self.isBusy(error) {
            status = .serviceUnavailable
            headers.replaceOrAdd(name: .retryAfter, value: "10")
            reason = try? await ImportMarker.busyMessage(for: request)
        } else if status.code >= 500 {
            request.logger.report(error: error)
        }
        let response: Response
        if Self.wantsJSON(request) {
            response = Response(status: status)
            try response.content.encode(["error": reason ?? status.reasonPhrase])
        } else {
            response = await page(for: request, status: status, reason: reason)
        }
        for (name, value) in headers where name.lowercased() != "content-type" && name.lowercased() != "content-length" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.url.path
        return path.hasPrefix("/api/") || path == "/health" || path == "/metrics"
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String?, HTTPHeaders) {
        if let abort = error as? any AbortError {
            return (abort.status, abort.reason == abort.status.reasonPhrase ? nil : abort.reason, abort.headers)
        }
        return (.internalServerError, nil, [:])
    }

    /// SQLite's "database is locked" after the busy timeout: another process holds the write lock.
    static func isBusy(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        switch sqlite.reason {
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot: return true
        default: return false
        }
    }

    private func page(for request: Request, status: HTTPStatus, reason: String?) async -> Response {
        let message: String
        switch status {
        case .forbidden where reason == "csrf": message = request.t("error.page.csrf")
        case .forbidden: message = request.t("error.page.forbidden")
        case .notFound: message = request.t("error.page.notFound")
        case .methodNotAllowed: message = request.t("error.page.methodNotAllowed")
        case .uriTooLong: message = request.t("error.page.uriTooLong")
        case .payloadTooLarge: message = reason ?? request.t("error.page.tooLarge")
        case .conflict: message = reason ?? request.t("error.page.conflict")
        case .badRequest: message = reason ?? request.t("error.page.badRequest")
        case .serviceUnavailable: message = reason ?? request.t("error.page.unavailable")
        default: message = request.t("error.page.server")
        }
        let data = ErrorData(status: Int(status.code), heading: request.t("error.page.heading", String(status.code)), message: message)
        do {
            return try await request.render("error", title: data.heading, data, status: status)
        } catch {
            request.logger.report(error: error)
            let response = Response(status: status, body: .init(string: message))
            response.headers.contentType = .plainText
            return response
        }
    }
}
