import Fluent
import LumbungCore
import Vapor

/// A signed-in person changing their own password.
struct AccountController {
    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
        var confirmPassword: String?
    }

    struct PasswordData: Encodable {
        let errors: [String: String]
    }

    @Sendable func showPassword(req: Request) async throws -> Response {
        try await req.render("accounts/password", title: req.t("password.title"), PasswordData(errors: [:]))
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let user = try req.user
        let form = try req.form(PasswordForm.self)
        var errors: [String: String] = [:]
        if !(try await req.password.async.verify(form.currentPassword ?? "", created: user.passwordHash)) {
            errors["currentPassword"] = req.t("password.wrongCurrent")
        }
        let new = form.newPassword ?? ""
        let problems = AccountRules.passwordProblems(new, email: user.email)
        if !problems.isEmpty {
            errors["newPassword"] = problems.map { $0.text(in: req.language) }.joined(separator: " ")
        } else if new != form.confirmPassword {
            errors["confirmPassword"] = req.t("password.mismatch")
        }
        guard errors.isEmpty else {
            return try await req.render("accounts/password", title: req.t("password.title"), PasswordData(errors: errors), status: .badRequest)
        }
        user.passwordHash = try await req.password.async.hash(new)
        let current = req.sessionState.tokenHash
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await db.endSessions(ofUser: try user.requireID(), keeping: current)
            try await db.audit(user, "user.change-password", "user", user.id, user.email)
        }
        req.flash(.success, req.t("password.otherSessionsEnded"))
        return req.redirect(to: "/")
    }
}
