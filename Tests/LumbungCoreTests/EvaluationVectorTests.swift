import Foundation
import Testing
@testable import LumbungCore

/// Every test vector of evaluation-methods §7, worked by hand there.
@Suite struct EvaluationVectorTests {
    static func close(_ actual: Double?, _ expected: Double, _ tolerance: Double = 0.005, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual else { Issue.record("no value, expected \(expected)", sourceLocation: sourceLocation); return }
        #expect(abs(actual - expected) <= tolerance, "\(actual) is not \(expected)", sourceLocation: sourceLocation)
    }

    /// Six proposals, three evaluators (A lenient, C strict), k = 2, 0–100 totals (§2.3).
    static let sixProposals = ScoreTable(rows: [
        [92, 78, nil],
        [78, nil, 61],
        [nil, 63, 48],
        [63, 50, nil],
        [85, nil, 66],
        [nil, 66, 55],
    ])

    @Test func weightedTotalRescalesEachCriterionToItsRange() {
        let criteria = [(30.0, 4), (30.0, 5), (20.0, 3), (20.0, 4)].enumerated().map { position, item in
            Criterion(key: "c\(position)", name: "C\(position)", weight: item.0, scaleMin: 1, scaleMax: 5)
        }
        let scores = Dictionary(uniqueKeysWithValues: [4, 5, 3, 4].enumerated().map { ("c\($0)", $1) })
        Self.close(WeightedTotal.total(scores, criteria: criteria), 77.5, 1e-9)
    }

    @Test func meanMedianTrimmedAndSD() throws {
        let summary = try #require(ScoreSummary([62, 70, 71, 74, 95]))
        Self.close(summary.mean, 74.4, 1e-9)
        Self.close(summary.median, 71, 1e-9)
        Self.close(summary.trimmedMean, 71.667, 0.001)
        Self.close(summary.standardDeviation, 12.34, 0.005)
        #expect(ScoreSummary([62, 70, 71])?.trimmedMean == nil)
    }

    @Test func rawMeansAndEvaluatorMoments() {
        let table = Self.sixProposals
        for (proposal, expected) in [85.0, 69.5, 55.5, 56.5, 75.5, 60.5].enumerated() {
            Self.close(ScoreSummary(table.values(ofProposal: proposal))?.mean, expected, 1e-9)
        }
        let z = ZScoreNormalisation(table, options: .plain)
        for (evaluator, (mean, sd)) in [(79.50, 10.735), (64.25, 9.959), (57.50, 6.727)].enumerated() {
            Self.close(z.evaluators[evaluator].mean, mean, 1e-9)
            Self.close(z.evaluators[evaluator].standardDeviation, sd, 0.001)
            #expect(z.evaluators[evaluator].treatment == .own)
        }
        Self.close(z.overall.mean, 67.083, 0.001)
        Self.close(z.overall.standardDeviation, 13.086, 0.001)
    }

    @Test func zScoresEvalatoFitAndPopulationRescale() {
        let z = ZScoreNormalisation(Self.sixProposals, options: .plain)
        for (proposal, expected) in [1.272, 0.190, -0.769, -1.484, 0.888, -0.098].enumerated() {
            Self.close(z.proposalZ[proposal], expected, 0.001)
        }
        for (proposal, expected) in [85.00, 73.42, 63.15, 55.50, 80.88, 70.33].enumerated() {
            Self.close(z.evalatoFit[proposal], expected)
        }
        for (proposal, expected) in [83.74, 69.57, 57.02, 47.67, 78.70, 65.80].enumerated() {
            Self.close(z.populationRescale[proposal], expected)
        }
        // Individual z of evaluator A: P1 1.164, P2 −0.140, P4 −1.537, P5 0.512.
        let a = Self.sixProposals.byEvaluator[0].map { z.entryZ[$0] }
        for (actual, expected) in zip(a, [1.164, -0.140, -1.537, 0.512]) { Self.close(actual, expected, 0.001) }
    }

    @Test func biasModelAtLambdaOneAndFour() {
        let one = BiasCalibration(Self.sixProposals, lambda: 1)
        #expect(one.converged)
        // The exact values are 7.875, 81.125 and 52.625: the document rounds them to two decimals.
        for (evaluator, expected) in [7.88, -0.12, -7.75].enumerated() { Self.close(one.evaluatorBiases[evaluator], expected, 0.0051) }
        for (proposal, expected) in [81.12, 69.44, 59.44, 52.62, 75.44, 64.44].enumerated() { Self.close(one.calibrated[proposal], expected, 0.0051) }
        let four = BiasCalibration(Self.sixProposals, lambda: 4)
        for (evaluator, expected) in [4.50, -0.07, -4.43].enumerated() { Self.close(four.evaluatorBiases[evaluator], expected) }
        for (proposal, expected) in [82.79, 69.46, 57.75, 54.29, 75.46, 62.75].enumerated() { Self.close(four.calibrated[proposal], expected) }
        // With λ > 0 the biases sum to zero at the optimum, and every λ ranks P3 above P4.
        Self.close(one.evaluatorBiases.reduce(0, +), 0, 1e-6)
        #expect(one.calibrated[2]! > one.calibrated[3]!)
    }

    @Test func biasModelNearLambdaZeroRecoversTheBiases() {
        let fixed = BiasCalibration(Self.sixProposals, lambda: 0)
        for (evaluator, expected) in [10.50, -0.17, -10.33].enumerated() { Self.close(fixed.evaluatorBiases[evaluator], expected, 0.01) }
        for (proposal, expected) in [79.83, 69.42, 60.75, 51.33, 75.42, 65.75].enumerated() { Self.close(fixed.calibrated[proposal], expected, 0.01) }
    }

    @Test func reliabilityRawAndOnZScores() throws {
        let icc = try #require(OneWayICC(Self.sixProposals))
        Self.close(icc.betweenMeanSquare, 274.88, 0.01)
        Self.close(icc.withinMeanSquare, 113.42, 0.01)
        Self.close(icc.n0, 2, 1e-9)
        Self.close(icc.single, 0.416, 0.001)
        Self.close(icc.average, 0.587, 0.001)
        #expect(ReliabilityBand(icc.single) == .poor)
        let interval = try #require(icc.singleInterval)
        #expect(interval.contains(icc.single))
        Self.close(KrippendorffAlpha.interval(Self.sixProposals), 0.393, 0.001)

        let z = ZScoreNormalisation(Self.sixProposals, options: .plain)
        let onZ = Self.sixProposals.replacingValues(z.entryZ)
        Self.close(OneWayICC(onZ)?.single, 0.786, 0.001)
        Self.close(OneWayICC(onZ)?.average, 0.880, 0.001)
        Self.close(KrippendorffAlpha.interval(onZ), 0.770, 0.001)
    }

    @Test func shrunkZForAnEvaluatorWithTwoScores() {
        let d = PopulationMoments([90, 94])
        let overall = PopulationMoments(count: 12, mean: 67.083, standardDeviation: 13.086)
        let shrunk = ZScoreNormalisation.shrunk(d, towards: overall, pseudoCount: 5)
        Self.close(shrunk.mean, 74.2, 0.05)
        Self.close(shrunk.standardDeviation, 12.0, 0.05)
        Self.close((90 - shrunk.mean) / shrunk.standardDeviation, 1.32, 0.01)
        Self.close((94 - shrunk.mean) / shrunk.standardDeviation, 1.65, 0.01)
    }

    @Test func kendallWForFourJurorsAndFiveFinalists() throws {
        let ranks: [[Double]] = [[1, 2, 3, 4, 5], [2, 1, 3, 5, 4], [1, 3, 2, 4, 5], [2, 1, 4, 3, 5]]
        let w = try #require(KendallW(scores: ranks.map { $0.map { 6 - $0 } }))
        Self.close(w.w, 0.7875, 1e-9)
        Self.close(w.chiSquare, 12.6, 1e-9)
        #expect(w.degreesOfFreedom == 4)
        Self.close(w.pValue, 0.013, 0.001)
    }

    @Test func hamiltonWebsterAndDHondt() {
        let sizes = [("kementerian", 400), ("lembaga", 100), ("provinsi", 300), ("kabupaten", 900), ("kota", 300)].map { (group: $0.0, size: $0.1) }
        let expected = ["kementerian": 20, "lembaga": 5, "provinsi": 15, "kabupaten": 44, "kota": 15]
        #expect(Apportionment.seats(99, sizes: sizes, method: .hamilton) == expected)
        #expect(Apportionment.seats(99, sizes: sizes, method: .webster) == expected)
        #expect(Apportionment.seats(99, sizes: sizes, method: .dhondt) == ["kementerian": 20, "lembaga": 4, "provinsi": 15, "kabupaten": 45, "kota": 15])
        let alabama = [("a", 6), ("b", 6), ("c", 2)].map { (group: $0.0, size: $0.1) }
        #expect(Apportionment.seats(10, sizes: alabama, method: .hamilton) == ["a": 4, "b": 4, "c": 2])
        #expect(Apportionment.seats(11, sizes: alabama, method: .hamilton) == ["a": 5, "b": 5, "c": 1])
    }

    static func candidate(_ name: String, _ score: Double, _ values: [String: String]) -> QuotaCandidate {
        QuotaCandidate(id: Int64(name.unicodeScalars.first!.value), score: score, values: values)
    }

    static func names(_ ids: [Int64]) -> String {
        String(ids.map { Character(Unicode.Scalar(UInt32($0))!) })
    }

    @Test func capsOnOneAttributeByGreedy() {
        let ranked = [("A", 91.2, "digital"), ("B", 90.8, "digital"), ("C", 90.1, "digital"), ("D", 89.5, "kesehatan"),
                      ("E", 88.0, "digital"), ("F", 87.3, "kesehatan")].map { Self.candidate($0.0, $0.1, ["kategori": $0.2]) }
        let caps = [QuotaAttribute(key: "kategori", defaultCap: 2)]
        let result = QuotaSelection.greedy(seats: 4, candidates: ranked, attributes: caps)
        #expect(Self.names(result.selected) == "ABDF")
        #expect(result.skipped.map(\.reason) == [.groupFull(attribute: "kategori", value: "digital"), .groupFull(attribute: "kategori", value: "digital")])
        #expect(QuotaSelection.withLookAhead(seats: 4, candidates: ranked, attributes: caps) == result)
    }

    @Test func twoAttributesNeedTheLookAhead() {
        let ranked = [("A", 95.0, "x", "r1"), ("B", 94.0, "y", "r1"), ("C", 93.0, "x", "r2"), ("D", 80.0, "y", "r2"), ("E", 70.0, "z", "r1")]
            .map { Self.candidate($0.0, $0.1, ["kategori": $0.2, "wilayah": $0.3]) }
        let quotas = [QuotaAttribute(key: "kategori", defaultCap: 1), QuotaAttribute(key: "wilayah", defaultCap: 2)]
        #expect(QuotaSelection.problems(seats: 3, candidates: ranked, attributes: quotas).isEmpty)
        #expect(Self.names(QuotaSelection.greedy(seats: 3, candidates: ranked, attributes: quotas).selected) == "AB")
        let lookAhead = QuotaSelection.withLookAhead(seats: 3, candidates: ranked, attributes: quotas)
        #expect(Self.names(lookAhead.selected) == "ADE")
        #expect(lookAhead.skipped.first?.reason == .wouldBreakQuotas)
        #expect(Self.names(QuotaSelection.highestTotal(seats: 3, candidates: ranked, attributes: quotas)) == "BCE")
    }

    @Test func impossibleQuotasAreReportedBeforeRanking() {
        let ranked = (0..<6).map { Self.candidate(String(UnicodeScalar(65 + $0)!), Double(90 - $0), ["wilayah": "r\($0 % 3)"]) }
        let problems = QuotaSelection.problems(seats: 4, candidates: ranked, attributes: [QuotaAttribute(key: "wilayah", defaultCap: 1)])
        #expect(problems == [.capsTooTight(attribute: "wilayah", allowed: 3, seats: 4)])
        let floors = QuotaSelection.problems(seats: 3, candidates: ranked, attributes: [QuotaAttribute(key: "wilayah", floors: ["3t": 1])])
        #expect(floors == [.floorUnreachable(attribute: "wilayah", value: "3t", floor: 1, available: 0)])
    }

    @Test func aProposalWithTwoEligibleEvaluatorsMakesAssignmentInfeasible() {
        let evaluators = (1...3).map { AssignmentProblem.Evaluator(id: Int64($0)) }
        let proposals = (1...4).map { AssignmentProblem.Proposal(id: Int64(100 + $0)) }
        let problem = AssignmentProblem(evaluators: evaluators, proposals: proposals, perProposal: 3,
                                        excluded: [AssignmentPair(proposal: 102, evaluator: 3)])
        guard case .infeasible(let diagnosis) = AssignmentSolver.solve(problem) else { Issue.record("expected infeasible"); return }
        #expect(diagnosis.proposalsLacking.map(\.proposal) == [102])
        #expect(diagnosis.proposalsLacking.map(\.eligible) == [2])
        #expect(diagnosis.additionalEvaluatorsNeeded == 1)
    }

    @Test func twoHundredProposalsOverSeventeenEvaluators() {
        let problem = AssignmentProblem(evaluators: (1...17).map { .init(id: Int64($0)) },
                                        proposals: (1...200).map { .init(id: Int64($0)) }, perProposal: 3, seed: 7)
        guard case .assigned(let assignment) = AssignmentSolver.solve(problem) else { Issue.record("expected an assignment"); return }
        #expect(assignment.lower == 35 && assignment.upper == 36)
        #expect(Set(assignment.loads.values) == [35, 36])
        #expect(assignment.loads.values.filter { $0 == 36 }.count == 600 - 35 * 17)
        #expect(assignment.pairs.count == 600)
    }
}
