import Fluent
import SQLKit

/// The registry list pages through a filtered, sorted registry: with these, the ids of a page
/// (and the total) come from an index instead of reading every row's long texts. The first
/// one starts with `updated_at`, so it serves the catch-up too and replaces M007's index
/// (with both, SQLite preferred the narrower one and read a row for every row it skipped).
struct M009RegistryListIndexes: AsyncMigration {
    static let indexes: [(name: String, columns: [String])] = [
        ("innovations_list_updated_idx", ["updated_at", "status", "agency_id"]),
        ("innovations_list_name_idx", ["name_key", "status", "agency_id"]),
        ("innovations_list_year_idx", ["start_year", "name_key", "status", "agency_id"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(Innovation.schema)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
        try await sql.drop(index: "innovations_updated_at_idx").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "innovations_updated_at_idx").on(Innovation.schema).column("updated_at").run()
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
