import Fluent
import LumbungCore
import SQLKit
import Vapor

/// A scored stage as its ranking pages and ranking export read it: each entry as a plain row
/// (the proposal's innovation, agency, category, group and decision) from one query, the panel's
/// names and the aggregation from the shared cache. No models: at national scale, making and
/// freeing 3,500 entries, proposals and innovations as Fluent models cost more than the page.
struct StageBoard: StageScope {
    struct Entry: Sendable {
        let proposalID: Int
        let innovation: String
        let agencyID: Int
        /// The agency's full name and the one shown in tables (its short name when it has one).
        let agencyName: String
        let agencyDisplayName: String
        let categoryKey: String
        let groupKey: String
        let decision: StageEntry.Decision
        let overrideReason: String
        let previousScore: Double?
    }

    let competition: Competition
    let definition: EditionDefinition
    let stageDefinition: SelectionStage
    let stage: EvaluationStage?
    let entries: [Entry]
    /// The panel's account names by account id.
    let panelNames: [Int: String]
    let tree: AgencyLineage
    private let entryIndex: [Int: Int]

    init(competition: Competition, stageDefinition: SelectionStage, stage: EvaluationStage?, entries: [Entry], panelNames: [Int: String], tree: AgencyLineage) {
        self.competition = competition
        definition = competition.definition
        self.stageDefinition = stageDefinition
        self.stage = stage
        self.entries = entries
        self.panelNames = panelNames
        self.tree = tree
        entryIndex = Dictionary(entries.enumerated().map { ($1.proposalID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func entry(proposalID: Int) -> Entry? { entryIndex[proposalID].map { entries[$0] } }

    var shortlistedEntries: Set<Int> { Set(entries.filter { $0.decision == .shortlisted }.map(\.proposalID)) }

    /// The aggregation, reading the submitted sheets only when the cache cannot answer.
    func result(cache: StageResultCache, on db: any Database) async throws -> StageResult {
        let proposals = entries.map {
            StageProposal(id: Int64($0.proposalID), attributes: attributes(agencyID: $0.agencyID, category: $0.categoryKey, group: $0.groupKey),
                          previousScore: $0.previousScore)
        }
        return try await result(proposals: proposals, inMemory: nil, cache: cache, on: db)
    }

    static func load(_ req: Request) async throws -> StageBoard {
        let (competition, stageDefinition) = try await req.scoredStageFromPath()
        return try await load(competition: competition, stageDefinition: stageDefinition, on: req.db)
    }

    static func load(competition: Competition, stageDefinition: SelectionStage, on db: any Database) async throws -> StageBoard {
        let foundation = try await StageFoundation.load(competition: competition, stageDefinition: stageDefinition, on: db)
        var entries: [Entry] = [], names: [Int: String] = [:]
        if let stageID = foundation.stage?.id {
            entries = try await Self.entries(stageID: stageID, agencies: foundation.agencies, on: db as! any SQLDatabase)
            for member in try await PanelMember.query(on: db).filter(\.$stage.$id == stageID).with(\.$user).all() {
                names[member.$user.id] = member.user.name
            }
        }
        return StageBoard(competition: competition, stageDefinition: stageDefinition, stage: foundation.stage, entries: entries, panelNames: names,
                          tree: foundation.tree)
    }

    private static func entries(stageID: Int, agencies: [Int: Agency], on sql: any SQLDatabase) async throws -> [Entry] {
        let rows = try await sql.select()
            .column(SQLColumn("proposal_id", table: "e")).column(SQLColumn("decision", table: "e"))
            .column(SQLColumn("override_reason", table: "e")).column(SQLColumn("previous_score", table: "e"))
            .column(SQLColumn("agency_id", table: "p")).column(SQLColumn("category_key", table: "p")).column(SQLColumn("group_key", table: "p"))
            .column(SQLColumn("name", table: "i"))
            .from(SQLAlias(SQLIdentifier(StageEntry.schema), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier(Proposal.schema), as: SQLIdentifier("p")), on: SQLColumn("id", table: "p"), .equal, SQLColumn("proposal_id", table: "e"))
            .join(SQLAlias(SQLIdentifier(Innovation.schema), as: SQLIdentifier("i")), on: SQLColumn("id", table: "i"), .equal, SQLColumn("innovation_id", table: "p"))
            .where(SQLColumn("stage_id", table: "e"), .equal, SQLBind(stageID))
            .orderBy(SQLColumn("id", table: "e")).all()
        return try rows.map { row in
            let decision = try row.decode(column: "decision", as: String.self)
            guard let known = StageEntry.Decision(rawValue: decision) else { throw Abort(.internalServerError, reason: "decision \(decision)") }
            let agencyID = try row.decode(column: "agency_id", as: Int.self)
            let agency = agencies[agencyID]
            return Entry(proposalID: try row.decode(column: "proposal_id", as: Int.self), innovation: try row.decode(column: "name", as: String.self),
                         agencyID: agencyID, agencyName: agency?.name ?? "", agencyDisplayName: agency?.displayName ?? "",
                         categoryKey: try row.decode(column: "category_key", as: String.self), groupKey: try row.decode(column: "group_key", as: String.self),
                         decision: known, overrideReason: try row.decode(column: "override_reason", as: String.self),
                         previousScore: try row.decode(column: "previous_score", as: Double?.self))
        }
    }
}
