import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct DemoProvinceTests {
        @Test func loadsTheProvinceWithItsSplitAndItsGaps() async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }

                let all = try await Innovation.query(on: app.db).with(\.$agency).all()
                // The province's own agencies: 87 = 45 + 42, started 2017–2020; three villages of Nunukan since.
                let innovations = all.filter { !$0.agency.kind.isRegional }
                #expect(innovations.count == 87)
                #expect(innovations.filter { $0.category == .publicService }.count == 45)
                #expect(innovations.filter { $0.category == .governance }.count == 42)
                #expect(Set(innovations.compactMap(\.startYear)).isSubset(of: 2017...2020))
                #expect(all.filter { $0.agency.kind == .village }.count == 3)
                let pelandukilat = try #require(innovations.first { $0.name.lowercased().contains("pelandukilat") })
                #expect(try await Agency.find(pelandukilat.$agency.id, on: app.db)?.code == "DISDUKCAPIL")

                let agencies = try await Agency.query(on: app.db).all()
                #expect((40...50).contains(agencies.count))
                let withInnovation = Set(all.map { $0.$agency.id })
                #expect(agencies.filter { !$0.kind.isRegional && !withInnovation.contains($0.id!) }.count == 6)
                #expect(try await Setting.isDemo(on: app.db))

                // Every verified or submitted profile passes the same completeness check operators face.
                for innovation in all where innovation.status != .draft {
                    #expect(SubmissionCheck.gaps(in: innovation.profile, today: app.clock.today).isEmpty, "\(innovation.name)")
                }

                var browser = Browser(app)
                try await browser.login("admin@lumbung.example", password: "lumbung-admin")
                let dashboard = try await browser.get("/").body.string
                #expect(dashboard.contains("id=\"total-innovations\">90<"))
                #expect(dashboard.contains("id=\"demo-notice\""))
                try await browser.logout()
                try await browser.login("operator@lumbung.example", password: "lumbung-operator")
                #expect(try await browser.get("/innovations/\(pelandukilat.id!)").status == .ok)
            }
        }

        /// The inventory of 2020 (87 = 45 + 42), this year's round with agencies late, the index of
        /// 2023 just under "Sangat Inovatif" and the what-if that crosses it, and the villages.
        @Test func tellsTheInventoryAndIndexStory() async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                var biro = Browser(app)
                try await biro.login("admin@lumbung.example", password: "lumbung-admin")
                let rounds = try await InventoryRound.query(on: app.db).sort(\.$deadline).all()
                #expect(rounds.count == 2)
                let closed = try await biro.get("/inventory/\(rounds[0].id!)").body.string
                #expect(closed.contains("87 inovasi, terdiri atas 45 pelayanan publik dan 42 tata kelola pemerintahan daerah."))
                let open = try await biro.get("/inventory/\(rounds[1].id!)").body.string
                #expect(open.contains("data-state=\"confirmed\"") && open.contains("data-state=\"inProgress\"") && open.contains("terlambat"))

                let year = try await biro.get("/index/2023").body.string
                #expect(year.contains("id=\"index-value\">59,86<") && year.contains("id=\"index-class\">Inovatif<"))
                let whatIf = try await biro.get("/index/2023/what-if?add=1&addLevel=3").body.string
                #expect(whatIf.contains("id=\"after-index\">60,44<") && whatIf.contains("Predikat berubah dari Inovatif menjadi Sangat Inovatif."))
                let gaps = try await biro.get("/index/2023/gaps").body.string
                #expect(gaps.contains("Ditolak: Tautan video tidak dapat dibuka"))

                let villages = try await biro.get("/coverage/villages").body.string
                #expect(villages.contains("3 dari 5 desa/kelurahan memiliki inovasi.") && villages.contains("Kecamatan Lumbis Ogong</a>"))
                let report = try await biro.get("/report").body.string
                #expect(report.contains("<svg role=\"img\"") && report.contains("id=\"figure-iid\"") && report.contains("59,86 — Inovatif"))
            }
        }

        /// The source article's year: KIPP 2020 from the Biro's inventory, Si Pelandukilat's 2019
        /// history, and a provincial contest open now.
        @Test func tellsTheKIPP2020Story() async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                let kipp = try #require(try await Competition.query(on: app.db).filter(\.$name == "KIPP 2020").first())
                let proposals = try await Proposal.query(on: app.db).filter(\.$competition.$id == kipp.id!).with(\.$innovation).all()
                #expect(Set(proposals.map(\.status)).isSuperset(of: [.draft, .submitted, .returned, .accepted, .selected, .handedOver]))
                #expect(Set(proposals.map(\.$agency.id)).count >= 6)
                let returned = try #require(proposals.first { $0.status == .returned })
                #expect(!returned.comments.isEmpty)

                var biro = Browser(app)
                try await biro.login("admin@lumbung.example", password: "lumbung-admin")
                let pelandukilat = try #require(proposals.first { $0.innovation.name.hasPrefix("Si Pelandukilat") })
                let page = try await biro.get("/proposals/\(pelandukilat.id!)").body.string
                #expect(page.contains("Sudah pernah menjadi pemenang tingkat teratas KIPP (KIPP 2019 — Top 45); tidak dapat ikut kelompok ini."))
                #expect(page.contains("Kelompok khusus: memenuhi syarat"))
                #expect(try await biro.get("/innovations/\(pelandukilat.$innovation.id)").body.string.contains("KIPP 2019 — Top 99, Top 45"))
                let selection = try await biro.get("/competitions/\(kipp.id!)/selection").body.string
                #expect(selection.contains("Pemerintah Provinsi: 3 / 10") && selection.contains("Pemerintah Provinsi: 1 / 5"))
                // Every proposal past the draft was complete when it moved on.
                for proposal in proposals where ![.draft, .returned].contains(proposal.status) {
                    let open = try await ProposalFlowController().openPoints(proposal, on: app.db, competition: kipp, language: .id)
                    #expect(open.isEmpty, "\(proposal.innovation.name): \(open)")
                }
                let lomba = try #require(try await Competition.query(on: app.db).filter(\.$organiser == .provincialContest)
                    .filter(\.$copiedFromID != nil).first())
                #expect(lomba.isOpen(at: app.clock.now()))
                #expect(try await biro.get("/competitions").body.string.contains("Pendaftaran dibuka"))
            }
        }

        /// The Biro's Tim Evaluasi for KIPP 2020: a harsh evaluator, two splits, and a ranking
        /// that calibration changes.
        @Test func showsWhyCalibrationMatters() async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                let kipp = try #require(try await Competition.query(on: app.db).filter(\.$name == "KIPP 2020").first())
                let workspace = try await StageWorkspace.load(competition: kipp, stageDefinition: kipp.definition.stage("tim-evaluasi")!, on: app.db)
                #expect(workspace.status == .closed)
                #expect(workspace.entries.count == 12)
                #expect(workspace.panel.count == 6)
                let result = try await workspace.result(cache: app.stageResults, on: app.db)
                #expect(result.basisUsed == .calibrated && result.fallback == nil && result.connectedParts == 1)
                let names = Dictionary(uniqueKeysWithValues: workspace.panel.map { (Int64($0.$user.id), $0.user.name) })
                let flaggedEvaluators = result.evaluators.filter { $0.flags.contains { if case .unusualLeniency(let b) = $0 { return b < 0 } else { return false } } }
                #expect(flaggedEvaluators.map { names[$0.id] } == ["Drs. Rudi Hartono"])
                let split = result.proposals.filter { $0.flags.contains { flag in
                    switch flag { case .criterionRange, .totalRange: return true; case .nearCutoff: return false } } }
                #expect(split.count == 2, "\(split.map(\.id))")
                // Dinkes's evaluator never got a Dinkes proposal.
                let dinkes = try #require(try await Agency.query(on: app.db).filter(\.$code == "DINKES").first())
                let maria = try #require(workspace.panel.first { $0.user.email == "penilai2@lumbung.example" })
                #expect(!workspace.assessments.contains { $0.$evaluator.id == maria.$user.id && workspace.entry(proposalID: $0.$proposal.id)?.proposal.$agency.id == dinkes.id })
                // Ranked by the raw mean, a different set would go on.
                var raw = workspace.rules
                raw.basis = .rawMean
                let proposals = workspace.entries.map { StageProposal(id: Int64($0.$proposal.id), attributes: workspace.attributes(of: $0.proposal)) }
                let sheets = workspace.assessments.map { SubmittedSheet(proposal: Int64($0.$proposal.id), evaluator: Int64($0.$evaluator.id), scores: $0.scores) }
                let rawResult = StageEvaluation.evaluate(criteria: kipp.definition.criteria, rules: raw, proposals: proposals, sheets: sheets)
                // Samsat Terapung met the harsh evaluator: it goes on by the calibrated score and would not by the raw mean.
                let samsat = try #require(workspace.entries.first { $0.proposal.innovation.name.hasPrefix("Samsat Terapung") })
                #expect(result.shortlist.contains(Int64(samsat.$proposal.id)) && !rawResult.shortlist.contains(Int64(samsat.$proposal.id)))

                var biro = Browser(app)
                try await biro.login("admin@lumbung.example", password: "lumbung-admin")
                let page = try await biro.get(workspace.path + "/ranking").body.string
                #expect(page.contains("Drs. Rudi Hartono") && page.contains("jauh lebih keras"))
                var evaluator = Browser(app)
                try await evaluator.login("evaluator@lumbung.example", password: "lumbung-evaluator")
                #expect(try await evaluator.get("/evaluations").body.string.contains("6 dari 6 terkirim"))
            }
        }

        /// This year's Lomba waits for its dewan juri: set up, not yet assigned, and coverable.
        @Test func leavesTheLombaJuryReadyToAssign() async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                let lomba = try #require(try await Competition.query(on: app.db).filter(\.$organiser == .provincialContest)
                    .filter(\.$copiedFromID != nil).first())
                let workspace = try await StageWorkspace.load(competition: lomba, stageDefinition: lomba.definition.stage("penilaian-juri")!, on: app.db)
                #expect(workspace.status == .setup)
                #expect(workspace.entries.count == 5 && workspace.panel.count == 2 && workspace.assessments.isEmpty)
                guard case .assigned(let assignment) = AssignmentSolver.solve(workspace.assignmentProblem(seed: 1)) else {
                    Issue.record("the demonstration jury cannot cover the Lomba")
                    return
                }
                #expect(assignment.pairs.count == 10)
                var biro = Browser(app)
                try await biro.login("admin@lumbung.example", password: "lumbung-admin")
                let page = try await biro.get(workspace.path + "/assignment")
                #expect(page.status == .ok)
            }
        }

        @Test func refusesADatabaseThatHoldsData() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                await #expect(throws: DemoProvince.LoadError.self) {
                    try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                }
                #expect(try await Innovation.query(on: app.db).count() == 0)
                #expect(try await Setting.isDemo(on: app.db) == false)
            }
        }
    }
}
