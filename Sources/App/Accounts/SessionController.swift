import Fluent
import LumbungCore
import NIOConcurrencyHelpers
import Vapor

/// Logging in and out, with throttling of repeated failures.
struct SessionController {
    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    struct LoginData: Encodable {
        let email: String
        let next: String
        let error: String?
        let csrfToken: String
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: "/") }
        let next = LocalPath.safe(req.query[String.self, at: "next"])
        return try await render(req, email: "", next: next, error: nil)
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.form(LoginForm.self)
        let email = AccountRules.normalisedEmail(form.email ?? "") ?? String((form.email ?? "").lowercased().prefix(320))
        let next = LocalPath.safe(form.next)
        let now = req.now
        let keys = ["email:" + email, "address:" + req.clientAddress]
        let throttle = LoginThrottleStore(db: req.db, throttle: LoginThrottle())

        if let until = try await throttle.lockedUntil(keys, now: now) {
            let message = req.t("login.locked", IndonesianFormat.dateTime(until, language: req.language))
            return try await render(req, email: email, next: next, error: message, status: .tooManyRequests)
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // An unknown address is checked against a hash of the same cost, so the answer takes as
        // long as for a known one and does not tell which accounts exist.
        let hash: String
        if let user { hash = user.passwordHash } else { hash = try await req.application.dummyPasswordHash() }
        let passwordMatches = try await req.password.async.verify(form.password ?? "", created: hash)
        guard let user, user.isActive, passwordMatches else {
            try await throttle.recordFailure(keys, now: now)
            return try await render(req, email: email, next: next, error: req.t("login.failed"), status: .unauthorized)
        }

        try await req.db.transaction { db in
            try await throttle.clear(keys, on: db)
            user.lastLoginAt = now
            try await user.save(on: db)
            try await db.audit(user, "user.login", "user", user.id, user.email)
        }
        try await req.beginSession(for: user)
        return req.redirect(to: next)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        try await req.endSession()
        return req.redirect(to: "/login")
    }

    private func render(_ req: Request, email: String, next: String, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let data = LoginData(email: email, next: next, error: error, csrfToken: try await req.csrfToken())
        return try await req.render("accounts/login", title: req.t("login.title"), data, status: status)
    }
}

extension Request {
    /// The client's address for throttling: the socket's, or what a trusted proxy says it is.
    var clientAddress: String {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
                              trusted: application.lumbung.trustedProxies)
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = NIOLockedValueBox<String?> }

    /// Prepares the box for the comparison hash; `configure` calls this once.
    func prepareDummyPasswordHash() {
        storage[DummyHashKey.self] = NIOLockedValueBox(nil)
    }

    /// A hash made with this deployment's own hasher and cost, for logins to unknown accounts.
    func dummyPasswordHash() async throws -> String {
        let box = storage[DummyHashKey.self]!
        if let hash = box.withLockedValue({ $0 }) { return hash }
        let hash = try await password.async.hash("lumbung-no-such-account-" + UUID().uuidString)
        box.withLockedValue { $0 = $0 ?? hash }
        return box.withLockedValue { $0! }
    }
}
