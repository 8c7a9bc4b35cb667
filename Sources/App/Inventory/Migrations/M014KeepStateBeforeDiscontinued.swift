import Fluent

/// A "discontinued" answer archives the innovation; the state it had is kept with the answer,
/// so that a corrected answer in the same round gives it back (verified and published included).
struct M014KeepStateBeforeDiscontinued: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds only one per ALTER TABLE.
        try await database.schema(InventoryCheck.schema).field("status_before", .string).update()
        try await database.schema(InventoryCheck.schema).field("public_before", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InventoryCheck.schema).deleteField("status_before").update()
        try await database.schema(InventoryCheck.schema).deleteField("public_before").update()
    }
}
