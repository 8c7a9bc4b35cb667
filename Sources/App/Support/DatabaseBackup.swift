import Fluent
import Foundation
import LumbungCore
import SQLKit

/// Consistent copies of the whole database, taken while `serve` runs, and their restoration
/// into an empty database. Sessions, files, audit and everything else live in the database, so
/// one backup holds everything.
///
/// - SQLite: `VACUUM INTO` writes a compact copy from one read transaction, so a copy taken
///   during writes is still consistent (copying the file itself is not, with WAL). Restoring
///   attaches the copy and recreates its tables, rows and indexes in one transaction.
/// - PostgreSQL: `pg_dump --format=custom` and `pg_restore --single-transaction`, from the
///   PATH or Debian's `/usr/lib/postgresql/*/bin`.
struct DatabaseBackup {
    let db: any Database
    let location: DatabaseLocation

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    enum Format: Equatable {
        case sqlite, postgresCustom

        /// What the file is, from its first bytes.
        static func of(fileAt path: String) throws -> Format {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure("\(path): cannot be read") }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 16)) ?? Data()
            if head.starts(with: Array("SQLite format 3".utf8)) { return .sqlite }
            if head.starts(with: Array("PGDMP".utf8)) { return .postgresCustom }
            throw Failure("\(path): not a Lumbung backup (neither an SQLite database nor a pg_dump custom archive)")
        }
    }

    /// Writes a backup to `path`, which must not exist yet.
    func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Failure("\(path) already exists; choose a new file name so that no backup is overwritten")
        }
        switch location {
        case .sqliteFile, .sqliteMemory:
            try await (db as! any SQLDatabase).raw("VACUUM INTO \(bind: path)").run()
        case .postgres(let url):
            let connection = try PostgresConnectionParts(url)
            try await BackgroundWork.run {
                try PostgresTool.run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(path)"] + connection.arguments,
                                     password: connection.password)
            }
        }
    }

    /// Loads the backup at `path` into this database, which must be empty (no tables at all).
    func restore(from path: String) async throws {
        let format = try Format.of(fileAt: path)
        let tables = try await existingTables()
        guard tables.isEmpty else {
            throw Failure("the database is not empty (\(tables.count) tables, e.g. \(tables.sorted().prefix(3).joined(separator: ", "))); restore only into a new, empty database")
        }
        switch (location, format) {
        case (.sqliteFile, .sqlite), (.sqliteMemory, .sqlite):
            try await restoreSQLite(from: path)
        case (.postgres(let url), .postgresCustom):
            let connection = try PostgresConnectionParts(url)
            try await BackgroundWork.run {
                try PostgresTool.run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
                                     + connection.arguments + [path], password: connection.password)
            }
        case (.postgres, .sqlite):
            throw Failure("\(path) is an SQLite backup; restore it with DATABASE_URL naming an SQLite file")
        case (_, .postgresCustom):
            throw Failure("\(path) is a PostgreSQL backup; restore it with DATABASE_URL naming a PostgreSQL database")
        }
    }

    /// The tables of this database (Fluent's own included).
    func existingTables() async throws -> [String] {
        let sql = db as! any SQLDatabase
        switch location {
        case .sqliteFile, .sqliteMemory:
            return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
        case .postgres:
            return try await sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").all()
                .map { try $0.decode(column: "table_name", as: String.self) }
        }
    }

    private func restoreSQLite(from path: String) async throws {
        try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("ATTACH DATABASE \(bind: path) AS backup").run()
            do {
                let check = try await sql.raw("PRAGMA backup.integrity_check").first()?.decode(column: "integrity_check", as: String.self)
                guard check == "ok" else { throw Failure("\(path) is damaged: \(check ?? "integrity check failed")") }
                let objects = try await sql.raw("""
                    SELECT type, name, sql FROM backup.sqlite_master
                    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                    ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
                    """).all().map { row in
                    (type: try row.decode(column: "type", as: String.self), name: try row.decode(column: "name", as: String.self),
                     sql: try row.decode(column: "sql", as: String.self))
                }
                guard objects.contains(where: { $0.name == "_fluent_migrations" }) else {
                    throw Failure("\(path) is an SQLite database but not a Lumbung backup (it has no _fluent_migrations table)")
                }
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    for object in objects where object.type == "table" {
                        try await sql.raw("\(unsafeRaw: object.sql)").run()
                        try await sql.raw("INSERT INTO main.\(ident: object.name) SELECT * FROM backup.\(ident: object.name)").run()
                    }
                    let sequences = try await sql.raw("SELECT count(*) AS n FROM backup.sqlite_master WHERE name = 'sqlite_sequence'").first()?
                        .decode(column: "n", as: Int.self) ?? 0
                    if sequences > 0 {
                        try await sql.raw("DELETE FROM main.sqlite_sequence").run()
                        try await sql.raw("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence").run()
                    }
                    for object in objects where object.type != "table" {
                        try await sql.raw("\(unsafeRaw: object.sql)").run()
                    }
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            } catch {
                try? await sql.raw("DETACH DATABASE backup").run()
                throw error
            }
            try await sql.raw("DETACH DATABASE backup").run()
        }
    }
}

/// Host, port, user, password and database of a `postgres://` URL, for pg_dump and pg_restore
/// (the password goes in their environment, never on a command line others can read).
struct PostgresConnectionParts {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String

    init(_ url: String) throws {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw DatabaseBackup.Failure("DATABASE_URL: cannot read the PostgreSQL address")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = components.user ?? "postgres"
        self.password = components.password
        self.database = String(components.path.drop(while: { $0 == "/" }))
    }

    var arguments: [String] {
        ["--host=\(host)", "--port=\(port)", "--username=\(user)", "--dbname=\(database)", "--no-password"]
    }
}

enum PostgresTool {
    /// Runs a PostgreSQL client tool; a missing tool or a failure is one plain sentence. It waits
    /// for the tool, so it is called on `BackgroundWork`'s threads.
    static func run(_ name: String, _ arguments: [String], password: String?) throws {
        guard let executable = locate(name) else {
            throw DatabaseBackup.Failure("\(name) was not found: install the PostgreSQL client tools of the server's version (Debian: apt-get install postgresql-client-15) or put \(name) on the PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DatabaseBackup.Failure("\(name) failed (exit \(process.terminationStatus)): \(text)")
        }
    }

    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { "\($0)/\(name)" }
        let debian = "/usr/lib/postgresql"
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: debian) {
            candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "\(debian)/\($0)/bin/\(name)" }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
