import Fluent
import LumbungCore
import Vapor

/// Creating, editing and reading innovation profiles.
struct InnovationController {
    @Sendable func new(req: Request) async throws -> Response {
        var input = InnovationFormInput(InnovationProfile())
        input.name = ""
        input.mainAffair = nil
        let user = try req.user
        return try await renderForm(req, input: input, agencyID: user.$agency.id, innovation: nil, errors: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.user
        let input = try req.form(InnovationFormInput.self)
        let agencyID = try chosenAgency(req, user: user)
        switch try await validate(req, input: input, agencyID: agencyID, existingID: nil) {
        case .failure(let errors):
            return try await renderForm(req, input: input, agencyID: agencyID, innovation: nil, errors: errors)
        case .success(let profile):
            let innovation = Innovation(agencyID: agencyID!, profile: profile, userID: user.id)
            do {
                try await req.innovationStore.save(innovation, action: "created", by: user)
            } catch InnovationStore.SaveError.duplicateName {
                return try await renderForm(req, input: input, agencyID: agencyID, innovation: nil,
                                            errors: [FieldError(.name, LocalizedMessage("error.duplicateName"))])
            }
            req.flash(.success, req.t("innovation.created"))
            return req.redirect(to: "/innovations/\(try innovation.requireID())")
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let innovation = try await req.innovationFromPath()
        try requireEditable(req, innovation)
        return try await renderForm(req, input: InnovationFormInput(innovation.profile), agencyID: innovation.$agency.id,
                                    innovation: innovation, errors: [])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.user
        let innovation = try await req.innovationFromPath()
        try requireEditable(req, innovation)
        let input = try req.form(InnovationFormInput.self)
        let agencyID = user.role == .admin ? try chosenAgency(req, user: user) : innovation.$agency.id
        switch try await validate(req, input: input, agencyID: agencyID, existingID: innovation.id) {
        case .failure(let errors):
            return try await renderForm(req, input: input, agencyID: agencyID, innovation: innovation, errors: errors)
        case .success(let profile):
            if profile == innovation.profile && agencyID == innovation.$agency.id {
                req.flash(.info, req.t("innovation.unchanged"))
                return req.redirect(to: "/innovations/\(try innovation.requireID())")
            }
            let changed = RevisionDiff.changes(from: innovation.profile, to: profile).map(\.field.rawValue)
            innovation.apply(profile)
            innovation.$agency.id = agencyID!
            do {
                try await req.innovationStore.save(innovation, action: "edited", by: user,
                                                           auditSummary: "\(innovation.name): \(changed.joined(separator: ", "))")
            } catch InnovationStore.SaveError.duplicateName {
                return try await renderForm(req, input: input, agencyID: agencyID, innovation: innovation,
                                            errors: [FieldError(.name, LocalizedMessage("error.duplicateName"))])
            }
            req.flash(.success, req.t("innovation.saved"))
            return req.redirect(to: "/innovations/\(try innovation.requireID())")
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let innovation = try await req.innovationFromPath()
        let view = try await InnovationDetailView.make(req: req, innovation: innovation, submissionGaps: [])
        return try await req.render("registry/innovation-show", title: innovation.name, view)
    }

    // MARK: - helpers

    private func requireEditable(_ req: Request, _ innovation: Innovation) throws {
        guard ReviewWorkflow.canEdit(innovation.status, by: try req.reviewActor(for: innovation)) else {
            throw Abort(.conflict, reason: req.t("innovation.notEditable", Labels(req).status(innovation.status)))
        }
    }

    /// The agency the innovation belongs to: an operator's own, or the one an admin chose.
    private func chosenAgency(_ req: Request, user: User) throws -> Int? {
        if user.role == .operator { return user.$agency.id }
        return (try? req.content.get(String.self, at: "agencyID")).flatMap { Int($0) }
    }

    private func validate(_ req: Request, input: InnovationFormInput, agencyID: Int?, existingID: Int?)
        async throws -> Validated<InnovationProfile, [FieldError]> {
        var errors: [FieldError] = []
        if let agencyID, try await Agency.find(agencyID, on: req.db) != nil {
        } else {
            errors.append(FieldError(.agency, LocalizedMessage("error.required")))
        }
        var parsed: InnovationProfile?
        switch input.parse() {
        case .success(let profile): parsed = profile
        case .failure(let problems): errors += problems
        }
        if let profile = parsed {
            if let source = profile.replicatedFromID, try await !replicationSourceExists(source, req: req, existingID: existingID) {
                errors.append(FieldError(.replicatedFrom, LocalizedMessage("error.unknownChoice", String(source))))
            }
            if let agencyID, try await InnovationStore(db: req.db).nameIsTaken(profile.name, agencyID: agencyID, except: existingID) {
                errors.append(FieldError(.name, LocalizedMessage("error.duplicateName")))
            }
        }
        if let parsed, errors.isEmpty { return .success(parsed) }
        return .failure(errors)
    }

    private func replicationSourceExists(_ source: Int, req: Request, existingID: Int?) async throws -> Bool {
        guard source != existingID else { return false }
        return try await req.visibleInnovation(source) != nil
    }

    private func renderForm(_ req: Request, input: InnovationFormInput, agencyID: Int?, innovation: Innovation?,
                            errors: [FieldError]) async throws -> Response {
        let isNew = innovation == nil
        let id = innovation?.id.map(String.init) ?? ""
        let view = try await InnovationFormView.make(
            req: req, action: isNew ? "/innovations" : "/innovations/\(id)", isNew: isNew,
            cancelHref: isNew ? "/innovations" : "/innovations/\(id)", input: input, agencyID: agencyID,
            errors: errors, comments: innovation?.comments ?? [:])
        let title = isNew ? req.t("innovation.new") : req.t("innovation.edit", innovation?.name ?? "")
        return try await req.render("registry/innovation-form", title: title, view, status: errors.isEmpty ? .ok : .badRequest)
    }
}
