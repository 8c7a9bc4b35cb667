import Fluent
import LumbungCore
import Vapor

/// The Biro's account administration: create, edit (name, role, agency), deactivate,
/// reactivate, reset passwords. A change of role or agency, a reset or a deactivation ends
/// every session of that account at once.
struct UserAdminController {
    struct UserRow: Encodable {
        let id: Int
        let name: String
        let email: String
        let roleLabel: String
        let agencyName: String
        let isActive: Bool
        let isSelf: Bool
        let lastLogin: String
    }

    struct ListData: Encodable {
        let users: [UserRow]
    }

    struct UserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var agencyID: String?
    }

    struct FormData: Encodable {
        let isNew: Bool
        let action: String
        let heading: String
        let email: String
        let name: String
        let roles: [Choice]
        let agencies: [Choice]
        let errors: [String: String]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let me = try req.user
        let users = try await User.query(on: req.db).with(\.$agency).sort(\.$name).all()
        let rows = try users.map { user in
            UserRow(id: try user.requireID(), name: user.name, email: user.email,
                    roleLabel: req.t("role.\(user.role.rawValue)"),
                    agencyName: user.agency?.displayName ?? "—", isActive: user.isActive, isSelf: user.id == me.id,
                    lastLogin: user.lastLoginAt.map { IndonesianFormat.dateTime($0, language: req.language) } ?? "—")
        }
        return try await req.render("accounts/users", title: req.t("users.title"), ListData(users: rows))
    }

    @Sendable func new(req: Request) async throws -> Response {
        try await renderForm(req, UserForm(), user: nil, errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.form(UserForm.self)
        var errors: [String: String] = [:]
        let email = AccountRules.normalisedEmail(form.email ?? "")
        if email == nil { errors["email"] = req.t("error.badEmail") }
        if let email, try await User.query(on: req.db).filter(\.$email == email).count() > 0 {
            errors["email"] = req.t("users.emailTaken")
        }
        let details = try await readDetails(req, form, errors: &errors)
        guard errors.isEmpty, let email, let details else {
            return try await renderForm(req, form, user: nil, errors: errors, status: .badRequest)
        }
        let password = PasswordGenerator.make()
        let user = User(email: email, name: details.name, passwordHash: try await req.password.async.hash(password),
                        role: details.role, agencyID: details.agencyID)
        let actor = try req.user
        try await req.db.transaction { db in
            try await user.create(on: db)
            try await db.audit(actor, "user.create", "user", user.id, "\(email) (\(details.role.rawValue))")
        }
        req.flash(.success, req.t("users.created", email, password))
        return req.redirect(to: "/users")
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let form = UserForm(email: user.email, name: user.name, role: user.role.rawValue, agencyID: user.$agency.id.map(String.init))
        return try await renderForm(req, form, user: user, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let actor = try req.user
        var form = try req.form(UserForm.self)
        form.email = user.email
        var errors: [String: String] = [:]
        let details = try await readDetails(req, form, errors: &errors)
        if let details, user.id == actor.id, details.role != user.role {
            errors["role"] = req.t("users.notSelfRole")
        }
        guard errors.isEmpty, let details else {
            return try await renderForm(req, form, user: user, errors: errors, status: .badRequest)
        }
        let accessChanged = details.role != user.role || details.agencyID != user.$agency.id
        guard accessChanged || details.name != user.name else {
            req.flash(.info, req.t("users.unchanged"))
            return req.redirect(to: "/users")
        }
        var changes: [String] = []
        if details.name != user.name { changes.append("name") }
        if details.role != user.role { changes.append("role \(user.role.rawValue) → \(details.role.rawValue)") }
        if details.agencyID != user.$agency.id { changes.append("agency \(user.$agency.id.map(String.init) ?? "-") → \(details.agencyID.map(String.init) ?? "-")") }
        user.name = details.name
        user.role = details.role
        user.$agency.id = details.agencyID
        let summary = "\(user.email): \(changes.joined(separator: ", "))"
        try await req.db.transaction { db in
            try await user.save(on: db)
            if accessChanged { try await db.endSessions(ofUser: try user.requireID()) }
            try await db.audit(actor, "user.update", "user", user.id, summary)
        }
        req.flash(.success, req.t(accessChanged ? "users.updatedSessionsEnded" : "users.updated", user.email))
        return req.redirect(to: "/users")
    }

    @Sendable func deactivate(req: Request) async throws -> Response {
        try await setActive(req, false)
    }

    @Sendable func activate(req: Request) async throws -> Response {
        try await setActive(req, true)
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let user = try await findUser(req)
        let password = PasswordGenerator.make()
        user.passwordHash = try await req.password.async.hash(password)
        let actor = try req.user
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await db.endSessions(ofUser: try user.requireID(), keeping: user.id == actor.id ? req.sessionState.tokenHash : nil)
            try await db.audit(actor, "user.reset-password", "user", user.id, user.email)
        }
        req.flash(.success, req.t("users.passwordReset", user.email, password))
        return req.redirect(to: "/users")
    }

    private func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let user = try await findUser(req)
        let actor = try req.user
        if user.id == actor.id { throw Abort(.conflict, reason: req.t("users.notSelf")) }
        user.isActive = active
        try await req.db.transaction { db in
            try await user.save(on: db)
            if !active { try await db.endSessions(ofUser: try user.requireID()) }
            try await db.audit(actor, active ? "user.activate" : "user.deactivate", "user", user.id, user.email)
        }
        req.flash(.success, req.t(active ? "users.activated" : "users.deactivated", user.email))
        return req.redirect(to: "/users")
    }

    /// Name, role and agency from the form, checked; problems go into `errors` by field.
    private func readDetails(_ req: Request, _ form: UserForm, errors: inout [String: String]) async throws
        -> (name: String, role: Role, agencyID: Int?)? {
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["name"] = req.t("error.required") }
        if name.count > 200 { errors["name"] = LocalizedMessage("error.tooLong", "200", String(name.count)).text(in: req.language) }
        let role = form.role.flatMap(Role.init(rawValue:))
        if role == nil { errors["role"] = req.t("error.required") }
        var agencyID: Int?
        if role == .operator {
            agencyID = form.agencyID.flatMap { Int($0) }
            if let id = agencyID, try await Agency.find(id, on: req.db)?.isActive == true {
            } else {
                errors["agencyID"] = req.t("users.operatorNeedsAgency")
            }
        }
        guard let role, errors.isEmpty else { return nil }
        return (name, role, agencyID)
    }

    private func findUser(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: Int.self), let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return user
    }

    private func renderForm(_ req: Request, _ form: UserForm, user: User?, errors: [String: String],
                            status: HTTPStatus = .ok) async throws -> Response {
        let agencies = try await Agency.query(on: req.db).filter(\.$isActive == true).sort(\.$name).all()
        let heading = user.map { req.t("users.editTitle", $0.email) } ?? req.t("users.new")
        let data = FormData(
            isNew: user == nil, action: user.map { "/users/\($0.id!)" } ?? "/users", heading: heading,
            email: form.email ?? "", name: form.name ?? "",
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: form.role == $0.rawValue) },
            agencies: try agencies.map { Choice(value: String(try $0.requireID()), label: $0.name, selected: form.agencyID == String($0.id!)) },
            errors: errors)
        return try await req.render("accounts/user-form", title: heading, data, status: status)
    }
}

/// Initial and reset passwords: 14 characters from an alphabet without look-alikes (no 0/O, 1/l),
/// easy to read aloud over the telephone.
enum PasswordGenerator {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func make(length: Int = 14) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
