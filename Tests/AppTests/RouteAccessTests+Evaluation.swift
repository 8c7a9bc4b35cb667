import Fluent
import Foundation
import LumbungCore
import VaporTesting
@testable import App

extension AppTests.RouteAccessTests {
    static let evaluatorOnly: Set<String> = ["evaluator"]
    static let stage = "/competitions/:competitionID/stages/:stageKey"

    /// The evaluation routes: the Biro runs them, viewers read them, agencies see their own
    /// results and objections, and evaluators reach nothing but their own assessments.
    static let evaluationTable: [String: (Set<String>, Recipe)] = [
        "GET \(stage)": (overseers, { w in Call(path: try await w.scoredStage(.setup).path) }),
        "POST \(stage)/rules": (admins, { w in
            Call(path: try await w.scoredStage(.setup).path + "/rules",
                 form: [("k", "2"), ("basis", "calibrated"), ("lambda", "2"), ("selectionKind", "top"), ("top", "1"), ("seed", "benih"),
                        ("cutoffTies", "applyKey"), ("criterionShare", "40"), ("totalRange", "20")])
        }),
        "POST \(stage)/panel": (admins, { w in
            let setup = try await w.scoredStage(.setup)
            let account = try await w.fixture.evaluatorAccount(w.app)
            return Call(path: setup.path + "/panel", form: [("userID", String(account.id!)), ("team", "timEvaluasi"), ("affiliationKind", "university")])
        }),
        "POST \(stage)/panel/:memberID/remove": (admins, { w in
            let setup = try await w.scoredStage(.setup)
            let member = try await PanelMember.query(on: w.app.db).filter(\.$stage.$id == setup.stage.id!).first()!
            return Call(path: setup.path + "/panel/\(member.id!)/remove")
        }),
        "POST \(stage)/conflicts": (admins, { w in
            let setup = try await w.scoredStage(.setup)
            return Call(path: setup.path + "/conflicts", form: [("proposalID", String(setup.proposals[1].id!)), ("userID", String(setup.evaluators[1].id!)),
                                                                ("reason", "Pernah membina inovasi ini.")])
        }),
        "POST \(stage)/open": (admins, { w in Call(path: try await w.scoredStage(.setup).path + "/open") }),
        "POST \(stage)/close": (admins, { w in
            let setup = try await w.scoredStage(.scoring)
            try await w.fixture.submitAll(w.app, setup)
            return Call(path: setup.path + "/close")
        }),
        "POST \(stage)/announce": (admins, { w in
            let day = WITATime.parts(w.app.clock.now().addingTimeInterval(3 * 86_400)).day
            return Call(path: try await w.scoredStage(.closed).path + "/announce", form: [("objectionsUntil", day.description)])
        }),
        "POST \(stage)/finalise": (admins, { w in Call(path: try await w.scoredStage(.announced, windowOpen: false).path + "/finalise") }),
        "GET \(stage)/assignment": (overseers, { w in Call(path: try await w.scoredStage(.setup).path + "/assignment") }),
        "POST \(stage)/assignment/preview": (admins, { w in Call(path: try await w.scoredStage(.setup).path + "/assignment/preview", form: [("seed", "3")]) }),
        "POST \(stage)/assignment": (admins, { w in Call(path: try await w.scoredStage(.setup).path + "/assignment", form: [("seed", "3")]) }),
        "POST \(stage)/assignment/add": (admins, { w in
            let setup = try await w.scoredStage(.setup)
            let taken = try await Assessment.query(on: w.app.db).filter(\.$proposal.$id == setup.proposals[1].id!).all().map { $0.$evaluator.id }
            let free = setup.evaluators.first { !taken.contains($0.id!) }!
            return Call(path: setup.path + "/assignment/add", form: [("proposalID", String(setup.proposals[1].id!)), ("userID", String(free.id!))])
        }),
        "POST /assessments/:assessmentID/remove": (admins, { w in
            let setup = try await w.scoredStage(.setup)
            return Call(path: "/assessments/\(try await w.anyAssessment(setup).id!)/remove")
        }),
        "GET \(stage)/ranking": (overseers, { w in Call(path: try await w.scoredStage(.closed).path + "/ranking") }),
        "GET \(stage)/ranking/:proposalID": (overseers, { w in
            let setup = try await w.scoredStage(.closed)
            return Call(path: setup.path + "/ranking/\(setup.proposals[0].id!)")
        }),
        "POST \(stage)/shortlist/:proposalID": (admins, { w in
            let setup = try await w.scoredStage(.closed)
            return Call(path: setup.path + "/shortlist/\(setup.proposals[1].id!)", form: [("decision", "include"), ("reason", "Keterwakilan daerah 3T.")])
        }),
        "GET \(stage)/ranking.csv": (overseers, { w in Call(path: try await w.scoredStage(.closed).path + "/ranking.csv") }),
        "GET \(stage)/ranking.xlsx": (overseers, { w in Call(path: try await w.scoredStage(.closed).path + "/ranking.xlsx") }),
        "GET \(stage)/scores.csv": (overseers, { w in Call(path: try await w.scoredStage(.closed).path + "/scores.csv") }),
        "GET \(stage)/scores.xlsx": (overseers, { w in Call(path: try await w.scoredStage(.closed).path + "/scores.xlsx") }),
        "GET \(stage)/objections": (readers, { w in Call(path: try await w.scoredStage(.announced).path + "/objections") }),
        "POST \(stage)/objections": (writers, { w in
            let setup = try await w.scoredStage(.announced)
            return Call(path: setup.path + "/objections", form: [("proposalID", String(setup.proposals[0].id!)), ("reason", "Nilai tidak sesuai bukti.")],
                        upload: ("sanggah.pdf", DemoDocument.pdf(title: "Sanggahan", innovation: "Uji"), "application/pdf"))
        }),
        "GET /objections/:objectionID/document": (readers, { w in Call(path: "/objections/\(try await w.objection().id!)/document") }),
        "POST /objections/:objectionID/answer": (admins, { w in
            Call(path: "/objections/\(try await w.objection().id!)/answer", form: [("answer", "Nilai tetap."), ("upheld", "no")])
        }),
        "GET \(stage)/results": (everyone, { w in Call(path: try await w.scoredStage(.announced).path + "/results") }),
        "GET /evaluations": (evaluatorOnly, { _ in Call(path: "/evaluations") }),
        "GET /assessments/:assessmentID": (["admin", "evaluator"], { w in Call(path: "/assessments/\(try await w.ownAssessment().id!)") }),
        "GET /assessments/:assessmentID/documents/:attachmentID": (["admin", "evaluator"], { w in
            let assessment = try await w.ownAssessment(blind: false)
            let file = try await AttachmentStore(db: w.app.db).store(DemoDocument.pdf(title: "SK Penetapan Inovator", innovation: "Uji"), fileName: "sk.pdf",
                                                                     owner: .proposal, ownerID: assessment.$proposal.id, purpose: "sk-inovator",
                                                                     by: w.fixture.admin, limit: 10 << 20)
            return Call(path: "/assessments/\(assessment.id!)/documents/\(file.id)")
        }),
        "POST /assessments/:assessmentID": (evaluatorOnly, { w in
            let assessment = try await w.ownAssessment()
            let competition = try await Competition.query(on: w.app.db).join(EvaluationStage.self, on: \Competition.$id == \EvaluationStage.$competition.$id)
                .filter(EvaluationStage.self, \.$id == assessment.$stage.id).first()!
            return Call(path: "/assessments/\(assessment.id!)", form: competition.definition.criteria.map { ("score-\($0.key)", "7") } + [("intent", "submit")])
        }),
        "POST /assessments/:assessmentID/conflict": (evaluatorOnly, { w in
            Call(path: "/assessments/\(try await w.ownAssessment().id!)/conflict", form: [("reason", "Kerabat pengusul.")])
        }),
        "POST /assessments/:assessmentID/reopen": (admins, { w in
            let setup = try await w.scoredStage(.scoring)
            try await w.fixture.submitAll(w.app, setup)
            return Call(path: "/assessments/\(try await w.anyAssessment(setup).id!)/reopen", form: [("reason", "Salah ketik.")])
        }),
    ]
}

extension AppTests.RouteAccessTests.World {
    /// A small scored stage (two proposals, three evaluators, two each) taken to `phase`.
    func scoredStage(_ phase: StagePhase, windowOpen: Bool = true) async throws -> Fixture.StageSetup {
        try await fixture.stage(app, in: phase, proposals: 2, evaluators: 3, windowOpen: windowOpen)
    }

    func anyAssessment(_ setup: Fixture.StageSetup) async throws -> Assessment {
        try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).sort(\.$id).first()!
    }

    /// An assessment in a stage that is scoring: the acting evaluator's own when they are one.
    func ownAssessment(blind: Bool = true) async throws -> Assessment {
        let setup = try await fixture.stage(app, in: .scoring, proposals: 2, evaluators: 3, blind: blind)
        guard let actor, actor.role == .evaluator else { return try await anyAssessment(setup) }
        try await fixture.addToPanel(app, stage: setup.stage, user: actor)
        let assessment = Assessment(stageID: setup.stage.id!, proposalID: setup.proposals[1].id!, evaluatorID: actor.id!, manual: true)
        try await assessment.create(on: app.db)
        return assessment
    }

    /// An objection with its document, from the fixture's own agency, in an announced stage.
    func objection() async throws -> Objection {
        let setup = try await scoredStage(.announced)
        let objection = Objection()
        objection.$stage.id = setup.stage.id!
        objection.$proposal.id = setup.proposals[0].id!
        objection.filedBy = fixture.operator_.id!
        objection.filedByName = fixture.operator_.name
        objection.reason = "Nilai tidak sesuai bukti."
        try await objection.create(on: app.db)
        _ = try await AttachmentStore(db: app.db).store(DemoDocument.pdf(title: "Sanggahan", innovation: "Uji"), fileName: "sanggah.pdf", owner: .objection,
                                                        ownerID: objection.id!, purpose: "objection", by: fixture.operator_, limit: 10 << 20)
        return objection
    }
}
