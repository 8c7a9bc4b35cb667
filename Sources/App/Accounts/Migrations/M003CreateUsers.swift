import Fluent

struct M003CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("agency_id", .int, .references(Agency.schema, .id))
            .field("is_active", .bool, .required)
            .field("last_login_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(LoginThrottleRecord.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("first_failure_at", .datetime, .required)
            .field("locked_until", .datetime)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginThrottleRecord.schema).delete()
        try await database.schema(User.schema).delete()
    }
}
