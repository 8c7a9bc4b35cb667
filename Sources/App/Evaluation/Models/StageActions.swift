import Fluent
import LumbungCore
import Vapor

/// The changes to a scored stage, each in one transaction with its audit line.
struct StageActions {
    let db: any Database
    let user: User
    let now: Date

    /// Proposals that enter the first scored stage: complete and correct, chosen or handed over.
    static let entering: [ProposalStatus] = [.accepted, .selected, .handedOver]

    /// The stage's row, made with default rules the first time, and its entries brought up to
    /// date while it is being set up.
    func prepare(_ workspace: StageWorkspace) async throws -> EvaluationStage {
        let stage: EvaluationStage
        if let existing = workspace.stage {
            stage = existing
        } else {
            stage = EvaluationStage(competitionID: workspace.competitionID, stageKey: workspace.stageDefinition.key,
                                    rules: StageWorkspace.defaultRules(workspace.competition, workspace.stageDefinition))
            try await stage.create(on: db)
            try await db.audit(user, "stage.create", "stage", stage.id, "\(workspace.competition.name): \(workspace.stageDefinition.name)")
        }
        if stage.status == .setup { try await syncEntries(workspace, stage) }
        return stage
    }

    /// Gate then reset: the first scored stage takes every entering proposal; a later one the
    /// final shortlist of the stage before, with its score for a weighted carry-over.
    private func syncEntries(_ workspace: StageWorkspace, _ stage: EvaluationStage) async throws {
        let stageID = try stage.requireID()
        var wanted: [Int: Double?] = [:]
        if let previous = workspace.previousStage {
            let before = try await EvaluationStage.query(on: db).filter(\.$competition.$id == workspace.competitionID)
                .filter(\.$stageKey == previous.key).first()
            if let before, before.status == .final {
                for entry in try await StageEntry.query(on: db).filter(\.$stage.$id == before.requireID()).filter(\.$decision == .shortlisted).all() {
                    wanted[entry.$proposal.id] = entry.officialScore
                }
            }
        } else {
            for proposal in try await Proposal.query(on: db).filter(\.$competition.$id == workspace.competitionID)
                .filter(\.$status ~~ Self.entering).all() {
                wanted[proposal.id!] = .some(nil)
            }
        }
        let existing = try await StageEntry.query(on: db).filter(\.$stage.$id == stageID).all()
        for entry in existing where wanted[entry.$proposal.id] == nil {
            try await Assessment.query(on: db).filter(\.$stage.$id == stageID).filter(\.$proposal.$id == entry.$proposal.id)
                .filter(\.$status == .assigned).delete()
            try await entry.delete(on: db)
        }
        let have = Set(existing.map { $0.$proposal.id })
        for (proposalID, previous) in wanted.sorted(by: { $0.key < $1.key }) where !have.contains(proposalID) {
            try await StageEntry(stageID: stageID, proposalID: proposalID, previousScore: previous).create(on: db)
        }
    }

    /// Saves an assignment found by the solver: new slots are added, unstarted slots that it
    /// moved are removed, started and hand-made ones stay.
    func saveAssignment(_ assignment: Assignment, workspace: StageWorkspace, stage: EvaluationStage) async throws {
        let stageID = try stage.requireID()
        let wanted = Set(assignment.pairs)
        try await db.transaction { tx in
            for assessment in workspace.assessments where !assessment.hasStarted && !assessment.isManual {
                let pair = AssignmentPair(proposal: Int64(assessment.$proposal.id), evaluator: Int64(assessment.$evaluator.id))
                if !wanted.contains(pair) { try await assessment.delete(on: tx) }
            }
            let have = Set(workspace.assessments.map { AssignmentPair(proposal: Int64($0.$proposal.id), evaluator: Int64($0.$evaluator.id)) })
            for pair in assignment.pairs where !have.contains(pair) {
                try await Assessment(stageID: stageID, proposalID: Int(pair.proposal), evaluatorID: Int(pair.evaluator), manual: false).create(on: tx)
            }
            stage.assignmentSeed = Int64(bitPattern: assignment.seed)
            try await stage.save(on: tx)
            try await tx.audit(user, "stage.assignment", "stage", stageID,
                               "seed \(assignment.seed); \(assignment.pairs.count) slots; loads \(assignment.lower)–\(assignment.upper); "
                               + "\(assignment.coveredProposals) proposals with a matching expert")
        }
    }

    /// Closes scoring: the ranking and shortlist are computed once more and written to the entries.
    func close(_ workspace: StageWorkspace, stage: EvaluationStage, result: StageResult) async throws {
        let chosen = Set(result.shortlist.map { Int($0) })
        try await db.transaction { tx in
            for entry in workspace.entries {
                let row = result.proposal(Int64(entry.$proposal.id))
                entry.rank = row?.rank
                entry.officialScore = row?.official
                entry.decision = chosen.contains(entry.$proposal.id) ? .shortlisted : .notShortlisted
                entry.overrideReason = ""
                try await entry.save(on: tx)
            }
            stage.status = .closed
            stage.closedAt = now
            try await stage.save(on: tx)
            try await tx.audit(user, "stage.close", "stage", stage.id,
                               "\(workspace.stageDefinition.name): \(result.proposals.filter { $0.rank != nil }.count) ranked, "
                               + "\(chosen.count) shortlisted on \(result.basisUsed.rawValue)")
        }
    }

    /// Final: objections are answered; the outcomes go into every innovation's award history,
    /// and the next scored stage (if any) starts from this shortlist.
    func finalise(_ workspace: StageWorkspace, stage: EvaluationStage) async throws {
        let tier = workspace.definition.tier(stage.awardTierKey)
        try await db.transaction { tx in
            for entry in workspace.entries {
                let passed = entry.decision == .shortlisted
                let note = entry.rank.map { "Peringkat \($0)" } ?? ""
                func award(_ kind: Award.Kind, key: String, label: String, finalist: Bool = false, top: Bool = false) -> Award {
                    let award = Award()
                    award.$innovation.id = entry.proposal.$innovation.id
                    award.$competition.id = workspace.competitionID
                    award.$proposal.id = entry.proposal.id
                    award.year = workspace.competition.year
                    award.editionName = workspace.competition.name
                    award.organiser = workspace.competition.organiser
                    award.recordedBy = user.name
                    award.note = note
                    award.kind = kind
                    award.itemKey = key
                    award.label = label
                    award.isFinalist = finalist
                    award.isTopTier = top
                    return award
                }
                let label = StringCatalogue.text(passed ? "outcomes.passed" : "outcomes.failed", language: .id, arguments: [workspace.stageDefinition.name])
                try await award(passed ? .stagePassed : .stageFailed, key: workspace.stageDefinition.key, label: label).create(on: tx)
                if passed, let tier {
                    try await award(.tier, key: tier.key, label: tier.name, finalist: tier.isFinalist, top: tier.isTopTier).create(on: tx)
                }
            }
            stage.status = .final
            stage.finalisedAt = now
            try await stage.save(on: tx)
            try await tx.audit(user, "stage.finalise", "stage", stage.id,
                               "\(workspace.stageDefinition.name): \(workspace.entries.filter { $0.decision == .shortlisted }.count) passed")
        }
    }
}
