import Fluent
import Foundation
import LumbungCore

/// An uploaded file, kept in the database so that every instance and every backup has it.
/// Proposal documents and (later) evidence use it the same way; a replaced file is kept, no
/// longer current, so that the history can still show what was there.
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    enum Owner: String, Codable, Sendable {
        case proposal
        /// Evidence (bukti dukung) of an innovation.
        case innovation
        case objection
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "uploaded_at", on: .create) var uploadedAt: Date?
    @Field(key: "owner_kind") var ownerKind: Owner
    @Field(key: "owner_id") var ownerID: Int
    /// What it is for: a required document's key, or an evidence type.
    @Field(key: "purpose") var purpose: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: FileKind
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @OptionalField(key: "uploaded_by") var uploadedBy: Int?
    @Field(key: "uploaded_by_name") var uploadedByName: String
    @Field(key: "is_current") var isCurrent: Bool

    init() {}
}
