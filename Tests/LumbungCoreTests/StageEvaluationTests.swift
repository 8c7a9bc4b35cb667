import Testing
@testable import LumbungCore

@Suite struct StageEvaluationTests {
    static let single = [Criterion(key: "nilai", name: "Nilai", weight: 100, scaleMin: 0, scaleMax: 100)]

    /// The §2.3 data as score sheets on one 0–100 criterion (A = 1, B = 2, C = 3; P1 = 11…).
    static let sixSheets: [SubmittedSheet] = [
        (11, 1, 92), (11, 2, 78), (12, 1, 78), (12, 3, 61), (13, 2, 63), (13, 3, 48),
        (14, 1, 63), (14, 2, 50), (15, 1, 85), (15, 3, 66), (16, 2, 66), (16, 3, 55),
    ].map { SubmittedSheet(proposal: $0.0, evaluator: $0.1, scores: ["nilai": $0.2]) }
    static let six = (11...16).map { StageProposal(id: Int64($0)) }

    @Test func rawMeanRanksAndANormalisedBasisNeedsFiveScoresEach() {
        let rules = StageRules(basis: .calibrated, selection: .top(3), lotterySeed: "kipp-2020")
        let result = StageEvaluation.evaluate(criteria: Self.single, rules: rules, proposals: Self.six, sheets: Self.sixSheets)
        #expect(result.proposals.map(\.id) == [11, 15, 12, 16, 14, 13])
        #expect(result.basisUsed == .rawMean)
        #expect(result.fallback == .evaluatorsWithFewScores([1, 2, 3]))
        #expect(result.shortlist == [11, 15, 12])
        #expect(result.connectedParts == 1)
        // The calibrated score is still shown, advisory: it puts P3 (13) above P4 (14).
        #expect(result.proposal(13)!.calibrated! > result.proposal(14)!.calibrated!)
        #expect(result.reliability.raw?.single ?? 0 > 0.41)
    }

    @Test func aHarshEvaluatorIsFlaggedAndCalibrationUndoesIt() {
        // 30 proposals with true quality 40…98, seven evaluators, k = 3 in a cycle; evaluator 7 is 25 points harsher.
        var sheets: [SubmittedSheet] = []
        for proposal in 0..<30 {
            for t in 0..<3 {
                let evaluator = (3 * proposal + t) % 7 + 1
                let value = 40 + 2 * proposal - (evaluator == 7 ? 25 : 0)
                sheets.append(SubmittedSheet(proposal: Int64(100 + proposal), evaluator: Int64(evaluator), scores: ["nilai": max(0, value)]))
            }
        }
        let proposals = (0..<30).map { StageProposal(id: Int64(100 + $0)) }
        let rules = StageRules(basis: .calibrated, selection: .top(5), lotterySeed: "s")
        let result = StageEvaluation.evaluate(criteria: Self.single, rules: rules, proposals: proposals, sheets: sheets)
        #expect(result.basisUsed == .calibrated)
        let harsh = result.evaluators.first { $0.id == 7 }!
        #expect(harsh.flags.contains { if case .unusualLeniency(let bias) = $0 { return bias < -15 } else { return false } })
        #expect(result.evaluators.filter { !$0.flags.isEmpty }.map(\.id) == [7])
        // Raw totals span 25+ points wherever the harsh evaluator sat; after leniency they do not.
        #expect(result.proposals.allSatisfy { proposal in !proposal.flags.contains { if case .totalRange = $0 { return true } else { return false } } })
        // The calibrated ranking is much closer to the true order than the raw one.
        var raw = rules
        raw.basis = .rawMean
        let rawResult = StageEvaluation.evaluate(criteria: Self.single, rules: raw, proposals: proposals, sheets: sheets)
        func displacement(_ result: StageResult) -> Int {
            result.proposals.reduce(0) { $0 + abs($1.rank! - (130 - Int($1.id))) }
        }
        #expect(displacement(result) * 2 < displacement(rawResult))
        #expect(Set(result.shortlist).intersection(125...129).count >= Set(rawResult.shortlist).intersection(125...129).count)
    }

    @Test func criterionAndCutoffFlags() {
        let criteria = [Criterion(key: "kebaruan", name: "Kebaruan", weight: 50, scaleMin: 1, scaleMax: 5),
                        Criterion(key: "manfaat", name: "Manfaat", weight: 50, scaleMin: 1, scaleMax: 5)]
        let sheets = [
            SubmittedSheet(proposal: 1, evaluator: 1, scores: ["kebaruan": 1, "manfaat": 4]),
            SubmittedSheet(proposal: 1, evaluator: 2, scores: ["kebaruan": 4, "manfaat": 4]),
            SubmittedSheet(proposal: 2, evaluator: 1, scores: ["kebaruan": 3, "manfaat": 3]),
            SubmittedSheet(proposal: 2, evaluator: 2, scores: ["kebaruan": 3, "manfaat": 4]),
        ]
        let result = StageEvaluation.evaluate(criteria: criteria, rules: StageRules(selection: .cutoff(55), lotterySeed: "x"),
                                              proposals: [StageProposal(id: 1), StageProposal(id: 2)], sheets: sheets)
        let first = result.proposal(1)!
        #expect(first.flags.contains(.criterionRange(criterion: "kebaruan", range: 3)))
        #expect(!first.flags.contains(.criterionRange(criterion: "manfaat", range: 0)))
        // Proposal 2: totals 50 and 62.5, mean 56.25, SE 6.25: the cut-off 55 is inside its band.
        #expect(result.proposal(2)!.flags.contains(.nearCutoff(cutoff: 55, standardError: 6.25)))
        #expect(Set(result.shortlist) == [1, 2])
    }

    @Test func tiesAreBrokenByTheHighestWeightedCriterionThenTheLottery() {
        let criteria = [Criterion(key: "a", name: "A", weight: 40, scaleMin: 0, scaleMax: 10),
                        Criterion(key: "b", name: "B", weight: 60, scaleMin: 0, scaleMax: 10)]
        // 1 and 2 tie on the total (6.0 both) but 2 is better on B, the heavier criterion; 3 and 4 tie on everything.
        let sheets = [
            SubmittedSheet(proposal: 1, evaluator: 9, scores: ["a": 9, "b": 4]),
            SubmittedSheet(proposal: 2, evaluator: 9, scores: ["a": 3, "b": 8]),
            SubmittedSheet(proposal: 3, evaluator: 9, scores: ["a": 2, "b": 2]),
            SubmittedSheet(proposal: 4, evaluator: 9, scores: ["a": 2, "b": 2]),
        ]
        let proposals = (1...4).map { StageProposal(id: Int64($0)) }
        let result = StageEvaluation.evaluate(criteria: criteria, rules: StageRules(selection: .top(4), lotterySeed: "undian-2020"),
                                              proposals: proposals, sheets: sheets)
        #expect(result.proposals.prefix(2).map(\.id) == [2, 1])
        #expect(result.proposals[0].decidedAgainstNext == .criterion("b"))
        let lotteryFirst: Int64 = Lottery.ticket(seed: "undian-2020", label: "3") < Lottery.ticket(seed: "undian-2020", label: "4") ? 3 : 4
        #expect(result.proposals[2].id == lotteryFirst)
        #expect(result.proposals[2].decidedAgainstNext == .lottery)
        // A recorded committee decision comes before the lottery.
        let decided = StageEvaluation.evaluate(criteria: criteria, rules: StageRules(selection: .top(4), lotterySeed: "undian-2020"),
                                               proposals: proposals, sheets: sheets, committeeOrder: [4: 1, 3: 2])
        #expect(decided.proposals.map(\.id).suffix(2) == [4, 3])
        #expect(decided.proposals[2].decidedAgainstNext == .committee)
    }

    @Test func tiedLastPlaceCanAdmitEveryone() {
        let sheets = [(1, 90), (2, 80), (3, 80), (4, 70)].map { SubmittedSheet(proposal: Int64($0.0), evaluator: 1, scores: ["nilai": $0.1]) }
        let proposals = (1...4).map { StageProposal(id: Int64($0)) }
        let keyed = StageEvaluation.evaluate(criteria: Self.single, rules: StageRules(selection: .top(2), lotterySeed: "a"), proposals: proposals, sheets: sheets)
        #expect(keyed.shortlist.count == 2)
        let all = StageEvaluation.evaluate(criteria: Self.single, rules: StageRules(selection: .top(2), cutoffTies: .admitAll, lotterySeed: "a"),
                                           proposals: proposals, sheets: sheets)
        #expect(Set(all.shortlist) == [1, 2, 3])
    }

    @Test func proportionalSeatsReleaseWhatAGroupCannotUse() {
        // Region r1 has 6 proposals, r2 has 3 and r3 has 1; 5 seats by Hamilton: 3 / 1.5 / 0.5 → 3, 2, 0 (ties to the larger).
        let regions = ["r1", "r1", "r1", "r1", "r1", "r1", "r2", "r2", "r2", "r3"]
        let sheets = regions.indices.map { SubmittedSheet(proposal: Int64($0 + 1), evaluator: 1, scores: ["nilai": 90 - $0]) }
        let proposals = regions.enumerated().map { StageProposal(id: Int64($0.offset + 1), attributes: ["wilayah": $0.element]) }
        let rules = StageRules(selection: .top(5), proportional: ProportionalSeats(attribute: "wilayah"), lotterySeed: "a")
        let result = StageEvaluation.evaluate(criteria: Self.single, rules: rules, proposals: proposals, sheets: sheets)
        #expect(result.seats == ["r1": 3, "r2": 2, "r3": 0])
        #expect(result.shortlist == [1, 2, 3, 7, 8])
        #expect(result.quotaProblems.isEmpty)
    }

    @Test func weightedCarryOverCombinesTheStages() {
        let proposals = [StageProposal(id: 1, previousScore: 90), StageProposal(id: 2, previousScore: 60)]
        let sheets = [SubmittedSheet(proposal: 1, evaluator: 1, scores: ["nilai": 70]), SubmittedSheet(proposal: 2, evaluator: 1, scores: ["nilai": 80])]
        let reset = StageEvaluation.evaluate(criteria: Self.single, rules: StageRules(selection: .top(1), lotterySeed: "a"), proposals: proposals, sheets: sheets)
        #expect(reset.shortlist == [2])
        let carried = StageEvaluation.evaluate(criteria: Self.single, rules: StageRules(selection: .top(1), lotterySeed: "a", carryOverWeight: 0.7),
                                               proposals: proposals, sheets: sheets)
        #expect(carried.shortlist == [1])
        #expect(abs(carried.proposal(1)!.official! - 84) < 1e-9)
    }

    @Test func aCutoffTakesCapsButNotFloorsOrProportionalSeats() {
        let seed = "uji"
        let caps = StageRules(selection: .cutoff(85), quotas: [QuotaAttribute(key: "kategori", defaultCap: 3)], lotterySeed: seed)
        #expect(caps.problems.isEmpty)
        let floors = StageRules(selection: .cutoff(85), quotas: [QuotaAttribute(key: "kategori", floors: ["kesehatan": 2])], lotterySeed: seed)
        #expect(floors.problems.map(\.part) == ["quotas"])
        let seats = StageRules(selection: .cutoff(85), proportional: ProportionalSeats(attribute: "kategori"), lotterySeed: seed)
        #expect(seats.problems.map(\.part) == ["quotas"])
        // The same floors with Top-N are fine.
        #expect(StageRules(selection: .top(10), quotas: [QuotaAttribute(key: "kategori", floors: ["kesehatan": 2])], lotterySeed: seed).problems.isEmpty)
    }

    @Test func scoreSheetProblemsNameTheCriterion() {
        let criteria = [Criterion(key: "kebaruan", name: "Kebaruan", weight: 50, scaleMin: 1, scaleMax: 10),
                        Criterion(key: "manfaat", name: "Manfaat", weight: 50, scaleMin: 1, scaleMax: 10)]
        #expect(WeightedTotal.problems(["kebaruan": 11], criteria: criteria, complete: true)
                == [.outsideScale(criterion: "Kebaruan", score: 11, min: 1, max: 10), .missing(criterion: "Manfaat")])
        #expect(WeightedTotal.problems(["kebaruan": 5], criteria: criteria, complete: false).isEmpty)
    }
}

@Suite struct AgencyConflictTests {
    // 1 Dinas Kesehatan ← 2 RSUD ← 3 Instalasi; 4 Dinas Pendidikan; a loop 5 ↔ 6 must not hang.
    static let tree = AgencyLineage(parents: [2: 1, 3: 2, 5: 6, 6: 5])

    @Test func ownAgencyItsParentsAndItsUnitsConflict() {
        #expect(Self.tree.areRelated(1, 1))
        #expect(Self.tree.areRelated(1, 3))
        #expect(Self.tree.areRelated(3, 1))
        #expect(Self.tree.areRelated(2, 3))
        #expect(!Self.tree.areRelated(3, 4))
        #expect(Self.tree.lineage(of: 3) == [3, 2, 1])
        #expect(Self.tree.areRelated(5, 6))
    }
}
