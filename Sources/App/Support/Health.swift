import Fluent
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
        let sql = req.db as! any SQLDatabase
        let healthy = (try? await sql.raw("SELECT 1 AS one").first()) != nil
        let catalogue = req.application.catalogue
        let body = Health(status: healthy ? "ok" : "database unavailable",
                          database: req.application.lumbung.databaseLocation.kind,
                          search: SearchHealth(ready: catalogue.isReady, documents: catalogue.snapshot.count, memory_bytes: catalogue.memoryBytes))
        let response = try await body.encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
