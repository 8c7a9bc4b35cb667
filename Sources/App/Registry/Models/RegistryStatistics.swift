import Fluent
import LumbungCore
import SQLKit

/// Counts over the registry, done by the database (GROUP BY) on both SQLite and PostgreSQL.
/// Archived innovations never count.
struct RegistryStatistics {
    let db: any Database

    /// Number of innovations per value of a column, optionally within one agency.
    func counts(by column: String, agencyID: Int? = nil) async throws -> [String: Int] {
        let sql = db as! any SQLDatabase
        var query = sql.select()
            .column(SQLIdentifier(column), as: "value")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Innovation.schema)
            .where("status", .notEqual, ReviewStatus.archived.rawValue)
        if let agencyID { query = query.where("agency_id", .equal, agencyID) }
        let rows = try await query.groupBy(SQLIdentifier(column)).all()
        var result: [String: Int] = [:]
        for row in rows {
            let count = try row.decode(column: "n", as: Int.self)
            if let value = try? row.decode(column: "value", as: String.self) {
                result[value] = count
            } else if let value = try? row.decode(column: "value", as: Int.self) {
                result[String(value)] = count
            }
        }
        return result
    }

    /// Innovations per agency id.
    func countsByAgency() async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (key, value) in try await counts(by: "agency_id") {
            if let id = Int(key) { result[id] = value }
        }
        return result
    }
}
