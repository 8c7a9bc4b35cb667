import Fluent
import LumbungCore
import SQLKit

/// Counts over the registry, done by the database (GROUP BY) on both SQLite and PostgreSQL.
/// Archived innovations never count.
struct RegistryStatistics {
    let db: any Database

    /// Number of innovations per value of a text column, optionally within one agency.
    func counts(by column: String, scope: RegistryScope = .everything) async throws -> [String: Int] {
        try await counts(by: column, as: String.self, scope: scope)
    }

    /// Innovations per agency id.
    func countsByAgency() async throws -> [Int: Int] {
        try await counts(by: "agency_id", as: Int.self, scope: .everything)
    }

    /// Decoding with the column's own type matters: PostgreSQL hands back integers in binary,
    /// which do not read as text.
    private func counts<Value: Decodable & Hashable>(by column: String, as type: Value.Type, scope: RegistryScope) async throws -> [Value: Int] {
        if scope == .nothing { return [:] }
        let sql = db as! any SQLDatabase
        var query = sql.select()
            .column(SQLIdentifier(column), as: "value")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Innovation.schema)
            .where("status", .notEqual, ReviewStatus.archived.rawValue)
        if case .agency(let agencyID) = scope { query = query.where("agency_id", .equal, agencyID) }
        var result: [Value: Int] = [:]
        for row in try await query.groupBy(SQLIdentifier(column)).all() {
            guard let value = try row.decode(column: "value", as: Value?.self) else { continue }
            result[value] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }
}
