import Fluent
import LumbungCore
import Vapor

/// Everything about one scored stage that its pages and actions read, loaded at once: the
/// edition, its stage definition, the entries with their proposals, the panel, the assessments
/// and the conflicts. The rules of evaluation themselves are in LumbungCore.
struct StageWorkspace: StageScope {
    let competition: Competition
    let definition: EditionDefinition
    let stageDefinition: SelectionStage
    let stage: EvaluationStage?
    let entries: [StageEntry]
    let panel: [PanelMember]
    let assessments: [Assessment]
    let conflicts: [EvaluatorConflict]
    let tree: AgencyLineage
    /// The same entries and members by proposal and by account: pages look up thousands.
    private let entryByProposal: [Int: StageEntry]
    private let memberByUser: [Int: PanelMember]

    init(competition: Competition, definition: EditionDefinition, stageDefinition: SelectionStage, stage: EvaluationStage?,
         entries: [StageEntry], panel: [PanelMember], assessments: [Assessment], conflicts: [EvaluatorConflict], tree: AgencyLineage) {
        self.competition = competition
        self.definition = definition
        self.stageDefinition = stageDefinition
        self.stage = stage
        self.entries = entries
        self.panel = panel
        self.assessments = assessments
        self.conflicts = conflicts
        self.tree = tree
        entryByProposal = Dictionary(entries.map { ($0.$proposal.id, $0) }, uniquingKeysWith: { first, _ in first })
        memberByUser = Dictionary(panel.map { ($0.$user.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var activePanel: [PanelMember] { panel.filter(\.isActive) }

    static func defaultRules(_ competition: Competition, _ stage: SelectionStage) -> StageRules {
        StageRules(lotterySeed: "\(EditionDefinition.key(from: competition.name))-\(stage.key)")
    }

    static func load(_ req: Request) async throws -> StageWorkspace {
        let (competition, stageDefinition) = try await req.scoredStageFromPath()
        return try await load(competition: competition, stageDefinition: stageDefinition, on: req.db)
    }

    static func load(competition: Competition, stageDefinition: SelectionStage, on db: any Database) async throws -> StageWorkspace {
        let foundation = try await StageFoundation.load(competition: competition, stageDefinition: stageDefinition, on: db)
        var entries: [StageEntry] = [], panel: [PanelMember] = [], assessments: [Assessment] = [], conflicts: [EvaluatorConflict] = []
        if let stageID = foundation.stage?.id {
            entries = try await StageRows.entries(stageID: stageID, agencies: foundation.agencies, on: db)
            let innovations = try await StageRows.innovations(ids: entries.map { $0.proposal.$innovation.id }, on: db)
            for entry in entries { entry.proposal.$innovation.value = innovations[entry.proposal.$innovation.id] }
            panel = try await PanelMember.query(on: db).filter(\.$stage.$id == stageID).with(\.$user).sort(\.$id).all()
            assessments = try await StageRows.assessments(stageID: stageID, on: db)
            conflicts = try await EvaluatorConflict.query(on: db).filter(\.$stage.$id == stageID).sort(\.$id).all()
        }
        return StageWorkspace(competition: competition, definition: competition.definition, stageDefinition: stageDefinition, stage: foundation.stage,
                              entries: entries, panel: panel, assessments: assessments, conflicts: conflicts, tree: foundation.tree)
    }

    // MARK: Who may assess what

    /// Pairs that may never be assigned: the agency rule, then declared and entered conflicts.
    var excludedPairs: Set<AssignmentPair> {
        var pairs = Set(conflicts.map { AssignmentPair(proposal: Int64($0.$proposal.id), evaluator: Int64($0.$user.id)) })
        for member in activePanel {
            guard let agencyID = member.$agency.id else { continue }
            for entry in entries where tree.areRelated(agencyID, entry.proposal.$agency.id) {
                pairs.insert(AssignmentPair(proposal: Int64(entry.$proposal.id), evaluator: Int64(member.$user.id)))
            }
        }
        return pairs
    }

    /// Why an evaluator may not assess a proposal, if they may not.
    func conflict(proposalID: Int, userID: Int) -> LocalizedMessage? {
        if let stored = conflicts.first(where: { $0.$proposal.id == proposalID && $0.$user.id == userID }) {
            return LocalizedMessage(stored.source == .declared ? "assessment.conflictDeclared" : "assessment.conflictEntered", stored.reason)
        }
        if let member = member(userID: userID), let agencyID = member.$agency.id,
           let entry = entry(proposalID: proposalID), tree.areRelated(agencyID, entry.proposal.$agency.id) {
            return LocalizedMessage("assessment.conflictAgency", entry.proposal.agency.displayName)
        }
        return nil
    }

    /// The assignment problem over the slots not yet started: started assessments are kept.
    func assignmentProblem(seed: UInt64) -> AssignmentProblem {
        let active = Set(activePanel.map { $0.$user.id })
        // A re-run keeps what it may not move: started sheets, and the Biro's own additions,
        // which count towards k and the loads like any other slot.
        let kept = assessments.filter { ($0.hasStarted || $0.isManual) && active.contains($0.$evaluator.id) }
        return AssignmentProblem(
            evaluators: activePanel.map { AssignmentProblem.Evaluator(id: Int64($0.$user.id), expertise: Set($0.expertise)) },
            proposals: entries.map { AssignmentProblem.Proposal(id: Int64($0.$proposal.id), agency: Int64($0.proposal.$agency.id),
                                                                category: $0.proposal.categoryKey) },
            perProposal: rules.evaluatorsPerProposal, excluded: excludedPairs,
            fixed: Set(kept.map { AssignmentPair(proposal: Int64($0.$proposal.id), evaluator: Int64($0.$evaluator.id)) }), seed: seed)
    }

    // MARK: The result

    func attributes(of proposal: Proposal) -> [String: String] {
        attributes(agencyID: proposal.$agency.id, category: proposal.categoryKey, group: proposal.groupKey)
    }

    var shortlistedEntries: Set<Int> { Set(entries.filter { $0.decision == .shortlisted }.map { $0.$proposal.id }) }

    /// The aggregation of the loaded sheets (see `StageScope.result`).
    func result(cache: StageResultCache, on db: any Database) async throws -> StageResult {
        let proposals = entries.map { StageProposal(id: Int64($0.$proposal.id), attributes: attributes(of: $0.proposal), previousScore: $0.previousScore) }
        return try await result(proposals: proposals, inMemory: submittedSheets, cache: cache, on: db)
    }

    /// The submitted sheets among the loaded assessments, with their fingerprint.
    private var submittedSheets: (sheets: [SubmittedSheet], fingerprint: SubmittedFingerprint) {
        let submitted = assessments.filter { $0.status == .submitted }
        let sheets = submitted.map { SubmittedSheet(proposal: Int64($0.$proposal.id), evaluator: Int64($0.$evaluator.id), scores: $0.scores) }
        return (sheets, SubmittedFingerprint(updatedTimes: submitted.map(\.updatedAt)))
    }

    func entry(proposalID: Int) -> StageEntry? { entryByProposal[proposalID] }
    func member(userID: Int) -> PanelMember? { memberByUser[userID] }

    /// The scored stage before this one in the edition, whose shortlist this one starts from.
    var previousStage: SelectionStage? {
        let scored = definition.stages.filter(\.isScored)
        guard let index = scored.firstIndex(where: { $0.key == stageDefinition.key }), index > 0 else { return nil }
        return scored[index - 1]
    }

    var nextStage: SelectionStage? {
        let scored = definition.stages.filter(\.isScored)
        guard let index = scored.firstIndex(where: { $0.key == stageDefinition.key }), index + 1 < scored.count else { return nil }
        return scored[index + 1]
    }

    /// A stable anonymous label for blind scoring ("Usulan U-0042").
    static func blindCode(_ entry: StageEntry) -> String {
        "U-" + String(format: "%04d", entry.id ?? 0)
    }
}
