import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct CatalogueTests {
        /// Two published innovations, one verified but hidden, one draft.
        static func seed(_ app: Application) async throws -> (Fixture, published: Innovation, other: Innovation, hidden: Innovation, draft: Innovation) {
            let fixture = try await Fixture.make(app)
            let published = try await fixture.innovation(app, name: "Pelayanan Adminduk Keliling")
            let other = try await fixture.innovation(app, name: "Aplikasi Antrean Puskesmas", agency: fixture.otherAgency)
            let hidden = try await fixture.innovation(app, name: "Layanan Internal Rahasia")
            let draft = try await fixture.innovation(app, name: "Layanan Draf Belum Jadi")
            let store = InnovationStore(db: app.db, search: app.catalogue)
            for (innovation, publish) in [(published, true), (other, true), (hidden, false)] {
                innovation.status = .verified
                innovation.isPublic = publish
                try await store.save(innovation, action: publish ? "publish" : "verify", by: fixture.admin)
            }
            return (fixture, published, other, hidden, draft)
        }

        @Test func onlyPublishedInnovationsAppearAndVanishWhenUnpublished() async throws {
            try await withApp { app in
                let (fixture, published, _, hidden, draft) = try await Self.seed(app)
                var visitor = Browser(app)
                let page = try await visitor.get("/catalogue?q=layanan")
                #expect(page.status == .ok)
                let body = page.body.string
                #expect(body.contains("Adminduk Keliling"))
                #expect(body.contains("<mark>"))
                #expect(!body.contains("Layanan Internal Rahasia") && !body.contains("Layanan Draf Belum Jadi"))
                #expect(try await visitor.get("/catalogue/\(published.id!)").status == .ok)
                #expect(try await visitor.get("/catalogue/\(hidden.id!)").status == .notFound)
                #expect(try await visitor.get("/catalogue/\(draft.id!)").status == .notFound)

                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                #expect(try await admin.post("/innovations/\(published.id!)/unpublish").status == .seeOther)
                #expect(!(try await visitor.get("/catalogue?q=layanan").body.string.contains("Adminduk Keliling")))
                #expect(try await visitor.get("/catalogue/\(published.id!)").status == .notFound)
                let api = try await app.sendRequest(.GET, "/api/v1/innovations/\(published.id!)")
                #expect(api.status == .notFound)
                #expect(api.body.string.contains("\"error\""))
            }
        }

        @Test func facetsCountAndFilter() async throws {
            try await withApp { app in
                let (fixture, _, _, _, _) = try await Self.seed(app)
                let all = try await app.sendRequest(.GET, "/api/v1/innovations")
                let page = try JSONDecoder().decode(OpenDataController.SearchPage.self, from: Data(all.body.readableBytesView))
                #expect(page.total == 2)
                #expect(Set(page.facets["agency"]!.map(\.value)) == [String(fixture.agency.id!), String(fixture.otherAgency.id!)])
                #expect(page.facets["agency"]!.first { $0.value == String(fixture.agency.id!) }?.label == "Dinas Kependudukan dan Pencatatan Sipil")
                let filtered = try await app.sendRequest(.GET, "/api/v1/innovations?agency=\(fixture.otherAgency.id!)")
                let narrowed = try JSONDecoder().decode(OpenDataController.SearchPage.self, from: Data(filtered.body.readableBytesView))
                #expect(narrowed.items.map(\.name) == ["Aplikasi Antrean Puskesmas"])
                #expect(filtered.headers.first(name: .accessControlAllowOrigin) == "*")
            }
        }

        @Test func badQueriesGetClearAnswersNeverAServerError() async throws {
            try await withApp { app in
                _ = try await Self.seed(app)
                let long = String(repeating: "pelayanan ", count: 1000)
                for path in ["/api/v1/innovations?page=-1", "/api/v1/innovations?per_page=1000000", "/api/v1/innovations?page=abc",
                             "/api/v1/innovations?q=" + Browser.encode(long), "/api/v1/innovations?sort=random"] {
                    let response = try await app.sendRequest(.GET, path)
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(response.body.string.hasPrefix("{\"error\""), "\(path)")
                }
                for query in ["\"jemput bola", "dan yang di", "' OR 1=1 --", "<script>alert(1)</script>", "-", "\"\""] {
                    let api = try await app.sendRequest(.GET, "/api/v1/innovations?q=" + Browser.encode(query))
                    #expect(api.status == .ok, "\(query)")
                    var visitor = Browser(app)
                    let page = try await visitor.get("/catalogue?q=" + Browser.encode(query))
                    #expect(page.status == .ok, "\(query)")
                    #expect(!page.body.string.contains("<script>alert(1)"))
                }
                var visitor = Browser(app)
                let page = try await visitor.get("/catalogue?q=" + Browser.encode(long) + "&page=-3")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("id=\"search-problems\""))
            }
        }

        @Test func csvStreamsTheSelectionWithNeutralisedCells() async throws {
            try await withApp { app in
                let (fixture, published, _, _, _) = try await Self.seed(app)
                published.acronym = "=HYPERLINK(\"http://evil.example\")"
                try await InnovationStore(db: app.db, search: app.catalogue).save(published, action: "edited", by: fixture.admin)
                let response = try await app.sendRequest(.GET, "/api/v1/innovations.csv?q=adminduk")
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "csv")
                let lines = response.body.string.split(separator: "\r\n")
                try #require(lines.count == 2)
                #expect(lines[0].hasPrefix("\u{FEFF}id,nama,singkatan"))
                #expect(lines[1].contains("'=HYPERLINK"))
            }
        }

        @Test func agenciesListCountsPublishedInnovations() async throws {
            try await withApp { app in
                let (fixture, _, _, _, _) = try await Self.seed(app)
                let response = try await app.sendRequest(.GET, "/api/v1/agencies")
                let items = try JSONDecoder().decode([OpenDataController.AgencyItem].self, from: Data(response.body.readableBytesView))
                #expect(items.first { $0.id == fixture.agency.id }?.published_innovations == 1)
                var visitor = Browser(app)
                let page = try await visitor.get("/catalogue/agencies/\(fixture.agency.id!)")
                #expect(page.body.string.contains("Pelayanan Adminduk Keliling"))
                #expect(!page.body.string.contains("Aplikasi Antrean Puskesmas"))
            }
        }

        @Test func similarInnovationsOfOtherAgenciesShowWithTheirSharedTerms() async throws {
            try await withApp { app in
                // Every fixture innovation tells of "pelayanan jemput bola di wilayah perbatasan".
                let (fixture, published, other, hidden, draft) = try await Self.seed(app)
                let response = try await app.sendRequest(.GET, "/api/v1/innovations/\(published.id!)/similar")
                #expect(response.status == .ok)
                let page = try JSONDecoder().decode(OpenDataController.SimilarPage.self, from: Data(response.body.readableBytesView))
                // The same agency's and unpublished innovations are not neighbours.
                #expect(page.items.map(\.id) == [other.id!])
                #expect(page.items[0].agency_name == "Dinas Kesehatan" && page.items[0].shared_terms.contains(TextAnalyzer.terms("perbatasan")[0]))
                for id in [hidden.id!, draft.id!, 999_999] {
                    let missing = try await app.sendRequest(.GET, "/api/v1/innovations/\(id)/similar")
                    #expect(missing.status == .notFound && missing.headers.contentType == .json)
                }
                #expect(try await app.sendRequest(.GET, "/api/v1/innovations/satu/similar").status == .badRequest)

                var visitor = Browser(app)
                let public_ = try await visitor.get("/catalogue/\(published.id!)").body.string
                #expect(public_.contains("Inovasi serupa di perangkat daerah lain") && public_.contains("href=\"/catalogue/\(other.id!)\""))
                // The Biro sees, even for a draft, the published innovations it resembles; an operator does not.
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let registry = try await biro.get("/innovations/\(draft.id!)").body.string
                #expect(registry.contains("Inovasi terpublikasi yang serupa") && registry.contains("href=\"/innovations/\(published.id!)\""))
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                #expect(!(try await agency.get("/innovations/\(draft.id!)").body.string.contains("Inovasi terpublikasi yang serupa")))
            }
        }

        /// The document's enumerations are the code's: a kind of agency added in the code (the
        /// kecamatan) once made the document reject the API's own answers.
        @Test func theOpenAPIEnumerationsAreTheCodes() async throws {
            try await withApp { app in
                let response = try await app.sendRequest(.GET, "/api/v1/openapi.json")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
                func values(_ schema: String, _ property: String) -> [String]? {
                    (((schemas[schema] as? [String: Any])?["properties"] as? [String: Any])?[property] as? [String: Any])?["enum"] as? [String]
                }
                #expect(values("Agency", "kind") == AgencyKind.allCases.map(\.rawValue))
                for schema in ["InnovationSummary", "InnovationDetail"] {
                    #expect(values(schema, "category") == InnovationCategory.allCases.map(\.rawValue))
                    #expect(values(schema, "delivery_mode") == DeliveryMode.allCases.map(\.rawValue))
                    #expect(values(schema, "stage") == Stage.allCases.map(\.rawValue))
                }
                #expect(values("InnovationDetail", "initiator") == Initiator.allCases.map(\.rawValue))
            }
        }

        @Test func anotherInstancesWritesArriveByCatchingUp() async throws {
            try await withApp { app in
                let (fixture, _, other, _, _) = try await Self.seed(app)
                // Written as another instance would: straight to the database, without telling this index.
                other.isPublic = false
                try await InnovationStore(db: app.db).save(other, action: "unpublish", by: fixture.admin)
                // Asked through the result cache: the catch-up's change must reach cached answers too.
                #expect(app.catalogue.search(SearchRequest(query: SearchQuery.parse("antrean"))).total == 1)
                try await app.catalogue.catchUp(on: app.db)
                #expect(app.catalogue.search(SearchRequest(query: SearchQuery.parse("antrean"))).total == 0)
            }
        }

        /// The agency's name is in its innovations' documents: a rename must reach the index at
        /// once here, and through the catch-up in an instance that did not make it.
        @Test func renamingAnAgencyReachesTheCatalogue() async throws {
            try await withApp { app in
                let (fixture, _, other, _, _) = try await Self.seed(app)
                func agencyNames(_ word: String) -> [String] {
                    app.catalogue.search(SearchRequest(query: SearchQuery.parse(word))).hits.compactMap { $0.summary?.agencyName }
                }
                #expect(agencyNames("antrean") == ["Dinas Kesehatan"])

                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                let saved = try await admin.post("/agencies/\(fixture.otherAgency.id!)", [
                    ("code", "DINKES"), ("name", "Dinas Kesehatan dan Keluarga Berencana"), ("shortName", "Dinkes KB"), ("kind", "office"),
                ])
                #expect(saved.status == .seeOther)
                #expect(agencyNames("antrean") == ["Dinas Kesehatan dan Keluarga Berencana"])
                #expect(app.catalogue.search(SearchRequest(query: SearchQuery.parse("keluarga berencana"))).hits.map(\.id) == [other.id!])

                // Another instance renames it back, straight in the database.
                let agency = try #require(try await Agency.find(fixture.otherAgency.id, on: app.db))
                agency.name = "Dinas Kesehatan"
                try await agency.save(on: app.db)
                try await app.catalogue.catchUp(on: app.db)
                #expect(agencyNames("antrean") == ["Dinas Kesehatan"])
                #expect(app.catalogue.search(SearchRequest(query: SearchQuery.parse("keluarga berencana"))).total == 0)
            }
        }

        /// The catch-up looks back a little to be safe; what it already applied it must not apply
        /// again (that once re-indexed the last seconds of a big import every three seconds).
        @Test func catchingUpTwiceWithNoNewWritesChangesNothing() async throws {
            try await withApp { app in
                _ = try await Self.seed(app)
                try await app.catalogue.rebuild(on: app.db)
                let entries = app.catalogue.snapshot.storedEntries
                try await app.catalogue.catchUp(on: app.db)
                try await app.catalogue.catchUp(on: app.db)
                #expect(app.catalogue.snapshot.storedEntries == entries)
                #expect(app.catalogue.snapshot.count == 2)
            }
        }

        @Test func anonymousVisitorsLandOnTheCatalogue() async throws {
            try await withApp { app in
                let response = try await app.sendRequest(.GET, "/")
                #expect(response.status == .seeOther)
                #expect(response.location == "/catalogue")
            }
        }
    }
}
