import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct VerificationWorkflowTests {
        static func form(name: String, design: String) -> [(String, String)] { Forms.innovation(name: name, design: design) }

        static let design = Forms.design

        @Test func operatorAndAdminTakeAnInnovationFromDraftToPublished() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var operatorBrowser = Browser(app)
                try await operatorBrowser.login(fixture.operator_.email)

                // Operator creates and submits.
                let created = try await operatorBrowser.post("/innovations", Self.form(name: "Si Pelandukilat", design: Self.design))
                #expect(created.status == .seeOther)
                let innovation = try #require(try await Innovation.query(on: app.db).first())
                #expect(innovation.$agency.id == fixture.agency.id)
                #expect(innovation.implementationStart == "2018-07-02")
                #expect(innovation.otherAffairs == ["pmd", "sosial"])
                #expect(innovation.startYear == 2018)
                let id = try innovation.requireID()
                #expect(try await operatorBrowser.post("/innovations/\(id)/submit").status == .seeOther)

                // Admin asks for a revision with a comment on a named field.
                var adminBrowser = Browser(app)
                try await adminBrowser.login(fixture.admin.email)
                let queue = try await adminBrowser.get("/review")
                #expect(queue.body.string.contains("Si Pelandukilat"))
                let returned = try await adminBrowser.post("/innovations/\(id)/request-revision",
                                                           [("comment_design", "Lengkapi dasar hukum."), ("comment_general", "")])
                #expect(returned.status == .seeOther)
                #expect(try await Innovation.find(id, on: app.db)?.status == .revisionRequested)

                // Operator sees the comment beside the field, edits, resubmits.
                let page = try await operatorBrowser.get("/innovations/\(id)")
                #expect(page.body.string.contains("Lengkapi dasar hukum."))
                #expect(page.body.string.contains("data-status=\"revisionRequested\""))
                let edited = try await operatorBrowser.post("/innovations/\(id)",
                                                            Self.form(name: "Si Pelandukilat", design: Self.design + " Dasar hukum: PP 38/2017."))
                #expect(edited.status == .seeOther)
                #expect(try await operatorBrowser.post("/innovations/\(id)/submit").status == .seeOther)
                let resubmitted = try await adminBrowser.get("/review")
                #expect(resubmitted.body.string.contains("Pengajuan ulang"))

                // Admin verifies and publishes.
                #expect(try await adminBrowser.post("/innovations/\(id)/verify").status == .seeOther)
                #expect(try await adminBrowser.post("/innovations/\(id)/publish").status == .seeOther)
                let final = try #require(try await Innovation.find(id, on: app.db))
                #expect(final.status == .verified && final.isPublic)
                #expect(final.reviewComments == nil)

                // The history keeps every step and the difference between any two.
                let revisions = try await Revision.query(on: app.db).filter(\.$innovation.$id == id).sort(\.$number).all()
                #expect(revisions.map(\.action) == ["created", "submit", "requestRevision", "edited", "submit", "verify", "publish"])
                let history = try await adminBrowser.get("/innovations/\(id)/history?from=1&to=4")
                #expect(history.body.string.contains("<ins>PP 38/2017.</ins>") || history.body.string.contains("<ins>Dasar hukum: PP 38/2017.</ins>"))
                let actions = try await AuditEvent.query(on: app.db).filter(\.$entity == "innovation").all().map(\.action)
                #expect(actions == ["innovation.created", "innovation.submit", "innovation.requestRevision", "innovation.edited",
                                    "innovation.submit", "innovation.verify", "innovation.publish"])
            }
        }

        @Test func submittingAnIncompleteProfileListsEveryGap() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let draft = try await fixture.innovation(app, complete: false)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                let response = try await browser.post("/innovations/\(draft.id!)/submit")
                #expect(response.status == .unprocessableEntity)
                let body = response.body.string
                #expect(body.contains("id=\"form-errors\""))
                #expect(body.contains("Rancang bangun: minimal 300 kata (sekarang 0)."))
                #expect(body.contains("Tujuan: wajib diisi."))
                #expect(body.contains("Urusan pemerintahan utama: wajib diisi."))
                #expect(try await Innovation.find(draft.id, on: app.db)?.status == .draft)
            }
        }

        @Test func aRevisionRequestNeedsAComment() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app, status: .submitted)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                let response = try await browser.post("/innovations/\(innovation.id!)/request-revision", [("comment_general", "  ")])
                #expect(response.status == .seeOther)
                #expect(try await Innovation.find(innovation.id, on: app.db)?.status == .submitted)
            }
        }

        @Test func operatorsCannotEditWhileTheBiroReviews() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app, status: .submitted)
                var browser = Browser(app)
                try await browser.login(fixture.operator_.email)
                let response = try await browser.post("/innovations/\(innovation.id!)", Self.form(name: "Diubah diam-diam", design: Self.design))
                #expect(response.status == .conflict)
                #expect(try await Innovation.find(innovation.id, on: app.db)?.name == "Si Pelandukilat")
            }
        }

        @Test func archivingHidesButNeverDeletes() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                #expect(try await browser.post("/innovations/\(innovation.id!)/archive").status == .seeOther)
                #expect(!(try await browser.get("/innovations").body.string.contains("Si Pelandukilat")))
                #expect(try await browser.get("/innovations?status=archived").body.string.contains("Si Pelandukilat"))
                #expect(try await browser.post("/innovations/\(innovation.id!)/restore").status == .seeOther)
                #expect(try await Innovation.find(innovation.id, on: app.db)?.status == .draft)
            }
        }
    }
}
