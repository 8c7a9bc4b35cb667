/// The totals of one stage: which evaluator gave which proposal what, by position. Proposals
/// and evaluators are numbered 0..<count; the caller keeps the mapping to its own ids.
public struct ScoreTable: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let proposal: Int
        public let evaluator: Int
        public let value: Double

        public init(proposal: Int, evaluator: Int, value: Double) {
            self.proposal = proposal
            self.evaluator = evaluator
            self.value = value
        }
    }

    public let proposalCount: Int
    public let evaluatorCount: Int
    public let entries: [Entry]
    /// Entry positions per proposal and per evaluator.
    public let byProposal: [[Int]]
    public let byEvaluator: [[Int]]

    public init(proposals: Int, evaluators: Int, entries: [Entry]) {
        proposalCount = proposals
        evaluatorCount = evaluators
        self.entries = entries
        var byProposal = [[Int]](repeating: [], count: proposals)
        var byEvaluator = [[Int]](repeating: [], count: evaluators)
        for (position, entry) in entries.enumerated() {
            byProposal[entry.proposal].append(position)
            byEvaluator[entry.evaluator].append(position)
        }
        self.byProposal = byProposal
        self.byEvaluator = byEvaluator
    }

    /// A table from rows of scores, `nil` where an evaluator did not score a proposal.
    public init(rows: [[Double?]]) {
        let evaluators = rows.map(\.count).max() ?? 0
        var entries: [Entry] = []
        for (proposal, row) in rows.enumerated() {
            for (evaluator, value) in row.enumerated() {
                if let value { entries.append(Entry(proposal: proposal, evaluator: evaluator, value: value)) }
            }
        }
        self.init(proposals: rows.count, evaluators: evaluators, entries: entries)
    }

    public func values(ofProposal proposal: Int) -> [Double] { byProposal[proposal].map { entries[$0].value } }
    public func values(ofEvaluator evaluator: Int) -> [Double] { byEvaluator[evaluator].map { entries[$0].value } }

    /// The same table with each entry's value replaced.
    public func replacingValues(_ values: [Double]) -> ScoreTable {
        ScoreTable(proposals: proposalCount, evaluators: evaluatorCount,
                   entries: zip(entries, values).map { Entry(proposal: $0.proposal, evaluator: $0.evaluator, value: $1) })
    }

    /// How many connected parts the graph of proposals and evaluators (joined by a score) falls
    /// into, counting only those with at least one score (§1.5). Calibration compares
    /// evaluators only within one part.
    public var connectedParts: Int {
        var parent = Array(0..<(proposalCount + evaluatorCount))
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node { parent[node] = parent[parent[node]]; node = parent[node] }
            return node
        }
        for entry in entries {
            let a = root(entry.proposal), b = root(proposalCount + entry.evaluator)
            if a != b { parent[a] = b }
        }
        var roots = Set<Int>()
        for entry in entries { roots.insert(root(entry.proposal)) }
        return roots.count
    }
}
