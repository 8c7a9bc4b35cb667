import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// `GET /health`: whether the process and its database answer, for load balancers and people.
struct HealthController {
    struct Health: Content {
        let status: String
        let database: String
        let search: SearchHealth
    }

    /// The catalogue index of this instance: how many published innovations it holds and
    /// roughly how much memory it takes.
    struct SearchHealth: Content {
        let ready: Bool
        let documents: Int
        let memory_bytes: Int
    }

    @Sendable func health(req: Request) async throws -> Response {
        let healthy = await req.application.databaseProbe.answers(req.db)
        let catalogue = req.application.catalogue
        let body = Health(status: healthy ? "ok" : "database unavailable",
                          database: req.application.lumbung.databaseLocation.kind,
                          search: SearchHealth(ready: catalogue.isReady, documents: catalogue.snapshot.count, memory_bytes: catalogue.memoryBytes))
        let response = try await body.encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Whether the database answers, asked at most once a second however often `/health` is
/// called: a load balancer polling every instance costs one trivial query a second each, and a
/// database that stops answering shows within a second.
final class DatabaseProbe: Sendable {
    static let maximumAge: Duration = .seconds(1)
    private let last = NIOLockedValueBox<(at: ContinuousClock.Instant, healthy: Bool)?>(nil)

    func answers(_ db: any Database) async -> Bool {
        let now = ContinuousClock.now
        if let last = last.withLockedValue({ $0 }), now - last.at < Self.maximumAge { return last.healthy }
        let healthy = (try? await (db as! any SQLDatabase).raw("SELECT 1 AS one").first()) != nil
        last.withLockedValue { $0 = (now, healthy) }
        return healthy
    }
}

extension Application {
    private struct DatabaseProbeKey: StorageKey { typealias Value = DatabaseProbe }

    var databaseProbe: DatabaseProbe { shared(DatabaseProbeKey.self) { DatabaseProbe() } }
}
