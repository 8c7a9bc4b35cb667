import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// The Admin Lokal flow through the web, as the agency's operator and the Biro see it.
    @Suite struct CompetitionTests {
        static func proposalID(from location: String) -> Int? { Int(location.split(separator: "/").last ?? "") }

        @Test func anOperatorTakesAProposalFromDraftToTop99() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let edition = try await fixture.openEdition(app)
                let innovation = try await fixture.verifiedInnovation(app, name: "Adminduk Jemput Bola")
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)

                // Start: the sections come from the profile.
                let started = try await agency.post("/competitions/\(edition.id!)/proposals", [
                    ("innovationID", String(innovation.id!)), ("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan")])
                #expect(started.status == .seeOther)
                let id = try #require(Self.proposalID(from: started.location))
                let proposal = try #require(try await Proposal.find(id, on: app.db))
                #expect(proposal.sections["kebaruan"] == nil || proposal.sections["latar-belakang"] == innovation.goals)
                let page = try await agency.get("/proposals/\(id)").body.string
                #expect(page.contains("id=\"open-points\""))

                // A section over its limit is saved (nothing typed is lost) and named at once with its count and limit.
                let tooLong = Array(repeating: "anak-anak", count: 205).joined(separator: " ")
                var fields = Self.sections(for: edition, text: "Uraian singkat yang cukup jelas.")
                fields.removeAll { $0.0 == "section-ringkasan" }
                fields += [("section-ringkasan", tooLong), ("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan"),
                           ("videoURL", "https://www.youtube.com/watch?v=abc"), ("sdg-16", "on")]
                let over = try await agency.post("/proposals/\(id)", fields)
                #expect(over.status == .seeOther && over.location == "/proposals/\(id)/edit")
                let warned = try await agency.get(over.location).body.string
                #expect(warned.contains("Bagian &quot;Ringkasan&quot;: 205 kata, melebihi batas 200 kata."))
                #expect(warned.contains(String(tooLong.prefix(60))))
                #expect(try await Proposal.find(id, on: app.db)?.sections["ringkasan"] == tooLong)
                let blocked = try await agency.post("/proposals/\(id)/submit")
                #expect(blocked.status == .conflict)
                #expect(blocked.body.string.contains("Bagian &quot;Ringkasan&quot;: 205 kata, melebihi batas 200 kata."))
                // A malformed video link is refused and what was typed comes back.
                var badVideo = fields
                badVideo.removeAll { $0.0 == "videoURL" }
                badVideo.append(("videoURL", "youtube kami"))
                let refused = try await agency.post("/proposals/\(id)", badVideo)
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Tautan video: &quot;youtube kami&quot; harus alamat web lengkap"))
                // Fixed.
                fields.removeAll { $0.0 == "section-ringkasan" }
                fields.append(("section-ringkasan", "Pelayanan adminduk jemput bola di 14 kecamatan perbatasan, 2.340 dokumen terbit."))
                #expect(try await agency.post("/proposals/\(id)", fields).location == "/proposals/\(id)")

                // Submitting before the documents are there lists every missing one.
                let early = try await agency.post("/proposals/\(id)/submit")
                #expect(early.status == .conflict)
                #expect(early.body.string.contains("Dokumen &quot;Surat pernyataan implementasi&quot; belum diunggah."))
                // A file that is not a PDF, JPEG or PNG is refused by its content, whatever its name.
                let fake = try await agency.upload("/proposals/\(id)/documents", file: ("sk.pdf", Array("<html>bukan pdf</html>".utf8), "application/pdf"),
                                                   fields: [("purpose", "sk-pejabat")])
                #expect(fake.status == .seeOther)
                #expect(try await agency.get("/proposals/\(id)").body.string.contains("bukan PDF, JPEG atau PNG (isinya terbaca sebagai text, 1 KB)"))
                for document in edition.definition.documents(for: "umum") {
                    let uploaded = try await agency.upload("/proposals/\(id)/documents", file: ("\(document.key).pdf",
                        DemoDocument.pdf(title: document.name, innovation: innovation.name), "application/pdf"), fields: [("purpose", document.key)])
                    #expect(uploaded.status == .seeOther)
                }
                #expect(try await agency.post("/proposals/\(id)/submit").status == .seeOther)
                #expect(try await Proposal.find(id, on: app.db)?.status == .submitted)
                // Submitted: the operator can no longer change it.
                #expect(try await agency.post("/proposals/\(id)", fields).status == .conflict)

                // The Biro returns it with a comment on one section; the operator sees it and resubmits.
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                #expect(try await biro.post("/proposals/\(id)/return", []).status == .badRequest)
                #expect(try await biro.post("/proposals/\(id)/return", [("comment_signifikansi", "Tambahkan data sebelum dan sesudah.")]).status == .seeOther)
                let returned = try await agency.get("/proposals/\(id)/edit").body.string
                #expect(returned.contains("Tambahkan data sebelum dan sesudah."))
                #expect(try await agency.post("/proposals/\(id)/submit").status == .seeOther)

                // Accepted, selected within the quota, handed over, Top 99.
                #expect(try await biro.post("/proposals/\(id)/accept").status == .seeOther)
                #expect(try await biro.post("/proposals/\(id)/select").status == .seeOther)
                let selection = try await biro.get("/competitions/\(edition.id!)/selection").body.string
                #expect(selection.contains("Adminduk Jemput Bola") && selection.contains("1 / 10"))
                #expect(try await biro.post("/competitions/\(edition.id!)/hand-over").status == .seeOther)
                let handedOver = try #require(try await Proposal.find(id, on: app.db))
                #expect(handedOver.status == .handedOver && handedOver.handedOverBy == fixture.admin.name && handedOver.handedOverAt != nil)
                #expect(try await biro.post("/proposals/\(id)/outcomes", [("outcome", "stage:administrasi:passed")]).status == .seeOther)
                #expect(try await biro.post("/proposals/\(id)/outcomes", [("outcome", "tier:top-99")]).status == .seeOther)

                // The award is the innovation's history, in the registry and the public catalogue.
                #expect(try await biro.get("/innovations/\(innovation.id!)").body.string.contains("\(edition.name) — Top 99"))
                var visitor = Browser(app)
                #expect(try await visitor.get("/catalogue/\(innovation.id!)").body.string.contains("\(edition.name) — Top 99"))
                // Every step left a revision and an audit event.
                let revisions = try await ProposalRevision.query(on: app.db).filter(\.$proposal.$id == id).sort(\.$number).all().map(\.action)
                #expect(revisions.starts(with: ["created", "edited"]))
                #expect(revisions.contains("submit") && revisions.contains("return") && revisions.contains("accept") && revisions.contains("select")
                        && revisions.contains("handOver") && revisions.filter { $0 == "outcome" }.count == 2)
                #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "proposal").filter(\.$entityID == id).count() >= revisions.count)
            }
        }

        static func sections(for edition: Competition, text: String) -> [(String, String)] {
            edition.definition.sections(for: "umum").map { ("section-\($0.key)", text) }
        }

        @Test func aFullQuotaIsRefusedNamingTheAgencyGroupAndQuota() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let edition = try await fixture.openEdition(app, quota: 1)
                _ = try await fixture.proposal(app, in: edition, status: .selected)
                let second = try await fixture.proposal(app, in: edition, status: .accepted, agency: fixture.otherAgency)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let refused = try await biro.post("/proposals/\(second.id!)/select")
                #expect(refused.status == .conflict)
                #expect(refused.body.string.contains("Kuota penuh: Pemerintah Provinsi sudah memakai 1 dari 1 tempat untuk Kelompok umum."))
                #expect(try await Proposal.find(second.id, on: app.db)?.status == .accepted)
            }
        }

        @Test func aPerAgencyQuotaCountsEachAgencyWithItsUnits() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let unit = Agency(code: "UPTD-DUKCAPIL", name: "UPTD Pelayanan Dukcapil Perbatasan", shortName: "UPTD Dukcapil",
                                  kind: .technicalUnit, parentID: fixture.agency.id)
                try await unit.create(on: app.db)
                let edition = try await fixture.openEdition(app, quota: 1)
                var definition = edition.definition
                definition.quotaScope = .perAgency
                edition.definition = definition
                try await edition.save(on: app.db)
                _ = try await fixture.proposal(app, in: edition, status: .selected, agency: unit)
                let sameAgency = try await fixture.proposal(app, in: edition, status: .accepted)
                let otherAgency = try await fixture.proposal(app, in: edition, status: .accepted, agency: fixture.otherAgency)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let refused = try await biro.post("/proposals/\(sameAgency.id!)/select")
                #expect(refused.body.string.contains("Kuota penuh: Dinas Kependudukan dan Pencatatan Sipil sudah memakai 1 dari 1 tempat"))
                #expect(try await biro.post("/proposals/\(otherAgency.id!)/select").status == .seeOther)
            }
        }

        @Test func closedRegistrationDuplicatesAndUnverifiedInnovationsAreRefusedByName() async throws {
            let clock = TestClock()
            // Sessions that outlast the two days the clock moves.
            try await withApp(clock: clock.clock, settings: { $0.sessionIdleTimeout = 5 * 86_400; $0.sessionLifetime = 5 * 86_400 }) { app in
                let fixture = try await Fixture.make(app)
                let edition = try await fixture.openEdition(app)
                let verified = try await fixture.verifiedInnovation(app, name: "Sudah Terverifikasi")
                let draft = try await fixture.innovation(app, name: "Masih Draf")
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                let path = "/competitions/\(edition.id!)/proposals"
                let unverified = try await agency.post(path, [("innovationID", String(draft.id!)), ("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan")])
                #expect(unverified.status == .badRequest)
                #expect(unverified.body.string.contains("Profil inovasi belum terverifikasi (status sekarang: Draf)"))
                #expect(try await agency.post(path, [("innovationID", String(verified.id!)), ("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan")]).status == .seeOther)
                let twice = try await agency.post(path, [("innovationID", String(verified.id!)), ("groupKey", "khusus"), ("categoryKey", "inklusif-berkeadilan")])
                #expect(twice.status == .conflict)
                #expect(twice.body.string.contains("sudah punya proposal di KIPP Uji"))
                #expect(try await Proposal.query(on: app.db).count() == 1)

                clock.advance(2 * 86_400)
                let other = try await fixture.verifiedInnovation(app, name: "Terlambat")
                let late = try await agency.post(path, [("innovationID", String(other.id!)), ("groupKey", "umum"), ("categoryKey", "inklusif-berkeadilan")])
                #expect(late.status == .conflict)
                #expect(late.body.string.contains("Pendaftaran edisi ini ditutup pada \(IndonesianFormat.dateTime(edition.closesAt))"))
            }
        }

        @Test func proposalsAndTheirDocumentsFollowTheRegistryScope() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let edition = try await fixture.openEdition(app)
                let foreign = try await fixture.proposal(app, in: edition, agency: fixture.otherAgency)
                let file = try await AttachmentStore(db: app.db).current(.proposal, foreign.id!)[0]
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                #expect(try await agency.get("/proposals/\(foreign.id!)").status == .forbidden)
                #expect(try await agency.get("/proposals/\(foreign.id!)/documents/\(file.id)").status == .forbidden)
                #expect(try await agency.get("/proposals/\(foreign.id!)/print").status == .forbidden)
                let foreignName = try #require(try await Innovation.find(foreign.$innovation.id, on: app.db)).name
                #expect(!(try await agency.get("/competitions/\(edition.id!)").body.string.contains(foreignName)))
                var viewer = Browser(app)
                try await viewer.login(fixture.viewer.email)
                #expect(try await viewer.get("/proposals/\(foreign.id!)").status == .ok)
                #expect(try await viewer.get("/proposals/\(foreign.id!)/documents/\(file.id)").status == .forbidden)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let download = try await biro.get("/proposals/\(foreign.id!)/documents/\(file.id)")
                #expect(download.status == .ok)
                #expect(download.headers.first(name: .contentType) == "application/pdf")
                #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=") == true)
                #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
                // A document of another proposal cannot be fetched through this one.
                let own = try await fixture.proposal(app, in: edition)
                #expect(try await biro.get("/proposals/\(own.id!)/documents/\(file.id)").status == .notFound)
            }
        }

        @Test func theBiroCreatesEditsAndCopiesEditionsAndBadRulesAreNamed() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let kipp = try #require(try await Competition.query(on: app.db).filter(\.$name == "KIPP 2023").first())
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                var form = EditionForm(kipp)
                form.name = "Seleksi Internal Biro 2026"
                form.criteria[0]["weight"] = "35"
                let bad = try await biro.post("/competitions", Forms.edition(form))
                #expect(bad.status == .badRequest)
                #expect(bad.body.string.contains("Kriteria penilaian: bobot kriteria berjumlah 115,0, harus 100."))
                #expect(bad.body.string.contains("value=\"Seleksi Internal Biro 2026\""))
                form.criteria[0]["weight"] = "20"
                form.closesDay = "2023-01-01"
                let dates = try await biro.post("/competitions", Forms.edition(form))
                #expect(dates.body.string.contains("pendaftaran ditutup 1 Januari 2023 sebelum dibuka 1 Februari 2023."))
                form.closesDay = "2023-05-07"
                let created = try await biro.post("/competitions", Forms.edition(form))
                #expect(created.status == .seeOther)
                let edition = try #require(try await Competition.query(on: app.db).filter(\.$name == "Seleksi Internal Biro 2026").first())
                #expect(edition.definition == kipp.definition)

                let copied = try await biro.post("/competitions/\(kipp.id!)/copy")
                #expect(copied.status == .seeOther)
                let copy = try #require(try await Competition.query(on: app.db).filter(\.$name == "KIPP 2024").first())
                #expect(copy.year == 2024 && copy.copiedFromID == kipp.id && copy.definition == kipp.definition)
                #expect(WITATime.parts(copy.closesAt).day == CalendarDate(year: 2024, month: 5, day: 7)!)
                #expect(try await AuditEvent.query(on: app.db).filter(\.$action ~~ ["competition.create", "competition.copy"]).count() == 2)
            }
        }

        @Test func theExportHasOneRowPerProposalWithWordCounts() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let edition = try await fixture.openEdition(app)
                let first = try await fixture.proposal(app, in: edition, status: .handedOver)
                _ = try await fixture.proposal(app, in: edition, status: .submitted, agency: fixture.otherAgency)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                _ = try await biro.post("/proposals/\(first.id!)/outcomes", [("outcome", "tier:top-99")])
                let csv = try await biro.get("/competitions/\(edition.id!)/proposals.csv").body.string
                let lines = csv.split(whereSeparator: \.isNewline)
                #expect(lines.count == 3)
                #expect(lines[0].contains("Ringkasan (Jumlah kata)"))
                #expect(csv.contains("Top 99") && csv.contains("Diserahkan ke Sinovik") && csv.contains("Diajukan ke Biro"))
                let text = try await biro.get("/proposals/\(first.id!)/text")
                #expect(text.headers.first(name: .contentType)?.hasPrefix("text/plain") == true)
                #expect(text.body.string.contains("==== Ringkasan ("))
                let xlsx = try await biro.get("/competitions/\(edition.id!)/proposals.xlsx")
                #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
            }
        }

        @Test func awardsEnteredByHandDecideTheNextEditionsRules() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let edition = try await fixture.openEdition(app)
                let proposal = try await fixture.proposal(app, in: edition)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                #expect(try await biro.get("/proposals/\(proposal.id!)").body.string.contains("✓</span> Belum pernah menjadi pemenang tingkat teratas KIPP"))
                let recorded = try await biro.post("/innovations/\(proposal.$innovation.id)/awards",
                                                   [("year", "2019"), ("editionName", "KIPP 2019"), ("organiser", "nationalKIPP"),
                                                    ("tierName", "Top 45"), ("isTopTier", "on")])
                #expect(recorded.status == .seeOther)
                let page = try await biro.get("/proposals/\(proposal.id!)").body.string
                #expect(page.contains("Sudah pernah menjadi pemenang tingkat teratas KIPP (KIPP 2019 — Top 45)"))
                #expect(page.contains("Kelompok khusus: memenuhi syarat"))
                let badYear = try await biro.post("/innovations/\(proposal.$innovation.id)/awards", [("year", "19"), ("editionName", "KIPP"), ("tierName", "Top 45")])
                #expect(badYear.status == .badRequest)
            }
        }
    }
}
