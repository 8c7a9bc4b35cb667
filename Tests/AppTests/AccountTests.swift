import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct AccountTests {
        @Test func loginSetsASafeCookieAndLogoutEndsTheSession() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.get("/login")
                let response = try await browser.post("/login", [("email", " ADMIN@test.example "), ("password", Fixture.password),
                                                                  ("next", "/agencies")])
                #expect(response.status == .seeOther)
                #expect(response.location == "/agencies")
                let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("lumbung_session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.lowercased().contains("samesite=lax"))
                #expect(try await browser.get("/").status == .ok)
                try await browser.logout()
                #expect(try await browser.get("/account/password").location.hasPrefix("/login"))
                _ = fixture
            }
        }

        @Test func loginRefusesToRedirectElsewhere() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.get("/login")
                let response = try await browser.post("/login", [("email", "admin@test.example"), ("password", Fixture.password),
                                                                  ("next", "//evil.example/")])
                #expect(response.location == "/")
            }
        }

        @Test func repeatedFailuresLockTheAccountForAWhile() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.get("/login")
                for _ in 0..<5 {
                    let failed = try await browser.post("/login", [("email", "admin@test.example"), ("password", "salah-terus")])
                    #expect(failed.status == .unauthorized)
                    #expect(failed.body.string.contains("id=\"login-error\""))
                }
                let locked = try await browser.post("/login", [("email", "admin@test.example"), ("password", Fixture.password)])
                #expect(locked.status == .tooManyRequests)
                #expect(locked.body.string.contains("Terlalu banyak percobaan gagal"))
                #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "user.login").count() == 0)
            }
        }

        @Test func deactivatedAccountsAreLockedOutAtOnce() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var operatorBrowser = Browser(app)
                try await operatorBrowser.login(fixture.operator_.email)
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                #expect(try await admin.post("/users/\(fixture.operator_.id!)/deactivate").status == .seeOther)
                #expect(try await operatorBrowser.get("/innovations").location.hasPrefix("/login"))
                #expect(try await admin.post("/users/\(fixture.admin.id!)/deactivate").status == .conflict)
            }
        }

        @Test func adminCreatesAnOperatorWhoCanLogInWithTheShownPassword() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                let missingAgency = try await admin.post("/users", [("email", "baru@test.example"), ("name", "Operator Baru"), ("role", "operator")])
                #expect(missingAgency.status == .badRequest)
                #expect(missingAgency.body.string.contains("Operator harus terikat pada satu perangkat daerah"))
                let created = try await admin.post("/users", [("email", "baru@test.example"), ("name", "Operator Baru"), ("role", "operator"),
                                                              ("agencyID", String(fixture.agency.id!))])
                #expect(created.status == .seeOther)
                let page = try await admin.get("/users").body.string
                let marker = "Kata sandi awal: "
                let start = try #require(page.range(of: marker)).upperBound
                let password = String(page[start...].prefix(14))
                var newcomer = Browser(app)
                try await newcomer.login("baru@test.example", password: password)
                #expect(try await newcomer.get("/innovations/new").status == .ok)
            }
        }

        @Test func changingThePasswordChecksTheCurrentOne() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.viewer.email)
                let wrong = try await browser.post("/account/password", [("currentPassword", "bukan-ini-sandinya"),
                                                                         ("newPassword", "sandi-baru-panjang"), ("confirmPassword", "sandi-baru-panjang")])
                #expect(wrong.status == .badRequest)
                let short = try await browser.post("/account/password", [("currentPassword", Fixture.password),
                                                                         ("newPassword", "pendek"), ("confirmPassword", "pendek")])
                #expect(short.body.string.contains("Kata sandi minimal 10 karakter."))
                let ok = try await browser.post("/account/password", [("currentPassword", Fixture.password),
                                                                      ("newPassword", "sandi-baru-panjang"), ("confirmPassword", "sandi-baru-panjang")])
                #expect(ok.status == .seeOther)
                try await browser.logout()
                try await browser.login(fixture.viewer.email, password: "sandi-baru-panjang")
            }
        }
    }
}
