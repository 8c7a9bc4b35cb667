import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct EscapingTests {
        static let payload = "\"><script>alert(1)</script>"

        @Test func noPageRendersStoredMarkupUnescaped() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let agency = Agency(code: "XSS", name: Self.payload, shortName: Self.payload, kind: .other, parentID: nil)
                try await agency.create(on: app.db)
                // Stored directly, past the form's checks, as an import or an old database might hold it.
                let innovation = Innovation()
                innovation.$agency.id = try agency.requireID()
                var profile = InnovationProfile()
                profile.name = Self.payload
                profile.acronym = Self.payload
                profile.mainAffair = nil
                profile.otherAffairs = [Self.payload]
                profile.trialStart = Self.payload
                profile.implementationStart = Self.payload
                profile.design = Self.payload
                profile.goals = Self.payload
                profile.benefits = Self.payload
                profile.results = Self.payload
                profile.beneficiaries = Self.payload
                profile.themes = [Self.payload]
                profile.videoURL = Self.payload
                profile.replicatedFromName = Self.payload
                innovation.apply(profile)
                innovation.status = .revisionRequested
                innovation.isPublic = false
                innovation.reviewComments = "{\"design\": \"\(Self.payload.replacingOccurrences(of: "\"", with: "\\\""))\"}"
                try await InnovationStore(db: app.db).save(innovation, action: "created", by: fixture.admin, auditSummary: Self.payload)
                innovation.design = Self.payload + " kedua"
                try await InnovationStore(db: app.db).save(innovation, action: "edited", by: fixture.admin, auditSummary: Self.payload)
                let user = User(email: "xss@test.example", name: Self.payload, passwordHash: "x", role: .viewer, agencyID: nil)
                try await user.create(on: app.db)

                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                let id = try innovation.requireID()
                let pages = ["/", "/agencies", "/agencies/\(agency.id!)", "/agencies/\(agency.id!)/edit", "/innovations",
                             "/innovations?q=\(Browser.encode(Self.payload))", "/innovations/\(id)", "/innovations/\(id)/edit",
                             "/innovations/\(id)/history?from=1&to=2", "/review", "/audit", "/users"]
                for page in pages {
                    let response = try await browser.get(page)
                    #expect(response.status == .ok, "\(page): \(response.status)")
                    #expect(!response.body.string.contains("<script>alert(1)"), "\(page) renders the payload unescaped")
                    #expect(!response.body.string.contains("\"><script"), "\(page) renders the payload unescaped")
                }
                var anonymous = Browser(app)
                let login = try await anonymous.get("/login?next=\(Browser.encode(Self.payload))")
                #expect(login.status == .ok && !login.body.string.contains("<script>alert(1)"))
                let shown = try await browser.get("/innovations/\(id)").body.string
                #expect(shown.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
                // The stored video "link" is not http(s), so it is never made a link.
                #expect(!shown.contains("href=\"&quot;&gt;"))
            }
        }

        @Test func theLayoutEscapesEveryValueItShows() {
            let payload = Self.payload
            let page = PageContext(
                title: payload, language: "id", switchLanguageHref: payload, switchLanguageLabel: payload,
                user: .init(name: payload, email: payload, role: payload, roleLabel: payload),
                nav: [.init(href: payload, label: payload, isActive: true)], csrfToken: payload, isDemo: true,
                stylesheet: payload, script: payload, flash: [FlashMessage(kind: .error, text: payload)])
            for language in Language.allCases {
                let html = PageLayout(page: page, labels: Labels(language: language)).html(body: HTMLWriter().fragment).html
                #expect(!html.contains("<script>alert(1)") && !html.contains("\"><script"))
                // title, language link (href and label), name, role, csrf, nav (href and label), stylesheet, script, flash
                #expect(html.components(separatedBy: "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;").count - 1 == 11)
                // Every text of the layout is in the catalogue: no key shows through.
                #expect(!html.contains("layout.") && !html.contains("nav."), "\(language)")
                #expect(html.contains("<main id=\"content\">") && html.hasSuffix("</html>\n"))
            }
        }
    }
}
