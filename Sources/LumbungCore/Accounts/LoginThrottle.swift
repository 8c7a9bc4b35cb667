import Foundation

/// Slows down password guessing: after `maxFailures` failed logins within `window`, the
/// account (or address) is locked for `lockout`. The state lives in the database so that every
/// instance behind a load balancer sees the same count.
public struct LoginThrottle: Sendable {
    public struct Record: Equatable, Sendable {
        public var failures: Int
        public var firstFailureAt: Date
        public var lockedUntil: Date?

        public init(failures: Int, firstFailureAt: Date, lockedUntil: Date?) {
            self.failures = failures
            self.firstFailureAt = firstFailureAt
            self.lockedUntil = lockedUntil
        }
    }

    public let maxFailures: Int
    public let window: TimeInterval
    public let lockout: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60, lockout: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
    }

    /// When the key may try again, or nil when it may try now.
    public func lockedUntil(_ record: Record?, now: Date) -> Date? {
        guard let until = record?.lockedUntil, until > now else { return nil }
        return until
    }

    /// The record after one more failure at `now`. A failure after the window, or after a
    /// lockout has run out, starts a new count.
    public func recordingFailure(_ record: Record?, now: Date) -> Record {
        var next = Record(failures: 0, firstFailureAt: now, lockedUntil: nil)
        if let record, now.timeIntervalSince(record.firstFailureAt) <= window,
           !(record.lockedUntil.map { $0 <= now } ?? false) {
            next = record
        }
        next.failures += 1
        if next.failures >= maxFailures {
            next.lockedUntil = now.addingTimeInterval(lockout)
        }
        return next
    }
}
