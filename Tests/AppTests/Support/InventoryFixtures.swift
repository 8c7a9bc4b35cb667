import Fluent
import Foundation
import LumbungCore
import Vapor
@testable import App

extension Fixture {
    /// An open round asking both fixture agencies, with the deadline `days` from today.
    func openRound(_ app: Application, name: String = "Inventarisasi \(UUID().uuidString.prefix(6))", days: Int = 14) async throws -> InventoryRound {
        let round = try await InventoryRound.open(name, deadline: app.clock.today.adding(days: days), asking: [agency.id!, otherAgency.id!], by: admin, on: app.db)
        return round
    }

    /// A closed round with its snapshot of today's registry.
    func closedRound(_ app: Application) async throws -> InventoryRound {
        let round = try await openRound(app)
        let snapshot = try await InventoryProgressReader(db: app.db).snapshot(of: round, today: app.clock.today)
        round.closedOn = app.clock.today.description
        round.snapshotJSON = String(decoding: try JSONEncoder.sorted.encode(snapshot), as: UTF8.self)
        try await round.save(on: app.db)
        return round
    }

    /// Evidence of `type` on an innovation, stored the way uploads are.
    @discardableResult
    func evidence(_ app: Application, on innovation: Innovation, type: EvidenceType = .decree) async throws -> Evidence {
        try await EvidenceStore(db: app.db).add(DemoDocument.pdf(title: "SK", innovation: innovation.name), fileName: "sk.pdf", to: innovation,
                                                .init(type: type, issuer: "Gubernur", issuedOn: CalendarDate(year: 2021, month: 3, day: 1)!, details: "SK penetapan"),
                                                by: admin, limit: app.lumbung.uploadLimitBytes)
    }

    /// An answer for `year` of the index, for an innovation (nil: the region).
    @discardableResult
    func indexAnswer(_ app: Application, year: Int = 2023, innovation: Innovation?, key: String = "regulasi", level: Int = 2,
                     evidence: Evidence? = nil) async throws -> IndexAnswer {
        let answer = IndexAnswer()
        answer.year = year
        answer.innovationID = innovation?.id
        answer.indicatorKey = key
        answer.level = level
        answer.evidenceID = evidence?.id
        answer.validation = .pending
        answer.comment = ""
        answer.answeredByName = admin.name
        try await answer.create(on: app.db)
        return answer
    }
}
