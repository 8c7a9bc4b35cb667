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
        // Acting from the selection page goes back there; otherwise to the proposal.
        let back = LocalPath.safe(try? req.content.get(String.self, at: "back"), fallback: "/proposals/\(id)")
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
            let open = try await openPoints(proposal, on: req.db, competition: proposal.competition, language: req.language)
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
    func openPoints(_ proposal: Proposal, on db: any Database, competition: Competition, language: Language) async throws -> [String] {
        try await ProposalCheck.evaluate(proposal, competition: competition, on: db).readiness.openPoints.map { $0.text(in: language) }
    }
}
