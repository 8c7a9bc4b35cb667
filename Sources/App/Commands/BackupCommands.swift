import Foundation
import Vapor

/// `lumbung backup FILE`: a consistent copy of the whole database, safe while `serve` runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup (a new file)")
        var file: String
    }

    var help: String { "Writes a consistent backup of the whole database (SQLite: VACUUM INTO; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard !FileManager.default.fileExists(atPath: signature.file) else {
            throw CommandFailure("file: \(signature.file) already exists; choose a new name so that no backup is overwritten")
        }
        if case .sqliteFile(let path) = app.lumbung.databaseLocation, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("DATABASE_URL: there is no database at \(path) to back up")
        }
        let backup = DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation)
        do {
            try await backup.backup(to: signature.file)
        } catch let failure as DatabaseBackup.Failure {
            throw CommandFailure(failure.description)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: signature.file)[.size] as? Int) ?? 0
        try await app.db.audit(nil, "database.backup", "system", nil, "\(signature.file) (\(size) bytes)")
        context.console.output("Backup written: \(signature.file) (\(size) bytes)".consoleText())
    }
}

/// `lumbung restore FILE`: loads a backup into an empty database; refuses one that has tables.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A backup written by lumbung backup")
        var file: String
    }

    var help: String { "Restores a backup into an empty database (it refuses a database that has any tables)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard FileManager.default.isReadableFile(atPath: signature.file) else {
            throw CommandFailure("file: cannot read \(signature.file)")
        }
        let backup = DatabaseBackup(db: app.db, location: app.lumbung.databaseLocation)
        do {
            try await backup.restore(from: signature.file)
        } catch let failure as DatabaseBackup.Failure {
            throw CommandFailure(failure.description)
        }
        // A backup from an older version gets the migrations it lacks.
        try await app.prepareDatabase(console: context.console)
        try await app.db.audit(nil, "database.restore", "system", nil, signature.file)
        context.console.output("Restored \(signature.file) into the empty database.".consoleText())
    }
}
