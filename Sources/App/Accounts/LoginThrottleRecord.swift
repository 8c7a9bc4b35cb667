import Fluent
import Foundation
import LumbungCore

/// Failed logins per key (`email:…` or `address:…`), in the database so that every
/// instance counts the same failures.
final class LoginThrottleRecord: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "first_failure_at") var firstFailureAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    var record: LoginThrottle.Record {
        get { .init(failures: failures, firstFailureAt: firstFailureAt, lockedUntil: lockedUntil) }
        set { failures = newValue.failures; firstFailureAt = newValue.firstFailureAt; lockedUntil = newValue.lockedUntil }
    }
}
