import Fluent
import LumbungCore
import Vapor

/// `lumbung user create --email E --name N --role R [--agency CODE]` and
/// `lumbung user reset-password --email E`. The password is read from standard input, so that
/// a script can create the first admin without it showing in the process list.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create | reset-password")
        var action: String
        @Option(name: "email", help: "Login e-mail address")
        var email: String?
        @Option(name: "name", help: "Full name")
        var name: String?
        @Option(name: "role", help: "admin | operator | evaluator | viewer")
        var role: String?
        @Option(name: "agency", help: "Agency code, for operators")
        var agency: String?
    }

    var help: String { "Creates an account or resets its password; the password is read from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email.flatMap(AccountRules.normalisedEmail) else {
            throw CommandFailure("--email: a valid e-mail address is required")
        }
        guard ["create", "reset-password"].contains(signature.action) else {
            throw CommandFailure("action must be create or reset-password")
        }
        let name = signature.name?.trimmingCharacters(in: .whitespaces) ?? ""
        let role = signature.role.flatMap(Role.init(rawValue:))
        if signature.action == "create" {
            guard !name.isEmpty else { throw CommandFailure("--name is required") }
            guard role != nil else { throw CommandFailure("--role must be one of: admin, operator, evaluator, viewer") }
            if role == .operator && (signature.agency ?? "").isEmpty {
                throw CommandFailure("--agency: operators need the code of an existing agency")
            }
        }
        // The password is read and checked before any database is opened or created.
        let password = try readPassword(context, email: email)
        try await app.prepareDatabase(console: context.console)
        switch (signature.action, role) {
        case ("create", let role?):
            if try await User.query(on: app.db).filter(\.$email == email).count() > 0 {
                throw CommandFailure("--email: an account with \(email) already exists")
            }
            var agencyID: Int?
            if role == .operator {
                guard let code = signature.agency?.uppercased(),
                      let agency = try await Agency.query(on: app.db).filter(\.$code == code).first() else {
                    throw CommandFailure("--agency: operators need the code of an existing agency")
                }
                agencyID = agency.id
            }
            let user = User(email: email, name: name, passwordHash: try await app.password.async.hash(password),
                            role: role, agencyID: agencyID)
            try await app.db.transaction { db in
                try await user.create(on: db)
                try await db.audit(nil, "user.create", "user", user.id, "\(email) (\(role.rawValue)) from the command line")
            }
            context.console.output("Account created: \(email) (\(role.rawValue))")
        case ("reset-password", _):
            guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
                throw CommandFailure("--email: no account with \(email)")
            }
            user.passwordHash = try await app.password.async.hash(password)
            user.isActive = true
            try await app.db.transaction { db in
                try await user.save(on: db)
                try await db.audit(nil, "user.reset-password", "user", user.id, "\(email) from the command line")
                try await db.endSessions(ofUser: try user.requireID())
            }
            context.console.output("Password reset for \(email)")
        default:
            throw CommandFailure("action must be create or reset-password")
        }
    }

    private func readPassword(_ context: CommandContext, email: String) throws -> String {
        let password: String
        if isatty(0) == 1 {
            password = context.console.ask("Password (at least \(AccountRules.minimumPasswordLength) characters):".consoleText(), isSecure: true)
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        let problems = AccountRules.passwordProblems(password, email: email)
        guard problems.isEmpty else {
            throw CommandFailure("password: " + problems.map { $0.text(in: .en) }.joined(separator: " "))
        }
        return password
    }
}
