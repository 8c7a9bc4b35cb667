import Fluent

struct M001CreateAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agency.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .int, .references(Agency.schema, .id))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agency.schema).delete()
    }
}
