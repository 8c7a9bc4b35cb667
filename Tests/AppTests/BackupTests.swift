import Fluent
import Foundation
import LumbungCore
import SQLKit
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct BackupTests {
        /// Every row of every table, as text, so that two databases can be compared exactly.
        static func snapshot(_ app: Application) async throws -> [String: [String]] {
            let sql = app.db as! any SQLDatabase
            var result: [String: [String]] = [:]
            for table in try await DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation).existingTables() {
                switch app.lumbung.databaseLocation {
                case .postgres:
                    result[table] = try await sql.raw("SELECT t::text AS line FROM \(ident: table) t ORDER BY 1").all()
                        .map { try $0.decode(column: "line", as: String.self) }
                default:
                    let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                    let quoted = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                    result[table] = try await sql.raw("SELECT \(unsafeRaw: quoted) AS line FROM \(ident: table)").all()
                        .map { try $0.decode(column: "line", as: String.self) }.sorted()
                }
            }
            return result
        }

        @Test func theDemoProvinceSurvivesABackupAndARestoreIntoAnEmptyDatabase() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lumbung-backup-\(UUID().uuidString).bak").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            var before: [String: [String]] = [:]
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                var browser = Browser(app)
                try await browser.login("admin@lumbung.example", password: "lumbung-admin")
                try await browser.get("/innovations")
                before = try await Self.snapshot(app)
                #expect((before["revisions"]?.count ?? 0) >= 87)
                #expect((before["audit_events"]?.count ?? 0) > 0 && (before["users"]?.count ?? 0) >= 4)
                #expect(before["login_sessions"]?.count == 1)
                try await DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation).backup(to: file)
                // A second backup never overwrites the first.
                await #expect(throws: DatabaseBackup.Failure.self) {
                    try await DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation).backup(to: file)
                }
                // A database that has tables is refused, and keeps them.
                await #expect(throws: DatabaseBackup.Failure.self) {
                    try await DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation).restore(from: file)
                }
            }
            try await withEmptyApp { app in
                try await DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation).restore(from: file)
                let after = try await Self.snapshot(app)
                #expect(after.keys.sorted() == before.keys.sorted())
                for table in before.keys.sorted() {
                    #expect(after[table] == before[table], "\(table) differs after the restore")
                }
                // The restored province works: its admin signs in and sees its 90 (87 of its agencies, 3 of villages).
                try await app.prepareDatabase(console: app.console)
                var browser = Browser(app)
                try await browser.login("admin@lumbung.example", password: "lumbung-admin")
                #expect(try await browser.get("/").body.string.contains("id=\"total-innovations\">90<"))
            }
        }

        @Test func aFileThatIsNoBackupIsRefusedByName() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bukan-backup-\(UUID().uuidString).txt").path
            try Data("ini bukan cadangan".utf8).write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            try await withEmptyApp { app in
                do {
                    try await DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation).restore(from: file)
                    Issue.record("a text file was restored")
                } catch let failure as DatabaseBackup.Failure {
                    #expect(failure.description.contains("not a Lumbung backup"))
                }
            }
        }
    }
}

/// An application on a database with no tables at all (no migrations run).
func withEmptyApp(_ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    do {
        try configure(app, settings: try DeploymentSettings.read(ProcessInfo.processInfo.environment, isTesting: true))
        try await emptyDatabase(app)
        try await body(app)
    } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
