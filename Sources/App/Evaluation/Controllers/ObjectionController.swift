import Fluent
import LumbungCore
import Vapor

/// The announced result as the agencies see it, their objections (sanggahan) within the window
/// with a document, the Biro's answers, and the public result list when it is published.
struct ObjectionController {
    struct ResultRow: Encodable {
        let proposalID: Int
        let innovation: String
        let agency: String
        let rank: String
        let score: String
        let shortlisted: Bool
    }

    struct ObjectionRow: Encodable {
        let id: Int
        let innovation: String
        let agency: String
        let filedBy: String
        let filedAt: String
        let reason: String
        let document: String?
        let answer: String?
        let upheld: Bool?
        let answeredBy: String
        let canAnswer: Bool
    }

    struct ObjectionData: Encodable {
        let competitionID: Int
        let competition: String
        let stageName: String
        let path: String
        let isAnnounced: Bool
        let windowOpen: Bool
        let lastDay: String
        let results: [ResultRow]
        let objections: [ObjectionRow]
        let ownProposals: [Choice]
        let canFile: Bool
        let canAnswer: Bool
        let isPublic: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        let user = try req.user
        let labels = Labels(req)
        let visibility = req.innovationVisibility
        let announced = workspace.status == .announced || workspace.status == .final
        let visible = workspace.entries.filter { visibility.registryAllows($0.proposal.innovation) }
        let results = announced ? visible.sorted { ($0.rank ?? .max, $0.id ?? 0) < ($1.rank ?? .max, $1.id ?? 0) }.map { entry in
            ResultRow(proposalID: entry.$proposal.id, innovation: entry.proposal.innovation.name, agency: entry.proposal.agency.displayName,
                      rank: entry.rank.map(String.init) ?? "—", score: RankingPage.number(entry.officialScore), shortlisted: entry.decision == .shortlisted)
        } : []
        var objections: [ObjectionRow] = []
        if let stageID = workspace.stage?.id {
            let visibleIDs = Set(visible.map { $0.$proposal.id })
            let stored = try await Objection.query(on: req.db).filter(\.$stage.$id == stageID).sort(\.$id).all()
            for objection in stored where visibleIDs.contains(objection.$proposal.id) {
                let entry = workspace.entry(proposalID: objection.$proposal.id)
                let document = try await AttachmentStore(db: req.db).current(.objection, objection.id!).first
                objections.append(ObjectionRow(
                    id: objection.id!, innovation: entry?.proposal.innovation.name ?? "", agency: entry?.proposal.agency.displayName ?? "",
                    filedBy: objection.filedByName, filedAt: labels.dateTime(objection.createdAt), reason: objection.reason,
                    document: document?.fileName, answer: objection.answer, upheld: objection.upheld, answeredBy: objection.answeredBy ?? "",
                    canAnswer: user.role == .admin && objection.answer == nil && workspace.status == .announced))
            }
        }
        let windowOpen = StageLifecycle.objectionRefusal(phase: workspace.status, today: req.today, lastDay: workspace.stage?.objectionLastDay) == nil
        let own = visible.filter { user.role == .admin || user.operates(agencyID: $0.proposal.$agency.id) }
        let data = ObjectionData(
            competitionID: workspace.competitionID, competition: workspace.competition.name, stageName: workspace.stageDefinition.name,
            path: workspace.path, isAnnounced: announced, windowOpen: windowOpen,
            lastDay: workspace.stage?.objectionLastDay.map { IndonesianFormat.date($0, language: req.language) } ?? "",
            results: results, objections: objections,
            ownProposals: own.map { Choice(value: String($0.$proposal.id), label: $0.proposal.innovation.name, selected: false) },
            canFile: windowOpen && (user.role == .admin || user.role == .operator) && !own.isEmpty,
            canAnswer: user.role == .admin, isPublic: workspace.stage?.isPublic ?? false)
        return try await req.render("evaluation/objections", title: req.t("objections.title", workspace.stageDefinition.name), data)
    }

    struct FileForm: Content {
        var proposalID: Int?
        var reason: String?
        var file: File?
    }

    @Sendable func file(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage else { throw Abort(.notFound) }
        if let refusal = StageLifecycle.objectionRefusal(phase: stage.status, today: req.today, lastDay: stage.objectionLastDay) {
            throw Abort(.conflict, reason: refusal.text(in: req.language))
        }
        let user = try req.user
        let form = try req.form(FileForm.self)
        guard let proposalID = form.proposalID, let entry = workspace.entry(proposalID: proposalID),
              user.role == .admin || user.operates(agencyID: entry.proposal.$agency.id) else {
            throw Abort(.forbidden)
        }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Abort(.badRequest, reason: req.t("objection.reasonMissing")) }
        let objection = Objection()
        objection.$stage.id = try stage.requireID()
        objection.$proposal.id = proposalID
        objection.filedBy = try user.requireID()
        objection.filedByName = user.name
        objection.reason = String(reason.prefix(4000))
        // An objection comes with its supporting document. The file is checked before anything
        // is saved, and saved with the objection in one transaction: a refused file loses nothing
        // and leaves no objection without its document.
        guard let file = form.file, file.data.readableBytes > 0 else { throw Abort(.badRequest, reason: req.t("objection.documentMissing")) }
        let bytes = Array(file.data.readableBytesView)
        let limit = req.application.lumbung.uploadLimitBytes
        if case .refused(let message) = UploadCheck.check(bytes, fileName: file.filename, limit: limit) {
            throw Abort(.badRequest, reason: message.text(in: req.language))
        }
        try await req.db.transaction { db in
            try await objection.create(on: db)
            try await db.audit(user, "objection.file", "stage", stage.id, "\(entry.proposal.innovation.name): \(objection.reason.prefix(200))")
            _ = try await AttachmentStore(db: db).store(bytes, fileName: file.filename, owner: .objection, ownerID: objection.requireID(),
                                                        purpose: "objection", by: user, limit: limit)
        }
        req.flash(.success, req.t("objection.filed", entry.proposal.innovation.name))
        return req.redirect(to: workspace.path + "/objections")
    }

    /// The objection with its stage and proposal, if this account may see it.
    private func objectionFromPath(_ req: Request) async throws -> (Objection, Proposal) {
        guard let id = req.parameters.get("objectionID", as: Int.self), let objection = try await Objection.find(id, on: req.db),
              let proposal = try await Proposal.query(on: req.db).filter(\.$id == objection.$proposal.id).with(\.$innovation).first() else {
            throw Abort(.notFound)
        }
        guard req.innovationVisibility.registryAllows(proposal.innovation) else { throw Abort(.forbidden) }
        return (objection, proposal)
    }

    @Sendable func document(req: Request) async throws -> Response {
        let (objection, _) = try await objectionFromPath(req)
        guard let summary = try await AttachmentStore(db: req.db).current(.objection, objection.requireID()).first,
              let attachment = try await AttachmentStore(db: req.db).file(summary.id, owner: .objection, ownerID: objection.requireID()) else {
            throw Abort(.notFound)
        }
        return AttachmentStore.download(attachment)
    }

    struct AnswerForm: Content {
        var answer: String?
        var upheld: String?
    }

    @Sendable func answer(req: Request) async throws -> Response {
        let (objection, proposal) = try await objectionFromPath(req)
        guard let stage = try await EvaluationStage.find(objection.$stage.id, on: req.db) else { throw Abort(.notFound) }
        guard stage.status == .announced else { throw Abort(.conflict, reason: req.t("objection.answerClosed")) }
        guard objection.answer == nil else { throw Abort(.conflict, reason: req.t("objection.answered")) }
        let form = try req.form(AnswerForm.self)
        let answer = (form.answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !answer.isEmpty else { throw Abort(.badRequest, reason: req.t("objection.answerMissing")) }
        guard let upheld = ["yes": true, "no": false][form.upheld ?? ""] else { throw Abort(.badRequest, reason: req.t("objection.chooseOutcome")) }
        let user = try req.user
        objection.answer = String(answer.prefix(4000))
        objection.upheld = upheld
        objection.answeredBy = user.name
        objection.answeredAt = req.now
        try await req.db.transaction { db in
            try await objection.save(on: db)
            try await db.audit(user, "objection.answer", "stage", stage.id, "\(proposal.innovation.name): \(upheld ? "upheld" : "rejected") — \(objection.answer!.prefix(200))")
        }
        req.flash(.success, req.t("objection.answerSaved"))
        return req.redirect(to: "/competitions/\(stage.$competition.id)/stages/\(stage.stageKey)/objections")
    }

    struct PublicData: Encodable {
        let competition: String
        let stageName: String
        let isFinal: Bool
        let lastDay: String
        let rows: [ResultRow]
    }

    /// The published result for everyone, only once the Biro announced it as public.
    @Sendable func publicResults(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        guard let stage = workspace.stage, stage.isPublic, stage.status == .announced || stage.status == .final else { throw Abort(.notFound) }
        let rows = workspace.entries.filter { $0.decision == .shortlisted }.sorted { ($0.rank ?? .max) < ($1.rank ?? .max) }.map { entry in
            ResultRow(proposalID: entry.$proposal.id, innovation: entry.proposal.innovation.name, agency: entry.proposal.agency.name,
                      rank: entry.rank.map(String.init) ?? "—", score: RankingPage.number(entry.officialScore), shortlisted: true)
        }
        return try await req.render("evaluation/results", title: req.t("results.title", workspace.stageDefinition.name), PublicData(
            competition: workspace.competition.name, stageName: workspace.stageDefinition.name, isFinal: stage.status == .final,
            lastDay: stage.objectionLastDay.map { IndonesianFormat.date($0, language: req.language) } ?? "", rows: rows))
    }
}
