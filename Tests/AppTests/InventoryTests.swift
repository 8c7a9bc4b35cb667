import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// Evidence, inventory rounds and coverage as agencies and the Biro use them.
    @Suite struct InventoryTests {
        @Test func evidenceIsCheckedByContentKeptInTheHistoryAndSeenOnlyByThoseWhoMay() async throws {
            try await withApp(settings: { $0.uploadLimitBytes = 1024 * 1024 }) { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.innovation(app)
                let id = innovation.id!
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                let fields = [("type", "decree"), ("issuer", "Gubernur Kalimantan Utara"), ("issuedOn", "1 Maret 2021"), ("description", "SK penetapan")]

                // A web page named .pdf, and a file over the limit: refused, naming what was found; nothing is saved.
                let fake = try await agency.upload("/innovations/\(id)/evidence", file: ("sk.pdf", Array("<html>bukan pdf</html>".utf8), "application/pdf"), fields: fields)
                #expect(fake.status == .seeOther)
                #expect(try await agency.get("/innovations/\(id)").body.string.contains("bukan PDF, JPEG atau PNG (isinya terbaca sebagai text, 1 KB)"))
                var big = DemoDocument.pdf(title: "SK", innovation: "x")
                big += Array(repeating: 0x20, count: 1024 * 1024)
                _ = try await agency.upload("/innovations/\(id)/evidence", file: ("besar.pdf", big, "application/pdf"), fields: fields)
                #expect(try await agency.get("/innovations/\(id)").body.string.contains("melebihi batas 1 MB"))
                // A bad date names the field and keeps nothing either.
                _ = try await agency.upload("/innovations/\(id)/evidence", file: ("sk.pdf", DemoDocument.pdf(title: "SK", innovation: "x"), "application/pdf"),
                                            fields: [("type", "decree"), ("issuedOn", "31 Februari 2021")])
                #expect(try await agency.get("/innovations/\(id)").body.string.contains("Tanggal dokumen: &quot;31 Februari 2021&quot; bukan tanggal"))
                #expect(try await Evidence.query(on: app.db).count() == 0)

                let accepted = try await agency.upload("/innovations/\(id)/evidence", file: ("SK Gubernur.pdf", DemoDocument.pdf(title: "SK", innovation: "x"), "application/pdf"), fields: fields)
                #expect(accepted.status == .seeOther)
                let evidence = try #require(try await Evidence.query(on: app.db).first())
                #expect(evidence.type == .decree && evidence.issuedOn == "2021-03-01" && evidence.fileName == "SK_Gubernur.pdf")
                let page = try await agency.get("/innovations/\(id)").body.string
                #expect(page.contains("SK / Perkada / Perda") && page.contains("Bukti dukung ditambahkan"))

                // Viewers read it; another agency's operator and evaluators do not.
                var viewer = Browser(app)
                try await viewer.login(fixture.viewer.email)
                let download = try await viewer.get("/innovations/\(id)/evidence/\(evidence.id!)")
                #expect(download.status == .ok && download.headers.first(name: .contentType) == "application/pdf")
                #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true && download.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(try await viewer.post("/innovations/\(id)/evidence/\(evidence.id!)/remove").status == .forbidden)
                var other = Browser(app)
                try await other.login(fixture.otherOperator.email)
                #expect(try await other.get("/innovations/\(id)/evidence/\(evidence.id!)").status == .forbidden)
                var evaluator = Browser(app)
                try await evaluator.login(fixture.evaluator.email)
                #expect(try await evaluator.get("/innovations/\(id)/evidence/\(evidence.id!)").status == .forbidden)

                // Removing keeps the file listed as removed and in the history.
                #expect(try await agency.post("/innovations/\(id)/evidence/\(evidence.id!)/remove").status == .seeOther)
                let after = try await agency.get("/innovations/\(id)").body.string
                #expect(after.contains("Bukti dukung dihapus") && after.contains("(dihapus)"))
                #expect(try await Evidence.find(evidence.id, on: app.db)?.isActive == false)
            }
        }

        @Test func aRoundRunsFromOpeningToItsSnapshotAndRefusesAnswersOnceClosed() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let pelandukilat = try await fixture.innovation(app, name: "Si Pelandukilat")
                let keliling = try await fixture.innovation(app, name: "Adminduk Keliling")
                let dinkes = try await fixture.innovation(app, name: "Posyandu Digital", agency: fixture.otherAgency)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)

                // Bad input names the fields and opens nothing.
                let bad = try await biro.post("/inventory", [("name", ""), ("deadline", "besok")])
                #expect(bad.status == .badRequest)
                #expect(bad.body.string.contains("Nama putaran: wajib diisi") && bad.body.string.contains("Batas waktu: &quot;besok&quot; bukan tanggal"))
                #expect(bad.body.string.contains("Perangkat daerah yang diminta: pilih sekurang-kurangnya satu."))
                #expect(try await InventoryRound.query(on: app.db).count() == 0)
                let opened = try await biro.post("/inventory", [("name", "Inventarisasi Inovasi 2026"), ("deadline", app.clock.today.adding(days: 7).description),
                                                                ("agencies[]", String(fixture.agency.id!)), ("agencies[]", String(fixture.otherAgency.id!))])
                #expect(opened.status == .seeOther)
                let round = try #require(try await InventoryRound.query(on: app.db).first())

                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                // The operator lands on its own agency's list; another agency's is closed to it.
                #expect(try await agency.get("/inventory/\(round.id!)").location == "/inventory/\(round.id!)/agencies/\(fixture.agency.id!)")
                #expect(try await agency.get("/inventory/\(round.id!)/agencies/\(fixture.otherAgency.id!)").status == .forbidden)
                #expect(try await agency.post("/inventory/\(round.id!)/innovations/\(dinkes.id!)", [("answer", "running")]).status == .forbidden)

                #expect(try await agency.post("/inventory/\(round.id!)/innovations/\(pelandukilat.id!)", [("answer", "running")]).status == .seeOther)
                // Confirming with an innovation unanswered names it.
                _ = try await agency.post("/inventory/\(round.id!)/agencies/\(fixture.agency.id!)/confirm")
                #expect(try await agency.get("/inventory/\(round.id!)/agencies/\(fixture.agency.id!)").body.string.contains("1 inovasi belum dijawab (Adminduk Keliling)"))
                // Discontinued without a reason: refused, nothing saved; with them: archived, in the history.
                _ = try await agency.post("/inventory/\(round.id!)/innovations/\(keliling.id!)", [("answer", "discontinued"), ("discontinuedOn", "2026-06-30")])
                #expect(try await InventoryCheck.query(on: app.db).filter(\.$innovation.$id == keliling.id!).count() == 0)
                #expect(try await agency.get("/inventory/\(round.id!)/agencies/\(fixture.agency.id!)").body.string.contains("Alasan: wajib diisi bila inovasi dihentikan."))
                _ = try await agency.post("/inventory/\(round.id!)/innovations/\(keliling.id!)",
                                          [("answer", "discontinued"), ("discontinuedOn", "2026-06-30"), ("reason", "Digabung ke layanan daring")])
                #expect(try await Innovation.find(keliling.id, on: app.db)?.status == .archived)
                #expect(try await agency.get("/innovations/\(keliling.id!)/history").body.string.contains("Dinyatakan dihentikan (inventarisasi)"))
                #expect(try await agency.post("/inventory/\(round.id!)/agencies/\(fixture.agency.id!)/confirm").status == .seeOther)
                #expect(try await agency.get("/inventory/\(round.id!)/agencies/\(fixture.agency.id!)").body.string.contains("Daftar dinyatakan lengkap oleh"))

                // A changed innovation goes to its form.
                var other = Browser(app)
                try await other.login(fixture.otherOperator.email)
                #expect(try await other.post("/inventory/\(round.id!)/innovations/\(dinkes.id!)", [("answer", "changed")]).location == "/innovations/\(dinkes.id!)/edit")

                // The Biro sees who is where, and the one left to chase.
                let progress = try await biro.get("/inventory/\(round.id!)").body.string
                #expect(progress.contains("data-state=\"confirmed\"") && progress.contains("data-state=\"inProgress\""))
                #expect(progress.contains("id=\"to-chase\"") && progress.contains("Dinas Kesehatan</a> — Sedang berjalan"))

                #expect(try await biro.post("/inventory/\(round.id!)/close").status == .seeOther)
                let closed = try await biro.get("/inventory/\(round.id!)").body.string
                #expect(closed.contains("2 inovasi, terdiri atas 2 pelayanan publik."))
                #expect(closed.contains("Belum mengonfirmasi saat ditutup: Dinas Kesehatan;"))
                let snapshot = try #require(try await InventoryRound.find(round.id, on: app.db)?.snapshot)
                #expect(Set(snapshot.items.map(\.id)) == [pelandukilat.id!, dinkes.id!])

                // After the close: refused with the day it closed; nothing changes.
                let late = try await other.post("/inventory/\(round.id!)/agencies/\(fixture.otherAgency.id!)/confirm")
                #expect(late.status == .conflict)
                #expect(late.body.string.contains("Putaran ini ditutup pada \(IndonesianFormat.date(app.clock.today, language: .id))"))
                #expect(try await other.post("/inventory/\(round.id!)/innovations/\(dinkes.id!)", [("answer", "running")]).status == .conflict)
                #expect(try await InventoryCheck.query(on: app.db).filter(\.$innovation.$id == dinkes.id!).first()?.answer == .changed)
            }
        }

        @Test func anOperatorDiscontinuesAPublishedInnovationAndTakesItBack() async throws {
            try await withApp { app in
                // Setup: a verified, published innovation and a round that asks its agency.
                let fixture = try await Fixture.make(app)
                let published = try await fixture.innovation(app, name: "Adminduk Keliling", status: .verified)
                published.isPublic = true
                try await published.save(on: app.db)
                let round = try await fixture.openRound(app)
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                let path = "/inventory/\(round.id!)/innovations/\(published.id!)"

                // Act and check: discontinued archives it, even though operators may archive only drafts elsewhere.
                #expect(try await agency.post(path, [("answer", "discontinued"), ("discontinuedOn", "2026-06-30"),
                                                     ("reason", "Digabung ke layanan daring")]).status == .seeOther)
                let archived = try #require(try await Innovation.find(published.id, on: app.db))
                #expect(archived.status == .archived && !archived.isPublic)
                #expect(try await app.sendRequest(.GET, "/catalogue/\(published.id!)").status == .notFound)

                // A corrected answer in the same round gives back verified and published, with its own history line.
                #expect(try await agency.post(path, [("answer", "running")]).status == .seeOther)
                let back = try #require(try await Innovation.find(published.id, on: app.db))
                #expect(back.status == .verified && back.isPublic)
                #expect(try await app.sendRequest(.GET, "/catalogue/\(published.id!)").status == .ok)
                #expect(try await agency.get("/innovations/\(published.id!)/history").body.string.contains("Dinyatakan berjalan kembali (inventarisasi)"))

                // "Changed" on a verified profile is recorded and says who reopens it, instead of an edit form it may not use.
                let changed = try await agency.post(path, [("answer", "changed")])
                #expect(changed.location == "/inventory/\(round.id!)/agencies/\(fixture.agency.id!)#innovation-\(published.id!)")
                #expect(try await agency.get("/inventory/\(round.id!)/agencies/\(fixture.agency.id!)").body.string.contains("hubungi Biro"))
                #expect(try await InventoryCheck.query(on: app.db).filter(\.$innovation.$id == published.id!).first()?.answer == .changed)
            }
        }

        @Test func twoClosedRoundsCompare() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let kept = try await fixture.innovation(app, name: "Si Pelandukilat")
                let stopped = try await fixture.innovation(app, name: "Adminduk Keliling")
                let first = try await fixture.closedRound(app)
                let added = try await fixture.innovation(app, name: "KTP Digital")
                stopped.status = .archived
                try await stopped.save(on: app.db)
                kept.name = "Si Pelandukilat Plus"
                try await kept.save(on: app.db)
                let second = try await fixture.closedRound(app)
                var viewer = Browser(app)
                try await viewer.login(fixture.viewer.email)
                let page = try await viewer.get("/inventory/compare?from=\(second.id!)&to=\(first.id!)").body.string
                #expect(page.contains("Baru (1)") && page.contains(added.name))
                #expect(page.contains("Dihentikan atau tidak ada lagi (1)") && page.contains("Adminduk Keliling"))
                #expect(page.contains("Berubah (1)") && page.contains("Si Pelandukilat → Si Pelandukilat Plus"))
                #expect(try await viewer.get("/inventory/compare?from=\(first.id!)").status == .badRequest)
            }
        }

        @Test func coverageNamesAgenciesWithoutAndVillagesGroupUnderTheirKecamatan() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                try await fixture.innovation(app)
                let regency = Agency(code: "KAB-N", name: "Kabupaten Nunukan", shortName: "Nunukan", kind: .regency, parentID: nil)
                try await regency.create(on: app.db)
                let empty = Agency(code: "KEC-L", name: "Kecamatan Lumbis Ogong", shortName: "Lumbis", kind: .district, parentID: regency.id)
                try await empty.create(on: app.db)
                let full = Agency(code: "KEC-S", name: "Kecamatan Sebatik Barat", shortName: "Sebatik", kind: .district, parentID: regency.id)
                try await full.create(on: app.db)
                let labang = Agency(code: "DESA-L", name: "Desa Labang", shortName: "Labang", kind: .village, parentID: empty.id)
                try await labang.create(on: app.db)
                let binalawan = Agency(code: "DESA-B", name: "Desa Binalawan", shortName: "Binalawan", kind: .village, parentID: full.id)
                try await binalawan.create(on: app.db)
                try await fixture.innovation(app, name: "Posyandu Perbatasan", agency: binalawan)

                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let coverage = try await biro.get("/coverage").body.string
                #expect(coverage.contains("1 dari 2 perangkat daerah tanpa inovasi") && coverage.contains("Dinas Kesehatan"))
                #expect(!coverage.contains("Kecamatan Lumbis Ogong"))
                let villages = try await biro.get("/coverage/villages").body.string
                #expect(villages.contains("1 dari 2 desa/kelurahan memiliki inovasi."))
                #expect(villages.contains("Tidak satu pun desa memiliki inovasi di: <a href=\"/agencies/\(empty.id!)\">Kecamatan Lumbis Ogong</a>"))
                #expect(villages.contains("Posyandu Perbatasan"))
            }
        }
    }
}
