import Vapor

/// Every state-changing request must carry the session's token, as the form field
/// `csrfToken` or the header `X-CSRF-Token`. Anonymous visitors get no session until they
/// meet a form, so reading pages costs no database write.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "csrfToken"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            return try await next.respond(to: request)
        default:
            break
        }
        if request.body.data == nil {
            // Uploads (multipart) may be large; every other form stays within the default limit.
            let limit = request.headers.contentType?.type == "multipart" ? TransferController.maximumUpload
                : request.application.routes.defaultMaxBodySize
            _ = try await request.body.collect(max: limit.value).get()
        }
        let sent = request.headers.first(name: "X-CSRF-Token")
            ?? (try? request.content.get(String.self, at: Self.fieldName))
        guard request.hasSession, let expected = request.session.data[Self.sessionKey],
              let sent, Self.constantTimeEquals(sent, expected) else {
            throw Abort(.forbidden, reason: "csrf")
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

extension Request {
    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = [UInt8].random(count: 24).base64
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
