import Fluent
import SQLKit

/// Every instance looks every few seconds for innovations changed since its last look.
struct M007IndexUpdatedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(index: "innovations_updated_at_idx")
            .on(Innovation.schema).column("updated_at").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "innovations_updated_at_idx").run()
    }
}
