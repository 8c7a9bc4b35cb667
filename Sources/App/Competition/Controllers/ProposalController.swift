import Fluent
import LumbungCore
import Vapor

/// Starting a proposal from a verified innovation, reading it, and editing its sections.
struct ProposalController {
    struct NewData: Encodable {
        let competitionID: Int
        let competitionName: String
        let isOpen: Bool
        let closedMessage: String?
        let innovations: [Choice]
        let groups: [Choice]
        let categories: [Choice]
        let error: String?
        let hasInnovations: Bool
    }

    struct NewForm: Content {
        var innovationID: String?
        var groupKey: String?
        var categoryKey: String?
    }

    @Sendable func new(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        return try await renderNew(req, competition, form: NewForm(innovationID: req.query["innovation"]), error: nil)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let competition = try await req.competitionFromPath()
        let form = try req.form(NewForm.self)
        let user = try req.user
        let definition = competition.definition
        guard competition.isOpen(at: req.now) || user.role == .admin else {
            return try await renderNew(req, competition, form: form, error: closedMessage(req, competition), status: .conflict)
        }
        guard let id = form.innovationID.flatMap({ Int($0) }), let innovation = try await req.visibleInnovation(id),
              req.innovationVisibility.registryAllows(innovation) else {
            return try await renderNew(req, competition, form: form, error: req.t("proposal.chooseInnovation"), status: .badRequest)
        }
        guard innovation.status == .verified else {
            let message = LocalizedMessage("eligibility.verified.no", LocalizedMessage.term("status.\(innovation.status.rawValue)"))
            return try await renderNew(req, competition, form: form, error: message.text(in: req.language), status: .badRequest)
        }
        guard let group = definition.group(form.groupKey ?? ""), definition.category(form.categoryKey ?? "") != nil else {
            return try await renderNew(req, competition, form: form, error: req.t("readiness.groupOrCategory"), status: .badRequest)
        }
        let competitionID = try competition.requireID()
        if let existing = try await Proposal.query(on: req.db).filter(\.$competition.$id == competitionID)
            .filter(\.$innovation.$id == id).first() {
            return try await renderNew(req, competition, form: form,
                                       error: req.t("proposal.duplicate", innovation.name, competition.name, String(existing.id!)), status: .conflict)
        }
        var sections: [String: String] = [:]
        for section in definition.sections(for: group.key) {
            if let field = section.prefill { sections[section.key] = Self.profileText(innovation.profile, field) }
        }
        let proposal = try Proposal(competitionID: competitionID, innovation: innovation, groupKey: group.key,
                                    categoryKey: form.categoryKey ?? "", sections: sections, userID: user.id)
        do {
            try await ProposalStore(db: req.db).save(proposal, action: "created", by: user)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return try await renderNew(req, competition, form: form, error: req.t("proposal.duplicate", innovation.name, competition.name, ""), status: .conflict)
        }
        req.flash(.success, req.t("proposal.created"))
        return req.redirect(to: "/proposals/\(try proposal.requireID())")
    }

    @Sendable func show(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        let page = try await ProposalPage.make(req: req, proposal: proposal)
        return try await req.render("competitions/proposal-show", title: proposal.innovation.name, page)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        try requireEditable(req, proposal)
        return try await renderEdit(req, proposal, form: ProposalForm(proposal), errors: [])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let proposal = try await req.proposalFromPath()
        try requireEditable(req, proposal)
        let form = ProposalForm(fields: try req.form([String: String].self), definition: proposal.competition.definition)
        let errors = form.problems(definition: proposal.competition.definition).map { $0.text(in: req.language) }
        guard errors.isEmpty else { return try await renderEdit(req, proposal, form: form, errors: errors) }
        let before = proposal.snapshot
        form.apply(to: proposal, definition: proposal.competition.definition)
        guard proposal.snapshot != before else {
            req.flash(.info, req.t("proposal.unchanged"))
            return req.redirect(to: "/proposals/\(try proposal.requireID())")
        }
        try await ProposalStore(db: req.db).save(proposal, action: "edited", by: try req.user)
        let over = form.overLimit(definition: proposal.competition.definition)
        if over.isEmpty {
            req.flash(.success, req.t("proposal.saved"))
            return req.redirect(to: "/proposals/\(try proposal.requireID())")
        }
        req.flash(.error, req.t("proposal.savedOverLimit") + " " + over.map { $0.text(in: req.language) }.joined(separator: " "))
        return req.redirect(to: "/proposals/\(try proposal.requireID())/edit")
    }

    // MARK: - helpers

    static func profileText(_ profile: InnovationProfile, _ field: ProfileField) -> String {
        switch field {
        case .design: profile.design
        case .goals: profile.goals
        case .benefits: profile.benefits
        case .results: profile.results
        case .beneficiaries: profile.beneficiaries
        default: ""
        }
    }

    private func requireEditable(_ req: Request, _ proposal: Proposal) throws {
        guard ProposalWorkflow.canEdit(proposal.status, by: try req.proposalActor(for: proposal)) else {
            throw Abort(.conflict, reason: req.t("proposal.notEditable", req.t("proposalStatus.\(proposal.status.rawValue)")))
        }
    }

    private func closedMessage(_ req: Request, _ competition: Competition) -> String {
        let labels = Labels(req)
        return req.now < competition.opensAt
            ? req.t("proposal.notYetOpen", labels.dateTime(competition.opensAt))
            : req.t("proposal.closed", labels.dateTime(competition.closesAt))
    }

    private func renderNew(_ req: Request, _ competition: Competition, form: NewForm, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let definition = competition.definition
        let competitionID = try competition.requireID()
        let taken = Set(try await Proposal.query(on: req.db).filter(\.$competition.$id == competitionID).all(\.$innovation.$id))
        let candidates = try await req.innovationVisibility.restrict(Innovation.query(on: req.db))
            .filter(\.$status == .verified).with(\.$agency).sort(\.$nameKey).all()
            .filter { !taken.contains($0.id!) }
        let isAdmin = try req.user.role == .admin
        let open = competition.isOpen(at: req.now) || isAdmin
        let data = NewData(
            competitionID: competitionID, competitionName: competition.name, isOpen: open,
            closedMessage: open ? nil : closedMessage(req, competition),
            innovations: candidates.map { Choice(value: String($0.id!), label: "\($0.name) — \($0.agency.displayName)", selected: form.innovationID == String($0.id!)) },
            groups: definition.groups.map { Choice(value: $0.key, label: $0.name, selected: form.groupKey == $0.key) },
            categories: definition.categories.map { Choice(value: $0.key, label: $0.name, selected: form.categoryKey == $0.key) },
            error: error, hasInnovations: !candidates.isEmpty)
        return try await req.render("competitions/proposal-new", title: req.t("proposal.new"), data, status: status)
    }

    private func renderEdit(_ req: Request, _ proposal: Proposal, form: ProposalForm, errors: [String]) async throws -> Response {
        let page = ProposalFormPage(proposal: proposal, form: form, errors: errors, labels: Labels(req))
        return try await req.render("competitions/proposal-form", title: req.t("proposal.editTitle", proposal.innovation.name), page,
                                    status: errors.isEmpty ? .ok : .badRequest)
    }
}
