import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct PagesTests {
        @Test func healthReportsTheDatabaseKind() async throws {
            try await withApp { app in
                let response = try await app.sendRequest(.GET, "/health")
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.contains("\"status\":\"ok\""))
                #expect(body.contains("\"database\":\"\(app.lumbung.databaseLocation.kind)\""))
                // The JSON is written by hand: it must still read as JSON, with every field.
                let health = try JSONDecoder().decode(HealthController.Health.self, from: Data(response.body.readableBytesView))
                #expect(health.status == "ok" && health.database == app.lumbung.databaseLocation.kind)
                #expect(health.search.documents == app.catalogue.snapshot.count && health.search.memory_bytes >= 0)
                #expect(response.headers.contentType == .json && response.headers.first(name: .cacheControl) == "no-store")
            }
        }

        @Test func dashboardCountsByFormAndStageAndNamesAgenciesWithoutInnovations() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                try await fixture.innovation(app, name: "A")
                try await fixture.innovation(app, name: "B", status: .archived)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                let body = try await browser.get("/").body.string
                #expect(body.contains("<div class=\"stat\" id=\"total-innovations\">1</div>"))
                #expect(body.contains("id=\"agencies-without-count\">1<"))
                let without = try #require(body.range(of: "id=\"agencies-without\""))
                #expect(body[without.lowerBound...].contains("Dinas Kesehatan"))
                #expect(!body[without.lowerBound...].contains("Dinas Kependudukan"))
            }
        }

        @Test func theLanguageSwitchTurnsThePageEnglish() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                #expect(try await browser.get("/innovations").body.string.contains("Daftar inovasi"))
                let switched = try await app.sendRequest(.GET, "/bahasa/en?next=/innovations") { req in
                    req.headers.replaceOrAdd(name: .cookie, value: browser.cookie!)
                }
                #expect(switched.location == "/innovations")
                let cookie = try #require(switched.headers[.setCookie].first { $0.hasPrefix("lang=en") })
                let english = try await app.sendRequest(.GET, "/innovations") { req in
                    req.headers.replaceOrAdd(name: .cookie, value: browser.cookie! + "; " + cookie.split(separator: ";")[0])
                }
                #expect(english.body.string.contains("<html lang=\"en\">"))
                #expect(english.body.string.contains(">Innovations</h1>"))
            }
        }

        @Test func listFiltersAndSortsWithoutErrorsOnOddInput() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                try await fixture.innovation(app, name: "Layanan Jemput Bola")
                try await fixture.innovation(app, name: "Aplikasi Antrean", agency: fixture.otherAgency)
                var browser = Browser(app)
                try await browser.login(fixture.viewer.email)
                let filtered = try await browser.get("/innovations?agency=\(fixture.otherAgency.id!)&sort=name").body.string
                #expect(filtered.contains("Aplikasi Antrean") && !filtered.contains("Layanan Jemput Bola"))
                let byYear = try await browser.get("/innovations?year=2018&stage=implementation").body.string
                #expect(byYear.contains("Aplikasi Antrean") && byYear.contains("Layanan Jemput Bola"))
                let search = try await browser.get("/innovations?q=jemput").body.string
                #expect(search.contains("Layanan Jemput Bola") && !search.contains("Aplikasi Antrean"))
                for odd in ["page=-1", "page=abc", "year=99999", "status=bogus", "sort=;drop", "q=%27%22%3C"] {
                    #expect(try await browser.get("/innovations?\(odd)").status == .ok, "\(odd)")
                }
            }
        }

        @Test func everyTemplateKeyExistsInBothLanguages() throws {
            let views = URL(fileURLWithPath: ResourceLocation.directory + "Views")
            let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" }
            #expect(files.count >= 15)
            let pattern = try Regex(#"#t\("([^"]+)""#)
            var keys = Set<String>()
            for file in files {
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(of: pattern) {
                    if let key = match.output[1].substring { keys.insert(String(key)) }
                }
            }
            #expect(keys.count > 100)
            for language in Language.allCases {
                let missing = keys.filter { StringCatalogue.table(language)[$0] == nil }.sorted()
                #expect(missing.isEmpty, "missing in \(language): \(missing)")
            }
        }

        @Test func pagesStayLightForSlowConnections() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                for page in ["/", "/innovations", "/innovations/\(innovation.id!)", "/innovations/\(innovation.id!)/edit", "/agencies"] {
                    let size = try await browser.get(page).body.readableBytes
                    #expect(size < 60_000, "\(page) is \(size) bytes")
                }
                let css = try await app.sendRequest(.GET, "/app.css")
                #expect(css.status == .ok)
            }
        }
    }
}
