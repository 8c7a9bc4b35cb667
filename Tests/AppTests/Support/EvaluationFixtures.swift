import Fluent
import Foundation
import LumbungCore
import Vapor
@testable import App

/// Scored stages made the way the application makes them, for the evaluation tests.
extension Fixture {
    struct StageSetup {
        let competition: Competition
        let stage: EvaluationStage
        let proposals: [Proposal]
        let evaluators: [User]
        var path: String { "/competitions/\(competition.id!)/stages/\(stage.stageKey)" }
    }

    /// A new evaluator account.
    func evaluatorAccount(_ app: Application, name: String = "Penilai") async throws -> User {
        let user = User(email: "penilai-\(UUID().uuidString.prefix(8).lowercased())@test.example", name: "\(name) \(UUID().uuidString.prefix(4))",
                        passwordHash: try await app.password.async.hash(Self.password), role: .evaluator, agencyID: nil)
        try await user.create(on: app.db)
        return user
    }

    /// An open edition with `count` accepted proposals (alternately from the fixture's two
    /// agencies), and its Tim Evaluasi stage in setup with `k`, the best `top` and a panel of
    /// `evaluators` new evaluator accounts; the first comes from the fixture's own agency.
    func evaluationStage(_ app: Application, proposals count: Int = 4, evaluators: Int = 3, k: Int = 2, top: Int = 2,
                         blind: Bool = true) async throws -> StageSetup {
        let competition = try await openEdition(app, name: "KIPP Penilaian \(UUID().uuidString.prefix(6))", quota: nil)
        if !blind {
            var definition = competition.definition
            definition.blindScoring = false
            competition.definition = definition
            try await competition.save(on: app.db)
        }
        var proposals: [Proposal] = []
        for index in 0..<count {
            proposals.append(try await proposal(app, in: competition, status: .accepted, agency: index % 2 == 0 ? agency : otherAgency))
        }
        let stageDefinition = competition.definition.stage("tim-evaluasi")!
        let workspace = try await StageWorkspace.load(competition: competition, stageDefinition: stageDefinition, on: app.db)
        let stage = try await StageActions(db: app.db, user: admin, now: app.clock.now()).prepare(workspace)
        stage.rules = StageRules(evaluatorsPerProposal: k, selection: .top(top), lotterySeed: "uji-\(competition.id!)")
        try await stage.save(on: app.db)
        var panel: [User] = []
        for index in 0..<evaluators {
            let user = try await evaluatorAccount(app)
            try await addToPanel(app, stage: stage, user: user, agencyID: index == 0 ? agency.id : nil)
            panel.append(user)
        }
        return StageSetup(competition: competition, stage: stage, proposals: proposals, evaluators: panel)
    }

    func addToPanel(_ app: Application, stage: EvaluationStage, user: User, agencyID: Int? = nil, expertise: [String] = []) async throws {
        let member = PanelMember()
        member.$stage.id = try stage.requireID()
        member.$user.id = try user.requireID()
        member.team = .timEvaluasi
        member.affiliationKind = agencyID == nil ? .university : .agency
        member.affiliation = agencyID == nil ? "Universitas Borneo Tarakan" : ""
        member.$agency.id = agencyID
        member.expertise = expertise
        member.isActive = true
        try await member.create(on: app.db)
    }

    func workspace(_ app: Application, _ setup: StageSetup) async throws -> StageWorkspace {
        let competition = try await Competition.find(setup.competition.id, on: app.db)!
        return try await StageWorkspace.load(competition: competition, stageDefinition: competition.definition.stage(setup.stage.stageKey)!, on: app.db)
    }

    /// Runs the assignment with the solver and saves it, as the assignment page does.
    func assign(_ app: Application, _ setup: StageSetup, seed: UInt64 = 7) async throws {
        let workspace = try await workspace(app, setup)
        guard case .assigned(let assignment) = AssignmentSolver.solve(workspace.assignmentProblem(seed: seed)) else {
            throw Abort(.internalServerError, reason: "the fixture's assignment is infeasible")
        }
        try await StageActions(db: app.db, user: admin, now: app.clock.now()).saveAssignment(assignment, workspace: workspace, stage: workspace.stage!)
    }

    func setPhase(_ app: Application, _ setup: StageSetup, _ phase: StagePhase, objectionsUntil: Date? = nil, isPublic: Bool = false) async throws {
        let stage = try await EvaluationStage.find(setup.stage.id, on: app.db)!
        stage.status = phase
        stage.objectionsUntil = objectionsUntil
        stage.isPublic = isPublic
        try await stage.save(on: app.db)
    }

    /// Every assessment submitted with the scores `score(proposal position, evaluator position)` gives on every criterion.
    func submitAll(_ app: Application, _ setup: StageSetup, score: (Int, Int) -> Int = { p, e in 5 + (p + e) % 5 }) async throws {
        let criteria = setup.competition.definition.criteria
        for assessment in try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).all() {
            let p = setup.proposals.firstIndex { $0.id == assessment.$proposal.id } ?? 0
            let e = setup.evaluators.firstIndex { $0.id == assessment.$evaluator.id } ?? 0
            assessment.scores = Dictionary(uniqueKeysWithValues: criteria.map { ($0.key, score(p, e)) })
            assessment.status = .submitted
            assessment.startedAt = app.clock.now()
            assessment.submittedAt = app.clock.now()
            try await assessment.save(on: app.db)
        }
    }

    /// A stage taken to `phase` the way the Biro does it: assigned, scored, closed…
    func stage(_ app: Application, in phase: StagePhase, proposals: Int = 4, evaluators: Int = 3, windowOpen: Bool = true,
               blind: Bool = true) async throws -> StageSetup {
        let setup = try await evaluationStage(app, proposals: proposals, evaluators: evaluators, blind: blind)
        try await assign(app, setup)
        if phase == .setup { return setup }
        try await setPhase(app, setup, .scoring)
        if phase == .scoring { return setup }
        try await submitAll(app, setup)
        let closing = try await workspace(app, setup)
        let result = try await closing.result(cache: app.stageResults, on: app.db)
        try await StageActions(db: app.db, user: admin, now: app.clock.now()).close(closing, stage: try await EvaluationStage.find(setup.stage.id, on: app.db)!, result: result)
        if phase == .closed { return setup }
        let now = app.clock.now()
        try await setPhase(app, setup, .announced, objectionsUntil: now.addingTimeInterval(phase == .announced && windowOpen ? 3 * 86_400 : -86_400), isPublic: true)
        if phase == .final {
            try await StageActions(db: app.db, user: admin, now: now).finalise(try await workspace(app, setup), stage: try await EvaluationStage.find(setup.stage.id, on: app.db)!)
        }
        return setup
    }
}
