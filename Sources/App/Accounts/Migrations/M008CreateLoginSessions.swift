import Fluent
import SQLKit

/// Sessions of our own, with their times and their account, so that they can expire and be
/// ended per account. The earlier store (`_fluent_sessions`) kept neither.
struct M008CreateLoginSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginSession.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("token_hash", .string, .required)
            .field("user_id", .int, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("flash", .string)
            .unique(on: "token_hash")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "login_sessions_user_idx").on(LoginSession.schema).column("user_id").run()
        try await sql.create(index: "login_sessions_seen_idx").on(LoginSession.schema).column("last_seen_at").run()
        try await database.schema("_fluent_sessions").delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("_fluent_sessions")
            .id()
            .field("key", .string, .required)
            .field("data", .json, .required)
            .unique(on: "key")
            .create()
        try await database.schema(LoginSession.schema).delete()
    }
}
