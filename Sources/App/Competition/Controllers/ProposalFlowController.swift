import Fluent
import LumbungCore
import Vapor

/// The steps of the Admin Lokal flow: submit, return with comments, accept, select within the
/// quota, deselect, hand over to Sinovik, withdraw, reopen. Each step writes a revision and an
/// audit event; every refusal says which rule stopped it.
struct ProposalFlowController {
    func handler(for action: ProposalAction) -> @Sendable (Request) async throws -> Response {
        { req in try await perform(action, req: req) }
    }

    private func perform(_ action: ProposalAction, req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        let user = try req.user
        let labels = Labels(req)
        let id = try proposal.requireID()
        let back = "/proposals/\(id)"
        let actor = try req.proposalActor(for: proposal)
        let next: ProposalStatus
        do {
            next = try ProposalWorkflow.apply(action, to: proposal.status, by: actor)
        } catch {
            if error == .notAllowed { throw Abort(.forbidden) }
            throw Abort(.conflict, reason: req.t("proposal.wrongState", labels.t("proposalAction.\(action.rawValue)"),
                                                 labels.t("proposalStatus.\(proposal.status.rawValue)")))
        }
        var note: String?
        switch action {
        case .submit, .accept:
            if action == .submit && user.role != .admin && !proposal.competition.isOpen(at: req.now) {
                throw Abort(.conflict, reason: req.t("proposal.closed", labels.dateTime(proposal.competition.closesAt)))
            }
            let open = try await openPoints(proposal, req: req)
            guard open.isEmpty else {
                throw Abort(.conflict, reason: req.t("proposal.notReady") + " " + open.joined(separator: " "))
            }
        case .return:
            let form = try req.form([String: String].self)
            var comments: [String: String] = [:]
            for (key, value) in form where key.hasPrefix("comment_") {
                let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { comments[String(key.dropFirst("comment_".count))] = String(text.prefix(2000)) }
            }
            guard !comments.isEmpty else { throw Abort(.badRequest, reason: req.t("review.commentRequired")) }
            proposal.reviewComments = String(decoding: try JSONEncoder.sorted.encode(comments), as: UTF8.self)
            note = comments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " | ")
        case .select:
            if let refusal = try await QuotaUse.refusal(selecting: proposal, in: proposal.competition, on: req.db, labels: labels) {
                throw Abort(.conflict, reason: refusal.text(in: req.language))
            }
            proposal.selectedAt = req.now
        case .deselect:
            proposal.selectedAt = nil
        case .handOver:
            proposal.handedOverAt = req.now
            proposal.handedOverBy = user.name
        case .withdraw, .reopen:
            break
        }
        if action == .submit { proposal.submittedAt = req.now; proposal.reviewComments = nil }
        proposal.status = next
        try await ProposalStore(db: req.db).save(proposal, action: action.rawValue, by: user, note: note)
        req.flash(.success, req.t("proposalAction.\(action.rawValue).done"))
        return req.redirect(to: back)
    }

    /// What still stands between the proposal and its submission.
    func openPoints(_ proposal: Proposal, req: Request) async throws -> [String] {
        let definition = proposal.competition.definition
        let files = try await AttachmentStore(db: req.db).current(.proposal, try proposal.requireID())
        let facts = try await EligibilityFactsLoader.facts(for: proposal.innovation, on: req.db)
        let eligibility = definition.group(proposal.groupKey).map {
            Eligibility.check(facts, group: $0, closes: proposal.competition.closingDay, editionYear: proposal.competition.year)
        } ?? []
        return ProposalReadiness(definition: definition, content: proposal.content(documents: Set(files.map(\.purpose))), eligibility: eligibility)
            .openPoints.map { $0.text(in: req.language) }
    }
}
