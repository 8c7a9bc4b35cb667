import Fluent
import LumbungCore

/// Creates the urusan table and seeds it from `GovernmentAffair.all`.
struct M002CreateGovernmentAffairs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GovernmentAffairRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("affair_group", .string, .required)
            .field("sort_order", .int, .required)
            .create()
        for (index, affair) in GovernmentAffair.all.enumerated() {
            try await GovernmentAffairRecord(affair, sortOrder: index + 1).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GovernmentAffairRecord.schema).delete()
    }
}
