import Fluent
import Foundation
import LumbungCore

/// What an innovation received or went through: a stage passed or failed, or an award tier
/// (Top 99, Top 45, Outstanding…), from an edition in Lumbung or entered for an earlier year.
/// Award tiers make up the innovation's award history and drive later editions' repeat-winner rules.
final class Award: Model, @unchecked Sendable {
    static let schema = "awards"

    enum Kind: String, Codable, Sendable {
        case stagePassed, stageFailed, tier
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "innovation_id") var innovation: Innovation
    @OptionalParent(key: "competition_id") var competition: Competition?
    @OptionalParent(key: "proposal_id") var proposal: Proposal?
    @Field(key: "kind") var kind: Kind
    @Field(key: "year") var year: Int
    @Field(key: "edition_name") var editionName: String
    @Field(key: "organiser") var organiser: Organiser
    /// The stage's or tier's key in its edition (empty for awards entered by hand).
    @Field(key: "item_key") var itemKey: String
    /// "Top 99", "Lolos seleksi administrasi".
    @Field(key: "label") var label: String
    @Field(key: "is_finalist") var isFinalist: Bool
    @Field(key: "is_top_tier") var isTopTier: Bool
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "note") var note: String

    init() {}

    var record: AwardRecord {
        AwardRecord(year: year, editionName: editionName, organiser: organiser, tierName: label, isFinalist: isFinalist, isTopTier: isTopTier)
    }
}
