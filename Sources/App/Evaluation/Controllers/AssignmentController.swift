import Fluent
import LumbungCore
import Vapor

/// The assignment page: who assesses what, the loads, what blocks a complete assignment, and
/// the Biro's run (previewed before it is saved), manual additions and removals.
struct AssignmentController {
    struct Slot: Encodable {
        let assessmentID: Int?
        let evaluator: String
        let status: String
        let statusLabel: String
        let isNew: Bool
        let canRemove: Bool
        let matchesExpertise: Bool
    }

    struct ProposalRow: Encodable {
        let proposalID: Int
        let innovation: String
        let agency: String
        let category: String
        let slots: [Slot]
        let missing: Int
        let eligible: Int
    }

    struct LoadRow: Encodable {
        let name: String
        let load: Int
        let started: Int
        let expertise: String
    }

    struct AssignmentData: Encodable {
        let competitionID: Int
        let competition: String
        let stageName: String
        let path: String
        let k: Int
        let lower: Int
        let upper: Int
        let rows: [ProposalRow]
        let loads: [LoadRow]
        let canManage: Bool
        let canRun: Bool
        let seed: String
        let recordedSeed: String
        let isPreview: Bool
        let problems: [String]
        let summary: String
        let proposalChoices: [Choice]
        let evaluatorChoices: [Choice]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let workspace = try await StageWorkspace.load(req)
        return try await render(req, workspace, preview: nil, seed: nil)
    }

    struct RunForm: Content {
        var seed: String?
    }

    /// Runs the solver and shows what it would do; nothing is saved.
    @Sendable func preview(req: Request) async throws -> Response {
        var workspace = try await StageWorkspace.load(req)
        try await ensurePrepared(req, &workspace)
        let seed = try seed(req)
        let outcome = AssignmentSolver.solve(workspace.assignmentProblem(seed: seed))
        return try await render(req, workspace, preview: outcome, seed: seed, status: outcome.isAssigned ? .ok : .unprocessableEntity)
    }

    /// Runs the solver again with the previewed seed (the same inputs give the same result) and saves it.
    @Sendable func save(req: Request) async throws -> Response {
        var workspace = try await StageWorkspace.load(req)
        try await ensurePrepared(req, &workspace)
        let seed = try seed(req)
        switch AssignmentSolver.solve(workspace.assignmentProblem(seed: seed)) {
        case .assigned(let assignment):
            try await StageActions(db: req.db, user: try req.user, now: req.now).saveAssignment(assignment, workspace: workspace, stage: workspace.stage!)
            req.flash(.success, req.t("assignment.saved", String(assignment.pairs.count), String(seed)))
            return req.redirect(to: workspace.path + "/assignment")
        case .infeasible(let diagnosis):
            return try await render(req, workspace, preview: .infeasible(diagnosis), seed: seed, status: .unprocessableEntity)
        }
    }

    private func ensurePrepared(_ req: Request, _ workspace: inout StageWorkspace) async throws {
        guard workspace.status == .setup || workspace.status == .scoring else { throw Abort(.conflict, reason: req.t("assignment.locked")) }
        if workspace.stage == nil || workspace.status == .setup {
            _ = try await StageActions(db: req.db, user: try req.user, now: req.now).prepare(workspace)
            workspace = try await StageWorkspace.load(req)
        }
    }

    private func seed(_ req: Request) throws -> UInt64 {
        let text = (try req.form(RunForm.self).seed ?? "").trimmingCharacters(in: .whitespaces)
        guard let seed = UInt64(text) else { throw Abort(.badRequest, reason: req.t("assignment.badSeed", text)) }
        return seed
    }

    struct ManualForm: Content {
        var proposalID: Int?
        var userID: Int?
    }

    @Sendable func add(req: Request) async throws -> Response {
        var workspace = try await StageWorkspace.load(req)
        try await ensurePrepared(req, &workspace)
        let form = try req.form(ManualForm.self)
        guard let proposalID = form.proposalID, workspace.entry(proposalID: proposalID) != nil else { throw Abort(.badRequest, reason: req.t("conflict.chooseProposal")) }
        guard let userID = form.userID, let member = workspace.member(userID: userID), member.isActive else { throw Abort(.badRequest, reason: req.t("conflict.chooseEvaluator")) }
        if let conflict = workspace.conflict(proposalID: proposalID, userID: userID) {
            throw Abort(.conflict, reason: conflict.text(in: req.language))
        }
        guard !workspace.assessments.contains(where: { $0.$proposal.id == proposalID && $0.$evaluator.id == userID }) else {
            throw Abort(.conflict, reason: req.t("assignment.already", member.user.name))
        }
        let user = try req.user
        let stage = workspace.stage!
        try await req.db.transaction { db in
            try await Assessment(stageID: try stage.requireID(), proposalID: proposalID, evaluatorID: userID, manual: true).create(on: db)
            try await db.audit(user, "assignment.add", "stage", stage.id, "\(member.user.name) × proposal \(proposalID)")
        }
        req.flash(.success, req.t("assignment.added", member.user.name))
        return req.redirect(to: workspace.path + "/assignment")
    }

    /// Removes an assessment that has not started; started ones are never moved.
    @Sendable func remove(req: Request) async throws -> Response {
        guard let id = req.parameters.get("assessmentID", as: Int.self),
              let assessment = try await Assessment.query(on: req.db).filter(\.$id == id).with(\.$stage) { $0.with(\.$competition) }.first() else {
            throw Abort(.notFound)
        }
        guard !assessment.hasStarted else { throw Abort(.conflict, reason: req.t("assignment.startedRefused")) }
        let user = try req.user
        let stage = assessment.stage
        try await req.db.transaction { db in
            try await assessment.delete(on: db)
            try await db.audit(user, "assignment.remove", "stage", stage.id, "evaluator \(assessment.$evaluator.id) × proposal \(assessment.$proposal.id)")
        }
        req.flash(.success, req.t("assignment.removed"))
        return req.redirect(to: "/competitions/\(stage.$competition.id)/stages/\(stage.stageKey)/assignment")
    }

    // MARK: The page

    func render(_ req: Request, _ workspace: StageWorkspace, preview: AssignmentOutcome?, seed: UInt64?, status: HTTPStatus = .ok) async throws -> Response {
        let labels = Labels(req)
        let names = Dictionary(uniqueKeysWithValues: workspace.panel.map { ($0.$user.id, $0.user.name) })
        let expertise = Dictionary(uniqueKeysWithValues: workspace.panel.map { ($0.$user.id, Set($0.expertise)) })
        let problem = workspace.assignmentProblem(seed: seed ?? 1)
        let (lower, upper) = problem.loadBounds
        var proposed: Set<AssignmentPair> = []
        var problems: [String] = []
        var summary = ""
        if case .assigned(let assignment) = preview {
            proposed = Set(assignment.pairs)
            summary = labels.t("assignment.previewSummary", String(assignment.pairs.count), String(assignment.lower), String(assignment.upper),
                               String(assignment.coveredProposals), String(workspace.entries.count), String(assignment.connectedParts))
        } else if case .infeasible(let diagnosis) = preview {
            problems = Self.explain(diagnosis, workspace, labels)
        }
        let existing = Set(workspace.assessments.map { AssignmentPair(proposal: Int64($0.$proposal.id), evaluator: Int64($0.$evaluator.id)) })
        let rows = workspace.entries.map { entry -> ProposalRow in
            let proposalID = entry.$proposal.id
            var slots = workspace.assessments.filter { $0.$proposal.id == proposalID }.compactMap { assessment -> Slot? in
                let pair = AssignmentPair(proposal: Int64(proposalID), evaluator: Int64(assessment.$evaluator.id))
                // In a preview, unstarted slots the run would move are shown as going.
                if !proposed.isEmpty && !proposed.contains(pair) && !assessment.hasStarted && !assessment.isManual { return nil }
                return Slot(assessmentID: assessment.id, evaluator: names[assessment.$evaluator.id] ?? "?", status: assessment.status.rawValue,
                            statusLabel: labels.t("assessmentStatus.\(assessment.status.rawValue)"), isNew: false,
                            canRemove: !assessment.hasStarted && workspace.status != .closed,
                            matchesExpertise: expertise[assessment.$evaluator.id]?.contains(entry.proposal.categoryKey) ?? false)
            }
            for pair in proposed.sorted() where pair.proposal == Int64(proposalID) && !existing.contains(pair) {
                slots.append(Slot(assessmentID: nil, evaluator: names[Int(pair.evaluator)] ?? "?", status: "new", statusLabel: labels.t("assignment.new"),
                                  isNew: true, canRemove: false, matchesExpertise: expertise[Int(pair.evaluator)]?.contains(entry.proposal.categoryKey) ?? false))
            }
            let eligible = problem.evaluators.filter { !problem.excluded.contains(AssignmentPair(proposal: Int64(proposalID), evaluator: $0.id)) }.count
            return ProposalRow(proposalID: proposalID, innovation: entry.proposal.innovation.name, agency: entry.proposal.agency.displayName,
                               category: workspace.definition.category(entry.proposal.categoryKey)?.name ?? entry.proposal.categoryKey,
                               slots: slots, missing: max(0, problem.perProposal - slots.count), eligible: eligible)
        }
        let categoryNames = Dictionary(uniqueKeysWithValues: workspace.definition.categories.map { ($0.key, $0.name) })
        let loads = workspace.activePanel.map { member -> LoadRow in
            let userID = member.$user.id
            let mine = workspace.assessments.filter { $0.$evaluator.id == userID }
            let load = proposed.isEmpty ? mine.count : proposed.filter { $0.evaluator == Int64(userID) }.count
            return LoadRow(name: member.user.name, load: load, started: mine.filter(\.hasStarted).count,
                           expertise: member.expertise.map { categoryNames[$0] ?? $0 }.joined(separator: ", "))
        }
        let canManage = try req.user.role == .admin
        let data = AssignmentData(
            competitionID: workspace.competitionID, competition: workspace.competition.name, stageName: workspace.stageDefinition.name,
            path: workspace.path, k: problem.perProposal, lower: lower, upper: upper, rows: rows, loads: loads, canManage: canManage,
            canRun: canManage && (workspace.status == .setup || workspace.status == .scoring),
            seed: String(seed ?? workspace.stage?.assignmentSeed.map { UInt64(bitPattern: $0) } ?? UInt64(workspace.competitionID * 1000 + 20)),
            recordedSeed: workspace.stage?.assignmentSeed.map { String(UInt64(bitPattern: $0)) } ?? "",
            isPreview: preview?.isAssigned == true, problems: problems, summary: summary,
            proposalChoices: workspace.entries.map { Choice(value: String($0.$proposal.id), label: $0.proposal.innovation.name, selected: false) },
            evaluatorChoices: workspace.activePanel.map { Choice(value: String($0.$user.id), label: $0.user.name, selected: false) })
        return try await req.render("evaluation/assignment", title: req.t("assignment.title"), data, status: status)
    }

    /// The diagnosis in sentences a secretariat can act on.
    static func explain(_ diagnosis: AssignmentDiagnosis, _ workspace: StageWorkspace, _ labels: Labels) -> [String] {
        var lines: [String] = []
        let names = Dictionary(uniqueKeysWithValues: workspace.entries.map { ($0.$proposal.id, $0.proposal.innovation.name) })
        if diagnosis.tooFewEvaluators {
            lines.append(labels.t("assignment.tooFew", String(workspace.activePanel.count), String(workspace.rules.evaluatorsPerProposal)))
        }
        for lacking in diagnosis.proposalsLacking {
            lines.append(labels.t("assignment.lacking", names[Int(lacking.proposal)] ?? "#\(lacking.proposal)", String(lacking.eligible),
                                  String(workspace.rules.evaluatorsPerProposal)))
        }
        let agencyNames = Dictionary(workspace.entries.map { ($0.proposal.$agency.id, $0.proposal.agency.displayName) }, uniquingKeysWith: { a, _ in a })
        for shortfall in diagnosis.agencyShortfalls {
            lines.append(labels.t("assignment.agencyShort", agencyNames[Int(shortfall.agency)] ?? "#\(shortfall.agency)", String(shortfall.proposals),
                                  String(shortfall.slotsNeeded), String(shortfall.evaluatorsOutside), String(shortfall.slotsAvailable)))
        }
        if diagnosis.balanceImpossible {
            lines.append(labels.t("assignment.unbalanced", String(diagnosis.slotsFilled), String(diagnosis.slotsNeeded)))
        }
        if let extra = diagnosis.additionalEvaluatorsNeeded {
            lines.append(labels.t("assignment.extraNeeded", String(extra)))
        } else {
            lines.append(labels.t("assignment.extraUnknown"))
        }
        return lines
    }
}

extension AssignmentOutcome {
    var isAssigned: Bool { if case .assigned = self { return true } else { return false } }
}
