import Fluent
import Foundation
import LumbungCore
import SQLKit

/// Bulk writes for imports: many innovations and revisions per statement, with the same column
/// values the models would write (each value bound as the model's own Swift type, or for the
/// enumerations their raw text, which is what they encode to, so both databases store it
/// exactly as Fluent does), but without building a model per row.
struct InnovationRows {
    let sql: any SQLDatabase

    init(_ db: any Database) {
        sql = db as! any SQLDatabase
    }

    /// One new innovation as the import writes it.
    struct New {
        let code: String
        let agencyID: Int
        let profile: InnovationProfile
        let status: ReviewStatus
        let isPublic: Bool
        let userID: Int?
    }

    /// Rows per statement: 31 columns each stays far below both databases' bound-parameter limits.
    static let rowsPerStatement = 400

    static let innovationColumns = [
        "created_at", "updated_at", "created_by", "updated_by", "code", "agency_id", "name", "name_key", "acronym",
        "category", "delivery_mode", "stage", "initiator", "main_affair", "other_affairs", "trial_start",
        "implementation_start", "start_year", "design", "goals", "benefits", "results", "beneficiaries", "themes", "sdgs",
        "video_url", "latitude", "longitude", "replicated_from_id", "replicated_from_name", "status", "is_public",
    ]

    /// Inserts the innovations and answers their new ids by code.
    func insert(_ rows: [New], at time: Date) async throws -> [String: Int] {
        var ids: [String: Int] = [:]
        for start in stride(from: 0, to: rows.count, by: Self.rowsPerStatement) {
            let chunk = rows[start..<min(start + Self.rowsPerStatement, rows.count)]
            let statement = sql.insert(into: Innovation.schema).columns(Self.innovationColumns)
            for row in chunk { _ = statement.values(Self.values(row, at: time)) }
            let inserted = try await statement.returning("id", "code").all()
            for row in inserted {
                ids[try row.decode(column: "code", as: String.self)] = try row.decode(column: "id", as: Int.self)
            }
        }
        return ids
    }

    private static func values(_ row: New, at time: Date) -> [any SQLExpression] {
        let p = row.profile
        let values: [any SQLExpression] = [
            SQLBind(time), SQLBind(time), bind(row.userID), bind(row.userID), SQLBind(row.code), SQLBind(row.agencyID),
            SQLBind(p.name), SQLBind(InnovationProfile.nameKey(p.name)), SQLBind(p.acronym),
            SQLBind(p.category.rawValue), SQLBind(p.deliveryMode.rawValue), SQLBind(p.stage.rawValue), SQLBind(p.initiator.rawValue),
            bind(p.mainAffair),
            SQLBind(p.otherAffairs), bind(p.trialStart), bind(p.implementationStart), bind(p.startYear),
            SQLBind(p.design), SQLBind(p.goals), SQLBind(p.benefits), SQLBind(p.results), SQLBind(p.beneficiaries),
            SQLBind(p.themes), SQLBind(p.sdgs), SQLBind(p.videoURL), bind(p.latitude), bind(p.longitude),
            bind(p.replicatedFromID), SQLBind(p.replicatedFromName), SQLBind(row.status.rawValue), SQLBind(row.isPublic),
        ]
        return values
    }

    /// One revision as the import writes it.
    struct NewRevision {
        let innovationID: Int
        let number: Int
        let agencyID: Int
        let status: ReviewStatus
        let snapshot: String
    }

    func insert(_ revisions: [NewRevision], action: String, userID: Int?, userName: String, at time: Date) async throws {
        for start in stride(from: 0, to: revisions.count, by: Self.rowsPerStatement) {
            let chunk = revisions[start..<min(start + Self.rowsPerStatement, revisions.count)]
            let statement = sql.insert(into: Revision.schema)
                .columns("created_at", "innovation_id", "number", "action", "user_id", "user_name", "agency_id", "status", "snapshot")
            for revision in chunk {
                let values: [any SQLExpression] = [
                    SQLBind(time), SQLBind(revision.innovationID), SQLBind(revision.number), SQLBind(action), Self.bind(userID),
                    SQLBind(userName), SQLBind(revision.agencyID), SQLBind(revision.status.rawValue), SQLBind(revision.snapshot),
                ]
                _ = statement.values(values)
            }
            try await statement.run()
        }
    }

    private static func bind<Value: Encodable & Sendable>(_ value: Value?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }
}
