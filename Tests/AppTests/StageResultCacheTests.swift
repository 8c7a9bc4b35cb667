import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// The ranking reads the stage's aggregation from a cache: whatever changes the submitted
    /// scores, the proposals or the rules shows on the next view, exactly as a fresh computation.
    @Suite struct StageResultCacheTests {
        /// The result as the ranking page gets it (the board, the app's cache) and as computed
        /// from nothing.
        static func cachedAndFresh(_ app: Application, _ fixture: Fixture, _ setup: Fixture.StageSetup) async throws -> (StageResult, StageResult) {
            let competition = try #require(try await Competition.find(setup.competition.id, on: app.db))
            let definition = try #require(competition.definition.stage(setup.stage.stageKey))
            let lean = try await StageBoard.load(competition: competition, stageDefinition: definition, on: app.db)
            let cached = try await lean.result(cache: app.stageResults, on: app.db)
            let fresh = try await fixture.workspace(app, setup).result(cache: StageResultCache(), on: app.db)
            return (cached, fresh)
        }

        static func submittedSheets(_ result: StageResult) -> Int { result.proposals.reduce(0) { $0 + $1.sheets.count } }

        @Test func submittingReopeningAndNewRulesShowAtOnce() async throws {
            try await withApp { app in
                // Setup: a stage in scoring with every assessment but one submitted, viewed once.
                let fixture = try await Fixture.make(app)
                let setup = try await fixture.stage(app, in: .scoring, evaluators: 3)
                try await fixture.submitAll(app, setup)
                let last = try #require(try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).sort(\.$id, .descending).first())
                last.status = .draft
                try await last.save(on: app.db)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                #expect(try await biro.get(setup.path + "/ranking").status == .ok)
                let (before, beforeFresh) = try await Self.cachedAndFresh(app, fixture, setup)
                #expect(before == beforeFresh)
                let total = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).count()
                #expect(Self.submittedSheets(before) == total - 1)

                // Act: the evaluator submits the last one through the form.
                var evaluator = Browser(app)
                try await evaluator.login(try #require(setup.evaluators.first { $0.id == last.$evaluator.id }).email)
                let scores = setup.competition.definition.criteria.map { ("score-\($0.key)", "10") }
                #expect(try await evaluator.post("/assessments/\(last.id!)", scores + [("intent", "submit")]).status == .seeOther)

                // Check: the next reading has it.
                let (submitted, submittedFresh) = try await Self.cachedAndFresh(app, fixture, setup)
                #expect(submitted == submittedFresh)
                #expect(Self.submittedSheets(submitted) == total)
                #expect(submitted.proposal(Int64(last.$proposal.id))?.sheets.contains { $0.evaluator == Int64(last.$evaluator.id) } == true)

                // The Biro reopens it: the result is the earlier one again.
                #expect(try await biro.post("/assessments/\(last.id!)/reopen", [("reason", "Skor tertukar.")]).status == .seeOther)
                let (reopened, reopenedFresh) = try await Self.cachedAndFresh(app, fixture, setup)
                #expect(reopened == reopenedFresh)
                #expect(reopened == before)

                // A new λ in the rules changes the calibrated scores on the next reading too.
                let stage = try #require(try await EvaluationStage.find(setup.stage.id, on: app.db))
                var rules = stage.rules
                rules.lambda = rules.lambda + 8
                stage.rules = rules
                try await stage.save(on: app.db)
                let (relaxed, relaxedFresh) = try await Self.cachedAndFresh(app, fixture, setup)
                #expect(relaxed == relaxedFresh)
                #expect(relaxed.lambda != reopened.lambda)
            }
        }

        @Test func theFingerprintQueryAgreesWithTheRowsItSummarises() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let setup = try await fixture.stage(app, in: .scoring, evaluators: 3)
                #expect(try await StageRows.submittedFingerprint(stageID: setup.stage.id!, on: app.db) == SubmittedFingerprint(count: 0, newest: nil))
                try await fixture.submitAll(app, setup)
                let read = try await StageRows.submittedSheets(stageID: setup.stage.id!, on: app.db)
                #expect(read.sheets.count == (try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).count()))
                #expect(read.fingerprint.newest != nil)
                #expect(try await StageRows.submittedFingerprint(stageID: setup.stage.id!, on: app.db) == read.fingerprint)
            }
        }

        @Test func theCacheKeepsTheStagesUsedLast() {
            let cache = StageResultCache()
            let inputs = StageResultCache.Inputs(fingerprint: SubmittedFingerprint(count: 1, newest: nil), criteria: [], rules: StageRules(), proposals: [])
            let result = StageEvaluation.evaluate(criteria: [], rules: StageRules(), proposals: [], sheets: [])
            for stage in 1...StageResultCache.capacity { cache.store(result, stageID: stage, inputs: inputs) }
            #expect(cache.result(stageID: 1, inputs: inputs) != nil) // now the newest
            cache.store(result, stageID: 100, inputs: inputs)
            #expect(cache.result(stageID: 2, inputs: inputs) == nil)
            #expect(cache.result(stageID: 1, inputs: inputs) != nil)
            let other = StageResultCache.Inputs(fingerprint: SubmittedFingerprint(count: 2, newest: nil), criteria: [], rules: StageRules(), proposals: [])
            #expect(cache.result(stageID: 1, inputs: other) == nil)
        }
    }
}
