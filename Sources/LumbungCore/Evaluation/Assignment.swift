/// One evaluator on one proposal.
public struct AssignmentPair: Hashable, Codable, Sendable, Comparable {
    public let proposal: Int64
    public let evaluator: Int64

    public init(proposal: Int64, evaluator: Int64) {
        self.proposal = proposal
        self.evaluator = evaluator
    }

    public static func < (a: AssignmentPair, b: AssignmentPair) -> Bool {
        (a.proposal, a.evaluator) < (b.proposal, b.evaluator)
    }
}

/// What the assignment of a stage starts from (§1.3).
public struct AssignmentProblem: Sendable {
    public struct Evaluator: Equatable, Sendable {
        public let id: Int64
        /// Categories (kategori) the evaluator knows; a soft preference.
        public let expertise: Set<String>

        public init(id: Int64, expertise: Set<String> = []) {
            self.id = id
            self.expertise = expertise
        }
    }

    public struct Proposal: Equatable, Sendable {
        public let id: Int64
        /// The agency it comes from, for the per-agency check.
        public let agency: Int64?
        public let category: String?

        public init(id: Int64, agency: Int64? = nil, category: String? = nil) {
            self.id = id
            self.agency = agency
            self.category = category
        }
    }

    public var evaluators: [Evaluator]
    public var proposals: [Proposal]
    /// k: evaluators per proposal.
    public var perProposal: Int
    /// Hard exclusions: the same agency (or its parent or unit), declared and entered conflicts.
    public var excluded: Set<AssignmentPair>
    /// Slots whose scoring has started: kept as they are and counted in the loads.
    public var fixed: Set<AssignmentPair> { didSet { fixedPerProposal = Self.counts(fixed) } }
    /// How many kept slots each proposal has.
    private(set) var fixedPerProposal: [Int64: Int]
    /// Recorded with the assignment, so that anyone can reproduce it.
    public var seed: UInt64

    public init(evaluators: [Evaluator], proposals: [Proposal], perProposal: Int = 3, excluded: Set<AssignmentPair> = [],
                fixed: Set<AssignmentPair> = [], seed: UInt64 = 1) {
        self.evaluators = evaluators.sorted { $0.id < $1.id }
        self.proposals = proposals.sorted { $0.id < $1.id }
        self.perProposal = perProposal
        self.excluded = excluded
        self.fixed = fixed
        fixedPerProposal = Self.counts(fixed)
        self.seed = seed
    }

    /// L = ⌊kP/R⌋ and U = ⌈kP/R⌉.
    public var loadBounds: (lower: Int, upper: Int) {
        let slots = perProposal * proposals.count, count = max(1, evaluators.count)
        return (slots / count, (slots + count - 1) / count)
    }

    private static func counts(_ pairs: Set<AssignmentPair>) -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for pair in pairs { counts[pair.proposal, default: 0] += 1 }
        return counts
    }

    func isMatch(_ evaluator: Evaluator, _ proposal: Proposal) -> Bool {
        proposal.category.map { evaluator.expertise.contains($0) } ?? false
    }
}

/// A complete, balanced assignment.
public struct Assignment: Equatable, Sendable {
    /// Every slot, the kept ones included, ordered by proposal then evaluator.
    public let pairs: [AssignmentPair]
    public let loads: [Int64: Int]
    public let lower: Int
    public let upper: Int
    public let seed: UInt64
    /// Slots whose evaluator knows the proposal's category, and proposals with at least one.
    public let matchedSlots: Int
    public let coveredProposals: Int
    /// How many parts the graph of proposals and evaluators falls into; 1 is what calibration needs.
    public let connectedParts: Int

    public func evaluators(of proposal: Int64) -> [Int64] { pairs.filter { $0.proposal == proposal }.map(\.evaluator) }
}

/// Why no assignment exists, in terms a secretariat can act on.
public struct AssignmentDiagnosis: Equatable, Sendable {
    public struct AgencyShortfall: Equatable, Sendable {
        public let agency: Int64
        public let proposals: Int
        public let evaluatorsOutside: Int
        /// The open slots of its proposals (k·P_a) against the places its eligible evaluators have left (≤ (R − R_a)·U).
        public let slotsNeeded: Int
        public let slotsAvailable: Int
    }

    /// R < k.
    public let tooFewEvaluators: Bool
    /// Proposals with fewer than k eligible evaluators, with how many they have.
    public let proposalsLacking: [(proposal: Int64, eligible: Int)]
    public let agencyShortfalls: [AgencyShortfall]
    /// The flow found no assignment with loads in [L, U] (phase 1) or ≤ U (phase 2).
    public let balanceImpossible: Bool
    public let slotsFilled: Int
    public let slotsNeeded: Int
    /// How many more evaluators, free of every conflict, would make it possible (nil: more than tried).
    public let additionalEvaluatorsNeeded: Int?

    public static func == (a: AssignmentDiagnosis, b: AssignmentDiagnosis) -> Bool {
        a.tooFewEvaluators == b.tooFewEvaluators && a.proposalsLacking.map(\.proposal) == b.proposalsLacking.map(\.proposal)
            && a.proposalsLacking.map(\.eligible) == b.proposalsLacking.map(\.eligible) && a.agencyShortfalls == b.agencyShortfalls
            && a.balanceImpossible == b.balanceImpossible && a.slotsFilled == b.slotsFilled && a.slotsNeeded == b.slotsNeeded
            && a.additionalEvaluatorsNeeded == b.additionalEvaluatorsNeeded
    }
}

public enum AssignmentOutcome: Equatable, Sendable {
    case assigned(Assignment)
    case infeasible(AssignmentDiagnosis)
}

/// Balanced k-assignment with exclusions (§1.3): the pre-checks, the two-phase maximum flow
/// (exact: it finds a balanced assignment if and only if one exists), then a load-preserving
/// local search that gives as many proposals as possible an evaluator who knows their category.
public enum AssignmentSolver {
    public static func solve(_ problem: AssignmentProblem) -> AssignmentOutcome {
        let k = problem.perProposal
        let (lower, upper) = problem.loadBounds
        let evaluators = problem.evaluators, proposals = problem.proposals
        let eligible = eligibility(problem)

        // Pre-checks with messages a person can act on.
        let lacking = proposals.indices.filter { eligible[$0].count + fixedCount(problem, proposals[$0].id) < k }
            .map { (proposal: proposals[$0].id, eligible: eligible[$0].count + fixedCount(problem, proposals[$0].id)) }
        var shortfalls: [AssignmentDiagnosis.AgencyShortfall] = []
        let byAgency = Dictionary(grouping: proposals.indices.filter { proposals[$0].agency != nil }) { proposals[$0].agency! }
        let kept = fixedLoads(problem)
        for (agency, members) in byAgency.sorted(by: { $0.key < $1.key }) {
            var outside = Set<Int>()
            for member in members { outside.formUnion(eligible[member]) }
            let needed = members.reduce(0) { $0 + max(0, k - fixedCount(problem, proposals[$1].id)) }
            let available = outside.reduce(0) { $0 + max(0, upper - kept[$1]) }
            if needed > available {
                shortfalls.append(.init(agency: agency, proposals: members.count, evaluatorsOutside: outside.count,
                                        slotsNeeded: needed, slotsAvailable: available))
            }
        }
        let tooFew = evaluators.count < k
        if tooFew || !lacking.isEmpty || !shortfalls.isEmpty {
            return .infeasible(AssignmentDiagnosis(tooFewEvaluators: tooFew, proposalsLacking: lacking, agencyShortfalls: shortfalls,
                                                   balanceImpossible: false, slotsFilled: 0, slotsNeeded: k * proposals.count,
                                                   additionalEvaluatorsNeeded: additionalNeeded(problem)))
        }

        guard var slots = flow(problem, eligible: eligible, lower: lower, upper: upper) else {
            let filled = flowValue(problem, eligible: eligible, upper: upper)
            return .infeasible(AssignmentDiagnosis(tooFewEvaluators: false, proposalsLacking: [], agencyShortfalls: [],
                                                   balanceImpossible: true, slotsFilled: filled, slotsNeeded: k * proposals.count,
                                                   additionalEvaluatorsNeeded: additionalNeeded(problem)))
        }
        improveExpertise(problem, eligible: eligible, slots: &slots, lower: lower, upper: upper)
        return .assigned(assignment(problem, slots: slots, lower: lower, upper: upper))
    }

    // MARK: Eligibility and the flow

    /// For every proposal, the positions of the evaluators it may get (not excluded, not already kept on it).
    static func eligibility(_ problem: AssignmentProblem) -> [[Int]] {
        problem.proposals.map { proposal in
            problem.evaluators.indices.filter { position in
                let pair = AssignmentPair(proposal: proposal.id, evaluator: problem.evaluators[position].id)
                return !problem.excluded.contains(pair) && !problem.fixed.contains(pair)
            }
        }
    }

    static func fixedCount(_ problem: AssignmentProblem, _ proposal: Int64) -> Int {
        problem.fixedPerProposal[proposal] ?? 0
    }

    static func fixedLoads(_ problem: AssignmentProblem) -> [Int] {
        let positions = Dictionary(uniqueKeysWithValues: problem.evaluators.enumerated().map { ($1.id, $0) })
        var loads = [Int](repeating: 0, count: problem.evaluators.count)
        for pair in problem.fixed { if let position = positions[pair.evaluator] { loads[position] += 1 } }
        return loads
    }

    /// A deterministic mix of the seed and the two ids, to order equally good arcs (SplitMix64).
    static func tieBreak(_ seed: UInt64, _ evaluator: Int64, _ proposal: Int64) -> UInt64 {
        var x = seed &+ UInt64(bitPattern: evaluator) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: proposal) &* 0xC2B2_AE3D_27D4_EB4F
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    private struct Network {
        var graph: FlowNetwork
        var sourceArcs: [FlowNetwork.Arc]
        var pairArcs: [(proposal: Int, evaluator: Int, arc: FlowNetwork.Arc)]
        let source: Int
        let sink: Int
    }

    private static func network(_ problem: AssignmentProblem, eligible: [[Int]], capacities: [Int]) -> Network {
        let evaluators = problem.evaluators, proposals = problem.proposals
        let source = 0, sink = 1, evaluatorBase = 2, proposalBase = 2 + evaluators.count
        var graph = FlowNetwork(nodes: proposalBase + proposals.count)
        let sourceArcs = evaluators.indices.map { graph.addArc(from: source, to: evaluatorBase + $0, capacity: capacities[$0]) }
        // Each evaluator's arcs in order of preference: a category they know first, then the seeded order.
        var candidates = [[Int]](repeating: [], count: evaluators.count)
        for (proposal, allowed) in eligible.enumerated() { for evaluator in allowed { candidates[evaluator].append(proposal) } }
        var pairArcs: [(Int, Int, FlowNetwork.Arc)] = []
        pairArcs.reserveCapacity(eligible.reduce(0) { $0 + $1.count })
        for (evaluator, list) in candidates.enumerated() {
            let ordered = list.map { proposal -> (Int, Bool, UInt64) in
                (proposal, problem.isMatch(evaluators[evaluator], proposals[proposal]),
                 tieBreak(problem.seed, evaluators[evaluator].id, proposals[proposal].id))
            }.sorted { $0.1 != $1.1 ? $0.1 : $0.2 < $1.2 }
            for (proposal, _, _) in ordered {
                pairArcs.append((proposal, evaluator, graph.addArc(from: evaluatorBase + evaluator, to: proposalBase + proposal, capacity: 1)))
            }
        }
        for (position, proposal) in proposals.enumerated() {
            graph.addArc(from: proposalBase + position, to: sink, capacity: max(0, problem.perProposal - fixedCount(problem, proposal.id)))
        }
        return Network(graph: graph, sourceArcs: sourceArcs, pairArcs: pairArcs, source: source, sink: sink)
    }

    /// The two phases; nil when either falls short. Returns each proposal's new evaluators (positions).
    private static func flow(_ problem: AssignmentProblem, eligible: [[Int]], lower: Int, upper: Int) -> [[Int]]? {
        let kept = fixedLoads(problem)
        let needed = problem.perProposal * problem.proposals.count - problem.fixed.count
        var net = network(problem, eligible: eligible, capacities: kept.map { max(0, lower - $0) })
        let phaseOne = net.graph.maximiseFlow(from: net.source, to: net.sink)
        guard phaseOne == kept.reduce(0, { $0 + max(0, lower - $1) }) else { return nil }
        for (position, arc) in net.sourceArcs.enumerated() { net.graph.setCapacity(of: arc, to: max(0, upper - kept[position])) }
        let phaseTwo = phaseOne + net.graph.maximiseFlow(from: net.source, to: net.sink)
        guard phaseTwo == needed else { return nil }
        var slots = [[Int]](repeating: [], count: problem.proposals.count)
        for pair in net.pairArcs where net.graph.flow(on: pair.arc) > 0 { slots[pair.proposal].append(pair.evaluator) }
        return slots
    }

    /// How many slots a flow with loads ≤ U fills, for the diagnosis.
    private static func flowValue(_ problem: AssignmentProblem, eligible: [[Int]], upper: Int) -> Int {
        let kept = fixedLoads(problem)
        var net = network(problem, eligible: eligible, capacities: kept.map { max(0, upper - $0) })
        return problem.fixed.count + net.graph.maximiseFlow(from: net.source, to: net.sink)
    }

    /// The fewest extra evaluators without any conflict that make a balanced assignment possible.
    static func additionalNeeded(_ problem: AssignmentProblem, limit: Int = 30) -> Int? {
        for extra in 1...limit {
            var widened = problem
            let base = (problem.evaluators.map(\.id).max() ?? 0) + 1
            widened.evaluators += (0..<extra).map { AssignmentProblem.Evaluator(id: base + Int64($0)) }
            let eligible = eligibility(widened)
            let (lower, upper) = widened.loadBounds
            if widened.evaluators.count >= widened.perProposal,
               eligible.enumerated().allSatisfy({ $1.count + fixedCount(widened, widened.proposals[$0].id) >= widened.perProposal }),
               flow(widened, eligible: eligible, lower: lower, upper: upper) != nil {
                return extra
            }
        }
        return nil
    }

    // MARK: Expertise

    /// Moves and swaps that keep every load within [L, U] and accept only strict improvements of
    /// (proposals with a matched evaluator, matched slots), until a full pass finds none.
    static func improveExpertise(_ problem: AssignmentProblem, eligible: [[Int]], slots: inout [[Int]], lower: Int, upper: Int) {
        let evaluators = problem.evaluators, proposals = problem.proposals
        let kept = fixedLoads(problem)
        let evaluatorByID = Dictionary(uniqueKeysWithValues: evaluators.map { ($0.id, $0) })
        let proposalIndex = Dictionary(uniqueKeysWithValues: proposals.enumerated().map { ($1.id, $0) })
        var keptMatch = [Bool](repeating: false, count: proposals.count)
        for pair in problem.fixed {
            if let evaluator = evaluatorByID[pair.evaluator], let position = proposalIndex[pair.proposal],
               problem.isMatch(evaluator, proposals[position]) { keptMatch[position] = true }
        }
        var load = kept
        var onProposals = [[Int]](repeating: [], count: evaluators.count)
        for (proposal, list) in slots.enumerated() { for evaluator in list { load[evaluator] += 1; onProposals[evaluator].append(proposal) } }
        var allowed = [Set<Int>](repeating: [], count: proposals.count)
        for (proposal, list) in eligible.enumerated() { allowed[proposal] = Set(list) }
        var experts: [String: [Int]] = [:]
        for (position, evaluator) in evaluators.enumerated() { for key in evaluator.expertise { experts[key, default: []].append(position) } }
        func match(_ evaluator: Int, _ proposal: Int) -> Bool { problem.isMatch(evaluators[evaluator], proposals[proposal]) }
        func matches(_ proposal: Int) -> Int { slots[proposal].filter { match($0, proposal) }.count + (keptMatch[proposal] ? 1 : 0) }

        func replace(_ proposal: Int, _ old: Int, with new: Int) {
            slots[proposal][slots[proposal].firstIndex(of: old)!] = new
            onProposals[old].remove(at: onProposals[old].firstIndex(of: proposal)!)
            onProposals[new].append(proposal)
        }

        for _ in 0..<25 {
            var improved = false
            for proposal in proposals.indices {
                guard let category = proposals[proposal].category, let candidates = experts[category] else { continue }
                // Only slots held by someone who does not know the category can gain.
                for old in slots[proposal] where !match(old, proposal) {
                    let covered = matches(proposal) > 0
                    var done = false
                    for new in candidates where !done && allowed[proposal].contains(new) && !slots[proposal].contains(new) {
                        if load[old] - 1 >= lower && load[new] + 1 <= upper {
                            replace(proposal, old, with: new)
                            load[old] -= 1; load[new] += 1
                            done = true
                            break
                        }
                        // Swap: `new` leaves another proposal to `old`, if that costs the other less than this gains.
                        for other in onProposals[new] where other != proposal && allowed[other].contains(old) && !slots[other].contains(old) {
                            let otherMatches = matches(other)
                            let otherAfter = otherMatches - (match(new, other) ? 1 : 0) + (match(old, other) ? 1 : 0)
                            let coverageGain = (covered ? 0 : 1) + ((otherAfter > 0 ? 1 : 0) - (otherMatches > 0 ? 1 : 0))
                            let slotGain = 1 + (otherAfter - otherMatches)
                            if coverageGain > 0 || (coverageGain == 0 && slotGain > 0) {
                                replace(proposal, old, with: new)
                                replace(other, new, with: old)
                                done = true
                                break
                            }
                        }
                    }
                    if done { improved = true; break }
                }
            }
            if !improved { break }
        }
    }

    private static func assignment(_ problem: AssignmentProblem, slots: [[Int]], lower: Int, upper: Int) -> Assignment {
        let evaluators = problem.evaluators, proposals = problem.proposals
        var pairs = Array(problem.fixed)
        for (proposal, list) in slots.enumerated() {
            for evaluator in list { pairs.append(AssignmentPair(proposal: proposals[proposal].id, evaluator: evaluators[evaluator].id)) }
        }
        pairs.sort()
        var loads = Dictionary(uniqueKeysWithValues: evaluators.map { ($0.id, 0) })
        for pair in pairs { loads[pair.evaluator, default: 0] += 1 }
        let evaluatorByID = Dictionary(uniqueKeysWithValues: evaluators.map { ($0.id, $0) })
        let proposalByID = Dictionary(uniqueKeysWithValues: proposals.map { ($0.id, $0) })
        var matched = 0
        var covered = Set<Int64>()
        for pair in pairs {
            if let evaluator = evaluatorByID[pair.evaluator], let proposal = proposalByID[pair.proposal], problem.isMatch(evaluator, proposal) {
                matched += 1
                covered.insert(pair.proposal)
            }
        }
        let proposalIndex = Dictionary(uniqueKeysWithValues: proposals.enumerated().map { ($1.id, $0) })
        let evaluatorIndex = Dictionary(uniqueKeysWithValues: evaluators.enumerated().map { ($1.id, $0) })
        let table = ScoreTable(proposals: proposals.count, evaluators: evaluators.count, entries: pairs.compactMap { pair in
            guard let p = proposalIndex[pair.proposal], let e = evaluatorIndex[pair.evaluator] else { return nil }
            return ScoreTable.Entry(proposal: p, evaluator: e, value: 0)
        })
        return Assignment(pairs: pairs, loads: loads, lower: lower, upper: upper, seed: problem.seed,
                          matchedSlots: matched, coveredProposals: covered.count, connectedParts: table.connectedParts)
    }
}
