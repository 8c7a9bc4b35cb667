import Fluent
import Vapor
import LumbungCore

/// An account: a Biro admin, an agency operator, an evaluator or a read-only viewer.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    /// The agency an operator works for; nil for other roles.
    @OptionalParent(key: "agency_id") var agency: Agency?
    @Field(key: "is_active") var isActive: Bool

    init() {}

    init(email: String, name: String, passwordHash: String, role: Role, agencyID: Int?) {
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.$agency.id = agencyID
        self.isActive = true
    }
}

extension User: ModelSessionAuthenticatable {}

extension User {
    /// Whether this user acts for the given agency as its operator.
    func operates(agencyID: Int?) -> Bool {
        role == .operator && agencyID != nil && $agency.id == agencyID
    }
}
