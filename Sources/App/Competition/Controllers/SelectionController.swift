import Fluent
import LumbungCore
import Vapor

/// The Biro's pages for an edition: the review queue, the selection of its entries within each
/// quota and their hand-off to Sinovik, and the outcomes as the national results come in.
struct SelectionController {
    struct Row: Encodable {
        let id: Int
        let innovation: String
        let agency: String
        let group: String
        let category: String
        let status: String
        let statusLabel: String
        let since: String
        let outcomes: String
    }

    struct QueueData: Encodable {
        let competitionID: Int
        let competition: String
        let waiting: [Row]
        let returned: [Row]
    }

    struct GroupBlock: Encodable {
        let name: String
        let quota: [EditionPage.QuotaRow]
        let accepted: [Row]
        let selected: [Row]
    }

    struct SelectionData: Encodable {
        let competitionID: Int
        let competition: String
        let groups: [GroupBlock]
        let handedOver: [Row]
        let canManage: Bool
        let canHandOver: Bool
    }

    struct OutcomeData: Encodable {
        let competitionID: Int
        let competition: String
        let rows: [Row]
        let stages: [Choice]
        let tiers: [Choice]
        let canManage: Bool
    }

    @Sendable func queue(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let proposals = try await EditionPage.visibleProposals(req, competitionID: try competition.requireID())
        let labels = Labels(req)
        let rows = { (status: ProposalStatus) in
            proposals.filter { $0.status == status }.sorted { ($0.submittedAt ?? .distantPast) < ($1.submittedAt ?? .distantPast) }
                .map { Self.row($0, competition, labels, outcomes: []) }
        }
        return try await req.render("competitions/review", title: req.t("review.proposalQueue"),
                                    QueueData(competitionID: competition.id!, competition: competition.name,
                                              waiting: rows(.submitted), returned: rows(.returned)))
    }

    @Sendable func selection(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let definition = competition.definition
        let labels = Labels(req)
        let proposals = try await EditionPage.visibleProposals(req, competitionID: try competition.requireID())
        let quota = try await QuotaUse.entries(for: competition, on: req.db, labels: labels)
        let groups = definition.groups.map { group in
            GroupBlock(name: group.name, quota: quota.filter { $0.groupKey == group.key }.map { $0.row(labels) },
                       accepted: proposals.filter { $0.groupKey == group.key && $0.status == .accepted }.map { Self.row($0, competition, labels, outcomes: []) },
                       selected: proposals.filter { $0.groupKey == group.key && $0.status == .selected }.map { Self.row($0, competition, labels, outcomes: []) })
        }
        let user = try req.user
        return try await req.render("competitions/selection", title: req.t("selection.title"), SelectionData(
            competitionID: competition.id!, competition: competition.name, groups: groups,
            handedOver: proposals.filter { $0.status == .handedOver }.map { Self.row($0, competition, labels, outcomes: []) },
            canManage: user.role == .admin, canHandOver: user.role == .admin && proposals.contains { $0.status == .selected }))
    }

    /// Hands every selected proposal of the edition to Sinovik at once (date and by whom).
    @Sendable func handOverAll(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let user = try req.user
        let selected = try await Proposal.query(on: req.db).filter(\.$competition.$id == competition.requireID())
            .filter(\.$status == .selected).all()
        for proposal in selected {
            proposal.status = .handedOver
            proposal.handedOverAt = req.now
            proposal.handedOverBy = user.name
            try await ProposalStore(db: req.db).save(proposal, action: ProposalAction.handOver.rawValue, by: user)
        }
        req.flash(.success, req.t("selection.handedOver", String(selected.count)))
        return req.redirect(to: "/competitions/\(try competition.requireID())/selection")
    }

    @Sendable func outcomes(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let definition = competition.definition
        let labels = Labels(req)
        let proposals = try await EditionPage.visibleProposals(req, competitionID: try competition.requireID())
            .filter { $0.status == .handedOver || $0.status == .selected }
        let awards = try await Award.query(on: req.db).filter(\.$competition.$id == competition.requireID()).sort(\.$id).all()
        let byProposal = Dictionary(grouping: awards) { $0.$proposal.id ?? 0 }
        return try await req.render("competitions/outcomes", title: req.t("outcomes.title"), OutcomeData(
            competitionID: competition.id!, competition: competition.name,
            rows: proposals.map { Self.row($0, competition, labels, outcomes: byProposal[$0.id!] ?? []) },
            stages: definition.stages.map { Choice(value: $0.key, label: $0.name, selected: false) },
            tiers: definition.awardTiers.map { Choice(value: $0.key, label: $0.name, selected: false) },
            canManage: try req.user.role == .admin))
    }

    struct OutcomeForm: Content {
        /// `stage:KEY:passed`, `stage:KEY:failed` or `tier:KEY`.
        var outcome: String?
        var note: String?
    }

    /// Records one result for a handed-over proposal: a stage passed or failed, or an award tier.
    /// Award tiers become the innovation's award history.
    @Sendable func recordOutcome(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        let competition = proposal.competition
        let definition = competition.definition
        let user = try req.user
        guard proposal.status == .handedOver || proposal.status == .selected else {
            throw Abort(.conflict, reason: req.t("outcomes.notHandedOver"))
        }
        let form = try req.form(OutcomeForm.self)
        let parts = (form.outcome ?? "").split(separator: ":").map(String.init)
        let award = Award()
        award.$innovation.id = proposal.$innovation.id
        award.$competition.id = competition.id
        award.$proposal.id = proposal.id
        award.year = competition.year
        award.editionName = competition.name
        award.organiser = competition.organiser
        award.recordedBy = user.name
        award.note = String((form.note ?? "").prefix(500))
        award.isFinalist = false
        award.isTopTier = false
        switch (parts.first, parts.count) {
        case ("stage", 3):
            guard let stage = definition.stage(parts[1]), ["passed", "failed"].contains(parts[2]) else { throw Abort(.badRequest, reason: req.t("outcomes.unknown")) }
            award.kind = parts[2] == "passed" ? .stagePassed : .stageFailed
            award.itemKey = stage.key
            award.label = req.t(parts[2] == "passed" ? "outcomes.passed" : "outcomes.failed", stage.name)
        case ("tier", 2):
            guard let tier = definition.tier(parts[1]) else { throw Abort(.badRequest, reason: req.t("outcomes.unknown")) }
            award.kind = .tier
            award.itemKey = tier.key
            award.label = tier.name
            award.isFinalist = tier.isFinalist
            award.isTopTier = tier.isTopTier
        default:
            throw Abort(.badRequest, reason: req.t("outcomes.unknown"))
        }
        try await req.db.transaction { db in
            try await award.create(on: db)
            try await db.audit(user, "proposal.outcome", "proposal", proposal.id, "\(proposal.innovation.name): \(award.label)")
        }
        try await ProposalStore(db: req.db).save(proposal, action: "outcome", by: user, note: award.label)
        req.flash(.success, req.t("outcomes.recorded", proposal.innovation.name, award.label))
        return req.redirect(to: "/competitions/\(try competition.requireID())/outcomes")
    }

    static func row(_ proposal: Proposal, _ competition: Competition, _ labels: Labels, outcomes: [Award]) -> Row {
        let definition = competition.definition
        return Row(id: proposal.id!, innovation: proposal.innovation.name, agency: proposal.agency.displayName,
                   group: definition.group(proposal.groupKey)?.name ?? proposal.groupKey,
                   category: definition.category(proposal.categoryKey)?.name ?? proposal.categoryKey,
                   status: proposal.status.rawValue, statusLabel: labels.t("proposalStatus.\(proposal.status.rawValue)"),
                   since: labels.dateTime(proposal.submittedAt ?? proposal.updatedAt),
                   outcomes: outcomes.map(\.label).joined(separator: ", "))
    }
}
