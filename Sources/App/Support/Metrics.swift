import Fluent
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// What operators watch, as Prometheus text at `/metrics`: requests by route and status,
/// latency histograms per route, requests in flight, how long a database connection takes to
/// get (a probe every 15 seconds), the search index's documents and bytes, and how long ago
/// this instance last caught up with the others.
final class LumbungMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let lastCatchUp = NIOLockedValueBox<Date?>(nil)

    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    private nonisolated(unsafe) static let requests = MetricNameDescriptor(
        namespace: "lumbung", metricName: "http_requests", unitName: "total", helpText: "Requests answered, by route pattern, method and status")
    private nonisolated(unsafe) static let latency = MetricNameDescriptor(
        namespace: "lumbung", metricName: "http_request_duration", unitName: "seconds", helpText: "Time to answer, by route pattern")

    /// The counter and histogram of each route, method and status, made on first use: a
    /// request looks them up instead of asking the registry (which builds their names anew).
    private struct HandleKey: Hashable {
        let route: String
        let method: String
        let status: UInt
    }

    private let handles = NIOLockedValueBox<[HandleKey: (Counter, DurationHistogram)]>([:])

    func recordRequest(route: String, method: String, status: UInt, duration: Duration) {
        let key = HandleKey(route: route, method: method, status: status)
        let (counter, histogram) = handles.withLockedValue { handles in
            if let found = handles[key] { return found }
            let made = (registry.makeCounter(descriptor: Self.requests, labels: [("route", route), ("method", method), ("status", String(status))]),
                        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("route", route)], buckets: Self.latencyBuckets))
            handles[key] = made
            return made
        }
        counter.increment()
        histogram.record(duration)
    }

    func recordCatchUp(at date: Date) {
        lastCatchUp.withLockedValue { $0 = date }
    }

    /// Reads the values that are sampled rather than counted, then writes everything out.
    func exposition(for app: Application, now: Date) -> [UInt8] {
        func gauge(_ name: String, _ help: String, _ value: Double) {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "lumbung", metricName: name, unitName: "", helpText: help))
                .set(value)
        }
        gauge("search_index_documents", "Published innovations in this instance's search index", Double(app.catalogue.snapshot.count))
        gauge("search_index_bytes", "Approximate memory of this instance's search index", Double(app.catalogue.memoryBytes))
        if let last = lastCatchUp.withLockedValue({ $0 }) {
            gauge("search_catch_up_age_seconds", "Seconds since this instance last caught up with changes made by others", now.timeIntervalSince(last))
        }
        gauge("http_requests_in_flight", "Requests being answered now", Double(app.shutdownGate.inFlight))
        gauge("db_pool_connections_per_event_loop", "Database connections each event loop may hold", Double(app.databasePoolSize))
        gauge("db_pool_event_loops", "Event loops, each with its own database connections", Double(System.coreCount))
        return registry.emitToBuffer()
    }

    func recordPoolProbe(seconds: Double) {
        registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "lumbung", metricName: "db_pool_acquire", unitName: "seconds",
            helpText: "Time the last probe waited for a database connection and a trivial query")).set(seconds)
    }
}

/// Counts every answer by its route pattern (never the raw path, so that random addresses
/// cannot grow the metrics without end).
struct RequestMetricsMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let started = ContinuousClock.now
        return next.respond(to: request).map { response in
            let route = request.route?.pattern ?? "unrouted"
            request.application.metrics.recordRequest(route: route, method: request.method.rawValue, status: response.status.code,
                                                      duration: ContinuousClock.now - started)
            return response
        }
    }
}

extension Route {
    private static let patternKey = "lumbung.pattern"

    /// `/innovations/:innovationID`, kept with the route at registration (`Routes.rememberPatterns`).
    var pattern: String {
        if let kept = userInfo[Self.patternKey] as? String { return kept }
        return "/" + path.map(\.description).joined(separator: "/")
    }

    func rememberPattern() {
        userInfo[Self.patternKey] = "/" + path.map(\.description).joined(separator: "/")
    }
}

/// `GET /metrics`: closed (404) unless `LUMBUNG_METRICS_TOKEN` is set, and then only for
/// requests that send it as `Authorization: Bearer …`.
struct MetricsController {
    @Sendable func metrics(req: Request) async throws -> Response {
        guard let token = req.application.lumbung.metricsToken else { throw Abort(.notFound) }
        guard let sent = req.headers.bearerAuthorization?.token, CSRFTokens.constantTimeEquals(sent, token) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"])
        }
        let body = req.application.metrics.exposition(for: req.application, now: req.now)
        let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: body)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = LumbungMetrics }

    var metrics: LumbungMetrics { shared(MetricsKey.self) { LumbungMetrics() } }

    /// Fluent's drivers keep one SQLite connection per event loop; PostgreSQL's default is one too.
    var databasePoolSize: Int { 1 }
}
