/// The automatic conflict of interest: an evaluator never assesses a proposal from their own
/// agency, from an agency above it, or from one of its units (any number of levels).
public struct AgencyLineage: Sendable {
    private let parents: [Int: Int]

    /// `parents[agency]` is the agency it belongs to.
    public init(parents: [Int: Int]) { self.parents = parents }

    /// The agency and everything above it, nearest first.
    public func lineage(of agency: Int) -> [Int] {
        var chain = [agency]
        var seen: Set<Int> = [agency]
        while let parent = parents[chain[chain.count - 1]], seen.insert(parent).inserted { chain.append(parent) }
        return chain
    }

    public func areRelated(_ a: Int, _ b: Int) -> Bool {
        lineage(of: a).contains(b) || lineage(of: b).contains(a)
    }
}
