import Testing
@testable import LumbungCore

/// The index formulas of both years, with examples computed by hand.
@Suite struct InnovationIndexTests {
    /// A small form to compute by hand: SPD 2 indicators (weights 2 and 1, three levels: max 9),
    /// SID 2 indicators (weights 3 and 2: max 15 per innovation), 0.5 points per innovation up to
    /// 4 (max 2) when 5 of the 6 urusan wajib are covered, divisor MAX(3, n); total 26.
    static func small(classes: [IndexClass] = IndicatorSets.iid2026.classes) -> IndicatorSet {
        IndicatorSet(year: 2099, name: "Uji", regionIndicators: [IndexIndicator(key: "r1", number: 1, name: "Regulasi daerah", weight: 2),
                                                                 IndexIndicator(key: "r2", number: 2, name: "SDM daerah", weight: 1)],
                     innovationIndicators: [IndexIndicator(key: "s1", number: 3, name: "Kemanfaatan", weight: 3, isMandatory: true),
                                            IndexIndicator(key: "s2", number: 4, name: "Video", weight: 2)],
                     divisorFloor: 3, countRule: InnovationCountRule(pointsPerInnovation: 0.5, cap: 4, requiredBasicServices: 5),
                     regionMaximum: 9, innovationMaximum: 15, maximumTotal: 26, classes: classes, source: "uji")
    }

    static let a = IndexedInnovation(id: 1, name: "Sekolah Lapang", affairs: ["pendidikan", "kesehatan", "pupr"], levels: ["s1": 3, "s2": 3])
    static let b = IndexedInnovation(id: 2, name: "Rumah Layak", affairs: ["perkim", "sosial"], levels: ["s1": 2, "s2": 1])

    @Test func theSmallFormByHand() {
        // SPD = 3×2 + 2×1 = 8. SID: A = 3×3 + 3×2 = 15, B = 2×3 + 1×2 = 8, Σ = 23, n = 2, MAX(3, 2) = 3 → 7.6667.
        // Five urusan wajib covered → count = 0.5 × 2 = 1. Total 16.6667 of 26 → 64.10.
        let result = InnovationIndex.compute(IndexAnswers(region: ["r1": 3, "r2": 2], innovations: [Self.a, Self.b]), with: Self.small())
        #expect(result.regionPoints == 8 && result.innovationPoints == 23 && result.divisor == 3)
        #expect(abs(result.innovationAverage - 23.0 / 3) < 1e-12)
        #expect(result.basicServicesCovered == ["pendidikan", "kesehatan", "pupr", "perkim", "sosial"] && result.countApplies && result.countPoints == 1)
        #expect(result.index == 64.10)
        #expect(result.indexClass.key == "inovatif")  // 2026 classes: above 40, not above 65
        #expect(InnovationIndex.classify(result.index, in: IndicatorSets.iid2023).key == "sangat-inovatif")  // 2023: above 60
    }

    @Test func theDivisorIsNeverBelowItsFloorAndIsNAbove() {
        let set = Self.small()
        let one = InnovationIndex.compute(IndexAnswers(innovations: [Self.a]), with: set)
        #expect(one.divisor == 3 && one.innovationAverage == 5)  // 15 / MAX(3, 1)
        let many = (1...5).map { IndexedInnovation(id: Int64($0), name: "I\($0)", levels: ["s1": 1, "s2": 1]) }
        let five = InnovationIndex.compute(IndexAnswers(innovations: many), with: set)
        #expect(five.divisor == 5 && five.innovationAverage == 5)  // 5 × 5 / MAX(3, 5)
    }

    @Test func theCountScoreNeedsFiveOfTheSixUrusanWajibAndStopsAtTheCap() {
        let set = Self.small()
        var b = Self.b
        b.affairs = ["perkim", "pariwisata"]
        let four = InnovationIndex.compute(IndexAnswers(innovations: [Self.a, b]), with: set)
        #expect(four.basicServicesCovered.count == 4 && !four.countApplies && four.countPoints == 0)
        // Without the condition (2023), the same innovations count.
        var open = set
        open.countRule.requiredBasicServices = nil
        #expect(InnovationIndex.compute(IndexAnswers(innovations: [Self.a, b]), with: open).countPoints == 1)
        // Six innovations, cap 4: 0.5 × 4.
        let six = (1...6).map { IndexedInnovation(id: Int64($0), name: "I\($0)", affairs: Set(InnovationIndex.basicServices)) }
        #expect(InnovationIndex.compute(IndexAnswers(innovations: six), with: set).countPoints == 2)
        // 2026: 0.38 × min(n, 200), 76 at most.
        let national = (1...250).map { IndexedInnovation(id: Int64($0), name: "I\($0)", affairs: Set(InnovationIndex.basicServices)) }
        #expect(abs(InnovationIndex.compute(IndexAnswers(innovations: national), with: IndicatorSets.iid2026).countPoints - 76) < 1e-9)
    }

    /// Every SID indicator of a form at level `level`.
    static func innovation(_ id: Int64, in set: IndicatorSet, level: Int, affairs: Set<String>) -> IndexedInnovation {
        IndexedInnovation(id: id, name: "I\(id)", affairs: affairs,
                          levels: Dictionary(uniqueKeysWithValues: set.innovationIndicators.map { ($0.key, level) }))
    }

    @Test(arguments: [(2023, 10), (2026, 12)])
    func theRealFormsDivideByTheirFloorUntilNPassesIt(year: Int, floor: Int) {
        let set = year == 2023 ? IndicatorSets.iid2023 : IndicatorSets.iid2026
        let all = Set(InnovationIndex.basicServices)
        // One innovation at the top level: its points are divided by the floor, not by 1.
        let one = InnovationIndex.compute(IndexAnswers(innovations: [Self.innovation(1, in: set, level: 3, affairs: all)]), with: set)
        #expect(one.scoredCount == 1 && one.divisor == floor)
        #expect(abs(one.innovationAverage - one.innovationPoints / Double(floor)) < 1e-9)
        // At the floor and one past it: the divisor is n.
        for n in [floor, floor + 1, 3 * floor] {
            let many = (1...n).map { Self.innovation(Int64($0), in: set, level: 3, affairs: all) }
            let result = InnovationIndex.compute(IndexAnswers(innovations: many), with: set)
            #expect(result.divisor == n, "n = \(n)")
            // Every innovation at the top: the average is one innovation's maximum.
            #expect(abs(result.innovationAverage - result.innovationPoints / Double(n)) < 1e-9)
        }
    }

    @Test func theFormOf2026CountsInnovationsOnlyWithFiveOfTheSixUrusanWajib() {
        let set = IndicatorSets.iid2026
        let basic = InnovationIndex.basicServices
        #expect(basic.count == 6)
        // Fifty innovations over four of the six: no count score; over five: 0.38 × 50 = 19.
        let four = (1...50).map { Self.innovation(Int64($0), in: set, level: 2, affairs: [basic[$0 % 4]]) }
        let withFour = InnovationIndex.compute(IndexAnswers(innovations: four), with: set)
        #expect(withFour.basicServicesCovered.count == 4 && !withFour.countApplies && withFour.countPoints == 0)
        let five = (1...50).map { Self.innovation(Int64($0), in: set, level: 2, affairs: [basic[$0 % 5]]) }
        let withFive = InnovationIndex.compute(IndexAnswers(innovations: five), with: set)
        #expect(withFive.countApplies && abs(withFive.countPoints - 19) < 1e-9)
        // The same fifty under the 2023 form count whatever urusan they serve.
        let old = (1...50).map { Self.innovation(Int64($0), in: IndicatorSets.iid2023, level: 2, affairs: [basic[$0 % 4]]) }
        #expect(abs(InnovationIndex.compute(IndexAnswers(innovations: old), with: IndicatorSets.iid2023).countPoints - 19) < 1e-9)
    }

    @Test func anInnovationPastTwoYearsWithoutADevelopmentIsNotScored() {
        var old = Self.b
        old.needsDevelopment = true
        let result = InnovationIndex.compute(IndexAnswers(innovations: [Self.a, old]), with: Self.small())
        #expect(result.scoredCount == 1 && result.innovationPoints == 15)
        #expect(result.innovations.first { $0.id == 2 }?.isScored == false)
        #expect(result.basicServicesCovered == ["pendidikan", "kesehatan", "pupr"])  // its urusan do not count either
    }

    @Test func missingMandatoryAnswersAreListed() {
        let result = InnovationIndex.compute(IndexAnswers(innovations: [IndexedInnovation(id: 9, name: "Tanpa data", levels: ["s2": 2])]), with: Self.small())
        #expect(result.innovations[0].missingMandatory == ["Kemanfaatan"])
    }

    @Test(arguments: [
        // 2023: Sangat Inovatif 60,01–100; Inovatif 35,00–60,00; Kurang Inovatif 0,01–34,99; 0 cannot be assessed.
        (2023, 100, "sangat-inovatif"), (2023, 60.01, "sangat-inovatif"), (2023, 60, "inovatif"), (2023, 35, "inovatif"),
        (2023, 34.99, "kurang-inovatif"), (2023, 0.01, "kurang-inovatif"), (2023, 0, "tidak-dapat-dinilai"),
        // 2026: Sangat Inovatif 65,01–100; Inovatif 40,01–65; Kurang Inovatif 0,01–40.
        (2026, 65.01, "sangat-inovatif"), (2026, 65, "inovatif"), (2026, 40.01, "inovatif"), (2026, 40, "kurang-inovatif"),
        (2026, 0.01, "kurang-inovatif"), (2026, 0, "tidak-dapat-dinilai"),
        // Compared at two decimals, as reported: 60.004 is 60,00 and 60.006 is 60,01.
        (2023, 60.004, "inovatif"), (2023, 60.006, "sangat-inovatif"),
    ] as [(Int, Double, String)])
    func everyClassBoundary(year: Int, index: Double, expected: String) {
        let set = year == 2023 ? IndicatorSets.iid2023 : IndicatorSets.iid2026
        #expect(InnovationIndex.classify(index, in: set).key == expected)
    }

    @Test func bothShippedFormsAddUpAndReachOneHundred() {
        for set in IndicatorSets.all {
            #expect(set.problems().isEmpty, "\(set.name): \(set.problems())")
            let full = Dictionary(uniqueKeysWithValues: set.innovationIndicators.map { ($0.key, $0.levels) })
            let innovations = (1...Int64(set.divisorFloor)).map {
                IndexedInnovation(id: $0, name: "I\($0)", affairs: Set(InnovationIndex.basicServices), levels: full)
            }
            let region = Dictionary(uniqueKeysWithValues: set.regionIndicators.map { ($0.key, $0.levels) })
            // All maxima with n = the floor: 63 + 111 + 0.38 × n.
            let result = InnovationIndex.compute(IndexAnswers(region: region, innovations: innovations), with: set)
            #expect(abs(result.total - (63 + 111 + 0.38 * Double(set.divisorFloor))) < 1e-9)
            #expect(result.regionPoints / set.maximumTotal == 0.252)
        }
        // 2026 with twelve perfect innovations: (63 + 111 + 4.56) / 250 = 71.42.
        let twelve = (1...12).map { IndexedInnovation(id: Int64($0), name: "I\($0)", affairs: Set(InnovationIndex.basicServices),
                                                      levels: Dictionary(uniqueKeysWithValues: IndicatorSets.iid2026.innovationIndicators.map { ($0.key, 3) })) }
        let spd = Dictionary(uniqueKeysWithValues: IndicatorSets.iid2026.regionIndicators.map { ($0.key, 3) })
        #expect(InnovationIndex.compute(IndexAnswers(region: spd, innovations: twelve), with: IndicatorSets.iid2026).index == 71.42)
    }

    @Test func aSetWhoseWeightsDoNotAddUpSaysWhich() {
        var set = Self.small()
        set.regionIndicators[0].weight = 3
        set.classes = [IndexClass(key: "a", name: "A", above: 30), IndexClass(key: "b", name: "B", above: 50)]
        let parts = set.problems().map(\.part)
        #expect(parts.contains("regionIndicators") && parts.contains("maximumTotal") == false && parts.contains("classes"))
        #expect(set.problems().first?.message.text(in: .id) == "Indikator SPD berjumlah maksimum 12, padahal maksimum SPD 9.")
        set.regionMaximum = 12
        #expect(set.problems().map(\.part).contains("maximumTotal"))
    }

    @Test func badAnswersNameTheIndicator() {
        let answers = IndexAnswers(region: ["r1": 4, "r9": 1], innovations: [IndexedInnovation(id: 1, name: "Sekolah Lapang", levels: ["s1": -1])])
        let messages = InnovationIndex.problems(answers, in: Self.small()).map { $0.message.text(in: .id) }
        #expect(messages == ["Tingkat 4 untuk indikator Regulasi daerah di luar 0–3.",
                             "Indikator r9 tidak ada dalam bentuk indeks ini (jawaban untuk SPD).",
                             "Tingkat -1 untuk indikator Kemanfaatan di luar 0–3."])
    }

    @Test func whatIfChangesALevelAddsAndDropsAndNamesWhatIsUnknown() throws {
        let set = Self.small(classes: IndicatorSets.iid2026.classes)
        let base = IndexAnswers(region: ["r1": 3, "r2": 2], innovations: [Self.a, Self.b])
        #expect(InnovationIndex.compute(base, with: set).index == 64.10)
        // B's video from level 1 to 3: B = 12, Σ = 27, 27/3 = 9; total 18 of 26 → 69.23, across the 65 line.
        let better = try base.applying([.setLevel(innovation: 2, indicator: "s2", level: 3)], in: set)
        let result = InnovationIndex.compute(better, with: set)
        #expect(result.index == 69.23 && result.indexClass.key == "sangat-inovatif")
        // Dropping A loses its points and two urusan: 8 + 12/3 + 0 = 12 → 46.15.
        #expect(InnovationIndex.compute(try better.applying([.drop(1)], in: set), with: set).index == 46.15)
        // Adding a third innovation changes n but not the divisor floor.
        let c = IndexedInnovation(id: 3, name: "Baru", affairs: ["kesehatan"], levels: ["s1": 1])
        #expect(InnovationIndex.compute(try base.applying([.add(c)], in: set), with: set).innovationPoints == 26)
        #expect(throws: IndexProblem("zz", LocalizedMessage("index.answer.unknown", "zz", "Rumah Layak"))) {
            try base.applying([.setLevel(innovation: 2, indicator: "zz", level: 1)], in: set)
        }
        #expect(throws: IndexProblem("r1", LocalizedMessage("index.answer.level", "Regulasi daerah", "5", "3"))) {
            try base.applying([.setLevel(innovation: nil, indicator: "r1", level: 5)], in: set)
        }
        #expect(throws: IndexProblem("innovation", LocalizedMessage("index.whatIf.noInnovation", "7"))) { try base.applying([.drop(7)], in: set) }
        #expect(base.region == ["r1": 3, "r2": 2])  // nothing applied to the original
    }

    @Test func everyIndexMessageExistsInBothLanguages() {
        for (key, pair) in StringCatalogue.indexTexts {
            #expect(!pair.id.isEmpty && !pair.en.isEmpty, "\(key)")
        }
    }
}
