/// Something a person can do to an innovation's review state.
public enum ReviewAction: String, CaseIterable, Codable, Sendable {
    /// Operator (or admin) sends the profile to the Biro; also the resubmission after a revision request.
    case submit
    /// Admin returns the profile with comments against named fields.
    case requestRevision
    case verify
    /// Shows a verified innovation in the public catalogue.
    case publish
    case unpublish
    /// Takes an innovation out of use. Nothing is ever deleted.
    case archive
    /// Brings an archived innovation back as a draft.
    case restore
    /// Sends a verified innovation back to draft so that its agency can update it.
    case reopen
}

public struct ReviewState: Equatable, Sendable {
    public var status: ReviewStatus
    public var isPublic: Bool

    public init(status: ReviewStatus, isPublic: Bool) {
        self.status = status
        self.isPublic = isPublic
    }

    /// Shown in the public catalogue and the open data: verified and published.
    public var isInCatalogue: Bool { status == .verified && isPublic }
}

/// Who is acting, as far as the workflow cares.
public struct ReviewActor: Sendable {
    public let role: Role
    /// True when the actor is an operator of the innovation's own agency.
    public let ownsAgency: Bool

    public init(role: Role, ownsAgency: Bool) {
        self.role = role
        self.ownsAgency = ownsAgency
    }

    var isAdmin: Bool { role == .admin }
    var isOwningOperator: Bool { role == .operator && ownsAgency }
}

/// The verification workflow between an agency's operators and the Biro Organisasi:
/// draft → submitted → (revision requested → submitted)* → verified → published / internal;
/// anything can be archived and restored as a draft.
public enum ReviewWorkflow {
    public enum Refusal: Error, Equatable, Sendable {
        case notAllowed
        case wrongState
    }

    public static func apply(_ action: ReviewAction, to state: ReviewState, by actor: ReviewActor) throws(Refusal) -> ReviewState {
        guard isPermitted(action, by: actor) else { throw .notAllowed }
        var next = state
        switch (action, state.status) {
        case (.submit, .draft), (.submit, .revisionRequested):
            next.status = .submitted
        case (.requestRevision, .submitted):
            next.status = .revisionRequested
        case (.verify, .submitted):
            next.status = .verified
        case (.publish, .verified) where !state.isPublic:
            next.isPublic = true
        case (.unpublish, .verified) where state.isPublic:
            next.isPublic = false
        case (.archive, let status) where status != .archived:
            if actor.role == .operator && status != .draft { throw .notAllowed }
            next.status = .archived
            next.isPublic = false
        case (.restore, .archived):
            next.status = .draft
        case (.reopen, .verified):
            next.status = .draft
            next.isPublic = false
        default:
            throw .wrongState
        }
        return next
    }

    /// The actions this actor can take now, in the order the page offers them.
    public static func availableActions(for state: ReviewState, by actor: ReviewActor) -> [ReviewAction] {
        ReviewAction.allCases.filter { (try? apply($0, to: state, by: actor)) != nil }
    }

    /// Whether the actor may change the profile's fields in this state.
    public static func canEdit(_ status: ReviewStatus, by actor: ReviewActor) -> Bool {
        if actor.isAdmin { return status != .archived }
        if actor.isOwningOperator { return status == .draft || status == .revisionRequested }
        return false
    }

    /// Whether the action needs the profile to be complete.
    public static func requiresCompleteProfile(_ action: ReviewAction) -> Bool {
        action == .submit || action == .verify
    }

    static func isPermitted(_ action: ReviewAction, by actor: ReviewActor) -> Bool {
        switch action {
        case .submit, .archive: actor.isAdmin || actor.isOwningOperator
        case .requestRevision, .verify, .publish, .unpublish, .restore, .reopen: actor.isAdmin
        }
    }
}
