import Fluent
import LumbungCore
import Foundation

/// An OPD or a unit (UPTD, puskesmas, school) of the regional government.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "kind") var kind: AgencyKind
    @OptionalField(key: "parent_id") var parentID: Int?
    @Field(key: "is_active") var isActive: Bool

    init() {}

    init(code: String, name: String, shortName: String, kind: AgencyKind, parentID: Int?, isActive: Bool = true) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentID = parentID
        self.isActive = isActive
    }

    /// The short name where there is one, for tables on a phone.
    var displayName: String { shortName.isEmpty ? name : shortName }
}
