import Foundation
import Testing
@testable import LumbungCore

/// Inventory rounds, coverage and the charts, without a server.
@Suite struct InventoryRuleTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test func anAgencyIsLateOnlyAfterItsDeadlineAndUntilItConfirms() {
        let deadline = Self.day(2026, 11, 30)
        #expect(InventoryRules.state(answered: 0, confirmed: false) == .notStarted)
        #expect(InventoryRules.state(answered: 2, confirmed: false) == .inProgress)
        #expect(InventoryRules.state(answered: 2, confirmed: true) == .confirmed)
        #expect(!InventoryRules.isLate(.inProgress, deadline: deadline, today: deadline))
        #expect(InventoryRules.isLate(.inProgress, deadline: deadline, today: Self.day(2026, 12, 1)))
        #expect(InventoryRules.isLate(.notStarted, deadline: deadline, today: Self.day(2026, 12, 1)))
        #expect(!InventoryRules.isLate(.confirmed, deadline: deadline, today: Self.day(2027, 1, 1)))
    }

    @Test(arguments: [
        // (answer, current, before) → expected
        (InventoryAnswer.discontinued, ReviewState(status: .verified, isPublic: true), nil as ReviewState?, ReviewState(status: .archived, isPublic: false)),
        (.discontinued, ReviewState(status: .draft, isPublic: false), nil, ReviewState(status: .archived, isPublic: false)),
        (.discontinued, ReviewState(status: .archived, isPublic: false), ReviewState(status: .verified, isPublic: true), ReviewState(status: .archived, isPublic: false)),
        (.running, ReviewState(status: .archived, isPublic: false), ReviewState(status: .verified, isPublic: true), ReviewState(status: .verified, isPublic: true)),
        (.changed, ReviewState(status: .archived, isPublic: false), ReviewState(status: .submitted, isPublic: false), ReviewState(status: .submitted, isPublic: false)),
        (.running, ReviewState(status: .archived, isPublic: false), nil, ReviewState(status: .archived, isPublic: false)),
        (.running, ReviewState(status: .verified, isPublic: false), nil, ReviewState(status: .verified, isPublic: false)),
    ])
    func aDiscontinuedAnswerArchivesAndACorrectedOneGivesTheStateBack(answer: InventoryAnswer, current: ReviewState, before: ReviewState?, expected: ReviewState) {
        #expect(InventoryRules.reviewState(after: answer, current: current, before: before) == expected)
    }

    @Test func theStateKeptWithADiscontinuedAnswerIsTheOneItArchived() {
        let published = ReviewState(status: .verified, isPublic: true), archived = ReviewState(status: .archived, isPublic: false)
        #expect(InventoryRules.stateKept(after: .discontinued, current: published, before: nil) == published)
        // Answered "discontinued" again: the state archived the first time stays.
        #expect(InventoryRules.stateKept(after: .discontinued, current: archived, before: published) == published)
        #expect(InventoryRules.stateKept(after: .running, current: published, before: published) == nil)
    }

    @Test func aDiscontinuedInnovationNeedsAPastDayAndAReason() {
        let today = Self.day(2026, 12, 2)
        #expect(InventoryRules.problems(answer: .running, discontinuedOn: nil, reason: nil, today: today).isEmpty)
        #expect(InventoryRules.problems(answer: .discontinued, discontinuedOn: "30 Juni 2026", reason: "Digabung ke layanan lain", today: today).isEmpty)
        let missing = InventoryRules.problems(answer: .discontinued, discontinuedOn: "", reason: " ", today: today).map(\.key)
        #expect(missing == ["inventory.discontinuedDateMissing", "inventory.discontinuedReasonMissing"])
        let bad = InventoryRules.problems(answer: .discontinued, discontinuedOn: "31-02-2026", reason: "x", today: today)
        #expect(bad.map(\.key) == ["inventory.discontinuedDateBad"] && bad[0].text(in: .id).contains("31-02-2026"))
        let future = InventoryRules.problems(answer: .discontinued, discontinuedOn: "2027-01-01", reason: "x", today: today)
        #expect(future.map(\.key) == ["inventory.discontinuedFuture"])
    }

    @Test func aClosedRoundNamesItsClosingDay() {
        #expect(InventoryRules.closedProblem(closedOn: nil) == nil)
        #expect(InventoryRules.closedProblem(closedOn: Self.day(2020, 12, 10))?.text(in: .id) == "Putaran ini ditutup pada 10 Desember 2020; jawaban dan konfirmasi tidak dapat diubah lagi.")
        #expect(InventoryRules.confirmationProblem(unanswered: []) == nil)
        #expect(InventoryRules.confirmationProblem(unanswered: ["A", "B"])?.text(in: .id).contains("2 inovasi belum dijawab (A; B)") == true)
    }

    static func item(_ id: Int, _ name: String, agency: String = "Dinkes", _ category: InnovationCategory = .publicService,
                     stage: Stage = .implementation, year: Int? = 2019) -> InventorySnapshot.Item {
        InventorySnapshot.Item(id: id, name: name, agencyCode: agency.uppercased(), agencyName: agency, category: category,
                               deliveryMode: .digital, stage: stage, startYear: year)
    }

    @Test func aSnapshotCountsByEveryPropertyAndKeepsAgenciesWithNone() {
        let snapshot = InventorySnapshot(takenOn: Self.day(2020, 12, 10), items: [
            Self.item(3, "C", agency: "Bapenda", .governance), Self.item(1, "A"), Self.item(2, "B", year: 2020),
        ], agencies: ["Dinkes", "Bapenda", "Dispar"], unconfirmed: ["Dispar"])
        #expect(snapshot.total == 3 && snapshot.items.map(\.id) == [1, 2, 3])
        #expect(snapshot.counts(\.category).map { $0.1 } == [2, 1, 0])
        #expect(snapshot.byAgency.map { "\($0.0)=\($0.1)" } == ["Dinkes=2", "Bapenda=1", "Dispar=0"])
        #expect(snapshot.byStartYear.map { "\($0.0)=\($0.1)" } == ["2019=2", "2020=1"])
        let decoded = try? JSONDecoder().decode(InventorySnapshot.self, from: JSONEncoder().encode(snapshot))
        #expect(decoded == snapshot)
    }

    @Test func twoRoundsCompareByWhatIsNewGoneAndChanged() {
        let earlier = InventorySnapshot(takenOn: Self.day(2020, 12, 10), items: [Self.item(1, "A"), Self.item(2, "B"), Self.item(3, "C")], agencies: ["Dinkes"])
        let later = InventorySnapshot(takenOn: Self.day(2026, 12, 10), items: [
            Self.item(1, "A"), Self.item(3, "C baru", stage: .trial), Self.item(4, "D"),
        ], agencies: ["Dinkes"])
        let comparison = InventoryComparison(from: earlier, to: later)
        #expect(comparison.added.map(\.id) == [4])
        #expect(comparison.removed.map(\.id) == [2])
        #expect(comparison.changed.map(\.after.id) == [3] && comparison.changed[0].parts == ["name", "stage"])
    }

    // MARK: Coverage

    static let agencies = [
        CoverageAgency(id: 1, name: "Dinas Pendidikan", kind: .office),
        CoverageAgency(id: 2, name: "SMAN 1", kind: .school, parentID: 1),
        CoverageAgency(id: 3, name: "Dinas Pariwisata", kind: .office),
        CoverageAgency(id: 10, name: "Kabupaten Nunukan", kind: .regency),
        CoverageAgency(id: 11, name: "Kecamatan Sebatik", kind: .district, parentID: 10),
        CoverageAgency(id: 12, name: "Kecamatan Lumbis", kind: .district, parentID: 10),
        CoverageAgency(id: 20, name: "Desa Binalawan", kind: .village, parentID: 11),
        CoverageAgency(id: 21, name: "Desa Setabu", kind: .village, parentID: 11),
        CoverageAgency(id: 22, name: "Desa Labang", kind: .village, parentID: 12),
    ]

    static let innovations = [
        CoverageInnovation(id: 1, name: "Sekolah Digital", agencyID: 2, category: .publicService, deliveryMode: .digital, startYear: 2019,
                           affairs: ["pendidikan"], implementationStart: Self.day(2019, 7, 1)),
        CoverageInnovation(id: 2, name: "Posyandu Perbatasan", agencyID: 20, category: .publicService, deliveryMode: .nonDigital, startYear: 2022,
                           affairs: ["kesehatan"], implementationStart: Self.day(2025, 1, 10), hasDevelopment: false),
    ]

    @Test func agenciesWithoutInnovationsCountTheirChildUnitsOnlyWhenAsked() {
        let coverage = Coverage(agencies: Self.agencies, innovations: Self.innovations)
        #expect(coverage.agenciesWithout(countingChildren: true).map(\.id) == [3])
        #expect(coverage.agenciesWithout(countingChildren: false).map(\.id) == [3, 1])  // by name: Pariwisata, Pendidikan
        // By bentuk, jenis and year: the school's innovation is digital, from 2019.
        #expect(coverage.agenciesWithout(CoverageFilter(deliveryMode: .nonDigital), countingChildren: true).map(\.id) == [3, 1, 2])
        #expect(coverage.agenciesWithout(CoverageFilter(year: 2019), countingChildren: false).map(\.id) == [3, 1])
        #expect(coverage.agenciesWithout(CoverageFilter(year: 2019), countingChildren: true).map(\.id) == [3])
        #expect(coverage.descendants(of: 10) == [11, 12, 20, 21, 22])
    }

    @Test func basicServicesAgeingAndDevelopment() {
        let coverage = Coverage(agencies: Self.agencies, innovations: Self.innovations)
        #expect(coverage.basicServices.map(\.innovations) == [1, 1, 0, 0, 0, 0] && coverage.basicServicesCovered == 2)
        let rule = AgeRule(edition: "Lomba 2027", group: "Umum", minimumYears: 2, closes: Self.day(2027, 2, 1))
        // Started 10 January 2025: two years on 10 January 2027, before the close on 1 February.
        let alerts = coverage.ageingAlerts([rule], today: Self.day(2026, 12, 2))
        #expect(alerts.map(\.innovation.id) == [2] && alerts[0].due == Self.day(2027, 1, 10))
        #expect(coverage.ageingAlerts([rule], today: Self.day(2027, 1, 10)).isEmpty)  // old enough already
        #expect(coverage.needingDevelopment(today: Self.day(2026, 12, 2)).map(\.id) == [1])
        var developed = Self.innovations[0]
        developed.hasDevelopment = true
        #expect(!developed.needsDevelopment(today: Self.day(2026, 12, 2)))
        #expect(Self.innovations[1].needsDevelopment(today: Self.day(2027, 1, 10)))
        #expect(!Self.innovations[1].needsDevelopment(today: Self.day(2027, 1, 9)))
    }

    @Test func villagesGroupUnderTheirKecamatanAndAnEmptyOneIsNamed() {
        let coverage = Coverage(agencies: Self.agencies, innovations: Self.innovations)
        let groups = coverage.villageGroups
        #expect(groups.map { $0.parent?.name ?? "-" } == ["Kecamatan Lumbis", "Kecamatan Sebatik"])
        #expect(groups[1].villages.map(\.village.name) == ["Desa Binalawan", "Desa Setabu"] && groups[1].withoutInnovation == 1)
        #expect(coverage.villageParentsWithout.map(\.name) == ["Kecamatan Lumbis"])
    }

    // MARK: Charts and days

    @Test func aBarChartScalesToTheLargestValueOrTheGivenMaximum() {
        let chart = BarChart(id: "x", title: "Per bentuk", values: [("Pelayanan publik", 45, "45"), ("Tata kelola", 42, "42"), ("Lainnya", 0, "0")])
        #expect(chart.bars.map(\.width) == [BarChart.plotWidth, Int((42.0 / 45 * Double(BarChart.plotWidth)).rounded()), 0])
        #expect(chart.bars.map(\.y) == [4, 30, 56] && chart.height == 3 * BarChart.rowHeight + 8)
        let index = BarChart(id: "iid", title: "IID", values: [("2023", 59.86, "59,86")], maximum: 100, mark: (60, "Sangat Inovatif"))
        #expect(index.bars[0].width == Int((0.5986 * Double(BarChart.plotWidth)).rounded()))
        #expect(index.markX == index.labelWidth + Int(0.6 * Double(BarChart.plotWidth)))
        let long = BarChart(id: "l", title: "t", values: [(String(repeating: "Badan ", count: 10), 1, "1")])
        #expect(long.bars[0].shortLabel.count == BarChart.labelCharacters && long.bars[0].shortLabel.hasSuffix("…"))
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(Self.day(2026, 12, 30).adding(days: 3) == Self.day(2027, 1, 2))
        #expect(Self.day(2024, 3, 1).adding(days: -1) == Self.day(2024, 2, 29))
    }
}
