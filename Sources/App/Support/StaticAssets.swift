import Crypto
import Foundation
import Vapor

/// The stylesheet and the script, read once at start and answered from memory: no request
/// looks at the file system. Pages link them with their content hash (`/app.css?v=…`), so a
/// browser keeps them for a year and fetches them again only when they change; a request
/// without the hash is answered with an ETag and revalidates (304).
final class StaticAssets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        /// The first twelve hex digits of the SHA-256 of the bytes.
        let version: String
        var etag: String { "\"\(version)\"" }
    }

    let assets: [String: Asset]

    init(directory: String) {
        var found: [String: Asset] = [:]
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names {
            guard let type = types[(name as NSString).pathExtension], let data = FileManager.default.contents(atPath: directory + name) else { continue }
            let version = String(SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined().prefix(12))
            found["/" + name] = Asset(bytes: ByteBuffer(data: data), contentType: type, version: version)
        }
        assets = found
    }

    /// The address a page links: with the content hash when the asset exists.
    func href(_ path: String) -> String {
        assets[path].map { "\(path)?v=\($0.version)" } ?? path
    }
}

/// Answers `GET` and `HEAD` for the static assets; everything else passes through untouched.
struct StaticAssetMiddleware: Middleware {
    let assets: StaticAssets

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .GET || request.method == .HEAD, let asset = assets.assets[String(request.targetPath)] else {
            return next.respond(to: request)
        }
        return request.eventLoop.makeSucceededFuture(answer(asset, request))
    }

    private func answer(_ asset: StaticAssets.Asset, _ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: asset.etag)
        let pinned = request.query[String.self, at: "v"] == asset.version
        headers.replaceOrAdd(name: .cacheControl, value: pinned ? "public, max-age=31536000, immutable" : "public, no-cache")
        if let sent = request.headers.first(name: .ifNoneMatch), sent.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == asset.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers.replaceOrAdd(name: .contentType, value: asset.contentType)
        return Response(status: .ok, headers: headers, body: .init(buffer: asset.bytes))
    }
}

extension Application {
    private struct StaticAssetsKey: StorageKey { typealias Value = StaticAssets }

    var staticAssets: StaticAssets { shared(StaticAssetsKey.self) { StaticAssets(directory: ResourceLocation.directory + "Public/") } }
}

extension Request {
    /// The path as the client sent it, up to `?`: reading `url.path` parses the whole address
    /// again with Foundation on every call, which cost as much as a middleware.
    var targetPath: Substring {
        let target = url.string
        return target[..<(target.firstIndex { $0 == "?" || $0 == "#" } ?? target.endIndex)]
    }
}
