import Fluent
import Foundation
import LumbungCore

/// Bukti dukung: a typed file attached to an innovation (its bytes are an `Attachment`, stored
/// through the one upload path). A removed item stays, no longer active, for the history.
final class Evidence: Model, @unchecked Sendable {
    static let schema = "evidence"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "innovation_id") var innovation: Innovation
    @Field(key: "attachment_id") var attachmentID: Int
    @Field(key: "type") var type: EvidenceType
    @Field(key: "issuer") var issuer: String
    /// The document's day, ISO (2021-03-01).
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "description") var details: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "is_active") var isActive: Bool

    init() {}

    /// "SK/Perkada · Biro Hukum · 1 Maret 2021 · sk-pelandukilat.pdf".
    func label(_ labels: Labels) -> String {
        [labels.t("evidenceType.\(type.rawValue)"), issuer, labels.date(issuedOn), fileName].filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
