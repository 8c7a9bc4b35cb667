import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct BadInputTests {
        @Test func aFailedSaveNamesEachFieldAndKeepsWhatWasTyped() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                var form = VerificationWorkflowTests.form(name: "Layanan Keliling", design: "Teks yang saya ketik dengan susah payah.")
                form.removeAll { ["trialStart", "implementationStart", "videoURL", "goals"].contains($0.0) }
                form += [("trialStart", "2019-05-01"), ("implementationStart", "1 Januari 2019"),
                         ("videoURL", "javascript:alert(1)"), ("goals", String(repeating: "a", count: 4001))]
                let response = try await browser.post("/innovations", form)
                #expect(response.status == .badRequest)
                let body = response.body.string
                #expect(body.contains("Tanggal mulai penerapan: tidak boleh sebelum tanggal mulai uji coba."))
                #expect(body.contains("Tautan video: harus alamat web lengkap"))
                #expect(body.contains("Tujuan: terlalu panjang: paling banyak 4000 karakter (sekarang 4001)."))
                #expect(body.contains("Teks yang saya ketik dengan susah payah."))
                #expect(body.contains("value=\"Layanan Keliling\""))
                #expect(try await Innovation.query(on: app.db).count() == 0)
            }
        }

        @Test func unparsableDatesAreNamed() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                var form = VerificationWorkflowTests.form(name: "Layanan Keliling", design: "x")
                form.removeAll { $0.0 == "trialStart" }
                form.append(("trialStart", "31/02/2019"))
                let body = try await browser.post("/innovations", form).body.string
                #expect(body.contains("Tanggal mulai uji coba: &quot;31/02/2019&quot; bukan tanggal yang dikenali"))
            }
        }

        @Test func aDuplicateNameInTheSameAgencyIsRefusedAndTheOriginalKept() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let original = try await fixture.innovation(app, name: "Si Pelandukilat")
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                let response = try await browser.post("/innovations", VerificationWorkflowTests.form(name: "  si   PELANDUKILAT ", design: "x"))
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("Nama inovasi: perangkat daerah ini sudah punya inovasi dengan nama yang sama."))
                #expect(try await Innovation.query(on: app.db).count() == 1)
                #expect(try await Innovation.find(original.id, on: app.db)?.design == original.design)
                // Another agency may use the same name.
                var admin = Browser(app)
                try await admin.login(fixture.admin.email)
                var form = VerificationWorkflowTests.form(name: "Si Pelandukilat", design: "x")
                form.append(("agencyID", String(fixture.otherAgency.id!)))
                #expect(try await admin.post("/innovations", form).status == .seeOther)
            }
        }

        @Test func anUnknownAgencyIsRefused() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                var form = VerificationWorkflowTests.form(name: "Tanpa induk", design: "x")
                form.append(("agencyID", "9999"))
                let response = try await browser.post("/innovations", form)
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("Perangkat daerah: wajib diisi."))
            }
        }

        @Test func aMalformedFormIsABadRequestNotACrash() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                let response = try await browser.post("/innovations", [("sdgs[]", "99"), ("name", "X"), ("category", "nope")])
                #expect(response.status == .badRequest)
                #expect(try await Innovation.query(on: app.db).count() == 0)
            }
        }

        @Test func agencyCodesAreUniqueAndParentsCannotLoop() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                let taken = try await browser.post("/agencies", [("code", "dinkes"), ("name", "Dinas Lain"), ("kind", "office")])
                #expect(taken.status == .badRequest)
                #expect(taken.body.string.contains("kode ini sudah dipakai"))
                let unit = try await browser.post("/agencies", [("code", "UPTD-LAB"), ("name", "UPTD Laboratorium Kesehatan"),
                                                                ("kind", "technicalUnit"), ("parentID", String(fixture.otherAgency.id!))])
                #expect(unit.status == .seeOther)
                let unitID = try #require(try await Agency.query(on: app.db).filter(\.$code == "UPTD-LAB").first()?.id)
                let loop = try await browser.post("/agencies/\(fixture.otherAgency.id!)",
                                                  [("code", "DINKES"), ("name", "Dinas Kesehatan"), ("kind", "office"), ("parentID", String(unitID))])
                #expect(loop.status == .badRequest)
                #expect(try await Agency.find(fixture.otherAgency.id, on: app.db)?.parentID == nil)
            }
        }
    }
}
