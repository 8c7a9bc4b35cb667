import Vapor

/// Headers every response carries, error pages included: no sniffing, no framing, no outside
/// scripts or fonts, and behind TLS (`LUMBUNG_SECURE_COOKIES=true`) HTTPS only. It is the
/// outermost middleware, so nothing answers without it. Like every middleware that needs no
/// database it works on the event loop's futures: an `AsyncMiddleware` starts a task for each
/// request, which cost more than all the rest of an answer from memory.
struct SecurityHeadersMiddleware: Middleware {
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in
            // Only if the error page itself failed: still a plain answer with the headers.
            request.logger.report(error: error)
            let response = Response(status: .internalServerError, body: .init(string: "Terjadi kesalahan pada server."))
            response.headers.contentType = .plainText
            return response
        }.map { response in
            self.secure(response)
            return response
        }
    }

    private func secure(_ response: Response) {
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        if strictTransportSecurity {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
    }
}
