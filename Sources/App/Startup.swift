import Fluent
import LumbungCore
import SQLKit
import Vapor

/// What the `lumbung` executable does before running a command: bring the database up to
/// date, load the demonstration province when asked, and, for `serve`, build the catalogue's
/// search index at boot and tell the person at the console how to get in.
public enum Startup {
    public static func prepare(_ app: Application, arguments: [String], loadDemo: Bool) async throws {
        let command = arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        guard command != "migrate" else { return }
        if case .sqliteFile = app.lumbung.databaseLocation {
            _ = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
        }
        try await app.autoMigrate()
        if loadDemo { try await Self.loadDemo(app) }
        guard command == "serve" else { return }
        // Only a server searches: other commands (an import, say) do not build the index.
        app.lifecycle.use(CatalogueLifecycle())
        try await greet(app, arguments: arguments)
    }

    static func loadDemo(_ app: Application) async throws {
        if try await Setting.isDemo(on: app.db) {
            app.logger.notice("Demonstration data is already loaded.")
            return
        }
        let started = Date()
        try await DemoProvince.load(on: app.db) { password in try await app.password.async.hash(password) }
        app.logger.notice("Demonstration province loaded in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }

    private static func greet(_ app: Application, arguments: [String]) async throws {
        func value(_ names: [String]) -> String? {
            guard let index = arguments.firstIndex(where: names.contains), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        let host = value(["--hostname", "-H"]) ?? "127.0.0.1"
        let port = value(["--port", "-p"]) ?? "8080"
        var lines = ["", "Lumbung: http://\(host):\(port)/  (database: \(app.lumbung.databaseLocation.kind))"]
        if try await Setting.isDemo(on: app.db) {
            lines.append("DATA DEMONSTRASI / demonstration data. Akun / accounts:")
            for account in DemoProvince.accounts {
                lines.append("  \(account.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(account.email)  \(account.password)")
            }
        } else if try await User.query(on: app.db).filter(\.$role == .admin).filter(\.$isActive == true).count() == 0 {
            lines += [
                "Belum ada akun admin. Buat satu dengan / No admin account yet. Create one with:",
                "  swift run lumbung user create --email admin@contoh.go.id --name \"Nama Admin\" --role admin",
                "  (kata sandi dibaca dari masukan standar / the password is read from standard input)",
                "Atau muat provinsi demonstrasi / or load the demonstration province: swift run lumbung serve --demo",
            ]
        }
        print(lines.joined(separator: "\n") + "\n")
    }
}
