import Fluent
import Foundation
import LumbungCore
import SQLKit
import Vapor

/// Bulk reads of a stage's rows as plain SQL: Fluent reflects over every property of every row
/// it decodes, which at national scale (3,500 proposals, 10,500 assessments) cost more than the
/// whole evaluation. The models come back marked as stored, so that saving one updates it.
enum StageRows {
    static func assessments(stageID: Int, on db: any Database) async throws -> [Assessment] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select()
            .columns("id", "proposal_id", "evaluator_id", "status", "scores", "comments", "is_manual", "started_at", "submitted_at",
                     "reopen_count", "created_at", "updated_at")
            .from(Assessment.schema).where("stage_id", .equal, stageID).orderBy("id").all()
        return try rows.map { row in
            let assessment = Assessment()
            assessment.id = try row.decode(column: "id", as: Int.self)
            assessment.$stage.id = stageID
            assessment.$proposal.id = try row.decode(column: "proposal_id", as: Int.self)
            assessment.$evaluator.id = try row.decode(column: "evaluator_id", as: Int.self)
            let status = try row.decode(column: "status", as: String.self)
            guard let known = Assessment.Status(rawValue: status) else { throw Abort(.internalServerError, reason: "assessment status \(status)") }
            assessment.status = known
            assessment.scoresJSON = try row.decode(column: "scores", as: String.self)
            assessment.commentsJSON = try row.decode(column: "comments", as: String.self)
            assessment.isManual = try row.decode(column: "is_manual", as: Bool.self)
            assessment.startedAt = try row.decode(column: "started_at", as: Date?.self)
            assessment.submittedAt = try row.decode(column: "submitted_at", as: Date?.self)
            assessment.reopenCount = try row.decode(column: "reopen_count", as: Int.self)
            assessment.createdAt = try row.decode(column: "created_at", as: Date?.self)
            assessment.updatedAt = try row.decode(column: "updated_at", as: Date?.self)
            assessment._$idExists = true
            return assessment
        }
    }

    /// The submitted sheets alone, with the fingerprint of exactly these rows.
    static func submittedSheets(stageID: Int, on db: any Database) async throws -> (sheets: [SubmittedSheet], fingerprint: SubmittedFingerprint) {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().columns("proposal_id", "evaluator_id", "scores", "updated_at").from(Assessment.schema)
            .where("stage_id", .equal, stageID).where("status", .equal, Assessment.Status.submitted.rawValue).orderBy("id").all()
        let sheets = try rows.map { row in
            SubmittedSheet(proposal: Int64(try row.decode(column: "proposal_id", as: Int.self)),
                           evaluator: Int64(try row.decode(column: "evaluator_id", as: Int.self)),
                           scores: Assessment.decodeScores(try row.decode(column: "scores", as: String.self)))
        }
        let times = try rows.map { try $0.decode(column: "updated_at", as: Date?.self) }
        return (sheets, SubmittedFingerprint(updatedTimes: times))
    }

    /// The fingerprint of the submitted sheets as they stand, in one small query.
    static func submittedFingerprint(stageID: Int, on db: any Database) async throws -> SubmittedFingerprint {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("max", args: SQLColumn("updated_at")), as: "newest").from(Assessment.schema)
            .where("stage_id", .equal, stageID).where("status", .equal, Assessment.Status.submitted.rawValue).first() else {
            return SubmittedFingerprint(count: 0, newest: nil)
        }
        return SubmittedFingerprint(count: try row.decode(column: "n", as: Int.self), newest: try row.decode(column: "newest", as: Date?.self))
    }

    /// Of each innovation only what the stage's pages show and check: its name, acronym and agency.
    static func innovations(ids: [Int], on db: any Database) async throws -> [Int: Innovation] {
        guard !ids.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().columns("id", "name", "acronym", "agency_id").from(Innovation.schema)
            .where("id", .in, SQLBind.group(ids)).all()
        var result: [Int: Innovation] = [:]
        for row in rows {
            let innovation = Innovation()
            let id = try row.decode(column: "id", as: Int.self)
            innovation.id = id
            innovation.name = try row.decode(column: "name", as: String.self)
            innovation.acronym = try row.decode(column: "acronym", as: String.self)
            innovation.$agency.id = try row.decode(column: "agency_id", as: Int.self)
            innovation._$idExists = true
            result[id] = innovation
        }
        return result
    }

    /// A stage's entries with their proposals, each proposal with its agency from `agencies`.
    static func entries(stageID: Int, agencies: [Int: Agency], on db: any Database) async throws -> [StageEntry] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select()
            .columns("id", "proposal_id", "decision", "rank", "official_score", "override_reason", "previous_score")
            .from(StageEntry.schema).where("stage_id", .equal, stageID).orderBy("id").all()
        let proposalIDs = try rows.map { try $0.decode(column: "proposal_id", as: Int.self) }
        let proposals = try await Self.proposals(ids: proposalIDs, agencies: agencies, on: sql)
        return try rows.map { row in
            let entry = StageEntry()
            entry.id = try row.decode(column: "id", as: Int.self)
            entry.$stage.id = stageID
            let proposalID = try row.decode(column: "proposal_id", as: Int.self)
            entry.$proposal.id = proposalID
            guard let proposal = proposals[proposalID] else { throw Abort(.internalServerError, reason: "proposal \(proposalID) is missing") }
            entry.$proposal.value = proposal
            let decision = try row.decode(column: "decision", as: String.self)
            guard let known = StageEntry.Decision(rawValue: decision) else { throw Abort(.internalServerError, reason: "decision \(decision)") }
            entry.decision = known
            entry.rank = try row.decode(column: "rank", as: Int?.self)
            entry.officialScore = try row.decode(column: "official_score", as: Double?.self)
            entry.overrideReason = try row.decode(column: "override_reason", as: String.self)
            entry.previousScore = try row.decode(column: "previous_score", as: Double?.self)
            entry._$idExists = true
            return entry
        }
    }

    private static func proposals(ids: [Int], agencies: [Int: Agency], on sql: any SQLDatabase) async throws -> [Int: Proposal] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select()
            .columns("id", "competition_id", "innovation_id", "agency_id", "group_key", "category_key", "sections", "video_url", "sdgs",
                     "status", "review_comments", "submitted_at", "selected_at", "handed_over_at", "handed_over_by", "created_by",
                     "updated_by", "created_at", "updated_at")
            .from(Proposal.schema).where("id", .in, SQLBind.group(ids)).all()
        var result: [Int: Proposal] = [:]
        for row in rows {
            let proposal = Proposal()
            let id = try row.decode(column: "id", as: Int.self)
            proposal.id = id
            proposal.$competition.id = try row.decode(column: "competition_id", as: Int.self)
            proposal.$innovation.id = try row.decode(column: "innovation_id", as: Int.self)
            let agencyID = try row.decode(column: "agency_id", as: Int.self)
            proposal.$agency.id = agencyID
            proposal.$agency.value = agencies[agencyID]
            proposal.groupKey = try row.decode(column: "group_key", as: String.self)
            proposal.categoryKey = try row.decode(column: "category_key", as: String.self)
            proposal.sectionsJSON = try row.decode(column: "sections", as: String.self)
            proposal.videoURL = try row.decode(column: "video_url", as: String.self)
            proposal.sdgs = try row.decode(column: "sdgs", as: [Int].self)
            let status = try row.decode(column: "status", as: String.self)
            guard let known = ProposalStatus(rawValue: status) else { throw Abort(.internalServerError, reason: "proposal status \(status)") }
            proposal.status = known
            proposal.reviewComments = try row.decode(column: "review_comments", as: String?.self)
            proposal.submittedAt = try row.decode(column: "submitted_at", as: Date?.self)
            proposal.selectedAt = try row.decode(column: "selected_at", as: Date?.self)
            proposal.handedOverAt = try row.decode(column: "handed_over_at", as: Date?.self)
            proposal.handedOverBy = try row.decode(column: "handed_over_by", as: String?.self)
            proposal.createdBy = try row.decode(column: "created_by", as: Int?.self)
            proposal.updatedBy = try row.decode(column: "updated_by", as: Int?.self)
            proposal.createdAt = try row.decode(column: "created_at", as: Date?.self)
            proposal.updatedAt = try row.decode(column: "updated_at", as: Date?.self)
            proposal._$idExists = true
            result[id] = proposal
        }
        return result
    }
}
