import Fluent
import Foundation
import LumbungCore
import Testing
import VaporTesting
@testable import App

extension AppTests {
    /// The Indeks Inovasi Daerah pages: answers with evidence, validation, what-if, gaps, the form.
    @Suite struct IndexTests {
        @Test func answersNeedTheirOwnEvidenceAndTheIndexCountsOnlySupportedOnes() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.verifiedInnovation(app, name: "Si Pelandukilat")
                let foreign = try await fixture.verifiedInnovation(app, name: "Posyandu Digital", agency: fixture.otherAgency)
                let sk = try await fixture.evidence(app, on: innovation)
                let foreignSK = try await fixture.evidence(app, on: foreign)
                var agency = Browser(app)
                try await agency.login(fixture.operator_.email)
                let path = "/index/2023/innovations/\(innovation.id!)"

                // A level outside the indicator's range, and another innovation's evidence: refused by name, nothing saved.
                let outside = try await agency.post(path, [("level-regulasi", "4")])
                #expect(outside.status == .badRequest && outside.body.string.contains("Regulasi inovasi daerah"))
                let borrowed = try await agency.post(path, [("level-regulasi", "3"), ("evidence-regulasi", String(foreignSK.id!))])
                #expect(borrowed.status == .badRequest && borrowed.body.string.contains("bukan milik inovasi ini"))
                #expect(try await IndexAnswer.query(on: app.db).count() == 0)
                #expect(try await agency.post("/index/2023/innovations/\(foreign.id!)", [("level-regulasi", "3")]).status == .forbidden)

                // Regulasi 3 with its SK, SDM 3 without evidence: only the first counts (3 × 2 = 6 of the innovation's points).
                #expect(try await agency.post(path, [("level-regulasi", "3"), ("evidence-regulasi", String(sk.id!)), ("level-sdm", "3")]).status == .seeOther)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let year = try await biro.get("/index/2023").body.string
                // SID 6 / MAX(10, 1) = 0,6; count 0,38; no SPD: (0,6 + 0,38) / 250 × 100 = 0,39.
                #expect(year.contains("id=\"index-value\">0,39<") && year.contains("Kurang Inovatif"))
                let gaps = try await biro.get("/index/2023/gaps").body.string
                #expect(gaps.contains("Ketersediaan dan peran SDM") && gaps.contains("Belum ada bukti dukung") && gaps.contains("+0,24"))

                // Rejecting needs a comment; a rejected answer no longer counts.
                let answer = try #require(try await IndexAnswer.query(on: app.db).filter(\.$indicatorKey == "regulasi").first())
                let silent = try await biro.post("/index/2023/answers/\(answer.id!)/validate", [("decision", "rejected")])
                #expect(silent.status == .badRequest && silent.body.string.contains("Catatan: wajib diisi bila jawaban ditolak."))
                var viewer = Browser(app)
                try await viewer.login(fixture.viewer.email)
                #expect(try await viewer.post("/index/2023/answers/\(answer.id!)/validate", [("decision", "rejected"), ("comment", "SK belum ditandatangani.")]).status == .seeOther)
                #expect(try await biro.get("/index/2023").body.string.contains("id=\"index-value\">0,15<"))
                // Changing the answer sends it back to waiting for validation.
                #expect(try await agency.post(path, [("level-regulasi", "2"), ("evidence-regulasi", String(sk.id!))]).status == .seeOther)
                #expect(try await IndexAnswer.find(answer.id, on: app.db)?.validation == .pending)
            }
        }

        @Test func whatIfChangesNothingAndNamesWhatItCannotApply() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.verifiedInnovation(app)
                try await fixture.indexAnswer(app, innovation: innovation, level: 3, evidence: try await fixture.evidence(app, on: innovation))
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let before = try await IndexAnswer.query(on: app.db).count()
                let unknown = try await biro.get("/index/2023/what-if?c1i=\(innovation.id!)&c1k=teleportasi&c1l=3")
                #expect(unknown.status == .badRequest && unknown.body.string.contains("Indikator teleportasi tidak ada dalam bentuk indeks ini"))
                let outside = try await biro.get("/index/2023/what-if?c1i=spd&c1k=spd-1&c1l=9")
                #expect(outside.status == .badRequest && outside.body.string.contains("Indikator SPD 1"))
                // Every SPD indicator at 3 (63) and ten innovations at level 3 added: (63 + 1.116/11 + 0,38 × 11) / 250.
                var query = (1...15).prefix(5).enumerated().map { "c\($0.offset + 1)i=spd&c\($0.offset + 1)k=spd-\($0.element)&c\($0.offset + 1)l=3" }.joined(separator: "&")
                query += "&add=10&addLevel=3"
                let page = try await biro.get("/index/2023/what-if?" + query)
                #expect(page.status == .ok && page.body.string.contains("id=\"after-index\">"))
                #expect(try await IndexAnswer.query(on: app.db).count() == before)
            }
        }

        @Test func aFormWhoseWeightsDoNotAddUpIsRefusedByPartAndACopyTakesAFreeYear() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                var biro = Browser(app)
                try await biro.login(fixture.admin.email)
                let form = IndicatorSetController.form(IndicatorSets.iid2026, problems: [])
                var fields: [(String, String)] = [("name", form.name), ("divisorFloor", form.divisorFloor), ("pointsPerInnovation", form.pointsPerInnovation),
                                                  ("cap", form.cap), ("requiredBasicServices", form.requiredBasicServices), ("developmentAfterYears", "2"),
                                                  ("regionMaximum", form.regionMaximum), ("innovationMaximum", form.innovationMaximum), ("maximumTotal", form.maximumTotal)]
                for c in form.classes { fields += [("class-\(c.position)-name", c.name), ("class-\(c.position)-above", c.above)] }
                for i in form.indicators { fields += [("weight-\(i.key)", i.key == "video" ? "3" : i.weight), ("levels-\(i.key)", String(i.levels))] }
                let refused = try await biro.post("/index/2026", fields)
                #expect(refused.status == .badRequest)
                #expect(refused.body.string.contains("Indikator SID: Indikator SID per inovasi berjumlah maksimum 114, padahal maksimum SID per inovasi 111."))
                #expect(try await IndicatorSetRecord.query(on: app.db).filter(\.$year == 2026).first()?.definition.indicator("video")?.weight == 2)

                #expect(try await biro.post("/index/2023/copy", [("year", "2026")]).status == .conflict)
                #expect(try await biro.post("/index/2023/copy", [("year", "2028")]).location == "/index/2028/edit")
                let copy = try #require(try await IndicatorSetRecord.query(on: app.db).filter(\.$year == 2028).first()?.definition)
                #expect(copy.name == "Indeks Inovasi Daerah 2028" && copy.divisorFloor == 10 && copy.source.hasPrefix("Salinan dari Indeks Inovasi Daerah 2023."))
            }
        }

        @Test func theExportFollowsTheIIDAppLayout() async throws {
            try await withApp { app in
                let fixture = try await Fixture.make(app)
                let innovation = try await fixture.verifiedInnovation(app, name: "Si Pelandukilat")
                try await fixture.indexAnswer(app, innovation: innovation, level: 3, evidence: try await fixture.evidence(app, on: innovation))
                var viewer = Browser(app)
                try await viewer.login(fixture.viewer.email)
                let csv = try await viewer.get("/index/2023/export.csv")
                #expect(csv.status == .ok)
                let lines = csv.body.string.components(separatedBy: "\r\n")
                #expect(lines[0].hasPrefix("\u{FEFF}No,Nama Inovasi,Perangkat Daerah,Bentuk Inovasi") && lines[0].contains("16. Regulasi inovasi daerah,Bukti 16"))
                #expect(lines[1].contains("Si Pelandukilat") && lines[1].contains(",3,sk.pdf,"))
            }
        }
    }
}
