import NIOConcurrencyHelpers
@preconcurrency import RoutingKit
import Vapor

/// Answers what no route will: a path that exists for other methods (405 with `Allow`, before
/// anything else looks at the request, so a POST to a read-only API path is not taken for a
/// form without its token), an address longer than any route takes (414), and any request
/// that arrives while the server is stopping (503, so that nothing reaches a closing database).
struct UnroutedRequestMiddleware: Middleware {
    static let maximumURILength = 32_768

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let gate = request.application.shutdownGate
        guard gate.enter() else {
            return request.eventLoop.makeFailedFuture(
                Abort(.serviceUnavailable, headers: ["Retry-After": "5"], reason: request.t("error.page.stopping")))
        }
        let answer: EventLoopFuture<Response>
        if request.url.string.utf8.count > Self.maximumURILength {
            answer = request.eventLoop.makeFailedFuture(Abort(.uriTooLong))
        } else if request.route == nil, let allowed = request.application.routeMethods.methods(for: request.url.path), !allowed.isEmpty {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            answer = request.eventLoop.makeFailedFuture(Abort(.methodNotAllowed, headers: headers))
        } else {
            answer = next.respond(to: request)
        }
        return answer.always { _ in gate.leave() }
    }
}

/// Which methods each registered path answers, for 405 answers.
final class RouteMethods: @unchecked Sendable {
    /// Built once, before the first request, and only read after that.
    private let router: NIOLockedValueBox<TrieRouter<[String]>?> = .init(nil)
    /// The root path, which a trie cannot hold.
    private let root = NIOLockedValueBox<[String]>([])

    func build(from routes: Routes) {
        var grouped: [[PathComponent]: Set<String>] = [:]
        for route in routes.all { grouped[route.path, default: []].insert(route.method.rawValue) }
        let trie = TrieRouter<[String]>(options: [])
        for (path, methods) in grouped {
            var all = methods
            if all.contains("GET") { all.insert("HEAD") }
            if path.isEmpty { root.withLockedValue { $0 = all.sorted() } } else { trie.register(all.sorted(), at: path) }
        }
        router.withLockedValue { $0 = trie }
    }

    func methods(for path: String) -> [String]? {
        guard let trie = router.withLockedValue({ $0 }) else { return nil }
        var parameters = Parameters()
        let components = path.split(separator: "/").map(String.init)
        if components.isEmpty { return root.withLockedValue { $0 } }
        return trie.route(path: components, parameters: &parameters)
    }
}

/// Counts requests in progress and refuses new ones once the server is stopping, so that
/// shutdown waits for the last one before the database closes.
final class ShutdownGate: Sendable {
    private struct State {
        var stopping = false
        var inFlight = 0
    }
    private let state = NIOLockedValueBox(State())

    func enter() -> Bool {
        state.withLockedValue { state in
            guard !state.stopping else { return false }
            state.inFlight += 1
            return true
        }
    }

    func leave() {
        state.withLockedValue { $0.inFlight -= 1 }
    }

    var inFlight: Int { state.withLockedValue { $0.inFlight } }

    /// Refuses new requests from now on and waits (up to `timeout`) for those in progress.
    func close(timeout: TimeInterval) async {
        state.withLockedValue { $0.stopping = true }
        let deadline = Date().addingTimeInterval(timeout)
        while state.withLockedValue({ $0.inFlight }) > 0 && Date() < deadline {
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
    }
}

extension Application {
    private struct RouteMethodsKey: StorageKey { typealias Value = RouteMethods }
    private struct ShutdownGateKey: StorageKey { typealias Value = ShutdownGate }

    var routeMethods: RouteMethods { shared(RouteMethodsKey.self) { RouteMethods() } }

    var shutdownGate: ShutdownGate { shared(ShutdownGateKey.self) { ShutdownGate() } }
}
