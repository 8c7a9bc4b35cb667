/// Whether the remaining seats can be chosen from the proposals after a position within every
/// remaining cap and floor of (at most) two attributes: a flow with lower bounds, as §4.2 draws
/// it. The proposals' values are numbered once, so that each check is a pass over integers.
struct QuotaFeasibility {
    private struct Numbered {
        /// Each proposal's value, by number.
        var codes: [Int]
        var caps: [Int?]
        var floors: [Int]
    }

    private let attributes: [Numbered]
    private let count: Int

    init(attributes: [QuotaAttribute], candidates: [QuotaCandidate]) {
        count = candidates.count
        let two = (attributes + [QuotaAttribute(key: ""), QuotaAttribute(key: "")]).prefix(2)
        self.attributes = two.map { attribute in
            var numbers: [String: Int] = [:]
            var names: [String] = []
            func number(_ value: String) -> Int {
                if let known = numbers[value] { return known }
                numbers[value] = names.count
                names.append(value)
                return names.count - 1
            }
            let codes = candidates.map { number($0.value(attribute.key)) }
            for value in attribute.floors.keys.sorted() { _ = number(value) }
            return Numbered(codes: codes, caps: names.map { attribute.cap($0) }, floors: names.map { attribute.floor($0) })
        }
    }

    /// The plain question, for proposals given as values: can `seats` more be chosen from
    /// `candidates` after `taken`?
    static func canFill(_ seats: Int, from candidates: [QuotaCandidate], taken: [QuotaCandidate], attributes: [QuotaAttribute]) -> Bool {
        QuotaFeasibility(attributes: attributes, candidates: taken + candidates)
            .completion(seats, from: taken.count, taken: Array(taken.indices)) != nil
    }

    /// One way to fill `seats` more from the proposals at `start` and after, given the ones
    /// `taken` (positions): the positions chosen, or nil when there is none. Values are tried in
    /// the order their best proposal appears, proposals in rank order, so the way found leans
    /// towards the proposals the ranking reaches first.
    func completion(_ seats: Int, from start: Int, taken: [Int]) -> Set<Int>? {
        let (first, second) = (attributes[0], attributes[1])
        var used = [[Int](repeating: 0, count: first.caps.count), [Int](repeating: 0, count: second.caps.count)]
        for position in taken {
            used[0][first.codes[position]] += 1
            used[1][second.codes[position]] += 1
        }
        if seats == 0 {
            let met = zip(first.floors, used[0]).allSatisfy { $0 <= $1 } && zip(second.floors, used[1]).allSatisfy { $0 <= $1 }
            return met ? [] : nil
        }
        guard count - start >= seats else { return nil }
        func limits(_ attribute: Numbered, _ side: Int, _ code: Int) -> (lower: Int, upper: Int) {
            let upper = attribute.caps[code].map { max(0, $0 - used[side][code]) } ?? seats
            return (max(0, attribute.floors[code] - used[side][code]), min(upper, seats))
        }
        var order: [Int] = []
        var seen = [Bool](repeating: false, count: first.caps.count)
        for position in start..<count where !seen[first.codes[position]] {
            seen[first.codes[position]] = true
            order.append(first.codes[position])
        }
        order += seen.indices.filter { !seen[$0] }

        // Nodes: source, sink, first-attribute values, proposals, second-attribute values, then the super pair.
        let source = 0, sink = 1
        let firstBase = 2, candidateBase = firstBase + first.caps.count, secondBase = candidateBase + (count - start)
        let superSource = secondBase + second.caps.count, superSink = superSource + 1
        var network = FlowNetwork(nodes: superSink + 1)
        var excess = [Int](repeating: 0, count: superSink + 1)
        func arc(_ from: Int, _ to: Int, _ limit: (lower: Int, upper: Int)) -> Bool {
            guard limit.upper >= limit.lower else { return false }
            if limit.upper > limit.lower { network.addArc(from: from, to: to, capacity: limit.upper - limit.lower) }
            excess[to] += limit.lower
            excess[from] -= limit.lower
            return true
        }
        for code in order {
            guard arc(source, firstBase + code, limits(first, 0, code)) else { return nil }
        }
        var chosen: [FlowNetwork.Arc] = []
        chosen.reserveCapacity(count - start)
        for position in start..<count {
            let node = candidateBase + position - start
            network.addArc(from: firstBase + first.codes[position], to: node, capacity: 1)
            chosen.append(network.addArc(from: node, to: secondBase + second.codes[position], capacity: 1))
        }
        for code in second.caps.indices {
            guard arc(secondBase + code, sink, limits(second, 1, code)) else { return nil }
        }
        guard arc(sink, source, (seats, seats)) else { return nil }
        var required = 0
        for node in 0..<superSource where excess[node] != 0 {
            if excess[node] > 0 {
                network.addArc(from: superSource, to: node, capacity: excess[node])
                required += excess[node]
            } else {
                network.addArc(from: node, to: superSink, capacity: -excess[node])
            }
        }
        guard network.maximiseFlow(from: superSource, to: superSink) == required else { return nil }
        return Set(chosen.indices.filter { network.flow(on: chosen[$0]) > 0 }.map { start + $0 })
    }
}
