import Fluent
import Foundation
import LumbungCore
import Vapor

/// The competitions of the demonstration province, telling the source article's story: KIPP
/// 2020 built from the Biro's inventory (proposals at every status, some returned with
/// comments, the Biro's selection within the quota, results), Si Pelandukilat's KIPP 2019
/// history that bars it from kelompok umum in 2020 and opens kelompok khusus, and a provincial
/// Lomba Inovasi Daerah open for proposals now.
enum DemoCompetitions {
    /// (innovation name prefix, group, status, outcomes recorded)
    static let kipp2020: [(String, String, ProposalStatus, [String])] = [
        ("Si Pelandukilat", "umum", .draft, []),
        ("Lahir Pulang Bawa Akta", "umum", .handedOver, ["stage:administrasi:passed", "tier:top-99"]),
        ("Layanan Kesehatan Terbang", "umum", .handedOver, ["stage:administrasi:passed", "stage:tim-evaluasi:failed"]),
        ("Sistem Rujukan Terintegrasi", "replikasi", .selected, []),
        ("Sekolah Lapang Padi Adan Krayan", "umum", .selected, []),
        ("Guru Kunjung Pendidikan Khusus", "umum", .accepted, []),
        ("Sekolah Rumput Laut", "umum", .submitted, []),
        ("Klinik Kemasan dan Label Usaha Mikro", "umum", .submitted, []),
        ("Titik Akses Internet Kampung Perbatasan", "umum", .returned, []),
        ("Posko Terpadu Penanganan Deportan", "umum", .draft, []),
        // Complete and correct, waiting for the Biro's Tim Evaluasi (`DemoEvaluation`) to rank them.
        ("Bunda Sehat Kampung Hulu", "umum", .accepted, []),
        ("Samsat Terapung Pulau dan Pesisir", "umum", .accepted, []),
        ("Perpustakaan Keliling Perahu Sungai", "umum", .accepted, []),
        ("Pelayanan Perizinan Keliling", "umum", .accepted, []),
        ("Tera Ulang Keliling Pasar Pedalaman", "umum", .accepted, []),
        ("Klinik Informasi Kerja Aman ke Sabah", "umum", .accepted, []),
        ("Rehabilitasi Rumah Tidak Layak Huni Gotong Royong", "umum", .accepted, []),
    ]

    static let lomba: [(String, String, ProposalStatus)] = [
        ("Portal Satu Data Kalimantan Utara", "perangkat-daerah", .draft),
        ("Bank Sampah Terapung Kampung Pesisir", "perangkat-daerah", .submitted),
        // Accepted by the Biro and waiting for the dewan juri (`DemoEvaluation.loadLombaJury`).
        ("Sistem Informasi Antrean dan Permohonan Adminduk Daring", "perangkat-daerah", .accepted),
        ("Sistem Pemutakhiran Data Penduduk Pelintas Batas", "perangkat-daerah", .accepted),
        ("Antrean Daring Poliklinik", "perangkat-daerah", .accepted),
        ("Samsat Drive Thru Tarakan", "perangkat-daerah", .accepted),
        ("Sistem Peringatan Dini Banjir Sungai", "perangkat-daerah", .accepted),
    ]

    static func load(on db: any Database, admin: User, agencyOperator: User, now: Date) async throws {
        let innovations = try await Innovation.query(on: db).all()
        func innovation(_ prefix: String) throws -> Innovation {
            guard let found = innovations.first(where: { $0.name.hasPrefix(prefix) }) else {
                throw DemoProvince.LoadError.badData("no innovation named \(prefix)")
            }
            return found
        }

        // Si Pelandukilat's earlier results, entered by the Biro as past awards.
        let pelandukilat = try innovation("Si Pelandukilat")
        for tier in [("Top 99", true, false), ("Top 45", false, true)] {
            let award = Award()
            award.$innovation.id = try pelandukilat.requireID()
            award.kind = .tier
            award.year = 2019
            award.editionName = "KIPP 2019"
            award.organiser = .nationalKIPP
            award.itemKey = ""
            award.label = tier.0
            award.isFinalist = tier.1
            award.isTopTier = tier.2
            award.recordedBy = admin.name
            award.note = "KepmenPANRB 18/2019"
            try await award.create(on: db)
        }

        guard let kipp = try await Competition.query(on: db).filter(\.$name == EditionSeeds.kipp2020.name).first() else {
            throw DemoProvince.LoadError.badData("the KIPP 2020 seed edition is missing")
        }
        for (prefix, group, status, outcomes) in kipp2020 {
            let proposal = try await propose(try innovation(prefix), in: kipp, group: group, admin: admin, agencyOperator: agencyOperator, on: db)
            try await walk(proposal, to: status, in: kipp, admin: admin, agencyOperator: agencyOperator, on: db)
            for outcome in outcomes { try await record(outcome, for: proposal, in: kipp, by: admin, on: db) }
        }

        // This year's provincial contest, copied from the seed and open now.
        guard let seed = try await Competition.query(on: db).filter(\.$name == EditionSeeds.lombaKaltara2025.name).first() else {
            throw DemoProvince.LoadError.badData("the Lomba seed edition is missing")
        }
        let year = WITATime.parts(now).day.year
        let open = Competition(name: "Lomba Inovasi Daerah Kalimantan Utara \(year)", year: year, organiser: .provincialContest,
                               opensAt: now.addingTimeInterval(-14 * 86_400), closesAt: now.addingTimeInterval(45 * 86_400),
                               definition: seed.definition)
        open.copiedFromID = seed.id
        try await open.create(on: db)
        for (prefix, group, status) in lomba {
            let proposal = try await propose(try innovation(prefix), in: open, group: group, admin: admin, agencyOperator: agencyOperator, on: db)
            try await walk(proposal, to: status, in: open, admin: admin, agencyOperator: agencyOperator, on: db)
        }
    }

    /// A proposal started from the profile the way an operator starts one: sections prefilled,
    /// the rest written from the profile's own texts within each limit.
    static func propose(_ innovation: Innovation, in competition: Competition, group: String, admin: User, agencyOperator: User,
                        on db: any Database) async throws -> Proposal {
        let definition = competition.definition
        let profile = innovation.profile
        var sections: [String: String] = [:]
        let sources = [profile.goals, profile.benefits, profile.results, profile.beneficiaries, profile.design]
        for (index, section) in definition.sections(for: group).enumerated() {
            let text = section.prefill.map { ProposalController.profileText(profile, $0) } ?? sources[index % sources.count]
            sections[section.key] = firstWords(text, section.maxWords)
        }
        let author = agencyOperator.operates(agencyID: innovation.$agency.id) ? agencyOperator : admin
        let proposal = try Proposal(competitionID: try competition.requireID(), innovation: innovation, groupKey: group,
                                    categoryKey: category(for: innovation, in: definition), sections: sections, userID: author.id)
        if proposal.videoURL.isEmpty && definition.requiresVideo { proposal.videoURL = "https://www.youtube.com/watch?v=lumbung-demo" }
        if proposal.sdgs.isEmpty { proposal.sdgs = [16] }
        try await ProposalStore(db: db).save(proposal, action: "created", by: author)
        for document in definition.documents(for: group) {
            _ = try await AttachmentStore(db: db).store(DemoDocument.pdf(title: document.name, innovation: innovation.name),
                                                        fileName: "\(document.key).pdf", owner: .proposal, ownerID: try proposal.requireID(),
                                                        purpose: document.key, by: author, limit: 10 * 1024 * 1024)
        }
        return proposal
    }

    static func walk(_ proposal: Proposal, to status: ProposalStatus, in competition: Competition, admin: User, agencyOperator: User,
                     on db: any Database) async throws {
        guard status != .draft else { return }
        let author = agencyOperator.operates(agencyID: proposal.$agency.id) ? agencyOperator : admin
        func step(_ action: ProposalAction, by user: User, note: String? = nil) async throws {
            let actor = ProposalActor(isAdmin: user.role == .admin, ownsProposal: user.operates(agencyID: proposal.$agency.id))
            proposal.status = try ProposalWorkflow.apply(action, to: proposal.status, by: actor)
            switch action {
            case .submit: proposal.submittedAt = competition.opensAt.addingTimeInterval(20 * 86_400)
            case .select: proposal.selectedAt = competition.closesAt.addingTimeInterval(-5 * 86_400)
            case .handOver:
                proposal.handedOverAt = competition.closesAt.addingTimeInterval(-2 * 86_400)
                proposal.handedOverBy = admin.name
            default: break
            }
            try await ProposalStore(db: db).save(proposal, action: action.rawValue, by: user, note: note)
        }
        if status == .withdrawn { try await step(.withdraw, by: author); return }
        try await step(.submit, by: author)
        if status == .returned {
            let comments = ["ringkasan": "Ringkasan belum menyebut jumlah kampung yang terlayani dan biayanya.",
                            "signifikansi": "Tambahkan data sebelum dan sesudah (kecepatan akses, jumlah pengguna) beserta sumbernya."]
            proposal.reviewComments = String(decoding: try JSONEncoder.sorted.encode(comments), as: UTF8.self)
            try await step(.return, by: admin, note: comments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " | "))
            return
        }
        guard status != .submitted else { return }
        try await step(.accept, by: admin)
        guard status != .accepted else { return }
        try await step(.select, by: admin)
        guard status != .selected else { return }
        try await step(.handOver, by: admin)
    }

    static func record(_ outcome: String, for proposal: Proposal, in competition: Competition, by admin: User, on db: any Database) async throws {
        let definition = competition.definition
        let parts = outcome.split(separator: ":").map(String.init)
        let award = Award()
        award.$innovation.id = proposal.$innovation.id
        award.$competition.id = competition.id
        award.$proposal.id = proposal.id
        award.year = competition.year
        award.editionName = competition.name
        award.organiser = competition.organiser
        award.recordedBy = admin.name
        award.note = ""
        award.isFinalist = false
        award.isTopTier = false
        if parts[0] == "tier", let tier = definition.tier(parts[1]) {
            award.kind = .tier
            award.itemKey = tier.key
            award.label = tier.name
            award.isFinalist = tier.isFinalist
            award.isTopTier = tier.isTopTier
        } else if let stage = definition.stage(parts[1]) {
            award.kind = parts[2] == "passed" ? .stagePassed : .stageFailed
            award.itemKey = stage.key
            award.label = StringCatalogue.text(parts[2] == "passed" ? "outcomes.passed" : "outcomes.failed", language: .id, arguments: [stage.name])
        }
        try await award.create(on: db)
        try await ProposalStore(db: db).save(proposal, action: "outcome", by: admin, note: award.label)
    }

    /// The edition's category that fits the innovation's main urusan best.
    static func category(for innovation: Innovation, in definition: EditionDefinition) -> String {
        let hints: [String: String] = ["kesehatan": "kesehatan", "pendidikan": "pendidikan", "pertanian": "ketahanan-pangan",
                                       "pangan": "ketahanan-pangan", "sosial": "pengentasan-kemiskinan", "adminduk": "tata-kelola-pemerintahan"]
        if let main = innovation.mainAffair, let key = hints[main], definition.category(key) != nil { return key }
        if innovation.category == .governance, let key = definition.categories.first(where: { $0.key.contains("tata-kelola") })?.key { return key }
        if let key = definition.categories.first(where: { $0.key.contains("pelayanan-publik") })?.key { return key }
        return definition.categories.first?.key ?? ""
    }

    static func firstWords(_ text: String, _ limit: Int) -> String {
        var result = text
        while WordCounter.count(result) > limit, let cut = result.lastIndex(of: " ") { result = String(result[..<cut]) }
        return result
    }
}

/// A one-page PDF that says what it stands for, for the demonstration's uploads and tests.
enum DemoDocument {
    static func pdf(title: String, innovation: String) -> [UInt8] {
        func ascii(_ text: String) -> String {
            String(text.unicodeScalars.map { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" ? Character($0) : "-" })
        }
        let stream = "BT /F1 14 Tf 72 760 Td (\(ascii(title))) Tj 0 -24 Td /F1 11 Tf (\(ascii(innovation))) Tj 0 -18 Td (Data demonstrasi Lumbung) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + String(offset) + " 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
