import Fluent
import Foundation
import LumbungCore

/// The inventory and the index of the demonstration province: the closed "Inventarisasi
/// Inovasi 2020" round (87 = 45 + 42), this year's round with agencies late, evidence on the
/// innovations reported for the Indeks Inovasi Daerah, and the 2023 and 2026 answers.
enum DemoInventory {
    /// Agencies that confirmed this year's round in time; the operator's agency is half-way.
    static let confirmedThisYear = ["DISKOMINFO", "DINKES", "BAPENDA"]
    static let inProgressThisYear = "DISDUKCAPIL"

    static func load(on db: any Database, admin: User, agencyOperator: User, validator: User, now: Date) async throws {
        let agencies = try await Agency.query(on: db).all()
        let provincial = agencies.filter { !$0.kind.isRegional }
        let innovations = try await Innovation.query(on: db).sort(\.$id).all()
        let byAgency = Dictionary(grouping: innovations, by: \.$agency.id)
        let today = CalendarDate.inWITA(now)

        // 2020: every provincial agency confirmed, the round closed in December.
        let closed = try await InventoryRound.open("Inventarisasi Inovasi 2020", deadline: CalendarDate(year: 2020, month: 11, day: 30)!, asking: provincial.map { $0.id! }, by: admin, on: db)
        for agency in provincial {
            for innovation in byAgency[agency.id!] ?? [] { try await check(innovation, in: closed, .running, by: "Operator \(agency.displayName)", on: db) }
            try await confirm(agency, in: closed, at: WITATime.instant(CalendarDate(year: 2020, month: 11, day: 27)!, hour: 10, minute: 0), by: "Operator \(agency.displayName)", on: db)
        }
        let closingDay = CalendarDate(year: 2020, month: 12, day: 10)!
        let snapshot = try await InventoryProgressReader(db: db).snapshot(of: closed, today: closingDay)
        closed.closedOn = closingDay.description
        closed.snapshotJSON = String(decoding: try JSONEncoder.sorted.encode(snapshot), as: UTF8.self)
        try await closed.save(on: db)

        // This year: the deadline passed three days ago; three agencies confirmed, the operator's is half-way.
        let open = try await InventoryRound.open("Inventarisasi Inovasi \(today.year)", deadline: today.adding(days: -3), asking: provincial.map { $0.id! }, by: admin, on: db)
        for agency in provincial {
            let own = byAgency[agency.id!] ?? []
            if confirmedThisYear.contains(agency.code) {
                for (position, innovation) in own.enumerated() {
                    try await check(innovation, in: open, position == 0 ? .changed : .running, by: "Operator \(agency.displayName)", on: db)
                }
                try await confirm(agency, in: open, at: now.addingTimeInterval(-5 * 86_400), by: "Operator \(agency.displayName)", on: db)
            } else if agency.code == inProgressThisYear {
                for innovation in own.prefix(3) { try await check(innovation, in: open, .running, by: agencyOperator.name, on: db) }
            }
        }
        try await db.audit(admin, "inventory.open", "inventory", open.id, "\(open.name): \(provincial.count) agencies")

        try await loadIndex(on: db, innovations: innovations, admin: admin, agencyOperator: agencyOperator, validator: validator, today: today)
    }

    private static func check(_ innovation: Innovation, in round: InventoryRound, _ answer: InventoryAnswer, by name: String, on db: any Database) async throws {
        let check = InventoryCheck()
        check.$round.id = round.id!
        check.$innovation.id = innovation.id!
        check.agencyID = innovation.$agency.id
        check.answer = answer
        check.reason = ""
        check.answeredByName = name
        try await check.create(on: db)
    }

    private static func confirm(_ agency: Agency, in round: InventoryRound, at instant: Date, by name: String, on db: any Database) async throws {
        guard let asked = try await InventoryRoundAgency.query(on: db).filter(\.$round.$id == round.id!).filter(\.$agency.$id == agency.id!).first() else { return }
        asked.confirmedAt = instant
        asked.confirmedByName = name
        try await asked.save(on: db)
    }

    // MARK: The index

    /// Twelve verified innovations in implementation, one for each basic service first.
    static func reported(_ innovations: [Innovation]) -> [Innovation] {
        let candidates = innovations.filter { $0.status == .verified && $0.stage == .implementation && $0.implementationStart != nil }
        var chosen: [Innovation] = []
        for service in InnovationIndex.basicServices {
            if let match = candidates.first(where: { candidate in candidate.mainAffair == service && !chosen.contains { $0.id == candidate.id } }) { chosen.append(match) }
        }
        for candidate in candidates where chosen.count < 12 && !chosen.contains(where: { $0.id == candidate.id }) { chosen.append(candidate) }
        return chosen.sorted { $0.id! < $1.id! }
    }

    /// Which evidence supports which indicator (by the evidence the form asks for).
    static func evidenceType(for key: String) -> EvidenceType {
        switch key {
        case "regulasi", "sdm", "pelaksana", "jejaring": .decree
        case "anggaran": .budget
        case "rkpd": .plan
        case "aktor", "replikasi": .agreement
        case "pedoman", "kecepatan-layanan": .procedure
        case "monev", "kemanfaatan", "pengaduan", "kecepatan-penciptaan": .monitoring
        case "alat-kerja", "informasi", "terintegrasi", "video": .screenshot
        default: .photo
        }
    }

    /// The level a demonstration answer gives: mostly 3, every fourth a 2.
    static func level(innovation position: Int, indicator number: Int) -> Int { (position + number) % 4 == 0 ? 2 : 3 }

    /// The answer each innovation leaves without evidence (the gaps report's first lines).
    static func missingEvidence(innovation position: Int) -> Int { position % 20 }

    static let regionLevels = [3, 3, 2, 3, 2, 3, 2, 2, 2, 2, 1, 2, 2, 2, 1]

    private static func loadIndex(on db: any Database, innovations: [Innovation], admin: User, agencyOperator: User, validator: User, today: CalendarDate) async throws {
        let reported = reported(innovations)
        let sets = try await IndicatorSetRecord.query(on: db).sort(\.$year).all()
        let indicators = IndicatorSets.iid2023.innovationIndicators
        for (position, innovation) in reported.enumerated() {
            let author = agencyOperator.operates(agencyID: innovation.$agency.id) ? agencyOperator : admin
            var files: [EvidenceType: Evidence] = [:]
            let agency = try await Agency.find(innovation.$agency.id, on: db)?.displayName ?? ""
            let types = Set(indicators.map { evidenceType(for: $0.key) }).sorted { $0.rawValue < $1.rawValue }
            for type in types {
                let title = StringCatalogue.text("evidenceType.\(type.rawValue)", language: .id)
                let file = "\(EditionDefinition.key(from: title))-\(innovation.code ?? String(innovation.id!)).pdf"
                files[type] = try await EvidenceStore(db: db).add(
                    DemoDocument.pdf(title: title, innovation: innovation.name), fileName: file, to: innovation,
                    .init(type: type, issuer: type == .decree ? "Gubernur Kalimantan Utara" : agency, issuedOn: CalendarDate(year: 2022, month: 3, day: 1 + position)!,
                          details: "\(title) untuk \(innovation.name)"), by: author, limit: 10 * 1024 * 1024)
            }
            // Half of them recorded their development: the 2026 form scores only those past two years.
            if position % 2 == 0 {
                files[.development] = try await EvidenceStore(db: db).add(
                    DemoDocument.pdf(title: "Laporan pengembangan inovasi", innovation: innovation.name),
                    fileName: "pengembangan-\(innovation.code ?? String(innovation.id!)).pdf", to: innovation,
                    .init(type: .development, issuer: agency, issuedOn: CalendarDate(year: 2024, month: 6, day: 3)!,
                          details: "Pengembangan: perluasan layanan dan pembaruan SOP"), by: author, limit: 10 * 1024 * 1024)
            }
            for record in sets {
                for indicator in record.definition.innovationIndicators {
                    let answer = IndexAnswer()
                    answer.year = record.year
                    answer.innovationID = innovation.id!
                    answer.indicatorKey = indicator.key
                    answer.level = level(innovation: position, indicator: indicator.number)
                    answer.evidenceID = indicator.number - 16 == missingEvidence(innovation: position) ? nil : files[evidenceType(for: indicator.key)]?.id
                    answer.validation = answer.evidenceID == nil ? .pending : .validated
                    answer.comment = ""
                    answer.answeredByName = author.name
                    answer.validatedByName = answer.evidenceID == nil ? nil : validator.name
                    if position == 1 && indicator.key == "video" {
                        answer.validation = .rejected
                        answer.comment = "Tautan video tidak dapat dibuka; unggah ulang ke kanal resmi."
                    }
                    try await answer.create(on: db)
                }
            }
        }
        for record in sets {
            for (offset, indicator) in record.definition.regionIndicators.enumerated() {
                let answer = IndexAnswer()
                answer.year = record.year
                answer.innovationID = nil
                answer.indicatorKey = indicator.key
                answer.level = regionLevels[offset % regionLevels.count]
                answer.validation = .validated
                answer.comment = ""
                answer.answeredByName = admin.name
                answer.validatedByName = validator.name
                try await answer.create(on: db)
            }
        }
        try await db.audit(admin, "index.answer", "index", nil, "demo: \(reported.count) innovations reported for \(sets.map { String($0.year) }.joined(separator: ", "))")
    }
}
