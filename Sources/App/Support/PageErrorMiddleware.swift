import LumbungCore
import Vapor

/// Turns errors into a page a person can act on (in their language), or JSON for machine routes.
struct PageErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    struct ErrorData: Encodable {
        let status: Int
        let heading: String
        let message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPStatus
            var reason: String?
            if let abort = error as? any AbortError {
                status = abort.status
                reason = abort.reason
            } else {
                status = .internalServerError
            }
            if status.code >= 500 { request.logger.report(error: error) }
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                let body = ["error": reason ?? status.reasonPhrase]
                let response = Response(status: status)
                try response.content.encode(body)
                return response
            }
            let message: String
            switch status {
            case .forbidden where reason == "csrf": message = request.t("error.page.csrf")
            case .forbidden: message = request.t("error.page.forbidden")
            case .notFound: message = request.t("error.page.notFound")
            case .conflict: message = reason ?? request.t("error.page.conflict")
            case .badRequest: message = reason ?? request.t("error.page.badRequest")
            case .payloadTooLarge: message = request.t("error.page.tooLarge")
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
}
