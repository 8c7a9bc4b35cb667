import Foundation
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// Walks every registered route with every role and no login, and checks each answer
    /// against this table, written independently of the routes themselves.
    @Suite struct RouteAccessTests {
        static let everyone: Set<String> = ["anonymous", "admin", "operator", "evaluator", "viewer"]
        static let signedIn: Set<String> = ["admin", "operator", "evaluator", "viewer"]
        static let readers: Set<String> = ["admin", "operator", "viewer"]
        static let writers: Set<String> = ["admin", "operator"]
        static let overseers: Set<String> = ["admin", "viewer"]
        static let admins: Set<String> = ["admin"]

        static let table: [String: Set<String>] = [
            "GET /login": everyone, "POST /login": everyone, "GET /health": everyone, "GET /bahasa/:language": everyone,
            "GET /": everyone, "POST /logout": signedIn, "GET /account/password": signedIn, "POST /account/password": signedIn,
            "GET /agencies": readers, "GET /agencies/:agencyID": readers,
            "GET /innovations": readers, "GET /innovations/:innovationID": readers,
            "GET /innovations/:innovationID/history": readers,
            "GET /innovations/new": writers, "POST /innovations": writers,
            "GET /innovations/:innovationID/edit": writers, "POST /innovations/:innovationID": writers,
            "POST /innovations/:innovationID/submit": writers, "POST /innovations/:innovationID/archive": writers,
            "POST /innovations/:innovationID/request-revision": admins, "POST /innovations/:innovationID/verify": admins,
            "POST /innovations/:innovationID/publish": admins, "POST /innovations/:innovationID/unpublish": admins,
            "POST /innovations/:innovationID/restore": admins, "POST /innovations/:innovationID/reopen": admins,
            "GET /review": overseers, "GET /audit": overseers,
            "GET /agencies/new": admins, "POST /agencies": admins, "GET /agencies/:agencyID/edit": admins,
            "POST /agencies/:agencyID": admins, "POST /agencies/:agencyID/deactivate": admins,
            "POST /agencies/:agencyID/activate": admins,
            "GET /users": admins, "GET /users/new": admins, "POST /users": admins,
            "POST /users/:userID/deactivate": admins, "POST /users/:userID/activate": admins,
            "POST /users/:userID/reset-password": admins,
            "GET /catalogue": everyone, "GET /catalogue/:innovationID": everyone, "GET /catalogue/agencies/:agencyID": everyone,
            "GET /api/v1/innovations": everyone, "GET /api/v1/innovations.csv": everyone,
            "GET /api/v1/innovations/:innovationID": everyone, "GET /api/v1/agencies": everyone,
            "GET /api/v1/openapi.json": everyone,
            "GET /import": admins, "POST /import": admins, "GET /export/registry.xlsx": admins, "GET /export/registry.csv": admins,
            "GET /import/template.xlsx": writers, "GET /import/template.csv": writers,
        ]

        @Test func everyRouteAnswersEveryRoleAsTheTableSays() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app)
                let bystander = User(email: "bystander@test.example", name: "Bystander", passwordHash: "x", role: .viewer, agencyID: nil)
                try await bystander.create(on: app.db)

                let routes = app.routes.all.map { route in
                    (route.method.rawValue, "/" + route.path.map(\.description).joined(separator: "/"))
                }
                let registered = Set(routes.map { "\($0) \($1)" })
                #expect(registered == Set(Self.table.keys), """
                    routes without an expectation: \(registered.subtracting(Self.table.keys).sorted());
                    expectations without a route: \(Set(Self.table.keys).subtracting(registered).sorted())
                    """)

                // Logging out ends the session, so it goes last for each role.
                let ordered = routes.sorted { a, b in (a.1 == "/logout" ? 1 : 0, a.1) < (b.1 == "/logout" ? 1 : 0, b.1) }
                let accounts: [(String, User?)] = [("anonymous", nil), ("viewer", fixture.viewer), ("evaluator", fixture.evaluator),
                                                   ("operator", fixture.operator_), ("admin", fixture.admin)]
                for (role, account) in accounts {
                    var browser = Browser(app)
                    if let account { try await browser.login(account.email) } else { try await browser.get("/login") }
                    for (method, pattern) in ordered {
                        let path = pattern
                            .replacingOccurrences(of: ":agencyID", with: String(fixture.agency.id!))
                            .replacingOccurrences(of: ":innovationID", with: String(innovation.id!))
                            .replacingOccurrences(of: ":userID", with: String(bystander.id!))
                            .replacingOccurrences(of: ":language", with: "id")
                        let response = method == "GET" ? try await browser.get(path) : try await browser.post(path)
                        let allowed = Self.table["\(method) \(pattern)"]?.contains(role) ?? false
                        let sentToLogin = response.status == .seeOther && response.location.hasPrefix("/login")
                        if allowed {
                            // Logging out rightly ends on the login page.
                            #expect(response.status != .forbidden && (!sentToLogin || pattern == "/logout"),
                                    "\(role) should be allowed \(method) \(pattern), got \(response.status)")
                        } else if role == "anonymous" {
                            #expect(sentToLogin, "anonymous should be sent to login from \(method) \(pattern), got \(response.status)")
                        } else {
                            #expect(response.status == .forbidden, "\(role) should be refused \(method) \(pattern), got \(response.status)")
                        }
                    }
                }
            }
        }

        @Test func operatorsCannotReachAnotherAgencysInnovation() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let foreign = try await fixture.innovation(app, name: "Layanan Kesehatan Terapung", agency: fixture.otherAgency)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                #expect(try await browser.get("/innovations/\(foreign.id!)").status == .forbidden)
                #expect(try await browser.get("/innovations/\(foreign.id!)/edit").status == .forbidden)
                #expect(try await browser.post("/innovations/\(foreign.id!)/submit").status == .forbidden)
                #expect(try await browser.post("/innovations/\(foreign.id!)", [("name", "Diambil alih")]).status == .forbidden)
                let list = try await browser.get("/innovations")
                #expect(!list.body.string.contains("Layanan Kesehatan Terapung"))
                let unchanged = try await Innovation.find(foreign.id, on: app.db)
                #expect(unchanged?.name == "Layanan Kesehatan Terapung")
            }
        }

        @Test func statePostsWithoutTheTokenAreRefused() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                let response = try await browser.post("/innovations/\(innovation.id!)/archive", withToken: false)
                #expect(response.status == .forbidden)
                let forged = try await browser.post("/innovations/\(innovation.id!)/archive", [("csrfToken", "forged")], withToken: false)
                #expect(forged.status == .forbidden)
                #expect(try await Innovation.find(innovation.id, on: app.db)?.status == .draft)
            }
        }
    }
}
