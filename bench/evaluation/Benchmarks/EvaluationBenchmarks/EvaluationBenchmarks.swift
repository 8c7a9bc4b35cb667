import Benchmark
import Foundation
import LumbungCore

// KemenPANRB's scale: 3,500 proposals from 548 governments and ministries, 8 categories,
// 120 evaluators (20 of them from an agency, so some pairs are excluded), 3 evaluators per
// proposal, 5 criteria on 1–10. Every iteration takes the next of several generated stages
// (different seeds), so no answer can be reused from the one before.
let proposalCount = 3_500
let evaluatorCount = 120
let agencyCount = 548
let categories = ["pelayanan-publik", "tata-kelola", "kesehatan", "pendidikan", "ekonomi", "lingkungan", "ketahanan-pangan", "kemiskinan"]
let criteria = [
    Criterion(key: "kebaruan", name: "Kebaruan", weight: 20), Criterion(key: "efektif", name: "Efektif", weight: 20),
    Criterion(key: "bermanfaat", name: "Bermanfaat", weight: 25), Criterion(key: "replikasi", name: "Dapat direplikasi", weight: 15),
    Criterion(key: "berkelanjutan", name: "Berkelanjutan", weight: 20),
]
/// Top 99 with at most 3 per government and at least 5 per category.
let rules = StageRules(evaluatorsPerProposal: 3, basis: .calibrated, lambda: 2, selection: .top(99),
                       quotas: [QuotaAttribute(key: "instansi", defaultCap: 3),
                                QuotaAttribute(key: "kategori", floors: Dictionary(uniqueKeysWithValues: categories.map { ($0, 5) }))],
                       lotterySeed: "kipp-nasional")

/// SplitMix64: the same stage for the same seed on every machine.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A normal deviate (Box–Muller).
    mutating func normal(_ mean: Double, _ sd: Double) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self), v = Double.random(in: 0..<1, using: &self)
        return mean + sd * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

struct NationalStage {
    let assignmentProblem: AssignmentProblem
    let proposals: [StageProposal]
    let sheets: [SubmittedSheet]

    init(seed: UInt64) {
        var random = Generator(state: seed)
        let agencyOf = (0..<proposalCount).map { _ in Int64.random(in: 1...Int64(agencyCount), using: &random) }
        let categoryOf = (0..<proposalCount).map { _ in categories.randomElement(using: &random)! }
        let evaluators = (0..<evaluatorCount).map { index in
            AssignmentProblem.Evaluator(id: Int64(10_000 + index), expertise: Set(categories.shuffled(using: &random).prefix(index % 3 + 1)))
        }
        var excluded: Set<AssignmentPair> = []
        for evaluator in evaluators.prefix(20) {
            let agency = Int64.random(in: 1...Int64(agencyCount), using: &random)
            for (index, owner) in agencyOf.enumerated() where owner == agency {
                excluded.insert(AssignmentPair(proposal: Int64(index + 1), evaluator: evaluator.id))
            }
        }
        assignmentProblem = AssignmentProblem(
            evaluators: evaluators,
            proposals: (0..<proposalCount).map { AssignmentProblem.Proposal(id: Int64($0 + 1), agency: agencyOf[$0], category: categoryOf[$0]) },
            perProposal: 3, excluded: excluded, seed: seed)
        proposals = (0..<proposalCount).map {
            StageProposal(id: Int64($0 + 1), attributes: ["instansi": "pemda-\(agencyOf[$0])", "kategori": categoryOf[$0]])
        }
        // Scores from a balanced rotation (the assignment itself is measured on its own).
        let quality = (0..<proposalCount).map { _ in random.normal(7, 1.2) }
        let leniency = (0..<evaluatorCount).map { _ in random.normal(0, 0.8) }
        var sheets: [SubmittedSheet] = []
        sheets.reserveCapacity(proposalCount * 3)
        for proposal in 0..<proposalCount {
            for slot in 0..<3 {
                let evaluator = (proposal + slot * 41) % evaluatorCount
                var scores: CriterionScores = [:]
                for criterion in criteria {
                    let value = quality[proposal] + leniency[evaluator] + random.normal(0, 0.7)
                    scores[criterion.key] = min(10, max(1, Int(value.rounded())))
                }
                sheets.append(SubmittedSheet(proposal: Int64(proposal + 1), evaluator: Int64(10_000 + evaluator), scores: scores))
            }
        }
        self.sheets = sheets
    }
}

let stages = (1...4).map { NationalStage(seed: UInt64($0) * 7_919) }

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
                                                timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 40)

    Benchmark("Aggregation: 3,500 proposals × 3 evaluators × 5 criteria, 120 evaluators, calibrated, Top 99 with two quotas",
              configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            let stage = stages[iteration % stages.count]
            let result = StageEvaluation.evaluate(criteria: criteria, rules: rules, proposals: stage.proposals, sheets: stage.sheets)
            precondition(result.shortlist.count == 99 && result.basisUsed == .calibrated)
            blackHole(result)
        }
    }

    Benchmark("Assignment: 3,500 proposals × k = 3 over 120 evaluators, agency conflicts, expertise",
              configuration: Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                                     maxDuration: .seconds(30), maxIterations: 12)) { benchmark in
        for iteration in benchmark.scaledIterations {
            var problem = stages[iteration % stages.count].assignmentProblem
            problem.seed = UInt64(iteration + 1)
            guard case .assigned(let assignment) = AssignmentSolver.solve(problem) else { preconditionFailure("the national stage is coverable") }
            precondition(assignment.pairs.count == 3 * proposalCount)
            blackHole(assignment)
        }
    }
}
