import Fluent
import Foundation
import LumbungCore
import SQLKit
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// Two processes on one SQLite file: the command line importing, the server saving.
    @Suite struct BusyDatabaseTests {
        @Test func aSaveDuringAnImportWaitsThenSaysAnImportIsRunning() async throws {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("lumbung-busy-test-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let settings = DeploymentSettings(databaseLocation: .sqliteFile(path: path), sqliteBusyTimeout: 1)
            let server = try await Application.make(.testing)
            let importer = try await Application.make(.testing)
            do {
                try configure(server, settings: settings)
                try configure(importer, settings: settings)
                try await server.prepareDatabase(console: server.console)
                try await importer.prepareDatabase(console: importer.console)
                let fixture = try await Fixture.make(server)
                let innovation = try await fixture.innovation(server, name: "Layanan Sebelum Impor")
                var browser = Browser(server)
                try await browser.login(fixture.admin.email)

                // The "import" takes the write lock for three seconds, as a long import does.
                try await ImportMarker.begin(by: "console", at: Date(), on: importer.db)
                let holding = Task {
                    try await importer.db.transaction { db in
                        try await (db as! any SQLDatabase).raw("UPDATE settings SET value = value WHERE key = 'import_running'").run()
                        try await Task.sleep(nanoseconds: 3_000_000_000)
                    }
                }
                try await Task.sleep(nanoseconds: 300_000_000)
                let refused = try await browser.post("/innovations/\(innovation.id!)",
                                                     Forms.innovation(name: "Layanan Saat Impor", agencyID: fixture.agency.id))
                #expect(refused.status == .serviceUnavailable)
                #expect(refused.body.string.contains("Impor spreadsheet sedang berjalan"))
                #expect(refused.headers.first(name: .retryAfter) != nil)
                try await holding.value
                await ImportMarker.end(on: importer.db)

                // Nothing was lost or half-written, and the same save now succeeds.
                #expect(try await Innovation.find(innovation.id, on: server.db)?.name == "Layanan Sebelum Impor")
                let saved = try await browser.post("/innovations/\(innovation.id!)",
                                                   Forms.innovation(name: "Layanan Setelah Impor", agencyID: fixture.agency.id))
                #expect(saved.status == .seeOther)
                #expect(try await Innovation.find(innovation.id, on: server.db)?.name == "Layanan Setelah Impor")
            } catch {
                try? await importer.asyncShutdown()
                try? await server.asyncShutdown()
                throw error
            }
            try await importer.asyncShutdown()
            try await server.asyncShutdown()
        }
    }
}
