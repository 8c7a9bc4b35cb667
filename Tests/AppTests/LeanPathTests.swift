import Foundation
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// The request path without waste: assets from memory with long caching, and form tokens
    /// that differ on every page so that compressed pages reveal nothing of them.
    @Suite struct LeanPathTests {
        @Test func assetsComeFromMemoryCachedUnderTheirHashAndRevalidateByETag() async throws {
            try await withApp { app in
                let asset = try #require(app.staticAssets.assets["/app.css"])
                let page = try await app.sendRequest(.GET, "/login").body.string
                #expect(page.contains("href=\"/app.css?v=\(asset.version)\"") && page.contains("src=\"/app.js?v="))

                let pinned = try await app.sendRequest(.GET, "/app.css?v=\(asset.version)")
                #expect(pinned.status == .ok && pinned.headers.first(name: .contentType) == "text/css; charset=utf-8")
                #expect(pinned.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
                #expect(pinned.body.readableBytes == asset.bytes.readableBytes)
                // An old hash or none: kept, but asked again each time.
                let stale = try await app.sendRequest(.GET, "/app.css?v=000000000000")
                #expect(stale.headers.first(name: .cacheControl) == "public, no-cache" && stale.headers.first(name: .eTag) == asset.etag)
                let unchanged = try await app.sendRequest(.GET, "/app.css") { $0.headers.replaceOrAdd(name: .ifNoneMatch, value: "\"x\", \(asset.etag)") }
                #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0)
                // Security headers still on, and a path that is no asset goes on to the routes.
                #expect(pinned.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(try await app.sendRequest(.GET, "/lain.css").status == .notFound)
                #expect(try await app.sendRequest(.POST, "/app.css").status != .ok)
            }
        }

        @Test func untilTheIndexIsBuiltSearchesSayTheyAreNotReadyAndEverythingElseAnswers() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.verifiedInnovation(app, name: "Pelayanan Adminduk Keliling")
                let (gate, open) = AsyncStream<Void>.makeStream()
                // The build waits until the test has looked at every answer.
                app.catalogue.buildInBackground(on: app.db, logger: app.logger) { for await _ in gate { return } }
                for path in ["/catalogue?q=adminduk", "/catalogue/agencies/\(fixture.agency.id!)"] {
                    let page = try await app.sendRequest(.GET, path)
                    #expect(page.status == .serviceUnavailable && page.headers.first(name: .retryAfter) == "5")
                    #expect(page.body.string.contains("Katalog sedang disiapkan"))
                }
                for path in ["/api/v1/innovations?q=adminduk", "/api/v1/innovations.csv", "/api/v1/agencies", "/api/v1/innovations/\(innovation.id!)/similar"] {
                    let answer = try await app.sendRequest(.GET, path)
                    #expect(answer.status == .serviceUnavailable && answer.headers.contentType == .json && answer.headers.first(name: .retryAfter) == "5", "\(path)")
                }
                let health = try await app.sendRequest(.GET, "/health")
                #expect(health.status == .ok && health.body.string.contains("\"ready\":false"))
                #expect(try await app.sendRequest(.GET, "/catalogue/\(innovation.id!)").status == .ok)
                #expect(try await app.sendRequest(.GET, "/login").status == .ok)

                open.yield()
                for _ in 0..<200 where !app.catalogue.isReady { try await Task.sleep(for: .milliseconds(20)) }
                let ready = try await app.sendRequest(.GET, "/api/v1/innovations?q=adminduk")
                #expect(ready.status == .ok && ready.body.string.contains("Pelayanan Adminduk Keliling"))
                #expect(try await app.sendRequest(.GET, "/health").body.string.contains("\"ready\":true"))
            }
        }

        @Test func formTokensAreMaskedAfreshAndEachStillWorks() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                _ = try await browser.get("/agencies/new")
                let first = try #require(browser.csrfToken)
                _ = try await browser.get("/agencies/new")
                let second = try #require(browser.csrfToken)
                #expect(first != second)
                #expect(CSRFTokens.unmasked(first) == CSRFTokens.unmasked(second))
                for (code, token) in [("A1", first), ("A2", second)] {
                    let created = try await browser.post("/agencies", Forms.agency(code: code, name: "Badan \(code)") + [("csrfToken", token)], withToken: false)
                    #expect(created.status == .seeOther, "\(code): \(created.status)")
                }
                // The token as it is (for a script sending the header) works; one changed character does not.
                let plain = CSRFTokens.unmasked(first)
                #expect(try await browser.post("/agencies", Forms.agency(code: "A3", name: "Badan A3"), withToken: false,
                                               headers: [CSRFTokens.headerName: plain]).status == .seeOther)
                var tampered = Array(first)
                tampered[10] = tampered[10] == "A" ? "B" : "A"
                #expect(try await browser.post("/agencies", Forms.agency(code: "A4", name: "Badan A4") + [("csrfToken", String(tampered))],
                                               withToken: false).status == .forbidden)
            }
        }
    }
}
