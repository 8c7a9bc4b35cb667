import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// Sessions exist only for signed-in people, expire on the server, change at login and end
    /// per account when its password, role or agency changes.
    @Suite struct SessionTests {
        @Test func anonymousVisitorsGetNoSessionAndNoCookie() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                try await fixture.innovation(app, status: .verified)
                for path in ["/catalogue", "/catalogue?q=pelayanan", "/catalogue/agencies/\(fixture.agency.id!)", "/api/v1/innovations",
                             "/api/v1/agencies", "/health", "/app.css", "/"] {
                    let response = try await app.sendRequest(.GET, path)
                    #expect((200..<400).contains(response.status.code), "\(path): \(response.status)")
                    #expect(response.headers[.setCookie].isEmpty, "\(path) set \(response.headers[.setCookie])")
                }
                for _ in 0..<20 { _ = try await app.sendRequest(.GET, "/catalogue") }
                #expect(try await LoginSession.query(on: app.db).count() == 0)
            }
        }

        @Test func theLoginFormGetsItsTokenWithoutASessionRow() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                for _ in 0..<10 { try await browser.get("/login") }
                #expect(try await LoginSession.query(on: app.db).count() == 0)
                #expect(browser.cookies["lumbung_csrf"] != nil)
                #expect(browser.sessionCookie == nil)
                // Another browser's token does not work with this browser's cookie.
                var other = Browser(app)
                try await other.get("/login")
                let stolen = try await app.sendRequest(.POST, "/login", body: ByteBuffer(string:
                    "email=\(fixture.admin.email)&password=\(Fixture.password)&csrfToken=\(other.csrfToken!)")) { req in
                    req.headers.contentType = .urlEncodedForm
                    req.headers.replaceOrAdd(name: .cookie, value: browser.cookie!)
                }
                #expect(stolen.status == .forbidden)
                try await browser.login(fixture.admin.email)
                #expect(try await LoginSession.query(on: app.db).count() == 1)
            }
        }

        @Test func theSessionIdChangesAtEveryLogin() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.viewer.email)
                let first = try #require(browser.sessionCookie)
                try await browser.logout()
                try await browser.login(fixture.viewer.email)
                let second = try #require(browser.sessionCookie)
                #expect(first != second)
                let old = try await app.sendRequest(.GET, "/audit") { req in
                    req.headers.replaceOrAdd(name: .cookie, value: "lumbung_session=\(first)")
                }
                #expect(old.location.hasPrefix("/login"))

                // A session id planted in the browser before login is never adopted.
                let planted = "ditanam-oleh-penyerang-0123456789abcdef"
                let plantedResponse = try await app.sendRequest(.GET, "/login") { req in
                    req.headers.replaceOrAdd(name: .cookie, value: "lumbung_session=\(planted)")
                }
                #expect(plantedResponse.headers[.setCookie].contains { $0.hasPrefix("lumbung_session=;") })
                var victim = Browser(app)
                try await victim.login(fixture.admin.email)
                #expect(victim.sessionCookie != planted)
                #expect(try await LoginSession.query(on: app.db).count() == 2)
            }
        }

        @Test func idleAndOldSessionsEndOnTheServer() async throws {
            let clock = TestClock()
            try await withApp(clock: clock.clock, settings: { $0.sessionIdleTimeout = 30 * 60; $0.sessionLifetime = 3 * 3600 }) { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                // Used every 20 minutes, the session lives on…
                for _ in 0..<8 {
                    clock.advance(20 * 60)
                    #expect(try await browser.get("/audit").status == .ok)
                }
                // …until its lifetime of three hours is over.
                clock.advance(20 * 60)
                #expect(try await browser.get("/audit").location.hasPrefix("/login"))
                #expect(try await LoginSession.query(on: app.db).count() == 0)

                try await browser.login(fixture.admin.email)
                clock.advance(31 * 60)
                let idle = try await browser.get("/audit")
                #expect(idle.location.hasPrefix("/login"))
                #expect(idle.headers[.setCookie].contains { $0.hasPrefix("lumbung_session=;") || $0.contains("Max-Age=0") })
            }
        }

        @Test func expiredSessionsAreRemovedOnSchedule() async throws {
            let clock = TestClock()
            try await withApp(clock: clock.clock) { app in
                let fixture = try await Fixture.make(app)
                for account in [fixture.admin, fixture.viewer, fixture.operator_] {
                    var browser = Browser(app)
                    try await browser.login(account.email)
                }
                #expect(try await LoginSession.query(on: app.db).count() == 3)
                clock.advance(app.lumbung.sessionIdleTimeout - 60)
                var fresh = Browser(app)
                try await fresh.login(fixture.evaluator.email)
                clock.advance(120)
                let policy = SessionPolicy(idleTimeout: app.lumbung.sessionIdleTimeout, lifetime: app.lumbung.sessionLifetime)
                #expect(try await app.db.removeExpiredSessions(policy: policy, now: clock.now) == 3)
                #expect(try await LoginSession.query(on: app.db).count() == 1)
            }
        }

        @Test func changingThePasswordEndsEveryOtherSession() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var laptop = Browser(app)
                var phone = Browser(app)
                try await laptop.login(fixture.operator_.email)
                try await phone.login(fixture.operator_.email)
                let changed = try await laptop.post("/account/password", [("currentPassword", Fixture.password),
                                                                         ("newPassword", "kata-sandi-baru-789"), ("confirmPassword", "kata-sandi-baru-789")])
                #expect(changed.status == .seeOther)
                #expect(try await laptop.get("/innovations").status == .ok)
                #expect(try await phone.get("/innovations").location.hasPrefix("/login"))
                #expect(try await LoginSession.query(on: app.db).count() == 1)
            }
        }

        @Test func aResetOrAChangeOfRoleOrAgencyEndsTheAccountsSessions() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)

                var operatorBrowser = Browser(app)
                try await operatorBrowser.login(fixture.operator_.email)
                let moved = try await admin.post("/users/\(fixture.operator_.id!)", [("name", "Operator Dinkes"), ("role", "operator"),
                                                                                    ("agencyID", String(fixture.otherAgency.id!))])
                #expect(moved.status == .seeOther)
                #expect(try await operatorBrowser.get("/innovations").location.hasPrefix("/login"))
                let reloaded = try #require(try await User.find(fixture.operator_.id, on: app.db))
                #expect(reloaded.$agency.id == fixture.otherAgency.id && reloaded.name == "Operator Dinkes")

                // A new name alone keeps the sessions.
                var viewer = Browser(app)
                try await viewer.login(fixture.viewer.email)
                #expect(try await admin.post("/users/\(fixture.viewer.id!)", [("name", "Pengamat Bappeda"), ("role", "viewer")]).status == .seeOther)
                #expect(try await viewer.get("/audit").status == .ok)
                // A reset ends them.
                #expect(try await admin.post("/users/\(fixture.viewer.id!)/reset-password").status == .seeOther)
                #expect(try await viewer.get("/audit").location.hasPrefix("/login"))
                // And a change of role too.
                var evaluator = Browser(app)
                try await evaluator.login(fixture.evaluator.email)
                #expect(try await admin.post("/users/\(fixture.evaluator.id!)", [("name", "evaluator"), ("role", "viewer")]).status == .seeOther)
                #expect(try await evaluator.get("/account/password").location.hasPrefix("/login"))
                #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "user.update").count() == 3)
            }
        }

        @Test func anAdminCannotChangeTheirOwnRoleAndBadEditsNameTheField() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                let own = try await admin.post("/users/\(fixture.admin.id!)", [("name", "admin"), ("role", "viewer")])
                #expect(own.status == .badRequest)
                #expect(own.body.string.contains("peran akun Anda sendiri"))
                let noAgency = try await admin.post("/users/\(fixture.viewer.id!)", [("name", "viewer"), ("role", "operator")])
                #expect(noAgency.status == .badRequest)
                #expect(noAgency.body.string.contains("Operator harus terikat"))
                #expect(try await User.find(fixture.viewer.id, on: app.db)?.role == .viewer)
                #expect(try await admin.get("/users/\(fixture.viewer.id!)/edit").body.string.contains("value=\"viewer\" selected"))
            }
        }
    }
}
