import Vapor

/// Headers every response carries, error pages included: no sniffing, no framing, no outside
/// scripts or fonts, and behind TLS (`LUMBUNG_SECURE_COOKIES=true`) HTTPS only. It is the
/// outermost middleware, so nothing answers without it.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // Only if the error page itself failed: still a plain answer with the headers.
            request.logger.report(error: error)
            response = Response(status: .internalServerError, body: .init(string: "Terjadi kesalahan pada server."))
            response.headers.contentType = .plainText
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        if strictTransportSecurity {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return response
    }
}
