import Fluent
import LumbungCore
import Vapor

/// Reads the session cookie, when there is one, and signs its account in: one query joining the
/// session and its account. Requests without the cookie (every anonymous page, the API,
/// `/health`) touch no session at all. After the response, writes what changed: new flash
/// messages, a new session at login, the last use (at most once a minute), the cookie.
struct LoginSessionMiddleware: Middleware {
    static let cookieName = "lumbung_session"

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let token = request.cookies[Self.cookieName]?.string else {
            // No session to load: the request goes on without a task of its own; only what it
            // began (a login, the login form's nonce) is written afterwards.
            return next.respond(to: request).flatMap { response in
                guard let state = request.existingSessionState else { return request.eventLoop.makeSucceededFuture(response) }
                return request.eventLoop.makeFutureWithTask {
                    try await state.persist(for: request, into: response)
                    return response
                }
            }
        }
        return request.eventLoop.makeFutureWithTask {
            let state = request.sessionState
            try await state.load(token: token, for: request)
            let response: Response
            do {
                response = try await next.respond(to: request).get()
            } catch {
                try await state.persist(for: request, into: nil)
                throw error
            }
            try await state.persist(for: request, into: response)
            return response
        }
    }
}

/// The session of one request: what was loaded, and what must be written when it ends.
final class LoginSessionState: @unchecked Sendable {
    private(set) var session: LoginSession?
    private var flashChanged = false
    /// The token of a session begun during this request, for the cookie.
    private var newToken: String?
    /// A cookie that names no valid session: the browser is told to forget it.
    private var clearCookie = false
    /// The anonymous CSRF nonce made during this request, for its cookie.
    var newAnonymousNonce: String?

    var tokenHash: String? { session?.tokenHash }

    func load(token: String, for request: Request) async throws {
        guard token.utf8.count <= 100 else { clearCookie = true; return }
        let hash = SessionToken.hash(token)
        let found = try await LoginSession.query(on: request.db)
            .join(User.self, on: \LoginSession.$user.$id == \User.$id)
            .filter(\.$tokenHash == hash).first()
        guard let found, let user = try? found.joined(User.self) else {
            clearCookie = true
            return
        }
        let now = request.now
        guard user.isActive, !request.sessionPolicy.isExpired(createdAt: found.createdAt, lastSeenAt: found.lastSeenAt, now: now) else {
            try await found.delete(on: request.db)
            clearCookie = true
            return
        }
        found.$user.value = user
        session = found
        request.auth.login(user)
    }

    /// Begins a new session for `user`, ending the one this request came with: the session id
    /// changes at every login.
    func begin(for user: User, on request: Request) async throws {
        if let old = session { try await old.delete(on: request.db) }
        let token = SessionToken.make()
        let fresh = LoginSession(tokenHash: SessionToken.hash(token), userID: try user.requireID(), now: request.now)
        try await fresh.create(on: request.db)
        fresh.$user.value = user
        session = fresh
        newToken = token
        clearCookie = false
        request.auth.login(user)
    }

    func end(on request: Request) async throws {
        if let session { try await session.delete(on: request.db) }
        session = nil
        newToken = nil
        clearCookie = true
        request.auth.logout(User.self)
    }

    var flash: [FlashMessage] {
        get {
            guard let text = session?.flash,
                  let messages = try? JSONDecoder().decode([FlashMessage].self, from: Data(text.utf8)) else { return [] }
            return messages
        }
        set {
            guard let session else { return }
            let text = newValue.isEmpty ? nil : (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) }
            guard text != session.flash else { return }
            session.flash = text
            flashChanged = true
        }
    }

    func persist(for request: Request, into response: Response?) async throws {
        let settings = request.application.lumbung
        if let session, session.id != nil {
            let now = request.now
            let touch = request.sessionPolicy.needsTouch(lastSeenAt: session.lastSeenAt, now: now)
            if touch { session.lastSeenAt = now }
            if touch || flashChanged {
                // The row may be gone (a logout elsewhere, a password change): then nothing to keep.
                try await LoginSession.query(on: request.db).filter(\.$id == session.id!)
                    .set(\.$lastSeenAt, to: session.lastSeenAt).set(\.$flash, to: session.flash).update()
                flashChanged = false
            }
        }
        guard let response else { return }
        if let newToken, let session {
            response.cookies[LoginSessionMiddleware.cookieName] = HTTPCookies.Value(
                string: newToken, expires: request.sessionPolicy.cookieExpiry(createdAt: session.createdAt),
                path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        } else if clearCookie {
            response.cookies[LoginSessionMiddleware.cookieName] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        if let nonce = newAnonymousNonce {
            response.cookies[CSRFTokens.anonymousCookieName] = HTTPCookies.Value(
                string: nonce, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

/// Session tokens: 32 random bytes for the cookie, their SHA-256 for the database.
enum SessionToken {
    static func make() -> String {
        Data([UInt8].random(count: 32)).base64URLEncoded
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}

extension Request {
    private struct SessionStateKey: StorageKey { typealias Value = LoginSessionState }

    /// The session state if this request made one (a login, a form token), without making it.
    var existingSessionState: LoginSessionState? { storage[SessionStateKey.self] }

    var sessionState: LoginSessionState {
        if let existing = storage[SessionStateKey.self] { return existing }
        let created = LoginSessionState()
        storage[SessionStateKey.self] = created
        return created
    }

    var sessionPolicy: SessionPolicy {
        SessionPolicy(idleTimeout: application.lumbung.sessionIdleTimeout, lifetime: application.lumbung.sessionLifetime)
    }

    /// Signs `user` in with a new session (and a new cookie).
    func beginSession(for user: User) async throws {
        try await sessionState.begin(for: user, on: self)
    }

    /// Signs out and removes the session.
    func endSession() async throws {
        try await sessionState.end(on: self)
    }
}

extension Database {
    /// Ends every session of an account, except `keeping` (the one making the change):
    /// after a password change or reset, or a change of role or agency.
    func endSessions(ofUser userID: Int, keeping tokenHash: String? = nil) async throws {
        let query = LoginSession.query(on: self).filter(\.$user.$id == userID)
        if let tokenHash { query.filter(\.$tokenHash != tokenHash) }
        try await query.delete()
    }

    /// Removes the sessions that have expired; run on a schedule by `serve`.
    @discardableResult
    func removeExpiredSessions(policy: SessionPolicy, now: Date) async throws -> Int {
        let cutoff = policy.expiryCutoffs(now: now)
        func expired() -> QueryBuilder<LoginSession> {
            LoginSession.query(on: self).group(.or) {
                $0.filter(\.$lastSeenAt < cutoff.lastSeenBefore).filter(\.$createdAt < cutoff.createdBefore)
            }
        }
        let count = try await expired().count()
        if count > 0 { try await expired().delete() }
        return count
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads the unpadded URL-safe form written by `base64URLEncoded`.
    init?(base64URLEncoded text: String) {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        self.init(base64Encoded: standard)
    }
}
