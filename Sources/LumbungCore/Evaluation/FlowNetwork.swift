/// A directed network with integer capacities, for the assignment of evaluators and the quota
/// look-ahead: Dinic's maximum flow, and successive shortest paths for a minimum-cost flow.
///
/// Arcs are kept in flat arrays (each arc next to its reverse, so `arc ^ 1` is the reverse)
/// and visited in the order they were added, which makes every result deterministic.
public struct FlowNetwork: Sendable {
    public typealias Node = Int
    public typealias Arc = Int

    public private(set) var nodeCount: Int
    private var head: [Int]
    private var last: [Int]
    private var next: [Int] = []
    private var target: [Int] = []
    private var capacity: [Int] = []
    private var cost: [Int] = []

    public init(nodes: Int) {
        nodeCount = nodes
        head = Array(repeating: -1, count: nodes)
        last = head
    }

    /// Adds a node and returns it.
    public mutating func addNode() -> Node {
        head.append(-1)
        last.append(-1)
        nodeCount += 1
        return nodeCount - 1
    }

    /// Adds an arc and returns it; its flow can be read with `flow(on:)`.
    @discardableResult
    public mutating func addArc(from: Node, to: Node, capacity: Int, cost: Int = 0) -> Arc {
        let arc = target.count
        // Arcs are linked at the end of their node's list so that they are tried in the order added.
        target.append(to); self.capacity.append(capacity); self.cost.append(cost); next.append(-1)
        target.append(from); self.capacity.append(0); self.cost.append(-cost); next.append(-1)
        link(arc, at: from)
        link(arc + 1, at: to)
        return arc
    }

    private mutating func link(_ arc: Int, at node: Int) {
        if last[node] >= 0 { next[last[node]] = arc } else { head[node] = arc }
        last[node] = arc
    }

    /// The flow an arc carries.
    public func flow(on arc: Arc) -> Int { capacity[arc ^ 1] }
    /// The capacity an arc has left.
    public func residual(on arc: Arc) -> Int { capacity[arc] }
    /// Raises (or lowers, down to its flow) an arc's capacity, keeping the flow it carries.
    public mutating func setCapacity(of arc: Arc, to value: Int) {
        capacity[arc] = max(0, value - flow(on: arc))
    }

    // MARK: Dinic's maximum flow

    /// Pushes as much more flow from `source` to `sink` as the network allows and returns how
    /// much was added. Existing flow is kept, so calling it again after raising capacities
    /// continues from where it stopped (the two phases of the balanced assignment).
    public mutating func maximiseFlow(from source: Node, to sink: Node) -> Int {
        var total = 0
        var level = [Int](repeating: -1, count: nodeCount)
        var cursor = [Int](repeating: -1, count: nodeCount)
        var queue = [Int](repeating: 0, count: nodeCount)
        while buildLevels(source, sink, &level, &queue) {
            for node in 0..<nodeCount { cursor[node] = head[node] }
            while true {
                let pushed = augment(source, sink, &level, &cursor)
                if pushed == 0 { break }
                total += pushed
            }
        }
        return total
    }

    private func buildLevels(_ source: Int, _ sink: Int, _ level: inout [Int], _ queue: inout [Int]) -> Bool {
        for node in 0..<nodeCount { level[node] = -1 }
        level[source] = 0
        var front = 0, back = 0
        queue[back] = source; back += 1
        while front < back {
            let node = queue[front]; front += 1
            var arc = head[node]
            while arc != -1 {
                let to = target[arc]
                if capacity[arc] > 0 && level[to] < 0 {
                    level[to] = level[node] + 1
                    queue[back] = to; back += 1
                }
                arc = next[arc]
            }
        }
        return level[sink] >= 0
    }

    /// Finds one augmenting path in the level graph without recursion and pushes its bottleneck.
    private mutating func augment(_ source: Int, _ sink: Int, _ level: inout [Int], _ cursor: inout [Int]) -> Int {
        var path: [Int] = []
        var node = source
        while true {
            if node == sink {
                var bottleneck = Int.max
                for arc in path { bottleneck = min(bottleneck, capacity[arc]) }
                for arc in path {
                    capacity[arc] -= bottleneck
                    capacity[arc ^ 1] += bottleneck
                }
                return bottleneck
            }
            var advanced = false
            while cursor[node] != -1 {
                let arc = cursor[node]
                let to = target[arc]
                if capacity[arc] > 0 && level[to] == level[node] + 1 {
                    path.append(arc)
                    node = to
                    advanced = true
                    break
                }
                cursor[node] = next[arc]
            }
            if !advanced {
                // A dead end: never come back to it in this phase, and retreat one step.
                level[node] = -1
                guard let last = path.popLast() else { return 0 }
                node = target[last ^ 1]
                cursor[node] = next[cursor[node]]
            }
        }
    }

    // MARK: Minimum-cost flow

    /// Sends up to `limit` units from `source` to `sink` along cheapest paths (Bellman–Ford
    /// queue, so negative costs are allowed) and returns the flow sent and its total cost.
    /// For the small networks of a shortlist comparison, not for the assignment itself.
    public mutating func minimiseCost(from source: Node, to sink: Node, limit: Int = .max) -> (flow: Int, cost: Int) {
        var flowSent = 0, totalCost = 0
        while flowSent < limit {
            var distance = [Int](repeating: .max, count: nodeCount)
            var through = [Int](repeating: -1, count: nodeCount)
            var queued = [Bool](repeating: false, count: nodeCount)
            var queue: [Int] = [source]
            var front = 0
            distance[source] = 0
            queued[source] = true
            while front < queue.count {
                let node = queue[front]; front += 1
                queued[node] = false
                var arc = head[node]
                while arc != -1 {
                    let to = target[arc]
                    if capacity[arc] > 0 && distance[node] + cost[arc] < distance[to] {
                        distance[to] = distance[node] + cost[arc]
                        through[to] = arc
                        if !queued[to] { queued[to] = true; queue.append(to) }
                    }
                    arc = next[arc]
                }
            }
            guard distance[sink] != .max else { break }
            var bottleneck = limit - flowSent
            var node = sink
            while node != source { let arc = through[node]; bottleneck = min(bottleneck, capacity[arc]); node = target[arc ^ 1] }
            node = sink
            while node != source {
                let arc = through[node]
                capacity[arc] -= bottleneck
                capacity[arc ^ 1] += bottleneck
                node = target[arc ^ 1]
            }
            flowSent += bottleneck
            totalCost += bottleneck * distance[sink]
        }
        return (flowSent, totalCost)
    }
}
