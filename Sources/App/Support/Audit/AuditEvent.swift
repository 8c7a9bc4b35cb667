import Fluent
import Vapor

/// One write, as it happened: who, when, what. Append-only; nothing updates or deletes these.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "occurred_at", on: .create) var occurredAt: Date?
    @OptionalField(key: "actor_id") var actorID: Int?
    /// Kept as text so that the record still says who it was if the account changes; "console"
    /// for the command line.
    @Field(key: "actor_email") var actorEmail: String
    /// e.g. `innovation.create`, `innovation.submit`, `user.reset-password`.
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: Int?
    @Field(key: "summary") var summary: String

    init() {}

    init(actor: User?, action: String, entity: String, entityID: Int?, summary: String) {
        self.actorID = actor?.id
        self.actorEmail = actor?.email ?? "console"
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.summary = String(summary.prefix(1000))
    }
}

extension Database {
    /// Records a write. Call it inside the same transaction as the write itself.
    func audit(_ actor: User?, _ action: String, _ entity: String, _ entityID: Int?, _ summary: String) async throws {
        try await AuditEvent(actor: actor, action: action, entity: entity, entityID: entityID, summary: summary).create(on: self)
    }
}
