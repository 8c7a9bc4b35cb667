import Fluent
import Foundation

/// A signed-in browser. The cookie holds a random token; the database keeps only its SHA-256,
/// so a copy of the database (a backup, say) cannot be used to sign in as anyone. Anonymous
/// visitors have no row and no cookie.
final class LoginSession: Model, @unchecked Sendable {
    static let schema = "login_sessions"

    // managed fields
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    /// Messages waiting for the next page (JSON), such as "Perubahan disimpan".
    @OptionalField(key: "flash") var flash: String?

    init() {}

    init(tokenHash: String, userID: Int, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = now
        self.lastSeenAt = now
    }
}
