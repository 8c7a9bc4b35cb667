import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// The catalogue's search page is written in Swift (`HTMLWriter`), not Leaf: these hold it
    /// to the same escaping guarantee as the templates, and to the links it builds.
    @Suite struct CataloguePageTests {
        static let payload = EscapingTests.payload

        /// Each facet link adds or removes one value and keeps the words, the other filters and
        /// the order, back on the first page.
        @Test func facetLinksToggleOneValueAndKeepTheRest() {
            var parameters = CatalogueParameters()
            parameters.text = "jemput bola"
            parameters.filters = [.theme: ["kesehatan"], .year: ["2019", "2020"]]
            parameters.order = .newest
            parameters.page = 3
            #expect(parameters.queryStrings(toggling: .year, values: ["2020", "2021"]) == [
                "q=jemput%20bola&year=2019&theme=kesehatan&sort=newest",
                "q=jemput%20bola&year=2019&year=2020&year=2021&theme=kesehatan&sort=newest",
            ])
            #expect(parameters.queryStrings(toggling: .agency, values: ["7"]) == [
                "q=jemput%20bola&agency=7&year=2019&year=2020&theme=kesehatan&sort=newest",
            ])
            #expect(parameters.queryStrings(toggling: .theme, values: ["kesehatan"]) == [
                "q=jemput%20bola&year=2019&year=2020&sort=newest",
            ])
            var plain = CatalogueParameters()
            #expect(plain.queryStrings(toggling: .theme, values: ["kartu & pos"]) == ["theme=kartu%20%26%20pos"])
            plain.filters = [.theme: ["kartu"]]
            #expect(plain.queryStrings(toggling: .theme, values: ["kartu"]) == [""], "the last filter removed leaves nothing")
        }

        @Test func theWriterEscapesEveryValueInTextAndAttributes() {
            var out = HTMLWriter()
            out.markup("<a title=\"")
            out.text(Self.payload + " & 'Krayan' — Ūlu")
            out.markup("\">")
            out.text("<b>")
            out.markup("</a>")
            #expect(out.html == "<a title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;Krayan&#39; — Ūlu\">&lt;b&gt;</a>")
            var plain = HTMLWriter()
            plain.text("tanpa tanda")
            #expect(plain.html == "tanpa tanda")
        }

        @Test func linksCarryEveryByteOfTheQueryPercentEncoded() {
            #expect(QueryItems.encode([("q", "pelayanan di perbatasan"), ("theme", "Ūlu & \"sungai\"")])
                    == "q=pelayanan%20di%20perbatasan&theme=%C5%AAlu%20%26%20%22sungai%22")
            let items = [("q", "anak-anak 100% ~ok_"), ("agency", "12")]
            let parsed = QueryItems.parse(QueryItems.encode(items))
            #expect(parsed.map(\.0) == items.map(\.0) && parsed.map(\.1) == items.map(\.1))
        }

        @Test func storedMarkupStaysTextOnEveryCataloguePage() async throws {
            try await withApp { app in
                // Setup: a published innovation whose every shown value is markup.
                let fixture = try await Fixture.make(app)
                let agency = Agency(code: "XSS", name: Self.payload, shortName: Self.payload, kind: .other, parentID: nil)
                try await agency.create(on: app.db)
                let innovation = try await fixture.innovation(app, name: "Layanan " + Self.payload, agency: agency)
                var profile = innovation.profile
                profile.acronym = Self.payload
                profile.goals = "Layanan " + Self.payload
                profile.themes = [Self.payload]
                innovation.apply(profile)
                innovation.status = .verified
                innovation.isPublic = true
                try await InnovationStore(db: app.db, search: app.catalogue).save(innovation, action: "publish", by: fixture.admin)

                // Act: the pages a visitor reaches, with the payload in the query too.
                var visitor = Browser(app)
                let pages = ["/catalogue", "/catalogue?q=layanan", "/catalogue?q=\(Browser.encode(Self.payload))",
                             "/catalogue?theme=\(Browser.encode(Self.payload))", "/catalogue/agencies/\(agency.id!)"]
                for page in pages {
                    let response = try await visitor.get(page)
                    // Check: shown, escaped, never markup.
                    #expect(response.status == .ok, "\(page): \(response.status)")
                    let body = response.body.string
                    #expect(!body.contains("<script>alert(1)") && !body.contains("\"><script"), "\(page) renders the payload unescaped")
                    #expect(body.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page) does not show the payload as text")
                }
                let searched = try await visitor.get("/catalogue?q=layanan").body.string
                #expect(searched.contains("<mark>Layanan</mark>"))
                #expect(searched.contains("theme=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), "the theme facet links to its value")
                #expect(searched.contains("<!doctype html>") && searched.contains("</html>"), "the page sits in the shared layout")
            }
        }
    }
}
