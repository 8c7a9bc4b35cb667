import Fluent
import LumbungCore
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// Work `serve` repeats while it runs: the catalogue's catch-up with other instances, and the
/// removal of expired sessions and old login counts. At shutdown every job is cancelled and
/// any run in progress is awaited before the database closes.
final class RepeatingJobs: LifecycleHandler, Sendable {
    static let catchUpInterval: TimeAmount = .seconds(3)
    static let sweepInterval: TimeAmount = .minutes(10)
    private let tasks = NIOLockedValueBox<[RepeatedTask]>([])

    func startServing(_ app: Application) {
        let search = app.catalogue
        let db = app.db
        let clock = app.clock
        let policy = SessionPolicy(idleTimeout: app.lumbung.sessionIdleTimeout, lifetime: app.lumbung.sessionLifetime)
        every(Self.catchUpInterval, on: app) {
            guard search.isReady else { return }
            try await search.catchUp(on: db)
            app.metrics.recordCatchUp(at: clock.now())
        }
        every(Self.sweepInterval, on: app) {
            let removed = try await db.removeExpiredSessions(policy: policy, now: clock.now())
            try await LoginThrottleStore(db: db, throttle: LoginThrottle()).removeStale(now: clock.now())
            if removed > 0 { app.logger.debug("Removed \(removed) expired sessions") }
        }
        every(.seconds(15), on: app) {
            let started = ContinuousClock.now
            _ = try await (db as! any SQLDatabase).raw("SELECT 1 AS one").first()
            let elapsed = ContinuousClock.now - started
            app.metrics.recordPoolProbe(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }

    func every(_ interval: TimeAmount, on app: Application, _ job: @escaping @Sendable () async throws -> Void) {
        let loop = app.eventLoopGroup.next()
        let logger = app.logger
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            loop.makeFutureWithTask {
                do { try await job() } catch { logger.report(error: error) }
            }
        }
        tasks.withLockedValue { $0.append(task) }
    }

    func shutdownAsync(_ application: Application) async {
        let running = tasks.withLockedValue { current -> [RepeatedTask] in
            defer { current = [] }
            return current
        }
        for task in running {
            let promise = application.eventLoopGroup.next().makePromise(of: Void.self)
            task.cancel(promise: promise)
            try? await promise.futureResult.get()
        }
    }
}
