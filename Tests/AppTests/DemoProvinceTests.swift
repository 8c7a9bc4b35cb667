import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct DemoProvinceTests {
        @Test func loadsTheProvinceWithItsSplitAndItsGaps() async throws {
            try await withApp { app in
                try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }

                let innovations = try await Innovation.query(on: app.db).all()
                #expect(innovations.count == 87)
                #expect(innovations.filter { $0.category == .publicService }.count == 45)
                #expect(innovations.filter { $0.category == .governance }.count == 42)
                #expect(Set(innovations.compactMap(\.startYear)).isSubset(of: 2017...2020))
                let pelandukilat = try #require(innovations.first { $0.name.lowercased().contains("pelandukilat") })
                #expect(try await Agency.find(pelandukilat.$agency.id, on: app.db)?.code == "DISDUKCAPIL")

                let agencies = try await Agency.query(on: app.db).all()
                #expect((30...40).contains(agencies.count))
                let withInnovation = Set(innovations.map { $0.$agency.id })
                #expect(agencies.filter { !withInnovation.contains($0.id!) }.count == 6)
                #expect(try await Setting.isDemo(on: app.db))

                // Every verified or submitted profile passes the same completeness check operators face.
                for innovation in innovations where innovation.status != .draft {
                    #expect(SubmissionCheck.gaps(in: innovation.profile, today: app.clock.today).isEmpty, "\(innovation.name)")
                }

                var browser = Browser(app)
                try await browser.login("admin@lumbung.example", password: "lumbung-admin")
                let dashboard = try await browser.get("/").body.string
                #expect(dashboard.contains("id=\"total-innovations\">87<"))
                #expect(dashboard.contains("id=\"demo-notice\""))
                try await browser.logout()
                try await browser.login("operator@lumbung.example", password: "lumbung-operator")
                #expect(try await browser.get("/innovations/\(pelandukilat.id!)").status == .ok)
            }
        }

        @Test func refusesADatabaseThatHoldsData() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                await #expect(throws: DemoProvince.LoadError.self) {
                    try await DemoProvince.load(on: app.db, now: app.clock.now()) { try await app.password.async.hash($0) }
                }
                #expect(try await Innovation.query(on: app.db).count() == 0)
                #expect(try await Setting.isDemo(on: app.db) == false)
            }
        }
    }
}
