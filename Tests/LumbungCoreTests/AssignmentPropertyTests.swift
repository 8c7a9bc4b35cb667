import PropertyBased
import Testing
@testable import LumbungCore

/// The constraints of evaluation-methods §1.3 over random instances.
@Suite struct AssignmentPropertyTests {
    /// A random stage: evaluators from a few agencies (some from none), proposals from the same
    /// agencies, same-agency exclusions plus random declared conflicts, and random expertise.
    static func instance(seed: UInt64, maxProposals: Int, maxEvaluators: Int) -> AssignmentProblem {
        var random = SplitMix(seed)
        let proposals = 1 + random.below(maxProposals), evaluators = 1 + random.below(maxEvaluators)
        let agencies = 1 + random.below(5), k = 1 + random.below(min(4, evaluators + 1))
        let categories = ["a", "b", "c"]
        let evaluatorAgency = (0..<evaluators).map { _ in random.below(agencies + 1) }
        let staff = (0..<evaluators).map { index in
            AssignmentProblem.Evaluator(id: Int64(10 + index), expertise: Set(categories.filter { _ in random.below(3) == 0 }))
        }
        var excluded = Set<AssignmentPair>()
        let entries = (0..<proposals).map { index -> AssignmentProblem.Proposal in
            let agency = random.below(agencies)
            let proposal = AssignmentProblem.Proposal(id: Int64(1000 + index), agency: Int64(agency), category: categories[random.below(3)])
            for (position, evaluator) in staff.enumerated() where evaluatorAgency[position] == agency || random.below(12) == 0 {
                excluded.insert(AssignmentPair(proposal: proposal.id, evaluator: evaluator.id))
            }
            return proposal
        }
        return AssignmentProblem(evaluators: staff, proposals: entries, perProposal: k, excluded: excluded, seed: random.next())
    }

    static func check(_ assignment: Assignment, _ problem: AssignmentProblem, sourceLocation: SourceLocation = #_sourceLocation) {
        let (lower, upper) = problem.loadBounds
        for proposal in problem.proposals {
            let assigned = assignment.evaluators(of: proposal.id)
            #expect(assigned.count == problem.perProposal, sourceLocation: sourceLocation)
            #expect(Set(assigned).count == assigned.count, "duplicate evaluator", sourceLocation: sourceLocation)
        }
        #expect(assignment.pairs.allSatisfy { !problem.excluded.contains($0) }, "an excluded pair was assigned", sourceLocation: sourceLocation)
        #expect(assignment.loads.values.allSatisfy { $0 == lower || $0 == upper }, "\(assignment.loads)", sourceLocation: sourceLocation)
        let slots = problem.perProposal * problem.proposals.count
        if lower != upper {
            #expect(assignment.loads.values.filter { $0 == upper }.count == slots - lower * problem.evaluators.count, sourceLocation: sourceLocation)
        }
        #expect(problem.fixed.isSubset(of: Set(assignment.pairs)), "a started slot moved", sourceLocation: sourceLocation)
    }

    @Test func assignmentsKeepEveryConstraint() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let problem = Self.instance(seed: seed, maxProposals: 40, maxEvaluators: 14)
            if case .assigned(let assignment) = AssignmentSolver.solve(problem) {
                Self.check(assignment, problem)
            }
        }
    }

    @Test func infeasibleOnlyWhenNoBalancedAssignmentExists() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let problem = Self.instance(seed: seed, maxProposals: 5, maxEvaluators: 5)
            let exists = Self.bruteForceExists(problem)
            switch AssignmentSolver.solve(problem) {
            case .assigned(let assignment):
                #expect(exists)
                Self.check(assignment, problem)
            case .infeasible(let diagnosis):
                #expect(!exists, "the solver missed an assignment")
                // The diagnosis always names a reason.
                #expect(diagnosis.tooFewEvaluators || !diagnosis.proposalsLacking.isEmpty || !diagnosis.agencyShortfalls.isEmpty || diagnosis.balanceImpossible)
            }
        }
    }

    @Test func theSameSeedGivesTheSameAssignment() async {
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            let problem = Self.instance(seed: seed, maxProposals: 60, maxEvaluators: 15)
            #expect(AssignmentSolver.solve(problem) == AssignmentSolver.solve(problem))
        }
    }

    @Test func aRerunKeepsStartedSlots() async {
        await propertyCheck(count: 150, input: Gen.uint64()) { seed in
            var problem = Self.instance(seed: seed, maxProposals: 30, maxEvaluators: 10)
            guard case .assigned(let first) = AssignmentSolver.solve(problem) else { return }
            var random = SplitMix(seed ^ 0xABCDEF)
            problem.fixed = Set(first.pairs.filter { _ in random.below(3) == 0 })
            problem.seed &+= 1
            guard case .assigned(let second) = AssignmentSolver.solve(problem) else {
                Issue.record("the first assignment is still possible, so a re-run must find one")
                return
            }
            Self.check(second, problem)
        }
    }

    @Test func expertiseCoverageBeatsTheFlowAlone() {
        // Two categories, experts for each; the local search must give every proposal an expert
        // when the loads allow it.
        let evaluators = (0..<6).map { AssignmentProblem.Evaluator(id: Int64($0 + 1), expertise: [$0 < 3 ? "a" : "b"]) }
        let proposals = (0..<12).map { AssignmentProblem.Proposal(id: Int64(100 + $0), category: $0 < 6 ? "a" : "b") }
        let problem = AssignmentProblem(evaluators: evaluators, proposals: proposals, perProposal: 2, seed: 3)
        guard case .assigned(let assignment) = AssignmentSolver.solve(problem) else { Issue.record("expected an assignment"); return }
        Self.check(assignment, problem)
        #expect(assignment.coveredProposals == 12)
        #expect(assignment.connectedParts == 1 || assignment.matchedSlots == 24)
    }

    /// Tries every choice of k evaluators for every proposal.
    static func bruteForceExists(_ problem: AssignmentProblem) -> Bool {
        let k = problem.perProposal, evaluators = problem.evaluators.map(\.id)
        guard k <= evaluators.count else { return false }
        let (lower, upper) = problem.loadBounds
        let choices = problem.proposals.map { proposal in
            subsets(of: evaluators, size: k).filter { set in set.allSatisfy { !problem.excluded.contains(AssignmentPair(proposal: proposal.id, evaluator: $0)) } }
        }
        var loads = Dictionary(uniqueKeysWithValues: evaluators.map { ($0, 0) })
        func place(_ index: Int) -> Bool {
            if index == choices.count { return loads.values.allSatisfy { $0 >= lower && $0 <= upper } }
            for choice in choices[index] {
                if choice.contains(where: { loads[$0]! + 1 > upper }) { continue }
                for evaluator in choice { loads[evaluator]! += 1 }
                if place(index + 1) { return true }
                for evaluator in choice { loads[evaluator]! -= 1 }
            }
            return false
        }
        return place(0)
    }

    static func subsets(of items: [Int64], size: Int) -> [[Int64]] {
        if size == 0 { return [[]] }
        guard items.count >= size else { return [] }
        let first = items[0], rest = Array(items.dropFirst())
        return subsets(of: rest, size: size - 1).map { [first] + $0 } + subsets(of: rest, size: size)
    }
}

/// A small seeded generator for building instances inside a property.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
