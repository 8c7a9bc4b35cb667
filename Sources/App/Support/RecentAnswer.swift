import NIOConcurrencyHelpers

/// The last answer to a question the database is asked often, kept for `maximumAge`: a value
/// every instance reads from the same row may be a little old, never one only this instance
/// knows.
final class RecentAnswer<Value: Sendable>: Sendable {
    let maximumAge: Duration
    private let last = NIOLockedValueBox<(at: ContinuousClock.Instant, value: Value)?>(nil)

    init(maximumAge: Duration) { self.maximumAge = maximumAge }

    /// The answer while it is fresh, else nil.
    func fresh(now: ContinuousClock.Instant = .now) -> Value? {
        guard let last = last.withLockedValue({ $0 }), now - last.at < maximumAge else { return nil }
        return last.value
    }

    func remember(_ value: Value, at time: ContinuousClock.Instant) {
        last.withLockedValue { $0 = (time, value) }
    }

    func forget() { last.withLockedValue { $0 = nil } }
}
