import Fluent
import LumbungCore
import Foundation

/// Riwayat perubahan: one saved state of an innovation, written on every save and every
/// review step, so that the history shows who did what and any two states can be compared.
final class Revision: Model, @unchecked Sendable {
    static let schema = "revisions"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Parent(key: "innovation_id") var innovation: Innovation
    /// 1, 2, 3 … within the innovation.
    @Field(key: "number") var number: Int
    /// `created`, `edited`, or a `ReviewAction` raw value.
    @Field(key: "action") var action: String
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "user_name") var userName: String
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "status") var status: ReviewStatus
    /// The whole profile as JSON (`InnovationProfile`).
    @Field(key: "snapshot") var snapshot: String
    /// Revision-request comments by field, as JSON, when the action asked for them.
    @OptionalField(key: "comments") var comments: String?

    init() {}

    var profile: InnovationProfile? {
        try? JSONDecoder().decode(InnovationProfile.self, from: Data(snapshot.utf8))
    }
}
