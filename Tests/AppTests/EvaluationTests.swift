import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// A scored stage through the web: the Biro sets it up and assigns, evaluators score blind,
    /// the Biro closes, ranks, announces and answers an objection, and the result becomes final.
    @Suite struct EvaluationTests {
        static func scores(_ value: Int, in competition: Competition) -> [(String, String)] {
            competition.definition.criteria.map { ("score-\($0.key)", String(value)) }
        }

        @Test func aStageFromSetupToAFinalResult() async throws {
            let clock = TestClock()
            try await withApp(clock: Clock { clock.now }) { app in
                let fixture = try await Fixture.make(app)
                // Setup: four accepted proposals from two agencies; three evaluators, the first from the fixture's own agency.
                let setup = try await fixture.evaluationStage(app, proposals: 4, evaluators: 0, k: 2, top: 2)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let rules = try await biro.post(setup.path + "/rules", [
                    ("k", "2"), ("basis", "rawMean"), ("lambda", "2"), ("selectionKind", "top"), ("top", "2"), ("cutoffTies", "applyKey"),
                    ("seed", "kaltara-2020"), ("criterionShare", "40"), ("totalRange", "20"), ("awardTier", "top-99")])
                #expect(rules.status == .seeOther)
                var evaluators: [User] = []
                for index in 0..<3 {
                    let account = try await fixture.evaluatorAccount(app, name: "Penilai \(index)")
                    evaluators.append(account)
                    var fields = [("userID", String(account.id!)), ("team", "timEvaluasi"), ("affiliationKind", index == 0 ? "agency" : "university"),
                                  ("affiliation", index == 0 ? "" : "Universitas Borneo Tarakan")]
                    if index == 0 { fields.append(("agencyID", String(fixture.agency.id!))) }
                    #expect(try await biro.post(setup.path + "/panel", fields).status == .seeOther)
                }

                // Assignment: previewed (nothing saved), then saved with the same seed.
                let preview = try await biro.post(setup.path + "/assignment/preview", [("seed", "42")])
                #expect(preview.status == .ok)
                #expect(preview.body.string.contains("id=\"assignment-preview\""))
                #expect(try await Assessment.query(on: app.db).count() == 0)
                #expect(try await biro.post(setup.path + "/assignment", [("seed", "42")]).status == .seeOther)
                let assessments = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).all()
                #expect(assessments.count == 8)
                // The evaluator from the fixture's agency never gets that agency's proposals.
                let ownAgency = Set(setup.proposals.filter { $0.$agency.id == fixture.agency.id }.map(\.id!))
                #expect(!assessments.contains { $0.$evaluator.id == evaluators[0].id && ownAgency.contains($0.$proposal.id) })
                #expect(Set(Dictionary(grouping: assessments) { $0.$evaluator.id }.values.map(\.count)).isSubset(of: [2, 3]))
                #expect(try await biro.post(setup.path + "/open").status == .seeOther)

                // An evaluator sees their queue and scores blind.
                let first = evaluators[1]
                var evaluator = Browser(app)
                try await evaluator.login(first.email)
                let queue = try await evaluator.get("/evaluations")
                #expect(queue.status == .ok)
                let mine = assessments.filter { $0.$evaluator.id == first.id }
                let target = mine[0]
                let proposal = setup.proposals.first { $0.id == target.$proposal.id }!
                let innovation = try await Innovation.find(proposal.$innovation.id, on: app.db)!
                #expect(!queue.body.string.contains(innovation.name))
                // The proposal's own text names its agency and itself; a blind evaluator reads neither.
                let owner = try #require(try await Agency.find(proposal.$agency.id, on: app.db))
                let firstSection = try #require(setup.competition.definition.sections(for: proposal.groupKey).first)
                proposal.sections[firstSection.key] = "\(owner.name) (\(owner.shortName)) menyusun \(innovation.name) sejak 2019."
                try await proposal.save(on: app.db)
                let form = try await evaluator.get("/assessments/\(target.id!)")
                #expect(form.status == .ok)
                #expect(form.body.string.contains("id=\"blind-note\""))
                #expect(form.body.string.contains("[disamarkan] ([disamarkan]) menyusun [disamarkan] sejak 2019."))
                #expect(!form.body.string.contains(innovation.name))
                #expect(!form.body.string.contains(owner.name) && !form.body.string.contains(owner.shortName))

                // Someone else's assessment: neither seen nor scored.
                let other = assessments.first { $0.$evaluator.id == evaluators[2].id }!
                #expect(try await evaluator.get("/assessments/\(other.id!)").status == .forbidden)
                #expect(try await evaluator.post("/assessments/\(other.id!)", Self.scores(7, in: setup.competition) + [("intent", "submit")]).status == .forbidden)

                // A score outside the scale and a missing criterion are named; nothing is saved.
                var bad = Self.scores(7, in: setup.competition)
                bad[0].1 = "11"
                bad.removeLast()
                let refused = try await evaluator.post("/assessments/\(target.id!)", bad + [("intent", "submit")])
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Nilai 11 untuk kriteria Kebaruan di luar skala 1–10."))
                #expect(refused.body.string.contains("Kriteria Berkelanjutan belum dinilai."))
                #expect(try await Assessment.find(target.id, on: app.db)?.status == .assigned)

                // A draft, then the submission locks it.
                #expect(try await evaluator.post("/assessments/\(target.id!)", Self.scores(6, in: setup.competition) + [("intent", "draft")]).status == .seeOther)
                #expect(try await Assessment.find(target.id, on: app.db)?.status == .draft)
                #expect(try await evaluator.post("/assessments/\(target.id!)", Self.scores(8, in: setup.competition) + [("intent", "submit")]).status == .seeOther)
                #expect(try await Assessment.find(target.id, on: app.db)?.status == .submitted)
                #expect(try await evaluator.post("/assessments/\(target.id!)", Self.scores(2, in: setup.competition) + [("intent", "submit")]).status == .conflict)

                // The Biro cannot close while assessments are open: they are listed.
                let early = try await biro.post(setup.path + "/close")
                #expect(early.status == .conflict)
                #expect(early.body.string.contains("7 penilaian belum terkirim"))

                // The Biro reopens one with a reason, which is audited.
                #expect(try await biro.post("/assessments/\(target.id!)/reopen", [("reason", "")]).status == .badRequest)
                #expect(try await biro.post("/assessments/\(target.id!)/reopen", [("reason", "Nilai kebaruan tertukar.")]).status == .seeOther)
                #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "assessment.reopen").count() == 1)
                #expect(try await evaluator.post("/assessments/\(target.id!)", Self.scores(8, in: setup.competition) + [("intent", "submit")]).status == .seeOther)

                // Everyone else submits (through the same form).
                for assessment in assessments where assessment.id != target.id {
                    var browser = Browser(app)
                    let account = evaluators.first { $0.id == assessment.$evaluator.id }!
                    try await browser.login(account.email)
                    let p = setup.proposals.firstIndex { $0.id == assessment.$proposal.id }!
                    let value = account.id == evaluators[2].id ? 3 + p : 6 + p
                    #expect(try await browser.post("/assessments/\(assessment.id!)", Self.scores(min(10, value), in: setup.competition) + [("intent", "submit")]).status == .seeOther)
                }
                #expect(try await biro.post(setup.path + "/close").status == .seeOther)
                let ranking = try await biro.get(setup.path + "/ranking")
                #expect(ranking.status == .ok)
                #expect(ranking.body.string.contains("id=\"evaluator-table\""))
                #expect(ranking.body.string.contains("<svg"))
                let entries = try await StageEntry.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).all()
                #expect(entries.filter { $0.decision == .shortlisted }.count == 2)
                let explained = try await biro.get(setup.path + "/ranking/\(setup.proposals[0].id!)")
                #expect(explained.status == .ok && explained.body.string.contains("id=\"working\""))
                #expect(try await biro.get(setup.path + "/ranking.xlsx").status == .ok)
                #expect(try await biro.get(setup.path + "/scores.csv").body.string.contains("comment_general"))

                // Announcement with a five-day window.
                let lastDay = WITATime.parts(clock.now.addingTimeInterval(5 * 86_400)).day
                #expect(try await biro.post(setup.path + "/announce", [("objectionsUntil", lastDay.description), ("isPublic", "on")]).status == .seeOther)
                var visitor = Browser(app)
                #expect(try await visitor.get(setup.path + "/results").status == .ok)

                // The agency files an objection with a document, within the window.
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                let own = setup.proposals.first { $0.$agency.id == fixture.agency.id }!
                let page = try await agency.get(setup.path + "/objections")
                #expect(page.status == .ok && page.body.string.contains("id=\"objection-form\""))
                // Without its document, or with a file that is no document: refused, nothing saved.
                let bare = try await agency.post(setup.path + "/objections", [("proposalID", String(own.id!)), ("reason", "Nilai tidak sesuai.")])
                #expect(bare.status == .badRequest && bare.body.string.contains("Dokumen pendukung sanggahan wajib dilampirkan"))
                let script = try await agency.upload(setup.path + "/objections", file: ("sanggah.pdf", Array("<script>alert(1)</script>".utf8), "application/pdf"),
                                                     fields: [("proposalID", String(own.id!)), ("reason", "Nilai tidak sesuai.")])
                #expect(script.status == .badRequest)
                #expect(try await Objection.query(on: app.db).count() == 0)
                let filed = try await agency.upload(setup.path + "/objections", file: ("sanggah.pdf", DemoDocument.pdf(title: "Sanggahan", innovation: "Uji"), "application/pdf"),
                                                    fields: [("proposalID", String(own.id!)), ("reason", "Nilai keberlanjutan tidak mempertimbangkan Perda 2021.")])
                #expect(filed.status == .seeOther)
                let objection = try #require(try await Objection.query(on: app.db).first())
                #expect(try await agency.get("/objections/\(objection.id!)/document").status == .ok)
                // Another agency's operator does not see it.
                var stranger = Browser(app)
                try await stranger.login(fixture.otherOperator.email)
                #expect(try await stranger.get("/objections/\(objection.id!)/document").status == .forbidden)

                // The Biro cannot finalise inside the window, answers, and finalises after it.
                #expect(try await biro.post(setup.path + "/finalise").status == .conflict)
                clock.advance(6 * 86_400)
                // Sessions end after 12 hours: both sign in again.
                try await agency.login(fixture.operator_.email)
                try await biro.login(fixture.admin.email)
                let late = try await agency.upload(setup.path + "/objections", file: ("sanggah.pdf", DemoDocument.pdf(title: "Sanggahan", innovation: "Uji"), "application/pdf"),
                                                   fields: [("proposalID", String(own.id!)), ("reason", "Terlambat.")])
                #expect(late.status == .conflict)
                #expect(late.body.string.contains("Masa sanggah sudah berakhir"))
                #expect(try await biro.post(setup.path + "/finalise").status == .conflict)
                #expect(try await biro.post("/objections/\(objection.id!)/answer", [("answer", "Sudah dipertimbangkan; nilai tetap."), ("upheld", "no")]).status == .seeOther)
                #expect(try await biro.post(setup.path + "/finalise").status == .seeOther)

                // Final outcomes are in every innovation's award history; the shortlist has Top 99.
                let awards = try await Award.query(on: app.db).filter(\.$competition.$id == setup.competition.id!).all()
                #expect(awards.filter { $0.kind == .stagePassed }.count == 2)
                #expect(awards.filter { $0.kind == .stageFailed }.count == 2)
                #expect(awards.filter { $0.kind == .tier && $0.itemKey == "top-99" }.count == 2)

                // Gate then reset: the next scored stage starts from the shortlist, with no scores.
                #expect(try await biro.get("/competitions/\(setup.competition.id!)/stages/tpi").status == .ok)
                #expect(try await biro.post("/competitions/\(setup.competition.id!)/stages/tpi/assignment/preview", [("seed", "1")]).status != .internalServerError)
                let next = try #require(try await EvaluationStage.query(on: app.db).filter(\.$stageKey == "tpi").first())
                let nextEntries = try await StageEntry.query(on: app.db).filter(\.$stage.$id == next.id!).all()
                #expect(Set(nextEntries.map { $0.$proposal.id }) == Set(entries.filter { $0.decision == .shortlisted }.map { $0.$proposal.id }))
            }
        }

        @Test func anInfeasibleAssignmentSaysWhyAndHowManyMoreEvaluators() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                // k = 3 with three evaluators, one of them from the fixture's agency: its proposals have only two.
                let setup = try await fixture.evaluationStage(app, proposals: 4, evaluators: 3, k: 3, top: 2)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let run = try await biro.post(setup.path + "/assignment/preview", [("seed", "5")])
                #expect(run.status == .unprocessableEntity)
                let body = run.body.string
                #expect(body.contains("hanya 2 penilai tanpa konflik, perlu 3"))
                #expect(body.contains("Tambahan 2 penilai tanpa konflik"))
                #expect(try await Assessment.query(on: app.db).count() == 0)
                #expect(try await biro.post(setup.path + "/open").status == .conflict)
            }
        }

        @Test func aDeclaredConflictSendsTheProposalBackAndStartedWorkNeverMoves() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let setup = try await fixture.stage(app, in: .scoring, evaluators: 4)
                let assessments = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).sort(\.$id).all()
                // One evaluator starts a draft; another declares a conflict.
                let started = assessments[0]
                var first = Browser(app)
                try await first.login(setup.evaluators.first { $0.id == started.$evaluator.id }!.email)
                #expect(try await first.post("/assessments/\(started.id!)", Self.scores(5, in: setup.competition) + [("intent", "draft")]).status == .seeOther)
                let declaring = assessments.first { $0.$evaluator.id != started.$evaluator.id }!
                var second = Browser(app)
                try await second.login(setup.evaluators.first { $0.id == declaring.$evaluator.id }!.email)
                #expect(try await second.post("/assessments/\(declaring.id!)/conflict", [("reason", "")]).status == .badRequest)
                #expect(try await second.post("/assessments/\(declaring.id!)/conflict", [("reason", "Saya pernah menjadi konsultan inovasi ini.")]).status == .seeOther)
                #expect(try await Assessment.find(declaring.id, on: app.db) == nil)
                // The proposal is short now; a re-run fills it without the declared pair and without moving the draft.
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                #expect(try await biro.post(setup.path + "/assignment", [("seed", "9")]).status == .seeOther)
                let after = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).all()
                #expect(after.contains { $0.id == started.id && $0.status == .draft })
                #expect(!after.contains { $0.$proposal.id == declaring.$proposal.id && $0.$evaluator.id == declaring.$evaluator.id })
                #expect(after.filter { $0.$proposal.id == declaring.$proposal.id }.count == 2)
                // A started assessment cannot be removed by hand.
                #expect(try await biro.post("/assessments/\(started.id!)/remove").status == .conflict)
                // Scoring a proposal with a conflict is refused: the Biro enters one on the draft's pair.
                #expect(try await biro.post(setup.path + "/conflicts", [("proposalID", String(started.$proposal.id)), ("userID", String(started.$evaluator.id)),
                                                                         ("reason", "Keluarga pengusul.")]).status == .seeOther)
                #expect(try await first.post("/assessments/\(started.id!)", Self.scores(5, in: setup.competition) + [("intent", "submit")]).status == .notFound)
            }
        }

        @Test func aRerunCountsTheBirosOwnAdditionsAndKeepsTheLoadsBalanced() async throws {
            try await withApp { app in
                // Setup: four proposals assigned with k = 2 over four evaluators (loads exactly 2).
                let fixture = try await Fixture.make(app)
                let setup = try await fixture.stage(app, in: .scoring, evaluators: 4)
                let k = 2
                let before = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).all()
                // A proposal of the other agency, so that no evaluator has a conflict with it.
                let proposal = setup.proposals[1].id!
                let assigned = Set(before.filter { $0.$proposal.id == proposal }.map { $0.$evaluator.id })
                let extra = setup.evaluators.first { !assigned.contains($0.id!) }!
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                // Act: the Biro adds a third evaluator by hand, removes an automatic slot, then runs the assignment again.
                #expect(try await biro.post(setup.path + "/assignment/add", [("proposalID", String(proposal)), ("userID", String(extra.id!))]).status == .seeOther)
                let removed = before.first { $0.$proposal.id == proposal && $0.$evaluator.id != extra.id! }!
                #expect(try await biro.post("/assessments/\(removed.id!)/remove").status == .seeOther)
                #expect(try await biro.post(setup.path + "/assignment", [("seed", "11")]).status == .seeOther)
                // Check: the manual slot stays and counts; every proposal has exactly k; loads differ by at most one.
                let after = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).all()
                #expect(after.contains { $0.$proposal.id == proposal && $0.$evaluator.id == extra.id! && $0.isManual })
                for (_, slots) in Dictionary(grouping: after, by: { $0.$proposal.id }) { #expect(slots.count == k) }
                let loads = Dictionary(grouping: after, by: { $0.$evaluator.id }).values.map(\.count)
                #expect(loads.max()! - loads.min()! <= 1)
            }
        }

        @Test func anAssignedEvaluatorReadsTheDocumentsUnlessScoringIsBlind() async throws {
            for blind in [false, true] {
                try await withApp { app in
                    // Setup: a proposal with its SK document, assessed by one evaluator.
                    let fixture = try await Fixture.make(app)
                    let setup = try await fixture.stage(app, in: .scoring, evaluators: 3, blind: blind)
                    let assessment = try await Assessment.query(on: app.db).filter(\.$stage.$id == setup.stage.id!).sort(\.$id).first()!
                    let file = try await AttachmentStore(db: app.db).store(DemoDocument.pdf(title: "SK Penetapan Inovator", innovation: "Uji"), fileName: "sk-inovator.pdf",
                                                                           owner: .proposal, ownerID: assessment.$proposal.id, purpose: "sk-inovator",
                                                                           by: fixture.admin, limit: 10 << 20)
                    let own = setup.evaluators.first { $0.id == assessment.$evaluator.id }!
                    var evaluator = Browser(app)
                    try await evaluator.login(own.email)
                    // Act: the evaluator opens the assessment and the document.
                    let page = try await evaluator.get("/assessments/\(assessment.id!)").body.string
                    let download = try await evaluator.get("/assessments/\(assessment.id!)/documents/\(file.id)")
                    // Check: open scoring lists and serves it as an attachment; blind scoring shows neither.
                    if blind {
                        #expect(!page.contains("sk-inovator.pdf") && page.contains("dokumen usulan tidak ditampilkan"))
                        #expect(download.status == .forbidden)
                    } else {
                        #expect(page.contains("/assessments/\(assessment.id!)/documents/\(file.id)"))
                        #expect(download.status == .ok)
                        #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                        #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    }
                    // Another evaluator, not assigned to it, never reaches it.
                    let stranger = setup.evaluators.first { $0.id != own.id }!
                    var other = Browser(app)
                    try await other.login(stranger.email)
                    #expect(try await other.get("/assessments/\(assessment.id!)/documents/\(file.id)").status == .forbidden)
                }
            }
        }

        @Test func aQuotaThatCannotBeMetIsNamed() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let setup = try await fixture.stage(app, in: .closed)
                let stage = try await EvaluationStage.find(setup.stage.id, on: app.db)!
                var rules = stage.rules
                rules.quotas = [QuotaAttribute(key: "kelompok", floors: ["khusus": 1])]
                stage.rules = rules
                try await stage.save(on: app.db)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let page = try await biro.get(setup.path + "/ranking").body.string
                #expect(page.contains("id=\"quota-problems\""))
                #expect(page.contains("Kuota minimal 1 usulan dengan kelompok &quot;khusus&quot; tidak dapat dipenuhi: hanya 0 usulan yang ada."))
                let day = WITATime.parts(app.clock.now().addingTimeInterval(3 * 86_400)).day
                let refused = try await biro.post(setup.path + "/announce", [("objectionsUntil", day.description)])
                #expect(refused.status == .badRequest)
                #expect(try await EvaluationStage.find(setup.stage.id, on: app.db)?.status == .closed)
            }
        }

        @Test func rulesWithProblemsAreNamedAndNotSaved() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let setup = try await fixture.evaluationStage(app)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let response = try await biro.post(setup.path + "/rules", [("k", "tiga"), ("basis", "rawMean"), ("lambda", "2"), ("selectionKind", "top"),
                                                                            ("top", "0"), ("seed", ""), ("quota-0-attribute", "kategori"), ("quota-0-caps", "digital=dua")])
                #expect(response.status == .badRequest)
                let body = response.body.string
                #expect(body.contains("Penilai per usulan (k): &quot;tiga&quot; bukan bilangan bulat."))
                #expect(body.contains("Kuota: &quot;digital=dua&quot; tidak berbentuk kunci=jumlah."))
                #expect(body.contains("Benih undian"))
                #expect(try await EvaluationStage.find(setup.stage.id, on: app.db)?.rules.lotterySeed == "uji-\(setup.competition.id!)")
            }
        }
    }
}
