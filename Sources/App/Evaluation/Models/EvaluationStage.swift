import Fluent
import Foundation
import LumbungCore

/// A scored stage of an edition (Tim Evaluasi, TPI, an internal panel) as it runs: its rules,
/// its panel and assignment, the scoring, the closed ranking, the announcement and objections.
final class EvaluationStage: Model, @unchecked Sendable {
    static let schema = "evaluation_stages"

    typealias Status = StagePhase

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "competition_id") var competition: Competition
    /// The `SelectionStage` key in the edition.
    @Field(key: "stage_key") var stageKey: String
    @Field(key: "status") var status: Status
    /// `StageRules` as JSON; fixed once scoring opens.
    @Field(key: "rules") var rulesJSON: String
    /// An award tier given to the final shortlist (Top 99…), if any.
    @Field(key: "award_tier_key") var awardTierKey: String
    /// The seed of the last saved assignment.
    @OptionalField(key: "assignment_seed") var assignmentSeed: Int64?
    @OptionalField(key: "opened_at") var openedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "announced_at") var announcedAt: Date?
    /// The last day (WITA) objections are accepted.
    @OptionalField(key: "objections_until") var objectionsUntil: Date?
    /// Whether the announced result is shown in the public catalogue as well.
    @Field(key: "is_public") var isPublic: Bool
    @OptionalField(key: "finalised_at") var finalisedAt: Date?

    init() {}

    init(competitionID: Int, stageKey: String, rules: StageRules) {
        $competition.id = competitionID
        self.stageKey = stageKey
        status = .setup
        awardTierKey = ""
        isPublic = false
        self.rules = rules
    }

    var rules: StageRules {
        get { (try? JSONDecoder().decode(StageRules.self, from: Data(rulesJSON.utf8))) ?? StageRules() }
        set { rulesJSON = String(decoding: (try? JSONEncoder.sorted.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    /// The last day of the objection window, in WITA.
    var objectionLastDay: CalendarDate? { objectionsUntil.map { WITATime.parts($0).day } }
}

/// A proposal taking part in a stage: every accepted proposal for the first scored stage, and
/// the shortlist of the stage before for the next ("gate then reset").
final class StageEntry: Model, @unchecked Sendable {
    static let schema = "stage_entries"

    enum Decision: String, Codable, Sendable {
        case pending, shortlisted, notShortlisted
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "stage_id") var stage: EvaluationStage
    @Parent(key: "proposal_id") var proposal: Proposal
    @Field(key: "decision") var decision: Decision
    /// The rank and official score when the stage closed.
    @OptionalField(key: "rank") var rank: Int?
    @OptionalField(key: "official_score") var officialScore: Double?
    /// A committee decision that overrides the computed shortlist, with its reason.
    @Field(key: "override_reason") var overrideReason: String
    /// The official score of the stage before, for weighted carry-over.
    @OptionalField(key: "previous_score") var previousScore: Double?

    init() {}

    init(stageID: Int, proposalID: Int, previousScore: Double? = nil) {
        $stage.id = stageID
        $proposal.id = proposalID
        decision = .pending
        overrideReason = ""
        self.previousScore = previousScore
    }
}

/// An account on a stage's panel, with what assignment and conflicts need to know.
final class PanelMember: Model, @unchecked Sendable {
    static let schema = "panel_members"

    enum Team: String, Codable, CaseIterable, Sendable {
        case timEvaluasi, timPanelIndependen, internalPanel
    }

    enum Affiliation: String, Codable, CaseIterable, Sendable {
        case agency, university, ministry, other
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "stage_id") var stage: EvaluationStage
    @Parent(key: "user_id") var user: User
    @Field(key: "team") var team: Team
    @Field(key: "affiliation_kind") var affiliationKind: Affiliation
    /// "Universitas Borneo Tarakan", "Kementerian PANRB", or the agency's name.
    @Field(key: "affiliation") var affiliation: String
    /// The evaluator's agency when they come from one: proposals of that agency, its parent and
    /// its units are never assigned to them.
    @OptionalParent(key: "agency_id") var agency: Agency?
    /// Category keys of the edition the evaluator knows.
    @Field(key: "expertise") var expertise: [String]
    @Field(key: "is_active") var isActive: Bool

    init() {}
}

/// A conflict of interest: declared by the evaluator or entered by the Biro, with its reason.
/// Same-agency conflicts are not stored: they follow from the agencies.
final class EvaluatorConflict: Model, @unchecked Sendable {
    static let schema = "evaluator_conflicts"

    enum Source: String, Codable, Sendable {
        case declared, entered
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "stage_id") var stage: EvaluationStage
    @Parent(key: "proposal_id") var proposal: Proposal
    @Parent(key: "user_id") var user: User
    @Field(key: "source") var source: Source
    @Field(key: "reason") var reason: String
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}
