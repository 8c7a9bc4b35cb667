import Fluent
import FluentKit
import Foundation
import LumbungCore
import SQLKit
import Vapor

extension Application {
    /// Makes the database ready for a command that uses it: says which SQLite file it is about
    /// to create, turns on WAL and a busy timeout, and applies pending migrations. Migrations
    /// print one line when they change something and nothing otherwise. Commands call this at
    /// the start of their work, so that `--help` and bad arguments never touch a database.
    /// Answers how many migrations it applied.
    @discardableResult
    func prepareDatabase(console: any Console) async throws -> Int {
        if case .sqliteFile(let path) = lumbung.databaseLocation {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if !FileManager.default.fileExists(atPath: path) {
                console.output("Membuat basis data baru / creating a new database: \(absolute)".consoleText())
            }
            _ = try await (db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
        }
        try await tuneConnections()
        var quiet = logger
        quiet.logLevel = .warning
        let migrator = Migrator(databases: databases, migrations: migrations, logger: quiet,
                                on: eventLoopGroup.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get()
        guard !pending.isEmpty else { return 0 }
        try await migrator.prepareBatch().get()
        let names = pending.map { $0.0.name.split(separator: ".").last.map(String.init) ?? $0.0.name }
        logger.notice("Database updated: \(pending.count) migration\(pending.count == 1 ? "" : "s") applied (\(names.joined(separator: ", ")))")
        return pending.count
    }

    /// SQLite's own default is to fail at once when another process is writing, and the driver
    /// replaces that with retrying forever in a busy loop. Each connection gets a busy timeout
    /// instead: a write waits up to `LUMBUNG_SQLITE_BUSY_SECONDS` for an import in another
    /// process, then fails with a message that says so. The pool keeps one connection per
    /// event loop, so setting it on each loop's connection covers them all.
    func tuneConnections() async throws {
        guard lumbung.databaseLocation.kind == "sqlite" else { return }
        let milliseconds = Int(lumbung.sqliteBusyTimeout * 1000)
        for loop in eventLoopGroup.makeIterator() {
            let database = databases.database(logger: logger, on: loop)!
            _ = try await (database as! any SQLDatabase).raw("PRAGMA busy_timeout = \(unsafeRaw: String(milliseconds))").all()
        }
    }
}
