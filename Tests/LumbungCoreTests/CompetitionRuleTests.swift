import Foundation
import Testing
@testable import LumbungCore

@Suite struct EligibilityTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func facts(start: String? = "2018-07-02", category: InnovationCategory = .publicService, stage: Stage = .implementation,
                      status: ReviewStatus = .verified, replicates: Bool = false, awards: [AwardRecord] = []) -> EligibilityFacts {
        EligibilityFacts(status: status, category: category, stage: stage, implementationStart: start.map(day),
                         replicatesNamedInnovation: replicates, awards: awards)
    }

    static func award(_ year: Int, _ tier: String, finalist: Bool = false, top: Bool = false, organiser: Organiser = .nationalKIPP) -> AwardRecord {
        AwardRecord(year: year, editionName: "KIPP \(year)", organiser: organiser, tierName: tier, isFinalist: finalist, isTopTier: top)
    }

    static let umum = EntryGroup(key: "umum", name: "Umum", minimumAgeYears: 2, rules: [.notTopTierWinnerBefore, .notFinalistTwice])

    static func outcome(_ outcomes: [RuleOutcome], _ rule: RuleOutcome.Rule) -> RuleOutcome? { outcomes.first { $0.rule == rule } }

    /// Day-exact: two years from 2018-07-02 are complete on 2020-07-02.
    @Test(arguments: [
        ("2018-07-02", "2020-07-01", false, "1"), ("2018-07-02", "2020-07-02", true, "0"), ("2018-07-02", "2020-07-03", true, "0"),
        ("2018-04-27", "2020-04-26", false, "1"), ("2018-04-26", "2020-04-26", true, "0"),
        ("2016-02-29", "2018-02-28", false, "1"), ("2016-02-29", "2018-03-01", true, "0"),
        ("2018-12-31", "2020-12-30", false, "1"), ("2018-01-01", "2020-04-26", true, "0"),
        ("2019-05-01", "2020-04-26", false, "370"),
    ])
    func minimumAgeIsCountedToTheDay(_ start: String, _ closes: String, _ passes: Bool, _ daysShort: String) throws {
        let outcomes = Eligibility.check(Self.facts(start: start), group: Self.umum, closes: Self.day(closes), editionYear: 2020)
        let age = try #require(Self.outcome(outcomes, .minimumAge))
        #expect(age.passed == passes, "\(start) → \(closes)")
        if !passes { #expect(age.message.text(in: .id).contains("kurang \(daysShort) hari"), "\(age.message.text(in: .id))") }
        #expect(age.message.text(in: .id).contains(IndonesianFormat.date(Self.day(closes))))
    }

    @Test func aMissingStartDateFailsAndSaysWhy() throws {
        let outcomes = Eligibility.check(Self.facts(start: nil), group: Self.umum, closes: Self.day("2020-04-26"), editionYear: 2020)
        let age = try #require(Self.outcome(outcomes, .minimumAge))
        #expect(!age.passed && age.message.key == "eligibility.age.noStart")
    }

    /// The repeat-winner rules look only at earlier national KIPP editions.
    @Test(arguments: [
        ([], true, true),
        ([award(2019, "Top 99", finalist: true)], true, true),
        ([award(2019, "Top 99", finalist: true), award(2019, "Top 45", top: true)], false, true),
        ([award(2017, "Top 99", finalist: true), award(2019, "Top 99", finalist: true)], true, false),
        ([award(2018, "Top 99", finalist: true), award(2018, "Top 40", finalist: true)], true, true),
        ([award(2020, "Top 99", finalist: true), award(2020, "Top 45", top: true)], true, true),
        ([award(2019, "Juara 1", top: true, organiser: .provincialContest)], true, true),
        ([award(2016, "Top 35", top: true)], false, true),
    ])
    func repeatWinnerRules(_ awards: [AwardRecord], _ notTopTier: Bool, _ notTwice: Bool) throws {
        let outcomes = Eligibility.check(Self.facts(awards: awards), group: Self.umum, closes: Self.day("2020-04-26"), editionYear: 2020)
        #expect(Self.outcome(outcomes, .notTopTierWinnerBefore)?.passed == notTopTier, "\(awards)")
        #expect(Self.outcome(outcomes, .notFinalistTwice)?.passed == notTwice, "\(awards)")
    }

    @Test func siPelandukilatIsBarredFromUmumAndWelcomeInKhusus() {
        let awards = [Self.award(2019, "Top 99", finalist: true), Self.award(2019, "Top 45", top: true)]
        let khusus = EntryGroup(key: "khusus", name: "Khusus", minimumAgeYears: 1, rules: [.wasTopTierWinner])
        let umum = Eligibility.check(Self.facts(awards: awards), group: Self.umum, closes: Self.day("2020-04-26"), editionYear: 2020)
        let special = Eligibility.check(Self.facts(awards: awards), group: khusus, closes: Self.day("2020-04-26"), editionYear: 2020)
        #expect(!Eligibility.isEligible(umum))
        #expect(Self.outcome(umum, .notTopTierWinnerBefore)?.message.text(in: .id).contains("KIPP 2019 — Top 45") == true)
        #expect(Eligibility.isEligible(special))
        let never = Eligibility.check(Self.facts(), group: khusus, closes: Self.day("2020-04-26"), editionYear: 2020)
        #expect(Self.outcome(never, .wasTopTierWinner)?.passed == false)
    }

    @Test func replicationNeedsANamedSourceAndStatusCategoryAndStageAreChecked() {
        let replikasi = EntryGroup(key: "replikasi", name: "Replikasi", minimumAgeYears: 1, allowedCategories: [.publicService],
                                   allowedStages: [.implementation], rules: [.replicatesNamedInnovation])
        let closes = Self.day("2020-04-26")
        #expect(Self.outcome(Eligibility.check(Self.facts(replicates: false), group: replikasi, closes: closes, editionYear: 2020),
                             .replicatesNamedInnovation)?.passed == false)
        #expect(Eligibility.isEligible(Eligibility.check(Self.facts(replicates: true), group: replikasi, closes: closes, editionYear: 2020)))
        let wrong = Eligibility.check(Self.facts(category: .governance, stage: .trial, status: .submitted, replicates: true),
                                      group: replikasi, closes: closes, editionYear: 2020)
        #expect(wrong.filter { !$0.passed }.map(\.rule) == [.verified, .category, .stage])
        #expect(Self.outcome(wrong, .stage)?.message.text(in: .id) == "Tahapan Uji coba tidak diterima kelompok ini (yang diterima: Penerapan).")
        #expect(Self.outcome(wrong, .stage)?.message.text(in: .en) == "Tahapan Trial is not accepted in this group (accepted: Implementation).")
    }

    @Test func anniversariesOfTheTwentyNinthOfFebruary() {
        #expect(Self.day("2016-02-29").anniversary(years: 1) == Self.day("2017-03-01"))
        #expect(Self.day("2016-02-29").anniversary(years: 4) == Self.day("2020-02-29"))
        #expect(Self.day("2019-03-01").days(until: Self.day("2020-03-01")) == 366)
    }
}

@Suite struct ProposalRuleTests {
    static let definition = EditionSeeds.kipp2023.definition

    @Test func theWorkflowFollowsTheAdminLokalFlow() throws {
        let agency = ProposalActor(isAdmin: false, ownsProposal: true)
        let biro = ProposalActor(isAdmin: true, ownsProposal: false)
        let other = ProposalActor(isAdmin: false, ownsProposal: false)
        var status = ProposalStatus.draft
        status = try ProposalWorkflow.apply(.submit, to: status, by: agency)
        #expect(!ProposalWorkflow.canEdit(status, by: agency))
        #expect(throws: ProposalWorkflow.Refusal.notAllowed) { try ProposalWorkflow.apply(.accept, to: .submitted, by: agency) }
        status = try ProposalWorkflow.apply(.return, to: status, by: biro)
        #expect(status == .returned && ProposalWorkflow.canEdit(status, by: agency))
        status = try ProposalWorkflow.apply(.submit, to: status, by: agency)
        status = try ProposalWorkflow.apply(.accept, to: status, by: biro)
        status = try ProposalWorkflow.apply(.select, to: status, by: biro)
        #expect(ProposalWorkflow.countsForQuota.contains(status))
        status = try ProposalWorkflow.apply(.handOver, to: status, by: biro)
        #expect(status == .handedOver && !ProposalWorkflow.canEdit(status, by: biro))
        #expect(throws: ProposalWorkflow.Refusal.wrongState) { try ProposalWorkflow.apply(.withdraw, to: .handedOver, by: biro) }
        #expect(throws: ProposalWorkflow.Refusal.notAllowed) { try ProposalWorkflow.apply(.submit, to: .draft, by: other) }
        #expect(throws: ProposalWorkflow.Refusal.notAllowed) { try ProposalWorkflow.apply(.withdraw, to: .submitted, by: agency) }
        #expect(ProposalWorkflow.availableActions(for: .accepted, by: biro) == [.return, .select, .withdraw])
    }

    @Test(arguments: [(0, 10, true), (9, 10, true), (10, 10, false), (11, 10, false), (100, nil, true)] as [(Int, Int?, Bool)])
    func quotasAreCountedBeforeAPlaceIsTaken(_ used: Int, _ quota: Int?, _ fits: Bool) {
        let refusal = QuotaCheck.refusal(used: used, quota: quota, holder: "Pemerintah Provinsi", group: "Kelompok umum")
        #expect((refusal == nil) == fits)
        if let refusal { #expect(refusal.text(in: .id) == "Kuota penuh: Pemerintah Provinsi sudah memakai \(used) dari 10 tempat untuk Kelompok umum.") }
    }

    @Test func readinessListsEveryOpenPointAtOnce() {
        var sections = Dictionary(uniqueKeysWithValues: Self.definition.baseSections.map { ($0.key, "Teks yang cukup pendek.") })
        sections["ringkasan"] = Array(repeating: "anak-anak", count: 201).joined(separator: " ")
        sections["sumber-daya"] = ""
        let content = ProposalContent(groupKey: "umum", categoryKey: "inklusif-berkeadilan", sections: sections, videoURL: " ",
                                      sdgs: [], documents: ["sk-pejabat"])
        let readiness = ProposalReadiness(definition: Self.definition, content: content, eligibility: [])
        let texts = readiness.openPoints.map { $0.text(in: .id) }
        #expect(texts.contains("Bagian \"Ringkasan\": 201 kata, melebihi batas 200 kata."))
        #expect(texts.contains("Bagian \"Sumber daya\" belum diisi."))
        #expect(texts.contains("Dokumen \"Surat pernyataan implementasi\" belum diunggah."))
        #expect(!texts.contains { $0.contains("SK pejabat") })
        #expect(texts.contains("Tautan video belum diisi.") && texts.contains("Pilih minimal satu tujuan SDGs."))
        #expect(!readiness.isReady)
        #expect(readiness.sections.first { $0.section.key == "ringkasan" }?.words == 201)
    }

    @Test func theSeedEditionsAreValidAndCarryTheirSources() {
        for seed in EditionSeeds.all {
            #expect(seed.definition.problems.isEmpty, "\(seed.name): \(seed.definition.problems.map { $0.message.text(in: .en) })")
            #expect(!seed.definition.source.isEmpty)
        }
        #expect(EditionSeeds.kipp2023.definition.baseSections.map(\.maxWords) == [200, 300, 200, 200, 600, 100, 200, 200, 500])
        #expect(EditionSeeds.kipp2020.definition.group("umum")?.quota == 10 && EditionSeeds.kipp2020.definition.group("replikasi")?.quota == 5)
        #expect(EditionSeeds.kipp2020.definition.documents(for: "replikasi").map(\.key).contains("pernyataan-replikasi"))
        #expect(!EditionSeeds.kipp2020.definition.documents(for: "umum").map(\.key).contains("pernyataan-replikasi"))
        #expect(EditionSeeds.kipp2020.definition.sections(for: "khusus").count == 11)
    }

    @Test func badEditionsNameEachProblem() {
        var definition = Self.definition
        definition.criteria[0].weight = 30
        definition.groups.append(definition.groups[0])
        definition.baseSections[1].maxWords = 0
        definition.groups[0].extraDocuments = ["tidak-ada"]
        definition.categories.append(CompetitionCategory(key: "Kategori Baru", name: ""))
        let texts = definition.problems.map { "\($0.part): \($0.message.text(in: .id))" }
        #expect(texts.contains("criteria: bobot kriteria berjumlah 110,0, harus 100."))
        #expect(texts.contains("groups: kode \"umum\" dipakai dua kali."))
        #expect(texts.contains { $0.hasPrefix("sections: bagian \"Latar belakang dan tujuan\": batas kata 0–0") })
        #expect(texts.contains("groups: kelompok \"Kelompok umum\" memerlukan dokumen \"tidak-ada\" yang tidak ada di daftar dokumen."))
        #expect(texts.contains("categories: kode \"Kategori Baru\" hanya boleh berisi huruf kecil, angka dan tanda hubung (1–40)."))
        #expect(EditionDefinition.key(from: "Latar Belakang dan Tujuan") == "latar-belakang-dan-tujuan")
        #expect(EditionDefinition.key(from: "Ketahanan pangan (2021)") == "ketahanan-pangan-2021")
    }

    @Test func editionsSurviveAJSONRoundTrip() throws {
        let data = try JSONEncoder().encode(EditionSeeds.kipp2020.definition)
        #expect(try JSONDecoder().decode(EditionDefinition.self, from: data) == EditionSeeds.kipp2020.definition)
    }

    @Test func editionsSavedBeforeBlindScoringExistedScoreBlindAndKeepTheirRules() throws {
        var stored = try JSONSerialization.jsonObject(with: JSONEncoder().encode(EditionSeeds.kipp2023.definition)) as! [String: Any]
        stored.removeValue(forKey: "blindScoring")
        let old = try JSONDecoder().decode(EditionDefinition.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(old.blindScoring)
        #expect(old == EditionSeeds.kipp2023.definition)
        var open = EditionSeeds.kipp2023.definition
        open.blindScoring = false
        #expect(try JSONDecoder().decode(EditionDefinition.self, from: JSONEncoder().encode(open)).blindScoring == false)
    }

    @Test func registrationTimesAreWITA() {
        let close = WITATime.instant(CalendarDate(year: 2023, month: 5, day: 7)!, hour: 0, minute: 59)
        // 23.59 WIB on 6 May is 16.59 UTC.
        #expect(close == Date(timeIntervalSince1970: 1_683_392_340))
        #expect(WITATime.parts(close).day == CalendarDate(year: 2023, month: 5, day: 7)! && WITATime.parts(close).hour == 0)
    }
}

@Suite struct UploadCheckTests {
    static let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]

    @Test func filesAreRecognisedByTheirContentNotTheirName() {
        #expect(UploadCheck.check(Self.pdf, fileName: "foto.jpg", limit: 1000) == .accepted(.pdf))
        #expect(UploadCheck.check(Self.png, fileName: "sk.pdf", limit: 1000) == .accepted(.png))
        #expect(UploadCheck.check(Self.jpeg, fileName: "x", limit: 1000) == .accepted(.jpeg))
        let html = Array("<html><script>alert(1)</script>".utf8)
        guard case .refused(let message) = UploadCheck.check(html, fileName: "sk.pdf", limit: 1000) else { Issue.record("html accepted"); return }
        #expect(message.text(in: .id) == "Berkas \"sk.pdf\" bukan PDF, JPEG atau PNG (isinya terbaca sebagai text, 1 KB).")
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]
        guard case .refused(let office) = UploadCheck.check(zip, fileName: "sk.docx", limit: 1000) else { Issue.record(); return }
        #expect(office.text(in: .en).contains("ZIP/Office"))
    }

    @Test func sizeAndEmptinessAreNamed() {
        let big = Self.pdf + Array(repeating: 0, count: 11 * 1024 * 1024)
        guard case .refused(let message) = UploadCheck.check(big, fileName: "sk.pdf", limit: 10 * 1024 * 1024) else { Issue.record(); return }
        #expect(message.text(in: .id) == "Berkas \"sk.pdf\" berukuran 11 MB, melebihi batas 10 MB.")
        #expect(UploadCheck.check([UInt8](), fileName: "kosong.pdf", limit: 10) == .refused(LocalizedMessage("upload.empty", "kosong.pdf")))
    }

    @Test func downloadNamesAreSafe() {
        #expect(UploadCheck.safeFileName("SK Penetapan \"Tim\"; rm -rf.pdf", kind: .pdf) == "SK_Penetapan__Tim___rm_-rf.pdf")
        #expect(UploadCheck.safeFileName("../../etc/passwd", kind: .png) == "passwd.png")
        #expect(UploadCheck.safeFileName("foto.jpeg", kind: .jpeg) == "foto.jpg")
    }
}

@Suite struct CompetitionTextTests {
    @Test func everyCompetitionMessageExistsInBothLanguages() {
        for key in StringCatalogue.competitionTexts.keys {
            #expect(StringCatalogue.table(.id)[key] != nil && StringCatalogue.table(.en)[key] != nil, "\(key)")
        }
        #expect(StringCatalogue.duplicateKeys.isEmpty, "\(StringCatalogue.duplicateKeys)")
    }
}
