import Fluent
import LumbungCore
import Vapor

/// Logging in and out, with throttling of repeated failures.
struct SessionController {
    static let throttle = LoginThrottle()

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    struct LoginData: Encodable {
        let email: String
        let next: String
        let error: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: "/") }
        let next = LocalPath.safe(req.query[String.self, at: "next"])
        return try await req.render("accounts/login", title: req.t("login.title"), LoginData(email: "", next: next, error: nil))
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.form(LoginForm.self)
        let email = AccountRules.normalisedEmail(form.email ?? "") ?? (form.email ?? "").lowercased()
        let next = LocalPath.safe(form.next)
        let now = Date()
        let keys = ["email:" + email, "address:" + clientAddress(req)]

        let records = try await LoginThrottleRecord.query(on: req.db).filter(\.$key ~~ keys).all()
        if let until = records.compactMap({ Self.throttle.lockedUntil($0.record, now: now) }).max() {
            let message = req.t("login.locked", IndonesianFormat.dateTime(until, language: req.language))
            return try await req.render("accounts/login", title: req.t("login.title"),
                                        LoginData(email: email, next: next, error: message), status: .tooManyRequests)
        }

        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let passwordMatches = try await req.password.async.verify(form.password ?? "", created: user?.passwordHash ?? Self.dummyHash)
        guard let user, user.isActive, passwordMatches else {
            try await recordFailure(keys: keys, existing: records, now: now, on: req.db)
            return try await req.render("accounts/login", title: req.t("login.title"),
                                        LoginData(email: email, next: next, error: req.t("login.failed")), status: .unauthorized)
        }

        try await req.db.transaction { db in
            for record in records { try await record.delete(on: db) }
            user.lastLoginAt = now
            try await user.save(on: db)
            try await db.audit(user, "user.login", "user", user.id, user.email)
        }
        req.session.data[CSRFMiddleware.sessionKey] = nil
        req.auth.login(user)
        return req.redirect(to: next)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    private func recordFailure(keys: [String], existing: [LoginThrottleRecord], now: Date, on db: any Database) async throws {
        for key in keys {
            let record = existing.first { $0.key == key } ?? {
                let fresh = LoginThrottleRecord()
                fresh.key = key
                return fresh
            }()
            record.record = Self.throttle.recordingFailure(record.id == nil ? nil : record.record, now: now)
            try await record.save(on: db)
        }
    }

    private func clientAddress(_ req: Request) -> String {
        req.headers.forwarded.first?.for ?? req.headers.first(name: .xForwardedFor)?.split(separator: ",").first.map(String.init)
            ?? req.remoteAddress?.ipAddress ?? "unknown"
    }

    /// A real bcrypt hash to compare against when the account does not exist, so that the
    /// answer takes about as long for an unknown address as for a wrong password.
    static let dummyHash: String = (try? Bcrypt.hash("lumbung-no-such-account", cost: 10)) ?? ""
}
