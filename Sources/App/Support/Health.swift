import Fluent
import SQLKit
import Vapor

/// `GET /health`: whether the process and its database answer, for load balancers and people.
/// It works on the event loop's futures: an `async` handler starts a task and hops to another
/// thread and back for every request, which cost more than the whole answer.
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

    @Sendable func health(req: Request) -> EventLoopFuture<Response> {
        req.application.databaseProbe.answers(on: req).map { healthy in
            let catalogue = req.application.catalogue
            let search = SearchHealth(ready: catalogue.isReady, documents: catalogue.snapshot.count, memory_bytes: catalogue.memoryBytes)
            let body = Health(status: healthy ? "ok" : "database unavailable",
                              database: req.application.lumbung.databaseLocation.kind, search: search)
            let response = Response(status: healthy ? .ok : .serviceUnavailable, body: .init(string: body.json))
            response.headers.contentType = .json
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }
}

/// Whether the database answers, asked at most once a second however often `/health` is
/// called: a load balancer polling every instance costs one trivial query a second each, and a
/// database that stops answering shows within a second.
final class DatabaseProbe: Sendable {
    private let last = RecentAnswer<Bool>(maximumAge: .seconds(1))

    /// The last answer while it is fresh; otherwise one `SELECT 1` on the request's database.
    func answers(on req: Request) -> EventLoopFuture<Bool> {
        let now = ContinuousClock.now
        if let healthy = last.fresh(now: now) { return req.eventLoop.makeSucceededFuture(healthy) }
        return (req.db as! any SQLDatabase).raw("SELECT 1 AS one").first()
            .map { $0 != nil }
            .recover { _ in false }
            .map { healthy in
                self.last.remember(healthy, at: now)
                return healthy
            }
    }
}

extension Application {
    private struct DatabaseProbeKey: StorageKey { typealias Value = DatabaseProbe }

    var databaseProbe: DatabaseProbe { shared(DatabaseProbeKey.self) { DatabaseProbe() } }
}

extension HealthController.Health {
    /// The same JSON a `JSONEncoder` writes, written directly: a tenth of `/health`'s time went
    /// to the encoder. Every string in it is one of Lumbung's own words, never input.
    var json: String {
        "{\"status\":\"\(status)\",\"database\":\"\(database)\",\"search\":{\"ready\":\(search.ready),"
            + "\"documents\":\(search.documents),\"memory_bytes\":\(search.memory_bytes)}}"
    }
}
