import Testing
@testable import LumbungCore

func completeInput() -> InnovationFormInput {
    var input = InnovationFormInput()
    input.name = "Si Pelandukilat"
    input.acronym = "SIPELANDUKILAT"
    input.category = "publicService"
    input.deliveryMode = "nonDigital"
    input.stage = "implementation"
    input.initiator = "agency"
    input.mainAffair = "adminduk"
    input.otherAffairs = ["pmd", "adminduk", "pmd"]
    input.trialStart = "2018-02-01"
    input.implementationStart = "2 Juli 2018"
    input.design = Array(repeating: "pelayanan", count: 310).joined(separator: " ")
    input.goals = "Mendekatkan layanan."
    input.benefits = "Warga perbatasan terlayani."
    input.results = "2.340 dokumen terbit."
    input.beneficiaries = "Warga Krayan"
    input.themes = "Jemput Bola, wilayah perbatasan, jemput bola"
    input.sdgs = ["16", "10", "16"]
    input.videoURL = "https://www.youtube.com/watch?v=abc"
    input.latitude = "3,57"
    input.longitude = "115.98"
    return input
}

@Suite struct InnovationFormInputTests {
    @Test func parsesACompleteFormAndNormalisesIt() throws {
        let profile = try completeInput().parse().get()
        #expect(profile.implementationStart == "2018-07-02")
        #expect(profile.otherAffairs == ["pmd"])
        #expect(profile.themes == ["jemput bola", "wilayah perbatasan"])
        #expect(profile.sdgs == [10, 16])
        #expect(profile.latitude == 3.57)
        #expect(profile.startYear == 2018)
        #expect(SubmissionCheck.gaps(in: profile, today: CalendarDate(year: 2026, month: 11, day: 29)!).isEmpty)
    }

    @Test func reportsEveryBadFieldAtOnceByName() {
        var input = completeInput()
        input.name = String(repeating: "x", count: 201)
        input.trialStart = "2019-05-01"
        input.implementationStart = "2019-01-01"
        input.videoURL = "javascript:alert(1)"
        input.stage = "done"
        input.latitude = "95"
        input.mainAffair = "astrologi"
        guard case .failure(let errors) = input.parse() else {
            Issue.record("expected errors")
            return
        }
        let fields = Set(errors.map(\.field))
        #expect(fields == [.name, .implementationStart, .videoURL, .stage, .latitude, .mainAffair])
        let message = errors.first { $0.field == .implementationStart }!.text(in: .id)
        #expect(message == "Tanggal mulai penerapan: tidak boleh sebelum tanggal mulai uji coba.")
    }

    @Test func unparsableDateNamesTheValue() {
        var input = completeInput()
        input.trialStart = "tahun lalu"
        guard case .failure(let errors) = input.parse() else { Issue.record("expected errors"); return }
        #expect(errors.map(\.field) == [.trialStart])
        #expect(errors[0].text(in: .id).contains("\"tahun lalu\""))
    }

    @Test func onlyTheNameIsNeededForADraft() throws {
        var input = InnovationFormInput()
        input.name = "  Ide baru  "
        input.category = "governance"
        input.deliveryMode = "digital"
        input.stage = "initiative"
        input.initiator = "citizen"
        let profile = try input.parse().get()
        #expect(profile.name == "Ide baru")
    }

    @Test(arguments: ["http://a.go.id", "https://www.youtube.com/watch?v=x1"])
    func acceptsWebAddresses(url: String) { #expect(WebAddress.isHTTP(url)) }

    @Test(arguments: ["javascript:alert(1)", "ftp://x.id", "https://", "https://local host.id", "youtube.com/x", "https://x\"><script>.id"])
    func rejectsOtherAddresses(url: String) { #expect(!WebAddress.isHTTP(url)) }

    @Test func nameKeyIgnoresCaseAndSpacing() {
        #expect(InnovationProfile.nameKey("  Si  Pelandukilat ") == InnovationProfile.nameKey("si pelandukilat"))
    }
}

@Suite struct SubmissionCheckTests {
    @Test func listsEveryGapAtOnce() {
        var profile = InnovationProfile()
        profile.name = "Draf"
        profile.stage = .implementation
        profile.design = "terlalu pendek"
        let gaps = SubmissionCheck.gaps(in: profile, today: CalendarDate(year: 2026, month: 11, day: 29)!)
        #expect(Set(gaps.map(\.field)) == [.mainAffair, .design, .goals, .benefits, .results, .beneficiaries, .implementationStart])
        #expect(gaps.first { $0.field == .design }!.text(in: .id) == "Rancang bangun: minimal 300 kata (sekarang 2).")
    }

    @Test func futureDatesAreGaps() throws {
        var profile = try completeInput().parse().get()
        profile.implementationStart = "2030-01-01"
        let gaps = SubmissionCheck.gaps(in: profile, today: CalendarDate(year: 2026, month: 11, day: 29)!)
        #expect(gaps.map(\.field) == [.implementationStart])
    }

    @Test func trialStageNeedsATrialDate() throws {
        var profile = try completeInput().parse().get()
        profile.stage = .trial
        profile.trialStart = nil
        profile.implementationStart = nil
        let gaps = SubmissionCheck.gaps(in: profile, today: CalendarDate(year: 2026, month: 11, day: 29)!)
        #expect(gaps.map(\.field) == [.trialStart])
    }
}

@Suite struct AgencyInputTests {
    @Test func upperCasesTheCodeAndNamesBadFields() throws {
        let parsed = try AgencyInput(code: "disdukcapil", name: "Dinas Kependudukan", shortName: "", kind: "office").parse().get()
        #expect(parsed.code == "DISDUKCAPIL")
        guard case .failure(let errors) = AgencyInput(code: "a b", name: "", kind: "castle", parentID: "x").parse() else {
            Issue.record("expected errors"); return
        }
        #expect(Set(errors.keys) == ["code", "name", "kind", "parentID"])
    }
}
