import Fluent
import LumbungCore
import Vapor

/// What every view of a scored stage knows: the edition, the stage's definition, its row and
/// the agency tree; and the rules that follow from them, the same for the full workspace and
/// for the lighter board the ranking pages read.
protocol StageScope {
    var competition: Competition { get }
    var definition: EditionDefinition { get }
    var stageDefinition: SelectionStage { get }
    /// nil until the Biro sets the stage up.
    var stage: EvaluationStage? { get }
    var tree: AgencyLineage { get }
    /// The proposals whose entry says shortlisted (the closed result, with overrides).
    var shortlistedEntries: Set<Int> { get }
    /// The aggregation (each loader knows its proposals and whether it holds the sheets).
    func result(cache: StageResultCache, on db: any Database) async throws -> StageResult
}

/// What both loaders read first: the stage's row and every agency with the tree they form.
struct StageFoundation {
    let stage: EvaluationStage?
    let agencies: [Int: Agency]
    let tree: AgencyLineage

    static func load(competition: Competition, stageDefinition: SelectionStage, on db: any Database) async throws -> StageFoundation {
        let stage = try await EvaluationStage.query(on: db).filter(\.$competition.$id == competition.requireID())
            .filter(\.$stageKey == stageDefinition.key).first()
        let agencies = try await Agency.query(on: db).all()
        let parents = Dictionary(uniqueKeysWithValues: agencies.compactMap { agency in agency.parentID.map { (agency.id!, $0) } })
        return StageFoundation(stage: stage, agencies: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0) }),
                               tree: AgencyLineage(parents: parents))
    }
}

extension StageScope {
    var competitionID: Int { competition.id! }
    var rules: StageRules { stage?.rules ?? StageWorkspace.defaultRules(competition, stageDefinition) }
    var status: EvaluationStage.Status { stage?.status ?? .setup }
    var path: String { "/competitions/\(competitionID)/stages/\(stageDefinition.key)" }

    /// The quota attributes a proposal has: kategori, kelompok, and its agency's top level as wilayah.
    func attributes(agencyID: Int, category: String, group: String) -> [String: String] {
        let top = tree.lineage(of: agencyID).last ?? agencyID
        return ["kategori": category, "kelompok": group, "instansi": String(top)]
    }

    /// The shortlist: while scoring, the one computed from the scores so far; once closed, the
    /// entries' decisions, which hold the committee's overrides.
    func decidedShortlist(_ result: StageResult) -> Set<Int> {
        if status == .setup || status == .scoring { return Set(result.shortlist.map { Int($0) }) }
        return shortlistedEntries
    }

    /// The aggregation with the application's cache.
    func result(_ req: Request) async throws -> StageResult {
        try await result(cache: req.application.stageResults, on: req.db)
    }

    /// The aggregation of every submitted assessment, from the shared cache when the submitted
    /// sheets, the proposals, the rules and the criteria are those it was computed from.
    /// `inMemory` holds the submitted sheets when the caller has read them already.
    func result(proposals: [StageProposal], inMemory: (sheets: [SubmittedSheet], fingerprint: SubmittedFingerprint)?,
                cache: StageResultCache, on db: any Database) async throws -> StageResult {
        let criteria = definition.criteria, rules = self.rules
        func evaluate(_ sheets: [SubmittedSheet]) -> StageResult {
            StageEvaluation.evaluate(criteria: criteria, rules: rules, proposals: proposals, sheets: sheets)
        }
        guard let stageID = stage?.id else { return evaluate([]) }
        func inputs(_ fingerprint: SubmittedFingerprint) -> StageResultCache.Inputs {
            StageResultCache.Inputs(fingerprint: fingerprint, criteria: criteria, rules: rules, proposals: proposals)
        }
        let fingerprint: SubmittedFingerprint
        if let inMemory { fingerprint = inMemory.fingerprint } else { fingerprint = try await StageRows.submittedFingerprint(stageID: stageID, on: db) }
        if let kept = cache.result(stageID: stageID, inputs: inputs(fingerprint)) { return kept }
        let read: (sheets: [SubmittedSheet], fingerprint: SubmittedFingerprint)
        if let inMemory { read = inMemory } else { read = try await StageRows.submittedSheets(stageID: stageID, on: db) }
        let result = evaluate(read.sheets)
        // Kept under the fingerprint of the very rows it was computed from.
        cache.store(result, stageID: stageID, inputs: inputs(read.fingerprint))
        return result
    }
}

extension Request {
    /// The edition and the scored stage the path names.
    func scoredStageFromPath() async throws -> (Competition, SelectionStage) {
        let competition = try await competitionFromPath()
        guard let key = parameters.get("stageKey"), let stageDefinition = competition.definition.stage(key), stageDefinition.isScored else {
            throw Abort(.notFound)
        }
        return (competition, stageDefinition)
    }
}
