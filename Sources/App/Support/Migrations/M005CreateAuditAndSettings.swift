import Fluent
import SQLKit

struct M005CreateAuditAndSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("occurred_at", .datetime)
            .field("actor_id", .int)
            .field("actor_email", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .int)
            .field("summary", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_events_entity_idx").on(AuditEvent.schema).column("entity").column("entity_id").run()
        try await database.schema(Setting.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Setting.schema).delete()
        try await database.schema(AuditEvent.schema).delete()
    }
}
