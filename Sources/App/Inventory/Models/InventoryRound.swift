import Fluent
import Foundation
import LumbungCore

/// An inventory round (inventarisasi): the Biro asks agencies to confirm their innovations
/// by a deadline; closing it keeps a snapshot of what was confirmed.
final class InventoryRound: Model, @unchecked Sendable {
    static let schema = "inventory_rounds"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "name") var name: String
    /// The last day to confirm, ISO.
    @Field(key: "deadline") var deadline: String
    /// The day it was closed, ISO; nil while open.
    @OptionalField(key: "closed_on") var closedOn: String?
    /// The `InventorySnapshot` as JSON, once closed.
    @OptionalField(key: "snapshot") var snapshotJSON: String?
    @Field(key: "created_by_name") var createdByName: String

    init() {}

    var deadlineDay: CalendarDate { CalendarDate(parsing: deadline) ?? CalendarDate(year: 2000, month: 1, day: 1)! }
    var closedDay: CalendarDate? { closedOn.flatMap(CalendarDate.init(parsing:)) }
    var isOpen: Bool { closedOn == nil }

    var snapshot: InventorySnapshot? {
        snapshotJSON.flatMap { try? JSONDecoder().decode(InventorySnapshot.self, from: Data($0.utf8)) }
    }
}

extension InventoryRound {
    /// Opens a round asking the agencies with these ids.
    static func open(_ name: String, deadline: CalendarDate, asking agencyIDs: [Int], by user: User, on db: any Database) async throws -> InventoryRound {
        let round = InventoryRound()
        round.name = name
        round.deadline = deadline.description
        round.createdByName = user.name
        try await round.create(on: db)
        for agencyID in agencyIDs {
            let asked = InventoryRoundAgency()
            asked.$round.id = try round.requireID()
            asked.$agency.id = agencyID
            try await asked.create(on: db)
        }
        return round
    }
}

/// One agency asked in a round, and whether (and by whom) its list was confirmed complete.
final class InventoryRoundAgency: Model, @unchecked Sendable {
    static let schema = "inventory_round_agencies"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: InventoryRound
    @Parent(key: "agency_id") var agency: Agency
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "confirmed_by_name") var confirmedByName: String?

    init() {}
}

/// What an agency said of one innovation in a round.
final class InventoryCheck: Model, @unchecked Sendable {
    static let schema = "inventory_checks"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "round_id") var round: InventoryRound
    @Parent(key: "innovation_id") var innovation: Innovation
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "answer") var answer: InventoryAnswer
    @OptionalField(key: "discontinued_on") var discontinuedOn: String?
    @Field(key: "reason") var reason: String
    @Field(key: "answered_by_name") var answeredByName: String
    /// The review state a "discontinued" answer archived, given back if the answer changes.
    @OptionalField(key: "status_before") var statusBefore: ReviewStatus?
    @OptionalField(key: "public_before") var publicBefore: Bool?

    init() {}

    var stateBefore: ReviewState? {
        get { statusBefore.map { ReviewState(status: $0, isPublic: publicBefore ?? false) } }
        set {
            statusBefore = newValue?.status
            publicBefore = newValue?.isPublic
        }
    }
}
