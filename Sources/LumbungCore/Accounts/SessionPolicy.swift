import Foundation

/// When a signed-in session ends: after `idleTimeout` without a request, and in any case
/// `lifetime` after it began. Expired sessions are refused at once and removed on a schedule.
public struct SessionPolicy: Sendable, Equatable {
    public let idleTimeout: TimeInterval
    public let lifetime: TimeInterval

    public init(idleTimeout: TimeInterval, lifetime: TimeInterval) {
        self.idleTimeout = idleTimeout
        self.lifetime = lifetime
    }

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idleTimeout || now.timeIntervalSince(createdAt) >= lifetime
    }

    /// Whether to write the session's last use again: not on every request (that would be a
    /// database write per page), but often enough that the idle timeout is kept to the minute.
    public func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= min(60, idleTimeout / 10)
    }

    /// Sessions last seen before this, or begun before `createdBefore`, have expired.
    public func expiryCutoffs(now: Date) -> (lastSeenBefore: Date, createdBefore: Date) {
        (now.addingTimeInterval(-idleTimeout), now.addingTimeInterval(-lifetime))
    }

    /// When the browser may forget the cookie: the end of the session's lifetime.
    public func cookieExpiry(createdAt: Date) -> Date {
        createdAt.addingTimeInterval(lifetime)
    }
}
