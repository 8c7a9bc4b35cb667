import LumbungCore
import Vapor

/// Who may use a route. Every route is registered under exactly one of these, and the route
/// table test checks each against its own table of expectations.
enum Access: Sendable, Equatable {
    /// Anyone, logged in or not.
    case everyone
    /// Any active account.
    case signedIn
    /// Active accounts with one of these roles. An operator account that names no agency has
    /// nothing to work on: it is refused here rather than left to each page's scope.
    case roles(Set<Role>)

    static func only(_ roles: Role...) -> Access { .roles(Set(roles)) }

    func allows(_ user: User?) -> Bool {
        switch self {
        case .everyone: return true
        case .signedIn: return user?.isActive == true
        case .roles(let roles):
            guard let user, user.isActive, roles.contains(user.role) else { return false }
            return user.role != .operator || user.$agency.id != nil
        }
    }
}

/// Stands in front of every route, in this order, before any of the body is read:
/// 1. the access rule (anonymous visitors go to the login page, other roles get 403);
/// 2. the size of the body, from its declared length, against the route's limit (413 at once);
/// 3. for state-changing methods, the body is collected within that limit and the CSRF token checked.
/// The route itself then finds its body collected.
struct RouteGuard: Middleware {
    let access: Access

    /// Reading pages go straight on (no task of their own); only state-changing requests wait
    /// for their body and the token check.
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let user = request.auth.get(User.self)
        if access != .everyone && user?.isActive != true {
            request.auth.logout(User.self)
            let back = request.method == .GET ? request.url.string : nil
            let target = back.map { "/login?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/") } ?? "/login"
            return request.eventLoop.makeSucceededFuture(request.redirect(to: target))
        }
        guard access.allows(user) else { return request.eventLoop.makeFailedFuture(Abort(.forbidden)) }

        let limit = request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize.value
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            Self.stopReading(request)
            return request.eventLoop.makeFailedFuture(
                Abort(.payloadTooLarge, reason: request.t("error.page.tooLargeLimit", IndonesianFormat.bytes(limit, language: request.language),
                                                          IndonesianFormat.bytes(declared, language: request.language))))
        }
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            return next.respond(to: request)
        default:
            return request.eventLoop.makeFutureWithTask {
                if request.body.data == nil {
                    _ = try await request.body.collect(max: limit).get()
                }
                guard try await request.hasValidCSRFToken() else { throw Abort(.forbidden, reason: "csrf") }
                return try await next.respond(to: request).get()
            }
        }
    }
}

extension RouteGuard {
    /// Refuses the rest of a body that is too large to read: the server stops reading the
    /// connection (instead of draining megabytes it will never use) and the client, seeing the
    /// 413, stops sending and closes it.
    static func stopReading(_ request: Request) {
        let loop = request.eventLoop
        request.body.drain { _ in loop.makeFailedFuture(Abort(.payloadTooLarge)) }
    }
}

extension Route {
    private static let bodyLimitKey = "lumbung.bodyLimit"

    /// The largest body this route accepts, when it is not the default (uploads).
    var bodyLimit: Int? {
        get { userInfo[Self.bodyLimitKey] as? Int }
        set { userInfo[Self.bodyLimitKey] = newValue }
    }
}

extension RoutesBuilder {
    /// A group of routes that all share one access rule.
    func access(_ access: Access) -> any RoutesBuilder {
        grouped(RouteGuard(access: access))
    }

    /// A POST route that takes a file upload of at most `limit` bytes; everyone else is held
    /// to the default limit. The guard checks access before any byte of the upload is read.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ path: PathComponent..., limit: Int, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        upload(path, limit: limit, use: closure)
    }

    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ path: [PathComponent], limit: Int, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: ByteCount(value: limit)), use: closure)
        route.bodyLimit = limit
        return route
    }

}

extension Request {
    /// The signed-in user; only call behind `RouteGuard`.
    var user: User {
        get throws {
            guard let user = auth.get(User.self) else { throw Abort(.unauthorized) }
            return user
        }
    }
}
