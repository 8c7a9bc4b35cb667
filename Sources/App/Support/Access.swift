import LumbungCore
import Vapor

/// Who may use a route. Every route is registered under exactly one of these, and the route
/// table test checks each against its own table of expectations.
enum Access: Sendable, Equatable {
    /// Anyone, logged in or not.
    case everyone
    /// Any active account.
    case signedIn
    /// Active accounts with one of these roles.
    case roles(Set<Role>)

    static func only(_ roles: Role...) -> Access { .roles(Set(roles)) }
}

struct AccessMiddleware: AsyncMiddleware {
    let access: Access

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if access == .everyone { return try await next.respond(to: request) }
        guard let user = request.auth.get(User.self), user.isActive else {
            request.auth.logout(User.self)
            let back = request.method == .GET ? request.url.string : nil
            let target = back.map { "/login?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/") } ?? "/login"
            return request.redirect(to: target)
        }
        if case .roles(let roles) = access, !roles.contains(user.role) {
            throw Abort(.forbidden)
        }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// A group of routes that all share one access rule.
    func access(_ access: Access) -> any RoutesBuilder {
        grouped(AccessMiddleware(access: access))
    }
}

extension Request {
    /// The signed-in user; only call behind `AccessMiddleware`.
    var user: User {
        get throws {
            guard let user = auth.get(User.self) else { throw Abort(.unauthorized) }
            return user
        }
    }
}
