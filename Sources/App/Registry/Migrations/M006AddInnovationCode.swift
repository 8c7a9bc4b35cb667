import Fluent
import SQLKit

/// Kode: the identifier that spreadsheets use to match their rows to innovations.
struct M006AddInnovationCode: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Innovation.schema).field("code", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "innovations_code_idx").unique().on(Innovation.schema).column("code").run()
        for innovation in try await Innovation.query(on: database).filter(\.$code == nil).all() {
            innovation.code = Innovation.defaultCode(try innovation.requireID())
            try await innovation.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "innovations_code_idx").run()
        try await database.schema(Innovation.schema).deleteField("code").update()
    }
}
