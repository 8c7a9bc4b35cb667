/// Where a proposal stands in the Admin Lokal flow: the agency drafts it, the Biro reviews and
/// corrects it, selects its entries within the quota, and hands them to Sinovik.
public enum ProposalStatus: String, Codable, CaseIterable, Sendable {
    case draft
    case submitted
    case returned
    case accepted
    case selected
    case handedOver
    case withdrawn
}

public enum ProposalAction: String, CaseIterable, Codable, Sendable {
    /// The agency sends its draft (or its corrected proposal) to the Biro.
    case submit
    /// The Biro sends it back with comments per section.
    case `return`
    /// The Biro finds it complete and correct.
    case accept
    /// The Biro chooses it as one of its entries (within the quota).
    case select
    /// The Biro takes it out of its entries again.
    case deselect
    /// The Biro records that it was entered into Sinovik.
    case handOver
    /// The agency withdraws it (a draft or a returned one), or the Biro does at any point before hand-off.
    case withdraw
    /// The Biro reopens a withdrawn proposal as a draft.
    case reopen

    public var pathName: String {
        switch self {
        case .handOver: "hand-over"
        default: rawValue
        }
    }
}

/// Who acts on a proposal.
public struct ProposalActor: Sendable {
    public let isAdmin: Bool
    /// An operator of the proposal's agency.
    public let ownsProposal: Bool

    public init(isAdmin: Bool, ownsProposal: Bool) {
        self.isAdmin = isAdmin
        self.ownsProposal = ownsProposal
    }
}

public enum ProposalWorkflow {
    public enum Refusal: Error, Equatable, Sendable {
        case notAllowed
        case wrongState
    }

    public static func apply(_ action: ProposalAction, to status: ProposalStatus, by actor: ProposalActor) throws(Refusal) -> ProposalStatus {
        switch action {
        case .submit:
            guard actor.isAdmin || actor.ownsProposal else { throw .notAllowed }
        case .withdraw:
            guard actor.isAdmin || (actor.ownsProposal && (status == .draft || status == .returned)) else { throw .notAllowed }
        default:
            guard actor.isAdmin else { throw .notAllowed }
        }
        switch (action, status) {
        case (.submit, .draft), (.submit, .returned): return .submitted
        case (.return, .submitted), (.return, .accepted): return .returned
        case (.accept, .submitted): return .accepted
        case (.select, .accepted): return .selected
        case (.deselect, .selected): return .accepted
        case (.handOver, .selected): return .handedOver
        case (.withdraw, let current) where current != .withdrawn && current != .handedOver: return .withdrawn
        case (.reopen, .withdrawn): return .draft
        default: throw .wrongState
        }
    }

    public static func availableActions(for status: ProposalStatus, by actor: ProposalActor) -> [ProposalAction] {
        ProposalAction.allCases.filter { (try? apply($0, to: status, by: actor)) != nil }
    }

    /// The agency edits its drafts and returned proposals; the Biro corrects anything it has
    /// not yet handed over.
    public static func canEdit(_ status: ProposalStatus, by actor: ProposalActor) -> Bool {
        if actor.isAdmin { return status != .handedOver && status != .withdrawn }
        return actor.ownsProposal && (status == .draft || status == .returned)
    }

    /// Statuses that take up a place in the quota.
    public static let countsForQuota: Set<ProposalStatus> = [.selected, .handedOver]
}

/// Whether one more entry fits in a group's quota.
public enum QuotaCheck {
    /// nil when it fits; otherwise the message naming the holder, the group and the quota.
    public static func refusal(used: Int, quota: Int?, holder: String, group: String) -> LocalizedMessage? {
        guard let quota, used >= quota else { return nil }
        return LocalizedMessage("quota.full", holder, group, LocalizedMessage.count(quota), LocalizedMessage.count(used))
    }
}
