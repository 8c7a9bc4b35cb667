import Fluent
import Foundation
import LumbungCore
import Vapor

/// Saves proposals the one way: the proposal, a revision of its whole state and an audit event,
/// in one transaction.
struct ProposalStore {
    let db: any Database

    func save(_ proposal: Proposal, action: String, by user: User, note: String? = nil) async throws {
        proposal.updatedBy = user.id
        try await db.transaction { tx in
            try await proposal.save(on: tx)
            let id = try proposal.requireID()
            let last = try await ProposalRevision.query(on: tx).filter(\.$proposal.$id == id).max(\.$number) ?? 0
            let revision = ProposalRevision()
            revision.$proposal.id = id
            revision.number = last + 1
            revision.action = action
            revision.userID = user.id
            revision.userName = user.name
            revision.status = proposal.status
            revision.snapshot = String(decoding: try JSONEncoder.sorted.encode(proposal.snapshot), as: UTF8.self)
            revision.note = note.map { String($0.prefix(4000)) }
            try await revision.create(on: tx)
            try await tx.audit(user, "proposal.\(action)", "proposal", id, note.map { "\(action): \($0)" } ?? action)
        }
    }
}

/// What eligibility reads of an innovation: its profile and every award tier it received.
enum EligibilityFactsLoader {
    static func facts(for innovation: Innovation, on db: any Database) async throws -> EligibilityFacts {
        let awards = try await Award.query(on: db).filter(\.$innovation.$id == innovation.requireID()).filter(\.$kind == .tier).all()
        return EligibilityFacts(status: innovation.status, category: innovation.category, stage: innovation.stage,
                                implementationStart: innovation.implementationStartDate,
                                replicatesNamedInnovation: innovation.replicatedFromID != nil || !innovation.replicatedFromName.isEmpty,
                                awards: awards.map(\.record))
    }
}

/// A proposal against its edition's rules: the eligibility of its innovation in its group (and
/// the facts that were compared), and its readiness. One place, used by the page and the flow.
struct ProposalCheck {
    let facts: EligibilityFacts
    let eligibility: [RuleOutcome]
    let readiness: ProposalReadiness
    let documents: [AttachmentStore.Summary]

    static func evaluate(_ proposal: Proposal, competition: Competition, on db: any Database) async throws -> ProposalCheck {
        let definition = competition.definition
        let documents = try await AttachmentStore(db: db).current(.proposal, try proposal.requireID())
        let facts = try await EligibilityFactsLoader.facts(for: proposal.innovation, on: db)
        let eligibility = definition.group(proposal.groupKey).map {
            Eligibility.check(facts, group: $0, closes: competition.closingDay, editionYear: competition.year)
        } ?? []
        let readiness = ProposalReadiness(definition: definition, content: proposal.content(documents: Set(documents.map(\.purpose))),
                                          eligibility: eligibility)
        return ProposalCheck(facts: facts, eligibility: eligibility, readiness: readiness, documents: documents)
    }
}

extension Request {
    /// The proposal named in the path with its edition and innovation, if this account may
    /// see it: the Biro and viewers all, operators their own agency's (the same registry scope
    /// as innovations).
    func proposalFromPath() async throws -> Proposal {
        guard let id = parameters.get("proposalID", as: Int.self),
              let proposal = try await Proposal.query(on: db).filter(\.$id == id)
                .with(\.$competition).with(\.$innovation).with(\.$agency).first() else {
            throw Abort(.notFound)
        }
        guard innovationVisibility.registryAllows(proposal.innovation) else { throw Abort(.forbidden) }
        return proposal
    }

    /// The edition named in the path.
    func competitionFromPath() async throws -> Competition {
        guard let id = parameters.get("competitionID", as: Int.self), let competition = try await Competition.find(id, on: db) else {
            throw Abort(.notFound)
        }
        return competition
    }

    func proposalActor(for proposal: Proposal) throws -> ProposalActor {
        let user = try self.user
        return ProposalActor(isAdmin: user.role == .admin, ownsProposal: user.operates(agencyID: proposal.$agency.id))
    }
}
