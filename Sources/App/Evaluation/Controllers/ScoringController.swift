import Fluent
import LumbungCore
import Vapor

/// The evaluator's side: the queue of assigned proposals with what is left, and the scoring
/// form (blind when the edition says so), usable on a phone without JavaScript.
struct ScoringController {
    struct QueueItem: Encodable {
        let id: Int
        let label: String
        let category: String
        let status: String
        let statusLabel: String
    }

    struct QueueStage: Encodable {
        let competition: String
        let stageName: String
        let phaseLabel: String
        let isScoring: Bool
        let done: Int
        let total: Int
        let percent: Int
        let left: [QueueItem]
        let finished: [QueueItem]
    }

    struct QueueData: Encodable {
        let stages: [QueueStage]
        let leftTotal: Int
    }

    @Sendable func queue(req: Request) async throws -> Response {
        let user = try req.user
        let labels = Labels(req)
        let mine = try await Assessment.query(on: req.db).filter(\.$evaluator.$id == user.requireID())
            .with(\.$stage) { $0.with(\.$competition) }.with(\.$proposal) { $0.with(\.$innovation) }.sort(\.$id).all()
        let entries = try await StageEntry.query(on: req.db).filter(\.$stage.$id ~~ Set(mine.map { $0.$stage.id })).all()
        let entryByPair = Dictionary(entries.map { ("\($0.$stage.id)-\($0.$proposal.id)", $0) }, uniquingKeysWith: { a, _ in a })
        let stages = Dictionary(grouping: mine) { $0.$stage.id }.sorted { $0.key < $1.key }.map { _, list -> QueueStage in
            let stage = list[0].stage
            let definition = stage.competition.definition
            let items = list.map { assessment -> QueueItem in
                let entry = entryByPair["\(assessment.$stage.id)-\(assessment.$proposal.id)"]
                return QueueItem(id: assessment.id!, label: Self.label(assessment.proposal, entry: entry, blind: definition.blindScoring),
                                 category: definition.category(assessment.proposal.categoryKey)?.name ?? assessment.proposal.categoryKey,
                                 status: assessment.status.rawValue, statusLabel: labels.t("assessmentStatus.\(assessment.status.rawValue)"))
            }
            let done = list.filter { $0.status == .submitted }.count
            return QueueStage(competition: stage.competition.name, stageName: definition.stage(stage.stageKey)?.name ?? stage.stageKey,
                              phaseLabel: labels.t("stagePhase.\(stage.status.rawValue)"), isScoring: stage.status == .scoring,
                              done: done, total: list.count, percent: list.isEmpty ? 0 : done * 100 / list.count,
                              left: items.filter { $0.status != "submitted" }, finished: items.filter { $0.status == "submitted" })
        }
        return try await req.render("evaluation/queue", title: req.t("evaluations.title"),
                                    QueueData(stages: stages, leftTotal: stages.filter(\.isScoring).reduce(0) { $0 + $1.left.count }))
    }

    static func label(_ proposal: Proposal, entry: StageEntry?, blind: Bool) -> String {
        if blind { return StringCatalogue.text("assessment.blindLabel", language: .id, arguments: [entry.map(StageWorkspace.blindCode) ?? "U-?"]) }
        return proposal.innovation.name
    }

    /// The names a blind evaluator must not read in the proposal's text.
    static func identifyingNames(_ proposal: Proposal, on db: any Database) async throws -> [String] {
        var agencies = [proposal.agency]
        if let parentID = proposal.agency.parentID, let parent = try await Agency.find(parentID, on: db) { agencies.append(parent) }
        return agencies.flatMap { [$0.name, $0.shortName, $0.code] } + [proposal.innovation.name, proposal.innovation.acronym]
    }

    // MARK: One assessment

    struct CriterionRow: Encodable {
        let key: String
        let name: String
        let weight: String
        let guidance: String
        let options: [Choice]
        let value: String
        let comment: String
        let problem: String?
    }

    struct Section: Encodable {
        let title: String
        let text: String
    }

    struct AssessmentData: Encodable {
        let id: Int
        let competition: String
        let stageName: String
        let label: String
        let blind: Bool
        let agency: String?
        let group: String
        let category: String
        let sections: [Section]
        let criteria: [CriterionRow]
        let general: String
        let status: String
        let statusLabel: String
        let canScore: Bool
        let canReopen: Bool
        let canDeclare: Bool
        let isEvaluator: Bool
        let total: String?
        let problems: [String]
        let conflict: String?
        let queueHref: String
        /// The proposal's documents; none for an evaluator in blind mode, where they would name
        /// the agency and the innovators (`documentsHidden`).
        let documents: [DocumentLink]
        let documentsHidden: Bool
    }

    struct DocumentLink: Encodable {
        let name: String
        let href: String
        let size: String
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (assessment, workspace) = try await load(req)
        return try await render(req, assessment, workspace, values: assessment.scores.mapValues(String.init), comments: assessment.comments, problems: [])
    }

    /// The assessment in the path, if this account may see it: its evaluator, or the Biro.
    func load(_ req: Request) async throws -> (Assessment, StageWorkspace) {
        guard let id = req.parameters.get("assessmentID", as: Int.self),
              let assessment = try await Assessment.query(on: req.db).filter(\.$id == id).with(\.$stage) { $0.with(\.$competition) }.first() else {
            throw Abort(.notFound)
        }
        let user = try req.user
        guard user.role == .admin || assessment.$evaluator.id == user.id else { throw Abort(.forbidden) }
        let competition = assessment.stage.competition
        guard let stageDefinition = competition.definition.stage(assessment.stage.stageKey) else { throw Abort(.notFound) }
        let workspace = try await StageWorkspace.load(competition: competition, stageDefinition: stageDefinition, on: req.db)
        return (assessment, workspace)
    }

    func render(_ req: Request, _ assessment: Assessment, _ workspace: StageWorkspace, values: [String: String], comments: [String: String],
                problems: [ScoreSheetProblem], status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.user
        guard let entry = workspace.entry(proposalID: assessment.$proposal.id) else { throw Abort(.notFound) }
        let proposal = entry.proposal
        let definition = workspace.definition
        let blind = definition.blindScoring
        let isEvaluator = assessment.$evaluator.id == user.id
        let stageScoring = workspace.status == .scoring
        let conflict = workspace.conflict(proposalID: proposal.id!, userID: assessment.$evaluator.id)
        let problemByName = Dictionary(problems.map { ($0.criterion, $0.message.text(in: req.language)) }, uniquingKeysWith: { a, _ in a })
        let criteria = definition.criteria.map { criterion in
            CriterionRow(key: criterion.key, name: criterion.name, weight: IndonesianFormat.number(criterion.weight, fractionDigits: 0),
                         guidance: criterion.guidance,
                         options: [Choice(value: "", label: "—", selected: (values[criterion.key] ?? "").isEmpty)]
                            + (criterion.scaleMin...criterion.scaleMax).map { Choice(value: String($0), label: String($0), selected: values[criterion.key] == String($0)) },
                         value: values[criterion.key] ?? "", comment: comments[criterion.key] ?? "", problem: problemByName[criterion.name])
        }
        // Blind scoring hides who is behind the proposal from its evaluator (not from the Biro).
        let hidesIdentity = blind && isEvaluator
        let hidden = hidesIdentity ? try await Self.identifyingNames(proposal, on: req.db) : []
        let sections = definition.sections(for: proposal.groupKey).map {
            Section(title: $0.title, text: BlindText.redact(proposal.sections[$0.key] ?? "", hiding: hidden))
        }
        let scores = assessment.scores
        let complete = WeightedTotal.problems(scores, criteria: definition.criteria, complete: true).isEmpty
        let data = AssessmentData(
            id: assessment.id!, competition: workspace.competition.name, stageName: workspace.stageDefinition.name,
            label: Self.label(proposal, entry: entry, blind: hidesIdentity), blind: hidesIdentity,
            agency: hidesIdentity ? nil : proposal.agency.name,
            group: definition.group(proposal.groupKey)?.name ?? proposal.groupKey,
            category: definition.category(proposal.categoryKey)?.name ?? proposal.categoryKey,
            sections: sections, criteria: criteria, general: comments["general"] ?? "",
            status: assessment.status.rawValue, statusLabel: req.t("assessmentStatus.\(assessment.status.rawValue)"),
            canScore: isEvaluator && stageScoring && assessment.status != .submitted && conflict == nil,
            canReopen: user.role == .admin && stageScoring && assessment.status == .submitted,
            canDeclare: isEvaluator && stageScoring && assessment.status != .submitted,
            isEvaluator: isEvaluator,
            total: complete ? IndonesianFormat.number(WeightedTotal.total(scores, criteria: definition.criteria), fractionDigits: 1) : nil,
            problems: problems.map { $0.message.text(in: req.language) }, conflict: conflict?.text(in: req.language),
            queueHref: isEvaluator ? "/evaluations" : workspace.path + "/assignment",
            documents: hidesIdentity ? [] : try await AttachmentStore(db: req.db).current(.proposal, proposal.requireID()).map { file in
                DocumentLink(name: file.fileName,
                             href: isEvaluator ? "/assessments/\(assessment.id!)/documents/\(file.id)" : "/proposals/\(proposal.id!)/documents/\(file.id)",
                             size: IndonesianFormat.bytes(file.size, language: req.language))
            },
            documentsHidden: hidesIdentity)
        return try await req.render("evaluation/assessment", title: data.label, data, status: status)
    }

    /// A document of the assessed proposal, for its evaluator: not in blind mode (the documents
    /// name the agency and the innovators), and not once a conflict is recorded.
    @Sendable func document(req: Request) async throws -> Response {
        let (assessment, workspace) = try await load(req)
        guard let attachmentID = req.parameters.get("attachmentID", as: Int.self) else { throw Abort(.notFound) }
        if try req.user.role == .evaluator {
            if workspace.definition.blindScoring { throw Abort(.forbidden, reason: req.t("assessment.documentsBlind")) }
            if let conflict = workspace.conflict(proposalID: assessment.$proposal.id, userID: assessment.$evaluator.id) {
                throw Abort(.forbidden, reason: conflict.text(in: req.language))
            }
        }
        guard let file = try await AttachmentStore(db: req.db).file(attachmentID, owner: .proposal, ownerID: assessment.$proposal.id) else {
            throw Abort(.notFound)
        }
        return AttachmentStore.download(file)
    }

    /// Saves a draft or submits: scores on each criterion's scale; a submission needs them all.
    @Sendable func save(req: Request) async throws -> Response {
        let (assessment, workspace) = try await load(req)
        let user = try req.user
        guard assessment.$evaluator.id == user.id else { throw Abort(.forbidden) }
        guard workspace.status == .scoring else { throw Abort(.conflict, reason: req.t("assessment.notScoring")) }
        guard assessment.status != .submitted else { throw Abort(.conflict, reason: req.t("assessment.locked")) }
        if let conflict = workspace.conflict(proposalID: assessment.$proposal.id, userID: user.id!) {
            throw Abort(.conflict, reason: conflict.text(in: req.language))
        }
        let fields = try req.form([String: String].self)
        let submit = fields["intent"] == "submit"
        let criteria = workspace.definition.criteria
        var scores: CriterionScores = [:]
        var values: [String: String] = [:]
        var comments: [String: String] = [:]
        var problems: [ScoreSheetProblem] = []
        var notNumbers: [String] = []
        for criterion in criteria {
            let text = (fields["score-\(criterion.key)"] ?? "").trimmingCharacters(in: .whitespaces)
            values[criterion.key] = text
            if !text.isEmpty {
                if let score = Int(text) { scores[criterion.key] = score } else { notNumbers.append(criterion.name) }
            }
            let comment = (fields["comment-\(criterion.key)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !comment.isEmpty { comments[criterion.key] = String(comment.prefix(2000)) }
        }
        let general = (fields["comment-general"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !general.isEmpty { comments["general"] = String(general.prefix(4000)) }
        problems = WeightedTotal.problems(scores, criteria: criteria, complete: submit).filter { !notNumbers.contains($0.criterion) }
            + notNumbers.map { .notWhole(criterion: $0) }
        if !problems.isEmpty {
            return try await render(req, assessment, workspace, values: values, comments: comments, problems: problems, status: .badRequest)
        }
        let wasStatus = assessment.status
        assessment.scores = scores
        assessment.comments = comments
        if assessment.startedAt == nil { assessment.startedAt = req.now }
        assessment.status = submit ? .submitted : .draft
        if submit { assessment.submittedAt = req.now }
        try await req.db.transaction { db in
            try await assessment.save(on: db)
            if submit || wasStatus == .assigned {
                try await db.audit(user, submit ? "assessment.submit" : "assessment.start", "assessment", assessment.id, assessment.scoresJSON)
            }
        }
        req.flash(.success, req.t(submit ? "assessment.submitted" : "assessment.draftSaved"))
        return req.redirect(to: submit ? "/evaluations" : "/assessments/\(assessment.id!)")
    }

    struct ReasonForm: Content {
        var reason: String?
    }

    /// The evaluator declares a conflict: the assessment goes, the proposal goes back for reassignment.
    @Sendable func declareConflict(req: Request) async throws -> Response {
        let (assessment, workspace) = try await load(req)
        let user = try req.user
        guard assessment.$evaluator.id == user.id else { throw Abort(.forbidden) }
        guard let stage = workspace.stage, stage.status == .scoring || stage.status == .setup else { throw Abort(.conflict, reason: req.t("assessment.notScoring")) }
        guard assessment.status != .submitted else { throw Abort(.conflict, reason: req.t("assessment.locked")) }
        let reason = (try req.form(ReasonForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Abort(.badRequest, reason: req.t("conflict.reasonMissing")) }
        guard let entry = workspace.entry(proposalID: assessment.$proposal.id) else { throw Abort(.notFound) }
        try await ConflictRecorder(db: req.db).record(stage: stage, entry: entry, evaluator: user, source: .declared, reason: reason, by: user)
        req.flash(.success, req.t("conflict.declared"))
        return req.redirect(to: "/evaluations")
    }

    /// The Biro reopens a submitted assessment, with the reason in the audit log.
    @Sendable func reopen(req: Request) async throws -> Response {
        let (assessment, workspace) = try await load(req)
        guard workspace.status == .scoring else { throw Abort(.conflict, reason: req.t("assessment.notScoring")) }
        guard assessment.status == .submitted else { throw Abort(.conflict, reason: req.t("assessment.notSubmitted")) }
        let reason = (try req.form(ReasonForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Abort(.badRequest, reason: req.t("assessment.reopenReason")) }
        let user = try req.user
        assessment.status = .draft
        assessment.reopenCount += 1
        try await req.db.transaction { db in
            try await assessment.save(on: db)
            try await db.audit(user, "assessment.reopen", "assessment", assessment.id, "\(String(reason.prefix(1000))); scores were \(assessment.scoresJSON)")
        }
        req.flash(.success, req.t("assessment.reopened"))
        return req.redirect(to: "/assessments/\(assessment.id!)")
    }
}
