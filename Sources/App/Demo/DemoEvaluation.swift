import Fluent
import Foundation
import LumbungCore

/// The Biro's own Tim Evaluasi for KIPP 2020 in the demonstration: six evaluators (one of them
/// from Dinkes, so Dinkes's proposals never reach her), a balanced assignment with a recorded
/// seed, and scores in which Drs. Rudi Hartono scores far harsher than the others and two
/// proposals split their evaluators — so the ranking page shows why calibration matters.
enum DemoEvaluation {
    struct Evaluator {
        let email: String
        let name: String
        let kind: PanelMember.Affiliation
        let affiliation: String
        let agencyCode: String?
        let expertise: [String]
        /// How many points (on the 1–10 scale) this evaluator gives above or below the others.
        let leniency: Double
    }

    static let panel: [Evaluator] = [
        .init(email: "evaluator@lumbung.example", name: "Evaluator Tim Penilai", kind: .university, affiliation: "Universitas Borneo Tarakan",
              agencyCode: nil, expertise: ["pelayanan-publik-responsif-gender", "pendidikan"], leniency: 0),
        .init(email: "penilai1@lumbung.example", name: "Dr. Hj. Nurhayati, M.Si.", kind: .university, affiliation: "Universitas Borneo Tarakan",
              agencyCode: nil, expertise: ["kesehatan", "pengentasan-kemiskinan"], leniency: 0.4),
        .init(email: "penilai2@lumbung.example", name: "dr. Maria Ulfah", kind: .agency, affiliation: "Dinas Kesehatan",
              agencyCode: "DINKES", expertise: ["kesehatan"], leniency: 0.2),
        .init(email: "penilai3@lumbung.example", name: "Drs. Rudi Hartono", kind: .ministry, affiliation: "Pendamping KemenPANRB",
              agencyCode: nil, expertise: ["tata-kelola-pemerintahan", "pertumbuhan-ekonomi-dan-kesempatan-kerja"], leniency: -2.3),
        .init(email: "penilai4@lumbung.example", name: "Siti Rahmah, S.E.", kind: .agency, affiliation: "Inspektorat",
              agencyCode: "INSPEKTORAT", expertise: ["pertumbuhan-ekonomi-dan-kesempatan-kerja"], leniency: -0.2),
        .init(email: "penilai5@lumbung.example", name: "Agus Salim, M.T.", kind: .university, affiliation: "Politeknik Negeri Nunukan",
              agencyCode: nil, expertise: ["ketahanan-pangan", "pendidikan"], leniency: 0.1),
    ]

    /// How good each proposal is, on the 1–10 scale, by innovation name prefix.
    static let quality: [(String, Double)] = [
        ("Lahir Pulang Bawa Akta", 8.6), ("Layanan Kesehatan Terbang", 8.4), ("Sistem Rujukan Terintegrasi", 7.2),
        ("Sekolah Lapang Padi Adan Krayan", 7.9), ("Guru Kunjung Pendidikan Khusus", 7.6), ("Bunda Sehat Kampung Hulu", 8.1),
        ("Samsat Terapung Pulau dan Pesisir", 7.8), ("Perpustakaan Keliling Perahu Sungai", 6.9), ("Pelayanan Perizinan Keliling", 7.4),
        ("Tera Ulang Keliling Pasar Pedalaman", 6.4), ("Klinik Informasi Kerja Aman ke Sabah", 7.3),
        ("Rehabilitasi Rumah Tidak Layak Huni Gotong Royong", 6.6),
    ]

    /// The two splits: (proposal, criterion key or nil for all, points off), given by the first
    /// of the proposal's evaluators (other than the harsh one) that the assignment chose.
    static let disagreements: [(String, String?, Double)] = [
        ("Sekolah Lapang Padi Adan Krayan", "bermanfaat", -5),
        ("Perpustakaan Keliling Perahu Sungai", nil, 2.6),
    ]

    static let seed: UInt64 = 2020

    static func load(on db: any Database, admin: User, evaluatorHash: String, now: Date) async throws {
        guard let kipp = try await Competition.query(on: db).filter(\.$name == EditionSeeds.kipp2020.name).first(),
              let stageDefinition = kipp.definition.stage("tim-evaluasi") else {
            throw DemoProvince.LoadError.badData("KIPP 2020 has no Tim Evaluasi stage")
        }
        var accounts: [String: User] = [:]
        for user in try await User.query(on: db).filter(\.$role == .evaluator).all() { accounts[user.email] = user }
        let agencies = Dictionary(uniqueKeysWithValues: try await Agency.query(on: db).all().map { ($0.code, $0) })

        var workspace = try await StageWorkspace.load(competition: kipp, stageDefinition: stageDefinition, on: db)
        let actions = StageActions(db: db, user: admin, now: now)
        let stage = try await actions.prepare(workspace)
        stage.rules = StageRules(evaluatorsPerProposal: 3, basis: .calibrated, lambda: 2, selection: .top(5),
                                 quotas: [QuotaAttribute(key: "instansi", defaultCap: 1)], lotterySeed: "kipp-2020-tim-evaluasi")
        stage.openedAt = now.addingTimeInterval(-20 * 86_400)
        try await stage.save(on: db)
        for evaluator in panel {
            let user: User
            if let existing = accounts[evaluator.email] {
                user = existing
            } else {
                user = User(email: evaluator.email, name: evaluator.name, passwordHash: evaluatorHash, role: .evaluator, agencyID: nil)
                try await user.create(on: db)
            }
            try await seat(evaluator, user: user, on: stage, agencyID: evaluator.agencyCode.flatMap { agencies[$0]?.id }, db: db)
        }

        workspace = try await StageWorkspace.load(competition: kipp, stageDefinition: stageDefinition, on: db)
        guard case .assigned(let assignment) = AssignmentSolver.solve(workspace.assignmentProblem(seed: seed)) else {
            throw DemoProvince.LoadError.badData("the demonstration panel cannot cover KIPP 2020")
        }
        try await actions.saveAssignment(assignment, workspace: workspace, stage: stage)
        stage.status = .scoring
        try await stage.save(on: db)

        // The scores: quality, a small profile per criterion, each evaluator's leniency, the two splits.
        workspace = try await StageWorkspace.load(competition: kipp, stageDefinition: stageDefinition, on: db)
        let emails = Dictionary(uniqueKeysWithValues: workspace.panel.map { ($0.$user.id, $0.user.email) })
        let leniency = Dictionary(uniqueKeysWithValues: panel.map { ($0.email, $0.leniency) })
        let criteria = kipp.definition.criteria
        let harsh = Set(panel.filter { $0.leniency < -1 }.map(\.email))
        for assessment in workspace.assessments {
            guard let entry = workspace.entry(proposalID: assessment.$proposal.id), let email = emails[assessment.$evaluator.id] else { continue }
            let name = entry.proposal.innovation.name
            let splitter = workspace.assessments.filter { $0.$proposal.id == assessment.$proposal.id }.map { $0.$evaluator.id }.sorted()
                .first { !harsh.contains(emails[$0] ?? "") }
            let base = quality.first { name.hasPrefix($0.0) }?.1 ?? 7
            var scores: CriterionScores = [:]
            for (index, criterion) in criteria.enumerated() {
                var value = base + [0, 0.3, -0.2, 0.2, -0.3][index % 5] + (leniency[email] ?? 0)
                for split in disagreements where name.hasPrefix(split.0) && splitter == assessment.$evaluator.id && (split.1 == nil || split.1 == criterion.key) {
                    value += split.2
                }
                scores[criterion.key] = min(criterion.scaleMax, max(criterion.scaleMin, Int(value.rounded())))
            }
            assessment.scores = scores
            assessment.comments = ["general": comment(for: scores, criteria: criteria)]
            assessment.status = .submitted
            assessment.startedAt = now.addingTimeInterval(-15 * 86_400)
            assessment.submittedAt = now.addingTimeInterval(-10 * 86_400)
            try await assessment.save(on: db)
        }
        workspace = try await StageWorkspace.load(competition: kipp, stageDefinition: stageDefinition, on: db)
        try await actions.close(workspace, stage: stage, result: try await workspace.result(cache: StageResultCache(), on: db))
        try await loadLombaJury(on: db, admin: admin, now: now)
    }

    /// This year's Lomba: five accepted proposals, two of them from Disdukcapil, and a dewan
    /// juri of two set up with its rules (top 3, at most one per agency) but not yet assigned,
    /// so the Biro can run the whole judging from the first step.
    static func loadLombaJury(on db: any Database, admin: User, now: Date) async throws {
        guard let lomba = try await Competition.query(on: db).filter(\.$organiser == .provincialContest)
            .filter(\.$copiedFromID != nil).first(), let stageDefinition = lomba.definition.stage("penilaian-juri") else {
            throw DemoProvince.LoadError.badData("the open Lomba has no jury stage")
        }
        let workspace = try await StageWorkspace.load(competition: lomba, stageDefinition: stageDefinition, on: db)
        let stage = try await StageActions(db: db, user: admin, now: now).prepare(workspace)
        stage.rules = StageRules(evaluatorsPerProposal: 2, basis: .rawMean, selection: .top(3),
                                 quotas: [QuotaAttribute(key: "instansi", defaultCap: 1)], lotterySeed: "lomba-\(lomba.year)-juri")
        try await stage.save(on: db)
        let jury = try await User.query(on: db).filter(\.$email ~~ ["evaluator@lumbung.example", "penilai1@lumbung.example"]).all()
        for user in jury {
            guard let evaluator = panel.first(where: { $0.email == user.email }) else { continue }
            try await seat(evaluator, user: user, on: stage, agencyID: nil, db: db)
        }
    }

    static func seat(_ evaluator: Evaluator, user: User, on stage: EvaluationStage, agencyID: Int?, db: any Database) async throws {
        let member = PanelMember()
        member.$stage.id = try stage.requireID()
        member.$user.id = try user.requireID()
        member.team = .timEvaluasi
        member.affiliationKind = evaluator.kind
        member.affiliation = evaluator.affiliation
        member.$agency.id = agencyID
        member.expertise = evaluator.expertise
        member.isActive = true
        try await member.create(on: db)
    }

    static func comment(for scores: CriterionScores, criteria: [Criterion]) -> String {
        let best = criteria.max { (scores[$0.key] ?? 0) < (scores[$1.key] ?? 0) }?.name ?? ""
        let weakest = criteria.min { (scores[$0.key] ?? 0) < (scores[$1.key] ?? 0) }?.name ?? ""
        return "Kekuatan utama pada aspek \(best.lowercased()); aspek \(weakest.lowercased()) perlu diperkuat dengan data capaian terbaru."
    }
}
