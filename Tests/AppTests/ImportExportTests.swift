import Fluent
import Foundation
import LumbungCore
import LumbungSpreadsheet
import Testing
import VaporTesting
@testable import App

extension AppTests {
    @Suite struct ImportExportTests {
        static let actor = ImportService.Actor(userID: nil, name: "test", email: "test")

        static func csv(_ rows: [[String]], separator: String = ",") -> [UInt8] {
            Array(rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: separator) }
                .joined(separator: "\r\n").utf8)
        }

        static func row(_ code: String, _ name: String, agency: String = "DISDUKCAPIL", stage: String = "penerapan",
                        trial: String = "01/03/2019", implementation: String = "1 Juli 2019", status: String = "terverifikasi",
                        publish: String = "ya") -> [String] {
            var values = Array(repeating: "", count: ImportTemplate.headers.count)
            func set(_ header: String, _ value: String) { values[ImportTemplate.headers.firstIndex(of: header)!] = value }
            set("kode", code); set("nama", name); set("kode_perangkat_daerah", agency); set("bentuk", "Pelayanan Publik")
            set("jenis", "non-digital"); set("tahapan", stage); set("inisiator", "ASN"); set("urusan_utama", "Kesehatan")
            set("urusan_lain", "adminduk; sosial"); set("tanggal_uji_coba", trial); set("tanggal_penerapan", implementation)
            set("rancang_bangun", "Pelayanan keliling ke desa.\n\nDasar hukum PP 38/2017."); set("tujuan", "Mendekatkan layanan.")
            set("tema", "jemput bola; perbatasan"); set("sdgs", "3;16"); set("lintang", "3,57"); set("bujur", "115.98")
            set("status", status); set("publikasi", publish)
            return values
        }

        @Test func importsAllOrNothingAndIsIdempotent() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let service = ImportService(db: app.db, search: app.catalogue)
                let file = Self.csv([ImportTemplate.headers, Self.row("KT-1", "Posyandu Keliling"), Self.row("KT-2", "Kapal Sehat")],
                                    separator: ";")
                let dry = try await service.run(file, fileName: "test.csv", dryRun: true, actor: Self.actor)
                #expect(dry.succeeded && dry.created == 2)
                #expect(try await Innovation.query(on: app.db).count() == 0)

                let first = try await service.run(file, fileName: "test.csv", dryRun: false, actor: Self.actor)
                #expect(first.created == 2 && first.updated == 0)
                let imported = try #require(try await Innovation.query(on: app.db).filter(\.$code == "KT-1").first())
                #expect(imported.implementationStart == "2019-07-01" && imported.trialStart == "2019-03-01")
                #expect(imported.mainAffair == "kesehatan" && imported.otherAffairs == ["adminduk", "sosial"])
                #expect(imported.latitude == 3.57 && imported.isPublic && imported.$agency.id == fixture.agency.id)
                #expect(app.catalogue.snapshot.search(SearchRequest(query: SearchQuery.parse("posyandu"))).total == 1)

                let again = try await service.run(file, fileName: "test.csv", dryRun: false, actor: Self.actor)
                #expect(again.unchanged == 2 && again.created == 0 && again.updated == 0)
                #expect(try await Revision.query(on: app.db).count() == 2)
            }
        }

        @Test func everyProblemIsReportedWithRowAndColumnAndNothingIsSaved() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                var bad = Self.row("KT-2", "Baris Buruk", agency: "TIDAKADA", trial: "31/02/2019")
                bad[ImportTemplate.headers.firstIndex(of: "jenis")!] = "setengah digital"
                let file = Self.csv([ImportTemplate.headers, Self.row("KT-1", "Baris Baik"), bad, Self.row("KT-1", "Kode Ganda"),
                                     ["terlalu", "sedikit"]])
                let report = try await ImportService(db: app.db, search: app.catalogue).run(file, fileName: "test.csv", dryRun: false, actor: Self.actor)
                #expect(!report.succeeded)
                let found = Set(report.problems.map { "\($0.row):\($0.column)" })
                #expect(found.isSuperset(of: ["3:jenis", "3:tanggal_uji_coba", "4:kode", "5:-", "3:kode_perangkat_daerah"]), "\(found)")
                #expect(report.problems.first { $0.column == "jenis" }!.text(in: .id) == "Baris 3, kolom jenis: pilihan \"setengah digital\" tidak dikenal.")
                #expect(try await Innovation.query(on: app.db).count() == 0)
            }
        }

        /// The file is read once and good batches are written as it goes: a problem after the
        /// first batches must still leave the registry as it was.
        @Test func aProblemAfterWrittenBatchesRollsEverythingBack() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                let good = (1...(ImportService.batchSize + 200)).map { Self.row("KT-\($0)", "Inovasi Nomor \($0)") }
                let lateBadRow = Self.row("KT-X", "Baris Terakhir", agency: "TIDAKADA")
                let file = Self.csv([ImportTemplate.headers] + good + [lateBadRow])
                let report = try await ImportService(db: app.db, search: app.catalogue).run(file, fileName: "test.csv", dryRun: false, actor: Self.actor)
                #expect(report.problems.map { "\($0.row):\($0.column)" } == ["\(good.count + 2):kode_perangkat_daerah"])
                #expect(try await Innovation.query(on: app.db).count() == 0)
                #expect(try await Revision.query(on: app.db).count() == 0)

                let brokenAtTheEnd = Self.csv([ImportTemplate.headers] + good) + Array("\r\nKT-Y,\"tanpa penutup".utf8)
                let broken = try await ImportService(db: app.db, search: nil).run(brokenAtTheEnd, fileName: "test.csv", dryRun: false, actor: Self.actor)
                #expect(broken.problems.count == 1)
                #expect(try await Innovation.query(on: app.db).count() == 0)
            }
        }

        /// Imports write many rows per statement instead of saving models; what they store must
        /// read back exactly like an innovation saved through its model.
        @Test func bulkWrittenRowsReadBackLikeSavedModels() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let file = Self.csv([ImportTemplate.headers, Self.row("KT-1", "Posyandu Keliling")])
                _ = try await ImportService(db: app.db, search: nil).run(file, fileName: "test.csv", dryRun: false, actor: Self.actor)
                let imported = try #require(try await Innovation.query(on: app.db).filter(\.$code == "KT-1").first())

                let saved = Innovation(agencyID: fixture.agency.id!, profile: imported.profile, userID: nil)
                saved.code = "KT-2"
                saved.name = imported.name + " Dua"
                saved.nameKey = InnovationProfile.nameKey(saved.name)
                saved.status = imported.status
                saved.isPublic = imported.isPublic
                try await saved.save(on: app.db)
                let reread = try #require(try await Innovation.find(saved.id, on: app.db))

                var expected = reread.profile
                expected.name = imported.name
                #expect(imported.profile == expected)
                #expect(imported.nameKey == InnovationProfile.nameKey(imported.name) && imported.startYear == 2019)
                #expect(imported.status == .verified && imported.isPublic && imported.createdAt != nil && imported.updatedAt != nil)
                let revision = try #require(try await Revision.query(on: app.db).filter(\.$innovation.$id == imported.id!).first())
                #expect(revision.number == 1 && revision.action == "imported" && revision.userName == "test")
                #expect(try JSONDecoder().decode(InnovationProfile.self, from: Data(revision.snapshot.utf8)) == imported.profile)
            }
        }

        @Test func aBrokenQuoteNamesItsLine() async throws {
            try await withApp { app in
                _ = try await Fixture.make(app)
                let text = ImportTemplate.headers.joined(separator: ",") + "\r\nKT-1,\"Nama tanpa penutup\r\n"
                let report = try await ImportService(db: app.db, search: nil).run(Array(text.utf8), fileName: "test.csv", dryRun: false, actor: Self.actor)
                #expect(report.problems.count == 1)
                #expect(report.problems[0].row == 2)
            }
        }

        @Test func anExportedWorkbookEditedAndImportedUpdatesExactlyTheChangedRows() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let first = try await fixture.innovation(app, name: "Si Pelandukilat")
                try await fixture.innovation(app, name: "Aplikasi Antrean", agency: fixture.otherAgency)
                let exported = try await ExportService(db: app.db).xlsx()
                var sheets = try XLSXReader.read(exported)
                #expect(sheets.count == 2 && sheets[1].name == "Keterangan")
                var rows = sheets[0].rows
                #expect(rows.count == 3)
                let goals = ImportTemplate.headers.firstIndex(of: "tujuan")!
                let code = ImportTemplate.headers.firstIndex(of: "kode")!
                let edited = rows.firstIndex { $0[code] == first.code }!
                rows[edited][goals] = "Tujuan yang diperbarui di spreadsheet."
                sheets[0].rows = rows
                let file = try XLSXWriter.write(sheets)
                let report = try await ImportService(db: app.db, search: app.catalogue).run(Array(file), fileName: "test.xlsx", dryRun: false, actor: Self.actor)
                #expect(report.succeeded, "\(report.problems.map { $0.text(in: .en) })")
                #expect(report.updated == 1 && report.unchanged == 1 && report.created == 0)
                #expect(try await Innovation.find(first.id, on: app.db)?.goals == "Tujuan yang diperbarui di spreadsheet.")
            }
        }

        @Test func adminUploadsThroughThePage() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var browser = Browser(app)
                try await browser.login(fixture.admin.email)
                let token = try #require(browser.csrfToken)
                let boundary = "----lumbung-test"
                let file = String(decoding: Self.csv([ImportTemplate.headers, Self.row("KT-9", "Unggahan Halaman")]), as: UTF8.self)
                let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n\(token)\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
                    + "--\(boundary)--\r\n"
                let cookie = browser.cookie!
                let response = try await app.sendRequest(.POST, "/import", body: ByteBuffer(string: body)) { req in
                    req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                    req.headers.replaceOrAdd(name: .cookie, value: cookie)
                }
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Impor selesai: 1 baris"))
                #expect(try await Innovation.query(on: app.db).filter(\.$code == "KT-9").count() == 1)
                let export = try await browser.get("/export/registry.csv")
                #expect(export.headers.first(name: .contentDisposition)?.contains("attachment") == true)
                #expect(export.body.string.contains("KT-9"))
                let template = try await browser.get("/import/template.xlsx")
                #expect(try XLSXReader.read(Data(template.body.readableBytesView))[0].rows == [ImportTemplate.headers])
            }
        }
    }
}
