import Fluent
import Foundation
import LumbungCore
import SQLKit

/// What the catalogue's index reads of an innovation: taken from a model after a write here,
/// or read as a plain row when the whole catalogue is indexed. Decoding 100,000 innovations as
/// Fluent models (reflection over 45 properties each) took as long as indexing them.
struct CatalogueRow: Sendable {
    let id: Int
    let agencyID: Int
    let name: String
    let acronym: String
    let category: String
    let deliveryMode: String
    let stage: String
    let mainAffair: String?
    let otherAffairs: [String]
    let trialStart: String?
    let implementationStart: String?
    let startYear: Int?
    let narrative: [String]
    let themes: [String]
    let sdgs: [Int]
    let updatedAt: Date?

    init(_ innovation: Innovation) {
        id = innovation.id!
        agencyID = innovation.$agency.id
        name = innovation.name
        acronym = innovation.acronym
        category = innovation.category.rawValue
        deliveryMode = innovation.deliveryMode.rawValue
        stage = innovation.stage.rawValue
        mainAffair = innovation.mainAffair
        otherAffairs = innovation.otherAffairs
        trialStart = innovation.trialStart
        implementationStart = innovation.implementationStart
        startYear = innovation.startYear
        narrative = [innovation.goals, innovation.design, innovation.benefits, innovation.results, innovation.beneficiaries]
        themes = innovation.themes
        sdgs = innovation.sdgs
        updatedAt = innovation.updatedAt
    }

    /// The narrative in the order it is indexed: tujuan and rancang bangun first, because a
    /// result's snippet is cut from those two (`snippetColumns`), and the index's term stream
    /// then tells the snippet where its first match is without reading the words before it.
    static let narrativeColumns = ["goals", "design", "benefits", "results", "beneficiaries"]
    static let snippetColumns = Array(narrativeColumns.prefix(2))
    /// How the narrative's parts join into the indexed body, and the snippet's into its text.
    static let narrativeSeparator = "\n"
    static let columns = ["id", "agency_id", "name", "acronym", "category", "delivery_mode", "stage", "main_affair", "other_affairs",
                          "trial_start", "implementation_start", "start_year", "themes", "sdgs", "updated_at"] + narrativeColumns

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        agencyID = try row.decode(column: "agency_id", as: Int.self)
        name = try row.decode(column: "name", as: String.self)
        acronym = try row.decode(column: "acronym", as: String.self)
        category = try row.decode(column: "category", as: String.self)
        deliveryMode = try row.decode(column: "delivery_mode", as: String.self)
        stage = try row.decode(column: "stage", as: String.self)
        mainAffair = try row.decode(column: "main_affair", as: String?.self)
        otherAffairs = try row.decode(column: "other_affairs", as: [String].self)
        trialStart = try row.decode(column: "trial_start", as: String?.self)
        implementationStart = try row.decode(column: "implementation_start", as: String?.self)
        startYear = try row.decode(column: "start_year", as: Int?.self)
        narrative = try Self.narrativeColumns.map { try row.decode(column: $0, as: String.self) }
        themes = try row.decode(column: "themes", as: [String].self)
        sdgs = try row.decode(column: "sdgs", as: [Int].self)
        updatedAt = try row.decode(column: "updated_at", as: Date?.self)
    }

    /// The published innovations after `id`, in id order, at most `limit`.
    static func published(after id: Int, limit: Int, on db: any Database) async throws -> [CatalogueRow] {
        let rows = try await (db as! any SQLDatabase).select().columns(columns.map { SQLColumn($0) }).from(Innovation.schema)
            .where("status", .equal, ReviewStatus.verified.rawValue).where("is_public", .equal, true).where("id", .greaterThan, id)
            .orderBy("id").limit(limit).all()
        return try rows.map(CatalogueRow.init(row:))
    }
}
