import Fluent
import Foundation
import LumbungCore
import SQLKit
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// What an attacker or a careless caller tries: huge bodies, forged addresses, hostile
    /// redirects, numbers typed to peek at other agencies, unknown methods.
    @Suite struct HardeningTests {
        @Test func noBodyIsReadBeforeTheRouteAndTheRoleAreKnown() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                // An anonymous login with a declared 60 MB body: refused at once, from its header.
                let declared = try await Self.send(app, .POST, "/login", headers: [
                    "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(60 * 1024 * 1024)])
                #expect(declared.status == .payloadTooLarge)
                #expect(declared.body.string?.contains("Kiriman terlalu besar (60 MB): batasnya 1 MB") == true)
                // A body really over the small limit.
                let big = try await app.sendRequest(.POST, "/login", body: ByteBuffer(string: "email=" + String(repeating: "a", count: 1_100_000))) { req in
                    req.headers.contentType = .urlEncodedForm
                }
                #expect(big.status == .payloadTooLarge)
                // The API answers in JSON.
                let api = try await app.sendRequest(.GET, "/api/v1/innovations", body: ByteBuffer(string: String(repeating: "x", count: 1_100_000)))
                #expect(api.status == .payloadTooLarge)
                #expect(api.body.string.hasPrefix("{\"error\""))

                // The import's large limit is for admins only: others are turned away before any byte is read.
                var operatorBrowser = Browser(app)
                try await operatorBrowser.login(fixture.operator_.email)
                let upload = Array(repeating: UInt8(ascii: "a"), count: 3 * 1024 * 1024)
                #expect(try await operatorBrowser.upload("/import", file: ("besar.csv", upload, "text/csv")).status == .forbidden)
                var anonymous = Browser(app)
                #expect(try await anonymous.upload("/import", file: ("besar.csv", upload, "text/csv")).location.hasPrefix("/login"))
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                let tooLarge = try await Self.send(app, .POST, "/import", headers: [
                    "Content-Type": "multipart/form-data; boundary=b", "Content-Length": String(app.lumbung.importLimitBytes + 1),
                    "Cookie": admin.cookie!])
                #expect(tooLarge.status == .payloadTooLarge)
                #expect(tooLarge.body.string?.contains("batasnya 64 MB") == true)
                // Within the limit, the admin's upload is read and checked (an empty template: zero rows).
                let fine = try await admin.upload("/import", file: ("templat.csv", Array(ExportService.templateCSV().utf8), "text/csv"),
                                                 fields: [("dryRun", "on")])
                #expect(fine.status == .ok || fine.status == .unprocessableEntity)
            }
        }

        /// A request exactly as given, with headers the in-memory tester would correct (a declared
        /// length larger than the body: what a client that is still sending looks like).
        static func send(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders) async throws -> Response {
            let request = Request(application: app, method: method, url: URI(string: path), headers: headers,
                                  remoteAddress: nil, logger: app.logger, on: app.eventLoopGroup.next())
            return try await app.responder.respond(to: request).get()
        }

        @Test func theTokenIsCheckedOnlyAfterTheAccessRule() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                // No login, no token: the login page, not a CSRF error.
                let response = try await app.sendRequest(.POST, "/agencies", body: ByteBuffer(string: "code=X")) { req in
                    req.headers.contentType = .urlEncodedForm
                }
                #expect(response.status == .seeOther)
                #expect(response.location.hasPrefix("/login"))
            }
        }

        @Test func theThrottleCountsBySocketAddressNotByWhatTheClientWrites() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.get("/login")
                // Five failures for five different accounts, each claiming another address.
                for attempt in 1...5 {
                    let failed = try await browser.post("/login", [("email", "tidak-ada-\(attempt)@test.example"), ("password", "salah")],
                                                        headers: ["X-Forwarded-For": "198.51.100.\(attempt)"])
                    #expect(failed.status == .unauthorized)
                }
                // The address is locked now, whatever the header says.
                let locked = try await browser.post("/login", [("email", "admin@test.example"), ("password", Fixture.password)],
                                                    headers: ["X-Forwarded-For": "203.0.113.77"])
                #expect(locked.status == .tooManyRequests)
            }
        }

        @Test func simultaneousFailuresAllCountAndNoneFails() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.get("/login")
                let cookie = browser.cookie!, token = browser.csrfToken!
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            try await app.sendRequest(.POST, "/login", body: ByteBuffer(string:
                                "email=admin%40test.example&password=salah-sekali&csrfToken=\(token)")) { req in
                                req.headers.contentType = .urlEncodedForm
                                req.headers.replaceOrAdd(name: .cookie, value: cookie)
                            }.status
                        }
                    }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests }, "\(statuses)")
                let counted = try #require(try await LoginThrottleRecord.query(on: app.db).filter(\.$key == "email:admin@test.example").first())
                #expect(counted.failures == statuses.filter { $0 == .unauthorized }.count)
                #expect(counted.lockedUntil != nil)
            }
        }

        @Test func unknownAccountsCostTheSameHashingWorkAsKnownOnes() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let dummy = try await app.dummyPasswordHash()
                // Same algorithm and cost as the accounts' own hashes: "$2b$04$" in tests, "$2b$12$" in production.
                #expect(dummy.prefix(7) == fixture.admin.passwordHash.prefix(7))
            }
        }

        @Test func languageSwitchAndLoginRedirectOnlyWithinTheSite() async throws {
            try await withApp { app in
                for next in ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example", "%2F%2Fevil.example"] {
                    let response = try await app.sendRequest(.GET, "/bahasa/en?next=" + next)
                    #expect(response.location == "/", "\(next) went to \(response.location)")
                }
                #expect(try await app.sendRequest(.GET, "/bahasa/en?next=/catalogue%3Fq%3Dlayanan").location == "/catalogue?q=layanan")
            }
        }

        @Test func aTypedNumberShowsOnlyWhatTheOperatorMaySee() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let foreignDraft = try await fixture.innovation(app, name: "Rahasia Dinkes Belum Terbit", agency: fixture.otherAgency)
                let foreignPublished = try await fixture.innovation(app, name: "Puskesmas Terapung", agency: fixture.otherAgency)
                foreignPublished.reviewState = ReviewState(status: .verified, isPublic: true)
                try await InnovationStore(db: app.db, search: app.catalogue).save(foreignPublished, action: "edited", by: fixture.admin)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)

                var form = Forms.innovation(name: "Replikasi Diam-diam")
                form.append(("replicatedFromID", String(foreignDraft.id!)))
                let refused = try await browser.post("/innovations", form)
                #expect(refused.status == .badRequest)
                #expect(!refused.body.string.contains("Rahasia Dinkes"))
                #expect(refused.body.string.contains("pilihan &quot;\(foreignDraft.id!)&quot; tidak dikenal"))

                var replication = Forms.innovation(name: "Puskesmas Terapung Krayan")
                replication.append(("replicatedFromID", String(foreignPublished.id!)))
                let accepted = try await browser.post("/innovations", replication)
                #expect(accepted.status == .seeOther)
                #expect(try await browser.get(accepted.location).body.string.contains("Puskesmas Terapung"))
            }
        }

        @Test func anOperatorWithoutAnAgencySeesNothingOfTheRegistry() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                try await fixture.innovation(app, name: "Inovasi Disdukcapil")
                try await fixture.innovation(app, name: "Inovasi Dinkes", agency: fixture.otherAgency)
                let orphan = User(email: "yatim@test.example", name: "Operator Tanpa OPD",
                                  passwordHash: try await app.password.async.hash(Fixture.password), role: .operator, agencyID: nil)
                try await orphan.create(on: app.db)
                var browser = Browser(app)
                try await browser.login(orphan.email)
                let list = try await browser.get("/innovations")
                #expect(list.status == .forbidden)
                #expect(!list.body.string.contains("Inovasi Disdukcapil") && !list.body.string.contains("Inovasi Dinkes"))
                // Every page of the registry behind the dashboard is closed to it, typed numbers too.
                let round = try await fixture.openRound(app)
                for path in ["/agencies", "/agencies/\(fixture.agency.id!)", "/inventory", "/inventory/\(round.id!)",
                             "/inventory/\(round.id!)/agencies/\(fixture.agency.id!)", "/innovations/new"] {
                    #expect(try await browser.get(path).status == .forbidden, "\(path)")
                }
                let dashboard = try await browser.get("/").body.string
                #expect(dashboard.contains("id=\"no-agency\""))
                #expect(dashboard.contains("id=\"total-innovations\">0<"))
            }
        }

        @Test func errorPagesCarryTheSecurityHeaders() async throws {
            try await withApp(settings: { $0.secureCookies = true }) { app in
                for (method, path) in [(HTTPMethod.GET, "/tidak-ada"), (.POST, "/api/v1/innovations"), (.GET, "/innovations/999"), (.GET, "/health")] {
                    let response = try await app.sendRequest(method, path)
                    #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                    #expect(response.headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
                    #expect(response.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true, "\(path)")
                }
            }
            try await withApp { app in
                let plain = try await app.sendRequest(.GET, "/health")
                #expect(plain.headers.first(name: "Strict-Transport-Security") == nil)
            }
        }

        @Test func undeclaredMethodsAre405NotACSRFError() async throws {
            try await withApp { app in
                let api = try await app.sendRequest(.POST, "/api/v1/innovations")
                #expect(api.status == .methodNotAllowed)
                #expect(api.headers.first(name: .allow) == "GET, HEAD")
                #expect(api.body.string.hasPrefix("{\"error\""))
                let page = try await app.sendRequest(.DELETE, "/catalogue")
                #expect(page.status == .methodNotAllowed)
                #expect(page.body.string.contains("tidak menerima permintaan"))
                #expect(try await app.sendRequest(.GET, "/tidak-ada").status == .notFound)
            }
        }

        /// JSON Schema counts a string's length in code points: 70 letters each with two combining
        /// marks are 70 characters to Swift but 210 to the schema's maxLength of 200.
        @Test func filterLengthsAreCountedAsTheSchemaCountsThem() async throws {
            try await withApp { app in
                let zalgo = String(repeating: "a\u{0301}\u{0316}", count: 70)
                #expect(zalgo.count == 70 && zalgo.unicodeScalars.count == 210)
                for path in ["/api/v1/innovations?agency=", "/api/v1/innovations.csv?theme="] {
                    let response = try await app.sendRequest(.GET, path + Browser.encode(zalgo))
                    #expect(response.status == .badRequest, "\(path)")
                }
                let fine = String(repeating: "a\u{0301}", count: 100)
                #expect(try await app.sendRequest(.GET, "/api/v1/innovations?theme=" + Browser.encode(fine)).status == .ok)
            }
        }

        @Test func anOverlongAddressIs414() async throws {
            try await withApp { app in
                let response = try await app.sendRequest(.GET, "/api/v1/innovations?q=" + String(repeating: "a", count: 40_000))
                #expect(response.status == .uriTooLong)
            }
        }

        @Test func metricsAreClosedUnlessATokenIsSetAndSent() async throws {
            try await withApp { app in
                let closed = try await app.sendRequest(.GET, "/metrics")
                #expect(closed.status == .notFound)
            }
            try await withApp(settings: { $0.metricsToken = "rahasia-metrik" }) { app in
                #expect(try await app.sendRequest(.GET, "/metrics").status == .unauthorized)
                #expect(try await app.sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer salah"]).status == .unauthorized)
                _ = try await app.sendRequest(.GET, "/catalogue")
                let metrics = try await app.sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer rahasia-metrik"])
                #expect(metrics.status == .ok)
                let text = metrics.body.string
                #expect(text.contains("lumbung_http_requests_total{route=\"/catalogue\",method=\"GET\",status=\"200\"} 1"))
                #expect(text.contains("lumbung_http_request_duration_seconds_bucket{route=\"/catalogue\""))
                #expect(text.contains("lumbung_search_index_documents 0"))
                #expect(text.contains("lumbung_http_requests_in_flight"))
            }
        }

        @Test func importsAndExportsLeaveOneAuditEventEach() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                var profile = InnovationProfile()
                profile.name = "Layanan Impor"
                let row = ImportTemplate.row(code: "KT-1", agencyCode: "DISDUKCAPIL", profile: profile, status: .draft, isPublic: false)
                let csv = ImportTemplate.headers.joined(separator: ",") + "\n" + row.map { "\"\($0)\"" }.joined(separator: ",") + "\n"
                let bytes = Array(csv.utf8)
                let digest = SHA256.hash(data: bytes).hex
                _ = try await admin.upload("/import", file: ("inventaris.csv", bytes, "text/csv"), fields: [("dryRun", "on")])
                _ = try await admin.upload("/import", file: ("inventaris.csv", bytes, "text/csv"))
                _ = try await admin.upload("/import", file: ("rusak.csv", Array("kode\n1".utf8), "text/csv"))
                _ = try await ImportService(db: app.db, search: nil).run(bytes, fileName: "dari-konsol.csv", dryRun: false, actor: .console)
                _ = try await admin.get("/export/registry.csv")

                let events = try await AuditEvent.query(on: app.db).filter(\.$entity == "registry").sort(\.$id).all()
                #expect(events.map(\.action) == ["registry.import.dry-run", "registry.import", "registry.import.rejected",
                                                 "registry.import", "registry.export"])
                #expect(events[0].summary.contains("inventaris.csv (\(bytes.count) bytes, SHA-256 \(digest))"))
                #expect(events[0].summary.contains("1 created") && events[0].summary.hasSuffix("(dry run)"))
                #expect(events[1].actorEmail == fixture.admin.email && events[1].summary.contains("1 rows: 1 created"))
                #expect(events[2].summary.contains("nothing saved"))
                #expect(events[3].actorEmail == "console" && events[3].summary.contains("1 unchanged"))
                #expect(events[4].summary.contains("lumbung-registri.csv") && events[4].summary.contains("SHA-256"))
            }
        }
    }
}
