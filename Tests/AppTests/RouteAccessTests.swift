import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// Walks every registered route with every role and no login, each time against records made
    /// for that one request (a draft, a submitted or published innovation, an agency, an account)
    /// and with a valid CSRF token. "Allowed" means a real 2xx or 3xx answer (a 400, 404 or 500
    /// on an allowed route fails); "refused" means the login page for anonymous visitors and 403
    /// for every other role. The table is written independently of the routes themselves.
    @Suite struct RouteAccessTests {
        static let everyone: Set<String> = ["anonymous", "admin", "operator", "evaluator", "viewer"]
        static let signedIn: Set<String> = ["admin", "operator", "evaluator", "viewer"]
        static let readers: Set<String> = ["admin", "operator", "viewer"]
        static let writers: Set<String> = ["admin", "operator"]
        static let overseers: Set<String> = ["admin", "viewer"]
        static let admins: Set<String> = ["admin"]

        /// What one request needs: its path (parameters filled in) and its form.
        struct Call {
            var path: String
            var form: [(String, String)] = []
            var upload: (name: String, bytes: [UInt8], type: String)? = nil
            var headers: HTTPHeaders = [:]
        }

        typealias Recipe = @Sendable (World) async throws -> Call

        /// The records a request is made against, made fresh for each request.
        struct World {
            let app: Application
            let fixture: Fixture
            let actor: User?

            func draft(complete: Bool = true) async throws -> Innovation {
                try await fixture.innovation(app, name: "Draf \(UUID().uuidString.prefix(8))", complete: complete)
            }

            func innovation(_ steps: [ReviewAction]) async throws -> Innovation {
                let innovation = try await draft()
                var state = innovation.reviewState
                for step in steps {
                    state = try ReviewWorkflow.apply(step, to: state, by: ReviewActor(role: .admin, ownsAgency: false))
                }
                innovation.reviewState = state
                try await InnovationStore(db: app.db, search: app.catalogue).save(innovation, action: "edited", by: fixture.admin)
                return innovation
            }

            func agency() async throws -> Agency {
                let code = "AG-" + UUID().uuidString.prefix(6).uppercased()
                let agency = Agency(code: code, name: "Badan \(code)", shortName: code, kind: .office, parentID: nil)
                try await agency.create(on: app.db)
                return agency
            }

            func edition() async throws -> Competition { try await fixture.openEdition(app, name: "Edisi \(UUID().uuidString.prefix(6))") }

            func proposal(_ status: ProposalStatus = .draft) async throws -> Proposal {
                try await fixture.proposal(app, in: try await edition(), status: status)
            }

            func account() async throws -> User {
                let user = User(email: "akun-\(UUID().uuidString.prefix(8).lowercased())@test.example", name: "Akun Uji",
                                passwordHash: try await app.password.async.hash(Fixture.password), role: .viewer, agencyID: nil)
                try await user.create(on: app.db)
                return user
            }
        }

        static let table = registryTable.merging(evaluationTable) { a, _ in a }.merging(inventoryTable) { a, _ in a }

        static let registryTable: [String: (Set<String>, Recipe)] = [
            "GET /login": (everyone, { _ in Call(path: "/login") }),
            "POST /login": (everyone, { w in Call(path: "/login", form: [("email", w.fixture.viewer.email), ("password", Fixture.password)]) }),
            "GET /health": (everyone, { _ in Call(path: "/health") }),
            "GET /metrics": (everyone, { _ in Call(path: "/metrics", headers: ["Authorization": "Bearer \(RouteAccessTests.metricsToken)"]) }),
            "GET /bahasa/:language": (everyone, { _ in Call(path: "/bahasa/en?next=/catalogue") }),
            "GET /": (everyone, { _ in Call(path: "/") }),
            "GET /catalogue": (everyone, { _ in Call(path: "/catalogue?q=pelayanan") }),
            "GET /catalogue/:innovationID": (everyone, { w in Call(path: "/catalogue/\(try await w.innovation([.submit, .verify, .publish]).id!)") }),
            "GET /catalogue/agencies/:agencyID": (everyone, { w in Call(path: "/catalogue/agencies/\(w.fixture.agency.id!)") }),
            "GET /api/v1/innovations": (everyone, { _ in Call(path: "/api/v1/innovations?q=pelayanan") }),
            "GET /api/v1/innovations.csv": (everyone, { _ in Call(path: "/api/v1/innovations.csv") }),
            "GET /api/v1/innovations/:innovationID": (everyone, { w in Call(path: "/api/v1/innovations/\(try await w.innovation([.submit, .verify, .publish]).id!)") }),
            "GET /api/v1/innovations/:innovationID/similar": (everyone, { w in
                Call(path: "/api/v1/innovations/\(try await w.innovation([.submit, .verify, .publish]).id!)/similar")
            }),
            "GET /api/v1/agencies": (everyone, { _ in Call(path: "/api/v1/agencies") }),
            "GET /api/v1/openapi.json": (everyone, { _ in Call(path: "/api/v1/openapi.json") }),

            "POST /logout": (signedIn, { _ in Call(path: "/logout") }),
            "GET /account/password": (signedIn, { _ in Call(path: "/account/password") }),
            "POST /account/password": (signedIn, { _ in
                Call(path: "/account/password", form: [("currentPassword", Fixture.password), ("newPassword", "kata-sandi-baru-456"),
                                                         ("confirmPassword", "kata-sandi-baru-456")])
            }),

            "GET /agencies": (readers, { _ in Call(path: "/agencies") }),
            "GET /agencies/:agencyID": (readers, { w in Call(path: "/agencies/\(w.fixture.agency.id!)") }),
            "GET /innovations": (readers, { _ in Call(path: "/innovations") }),
            "GET /innovations/:innovationID": (readers, { w in Call(path: "/innovations/\(try await w.draft().id!)") }),
            "GET /innovations/:innovationID/history": (readers, { w in Call(path: "/innovations/\(try await w.draft().id!)/history") }),

            "GET /innovations/new": (writers, { _ in Call(path: "/innovations/new") }),
            "POST /innovations": (writers, { w in
                Call(path: "/innovations", form: Forms.innovation(name: "Baru \(UUID().uuidString.prefix(8))", agencyID: w.fixture.agency.id))
            }),
            "GET /innovations/:innovationID/edit": (writers, { w in Call(path: "/innovations/\(try await w.draft().id!)/edit") }),
            "POST /innovations/:innovationID": (writers, { w in
                Call(path: "/innovations/\(try await w.draft().id!)",
                     form: Forms.innovation(name: "Diubah \(UUID().uuidString.prefix(8))", agencyID: w.fixture.agency.id))
            }),
            "POST /innovations/:innovationID/submit": (writers, { w in Call(path: "/innovations/\(try await w.draft().id!)/submit") }),
            "POST /innovations/:innovationID/archive": (writers, { w in Call(path: "/innovations/\(try await w.draft().id!)/archive") }),
            "POST /innovations/:innovationID/request-revision": (admins, { w in
                Call(path: "/innovations/\(try await w.innovation([.submit]).id!)/request-revision", form: [("comment_general", "Lengkapi data.")])
            }),
            "POST /innovations/:innovationID/verify": (admins, { w in Call(path: "/innovations/\(try await w.innovation([.submit]).id!)/verify") }),
            "POST /innovations/:innovationID/publish": (admins, { w in Call(path: "/innovations/\(try await w.innovation([.submit, .verify]).id!)/publish") }),
            "POST /innovations/:innovationID/unpublish": (admins, { w in
                Call(path: "/innovations/\(try await w.innovation([.submit, .verify, .publish]).id!)/unpublish")
            }),
            "POST /innovations/:innovationID/restore": (admins, { w in Call(path: "/innovations/\(try await w.innovation([.archive]).id!)/restore") }),
            "POST /innovations/:innovationID/reopen": (admins, { w in Call(path: "/innovations/\(try await w.innovation([.submit, .verify]).id!)/reopen") }),

            "GET /review": (overseers, { _ in Call(path: "/review") }),
            "GET /audit": (overseers, { _ in Call(path: "/audit") }),

            "GET /agencies/new": (admins, { _ in Call(path: "/agencies/new") }),
            "POST /agencies": (admins, { _ in
                let code = "BARU-" + UUID().uuidString.prefix(6).uppercased()
                return Call(path: "/agencies", form: Forms.agency(code: code, name: "Badan \(code)"))
            }),
            "GET /agencies/:agencyID/edit": (admins, { w in Call(path: "/agencies/\(try await w.agency().id!)/edit") }),
            "POST /agencies/:agencyID": (admins, { w in
                let agency = try await w.agency()
                return Call(path: "/agencies/\(agency.id!)", form: Forms.agency(code: agency.code, name: agency.name + " (diubah)"))
            }),
            "POST /agencies/:agencyID/deactivate": (admins, { w in Call(path: "/agencies/\(try await w.agency().id!)/deactivate") }),
            "POST /agencies/:agencyID/activate": (admins, { w in
                let agency = try await w.agency()
                agency.isActive = false
                try await agency.save(on: w.app.db)
                return Call(path: "/agencies/\(agency.id!)/activate")
            }),

            "GET /users": (admins, { _ in Call(path: "/users") }),
            "GET /users/new": (admins, { _ in Call(path: "/users/new") }),
            "POST /users": (admins, { _ in
                Call(path: "/users", form: [("email", "baru-\(UUID().uuidString.prefix(8).lowercased())@test.example"),
                                            ("name", "Pengguna Baru"), ("role", "viewer")])
            }),
            "GET /users/:userID/edit": (admins, { w in Call(path: "/users/\(try await w.account().id!)/edit") }),
            "POST /users/:userID": (admins, { w in Call(path: "/users/\(try await w.account().id!)", form: [("name", "Nama Baru"), ("role", "viewer")]) }),
            "POST /users/:userID/deactivate": (admins, { w in Call(path: "/users/\(try await w.account().id!)/deactivate") }),
            "POST /users/:userID/activate": (admins, { w in
                let user = try await w.account()
                user.isActive = false
                try await user.save(on: w.app.db)
                return Call(path: "/users/\(user.id!)/activate")
            }),
            "POST /users/:userID/reset-password": (admins, { w in Call(path: "/users/\(try await w.account().id!)/reset-password") }),

            "GET /competitions": (readers, { _ in Call(path: "/competitions") }),
            "GET /competitions/:competitionID": (readers, { w in Call(path: "/competitions/\(try await w.edition().id!)") }),
            "GET /competitions/new": (admins, { _ in Call(path: "/competitions/new") }),
            "POST /competitions": (admins, { w in
                var form = EditionForm(try await w.edition())
                form.name = "Edisi Baru \(UUID().uuidString.prefix(6))"
                return Call(path: "/competitions", form: Forms.edition(form))
            }),
            "GET /competitions/:competitionID/edit": (admins, { w in Call(path: "/competitions/\(try await w.edition().id!)/edit") }),
            "POST /competitions/:competitionID": (admins, { w in
                let edition = try await w.edition()
                return Call(path: "/competitions/\(edition.id!)", form: Forms.edition(EditionForm(edition)))
            }),
            "POST /competitions/:competitionID/copy": (admins, { w in Call(path: "/competitions/\(try await w.edition().id!)/copy") }),
            "GET /competitions/:competitionID/proposals/new": (writers, { w in Call(path: "/competitions/\(try await w.edition().id!)/proposals/new") }),
            "POST /competitions/:competitionID/proposals": (writers, { w in
                let innovation = try await w.fixture.verifiedInnovation(w.app)
                return Call(path: "/competitions/\(try await w.edition().id!)/proposals",
                            form: [("innovationID", String(innovation.id!)), ("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan")])
            }),
            "GET /competitions/:competitionID/review": (overseers, { w in Call(path: "/competitions/\(try await w.edition().id!)/review") }),
            "GET /competitions/:competitionID/selection": (overseers, { w in Call(path: "/competitions/\(try await w.edition().id!)/selection") }),
            "GET /competitions/:competitionID/outcomes": (overseers, { w in Call(path: "/competitions/\(try await w.edition().id!)/outcomes") }),
            "GET /competitions/:competitionID/proposals.xlsx": (overseers, { w in Call(path: "/competitions/\(try await w.edition().id!)/proposals.xlsx") }),
            "GET /competitions/:competitionID/proposals.csv": (overseers, { w in Call(path: "/competitions/\(try await w.edition().id!)/proposals.csv") }),
            "POST /competitions/:competitionID/hand-over": (admins, { w in
                let proposal = try await w.proposal(.selected)
                return Call(path: "/competitions/\(proposal.$competition.id)/hand-over")
            }),
            "GET /proposals/:proposalID": (readers, { w in Call(path: "/proposals/\(try await w.proposal().id!)") }),
            "GET /proposals/:proposalID/edit": (writers, { w in Call(path: "/proposals/\(try await w.proposal().id!)/edit") }),
            "POST /proposals/:proposalID": (writers, { w in
                let proposal = try await w.proposal()
                var fields = proposal.sections.map { ("section-\($0.key)", $0.value) }
                fields += [("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan"), ("videoURL", "https://www.youtube.com/watch?v=baru"), ("sdg-3", "on")]
                return Call(path: "/proposals/\(proposal.id!)", form: fields)
            }),
            "POST /proposals/:proposalID/submit": (writers, { w in Call(path: "/proposals/\(try await w.proposal().id!)/submit") }),
            "POST /proposals/:proposalID/withdraw": (writers, { w in Call(path: "/proposals/\(try await w.proposal().id!)/withdraw") }),
            "POST /proposals/:proposalID/return": (admins, { w in
                Call(path: "/proposals/\(try await w.proposal(.submitted).id!)/return", form: [("comment_ringkasan", "Perjelas ringkasan.")])
            }),
            "POST /proposals/:proposalID/accept": (admins, { w in Call(path: "/proposals/\(try await w.proposal(.submitted).id!)/accept") }),
            "POST /proposals/:proposalID/select": (admins, { w in Call(path: "/proposals/\(try await w.proposal(.accepted).id!)/select") }),
            "POST /proposals/:proposalID/deselect": (admins, { w in Call(path: "/proposals/\(try await w.proposal(.selected).id!)/deselect") }),
            "POST /proposals/:proposalID/hand-over": (admins, { w in Call(path: "/proposals/\(try await w.proposal(.selected).id!)/hand-over") }),
            "POST /proposals/:proposalID/reopen": (admins, { w in Call(path: "/proposals/\(try await w.proposal(.withdrawn).id!)/reopen") }),
            "POST /proposals/:proposalID/documents": (writers, { w in
                Call(path: "/proposals/\(try await w.proposal().id!)/documents", form: [("purpose", "sk-pejabat")],
                     upload: ("sk.pdf", DemoDocument.pdf(title: "SK", innovation: "Uji"), "application/pdf"))
            }),
            "GET /proposals/:proposalID/documents/:attachmentID": (writers, { w in
                let proposal = try await w.proposal()
                let file = try await AttachmentStore(db: w.app.db).current(.proposal, proposal.id!)[0]
                return Call(path: "/proposals/\(proposal.id!)/documents/\(file.id)")
            }),
            "GET /proposals/:proposalID/print": (readers, { w in Call(path: "/proposals/\(try await w.proposal().id!)/print") }),
            "GET /proposals/:proposalID/text": (readers, { w in Call(path: "/proposals/\(try await w.proposal().id!)/text") }),
            "POST /proposals/:proposalID/outcomes": (admins, { w in
                Call(path: "/proposals/\(try await w.proposal(.handedOver).id!)/outcomes", form: [("outcome", "tier:top-99")])
            }),
            "POST /innovations/:innovationID/awards": (admins, { w in
                Call(path: "/innovations/\(try await w.draft().id!)/awards",
                     form: [("year", "2019"), ("editionName", "KIPP 2019"), ("tierName", "Top 99"), ("isFinalist", "on")])
            }),

            "GET /import": (admins, { _ in Call(path: "/import") }),
            "POST /import": (admins, { _ in
                Call(path: "/import", form: [("dryRun", "on")],
                     upload: ("templat.csv", Array(ExportService.templateCSV().utf8), "text/csv"))
            }),
            "GET /export/registry.xlsx": (admins, { _ in Call(path: "/export/registry.xlsx") }),
            "GET /export/registry.csv": (admins, { _ in Call(path: "/export/registry.csv") }),
            "GET /import/template.xlsx": (writers, { _ in Call(path: "/import/template.xlsx") }),
            "GET /import/template.csv": (writers, { _ in Call(path: "/import/template.csv") }),
        ]

        static let metricsToken = "rahasia-metrik-uji"

        @Test func everyRouteAnswersEveryRoleAsTheTableSays() async throws {
            try await withApp(settings: { $0.metricsToken = Self.metricsToken }) { app in
                let fixture = try await Fixture.make(app)
                let registered = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
                #expect(registered == Set(Self.table.keys), """
                    routes without an expectation: \(registered.subtracting(Self.table.keys).sorted());
                    expectations without a route: \(Set(Self.table.keys).subtracting(registered).sorted())
                    """)

                for role in ["anonymous", "viewer", "evaluator", "operator", "admin"] {
                    for key in Self.table.keys.sorted() {
                        let (allowedRoles, recipe) = Self.table[key]!
                        let method = String(key.split(separator: " ")[0])
                        // A fresh account of the role for every request: some requests change it (a password, a logout).
                        let actor = try await fixture.account(role: role, app: app)
                        var browser = Browser(app)
                        if let actor { try await browser.login(actor.email) } else { try await browser.get("/login") }
                        let call = try await recipe(World(app: app, fixture: fixture, actor: actor))
                        let response: TestingHTTPResponse
                        if let upload = call.upload {
                            response = try await browser.upload(call.path, file: upload, fields: call.form)
                        } else if method == "GET" {
                            response = try await browser.get(call.path, headers: call.headers)
                        } else {
                            response = try await browser.post(call.path, call.form, headers: call.headers)
                        }
                        let code = response.status.code
                        if allowedRoles.contains(role) {
                            #expect((200..<400).contains(code), "\(role) should be allowed \(key), got \(response.status): \(response.body.string.prefix(300))")
                        } else if role == "anonymous" {
                            #expect(response.status == .seeOther && response.location.hasPrefix("/login"),
                                    "anonymous should be sent to login from \(key), got \(response.status)")
                        } else {
                            #expect(response.status == .forbidden, "\(role) should be refused \(key), got \(response.status)")
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
