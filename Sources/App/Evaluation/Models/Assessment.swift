import Fluent
import Foundation
import LumbungCore

/// One evaluator's assessment of one proposal in one stage: per criterion a score and a comment.
final class Assessment: Model, @unchecked Sendable {
    static let schema = "assessments"

    enum Status: String, Codable, CaseIterable, Sendable {
        /// Assigned, nothing saved yet: the only state a re-run of the assignment may move.
        case assigned
        case draft
        /// Locked; only the Biro can reopen it, with a reason.
        case submitted
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "stage_id") var stage: EvaluationStage
    @Parent(key: "proposal_id") var proposal: Proposal
    @Parent(key: "evaluator_id") var evaluator: User
    @Field(key: "status") var status: Status
    /// Criterion key → score, as JSON.
    @Field(key: "scores") var scoresJSON: String
    /// Criterion key (and `general`) → comment, as JSON.
    @Field(key: "comments") var commentsJSON: String
    /// Whether the Biro added it by hand rather than the assignment.
    @Field(key: "is_manual") var isManual: Bool
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Field(key: "reopen_count") var reopenCount: Int

    init() {}

    init(stageID: Int, proposalID: Int, evaluatorID: Int, manual: Bool) {
        $stage.id = stageID
        $proposal.id = proposalID
        $evaluator.id = evaluatorID
        status = .assigned
        scoresJSON = "{}"
        commentsJSON = "{}"
        isManual = manual
        reopenCount = 0
    }

    var scores: CriterionScores {
        get { Self.decodeScores(scoresJSON) }
        set { scoresJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    static func decodeScores(_ json: String) -> CriterionScores {
        (try? JSONDecoder().decode(CriterionScores.self, from: Data(json.utf8))) ?? [:]
    }

    var comments: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(commentsJSON.utf8))) ?? [:] }
        set { commentsJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    /// Scoring has started once anything was saved: such an assessment is never moved.
    var hasStarted: Bool { status != .assigned }
}

/// An agency's objection (sanggahan) to an announced result, with the Biro's answer.
final class Objection: Model, @unchecked Sendable {
    static let schema = "objections"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "stage_id") var stage: EvaluationStage
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "filed_by") var filedBy: Int
    @Field(key: "filed_by_name") var filedByName: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "answer") var answer: String?
    /// Whether the objection was upheld (the result changed for this proposal).
    @OptionalField(key: "upheld") var upheld: Bool?
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}
