/// Limits on one attribute of the shortlist (kategori, kelompok, wilayah…): at most `caps[value]`
/// and at least `floors[value]` proposals with that value.
public struct QuotaAttribute: Codable, Equatable, Sendable {
    public var key: String
    public var caps: [String: Int]
    public var floors: [String: Int]
    /// A cap for every value not named in `caps`.
    public var defaultCap: Int?

    public init(key: String, caps: [String: Int] = [:], floors: [String: Int] = [:], defaultCap: Int? = nil) {
        self.key = key
        self.caps = caps
        self.floors = floors
        self.defaultCap = defaultCap
    }

    public func cap(_ value: String) -> Int? { caps[value] ?? defaultCap }
    public func floor(_ value: String) -> Int { floors[value] ?? 0 }
}

/// Why a quota cannot be met, before any proposal is chosen (§4.2: "report that before ranking").
public enum QuotaProblem: Equatable, Sendable {
    /// A floor asks for more proposals of a value than qualify.
    case floorUnreachable(attribute: String, value: String, floor: Int, available: Int)
    /// The floors together need more seats than there are.
    case floorsExceedSeats(total: Int, seats: Int)
    /// The caps together leave fewer seats than asked.
    case capsTooTight(attribute: String, allowed: Int, seats: Int)
    /// Each rule can be met alone, but not all of them together.
    case combinationInfeasible(seats: Int)
    /// Quotas on more than two attributes at once.
    case tooManyAttributes(Int)

    public var message: LocalizedMessage {
        switch self {
        case .floorUnreachable(let attribute, let value, let floor, let available):
            return LocalizedMessage("evaluation.quota.floorUnreachable", attribute, value, String(floor), String(available))
        case .floorsExceedSeats(let total, let seats):
            return LocalizedMessage("evaluation.quota.floorsExceedSeats", String(total), String(seats))
        case .capsTooTight(let attribute, let allowed, let seats):
            return LocalizedMessage("evaluation.quota.capsTooTight", attribute, String(allowed), String(seats))
        case .combinationInfeasible(let seats):
            return LocalizedMessage("evaluation.quota.combination", String(seats))
        case .tooManyAttributes(let count):
            return LocalizedMessage("evaluation.quota.tooManyAttributes", String(count))
        }
    }
}

/// A proposal as the shortlist sees it: its place in the ranking and its attribute values.
public struct QuotaCandidate: Equatable, Sendable {
    public let id: Int64
    public let score: Double
    public let values: [String: String]

    public init(id: Int64, score: Double, values: [String: String]) {
        self.id = id
        self.score = score
        self.values = values
    }

    func value(_ attribute: String) -> String { values[attribute] ?? "" }
}

/// The shortlist of a stage (§4.2): down the ranking, a proposal is taken unless its group is
/// full or taking it would make the remaining quotas impossible to meet.
public struct QuotaSelection: Equatable, Sendable {
    public enum Skip: Equatable, Sendable {
        /// Its value of this attribute already has its cap.
        case groupFull(attribute: String, value: String)
        /// Taking it would leave the remaining seats unfillable within the quotas.
        case wouldBreakQuotas
    }

    public let selected: [Int64]
    /// Proposals passed over before the last seat was filled, with the reason.
    public let skipped: [(id: Int64, reason: Skip)]
    public let seats: Int

    public static func == (a: QuotaSelection, b: QuotaSelection) -> Bool {
        a.selected == b.selected && a.seats == b.seats && a.skipped.map(\.id) == b.skipped.map(\.id)
            && a.skipped.map(\.reason) == b.skipped.map(\.reason)
    }

    /// The quotas checked on their own and together, before anything is chosen.
    public static func problems(seats: Int, candidates: [QuotaCandidate], attributes: [QuotaAttribute]) -> [QuotaProblem] {
        guard attributes.count <= 2 else { return [.tooManyAttributes(attributes.count)] }
        var problems: [QuotaProblem] = []
        let floorTotal = attributes.map { $0.floors.values.reduce(0, +) }.max() ?? 0
        if floorTotal > seats { problems.append(.floorsExceedSeats(total: floorTotal, seats: seats)) }
        for attribute in attributes {
            for (value, floor) in attribute.floors.sorted(by: { $0.key < $1.key }) {
                let available = candidates.filter { $0.value(attribute.key) == value }.count
                if available < floor { problems.append(.floorUnreachable(attribute: attribute.key, value: value, floor: floor, available: available)) }
            }
            let counts = Dictionary(grouping: candidates, by: { $0.value(attribute.key) }).mapValues(\.count)
            let allowed = counts.reduce(0) { $0 + min($1.value, attribute.cap($1.key) ?? $1.value) }
            if allowed < min(seats, candidates.count) { problems.append(.capsTooTight(attribute: attribute.key, allowed: allowed, seats: seats)) }
        }
        if problems.isEmpty && !QuotaFeasibility.canFill(min(seats, candidates.count), from: candidates, taken: [], attributes: attributes) {
            problems.append(.combinationInfeasible(seats: seats))
        }
        return problems
    }

    /// Plain greedy: take in rank order while the proposal's groups have room (exact for caps
    /// on one attribute, a partition matroid). `candidates` must be in rank order.
    public static func greedy(seats: Int, candidates: [QuotaCandidate], attributes: [QuotaAttribute]) -> QuotaSelection {
        select(seats: seats, candidates: candidates, attributes: attributes, lookAhead: false)
    }

    /// Rank-order greedy with the max-flow look-ahead. `candidates` must be in rank order.
    public static func withLookAhead(seats: Int, candidates: [QuotaCandidate], attributes: [QuotaAttribute]) -> QuotaSelection {
        select(seats: seats, candidates: candidates, attributes: attributes, lookAhead: true)
    }

    private static func select(seats: Int, candidates: [QuotaCandidate], attributes: [QuotaAttribute], lookAhead: Bool) -> QuotaSelection {
        let needsLookAhead = lookAhead && (attributes.count > 1 || attributes.contains { !$0.floors.isEmpty })
        let feasibility = needsLookAhead ? QuotaFeasibility(attributes: attributes, candidates: candidates) : nil
        var taken: [Int] = []
        var skipped: [(Int64, Skip)] = []
        var counts: [String: [String: Int]] = [:]
        // A way to fill the remaining seats from the proposals not yet looked at. A proposal in
        // it can be taken without a new check (the rest of it still fills the seats after it), so
        // the flow is solved again only for proposals outside it: the same choices, far fewer flows.
        var witness: Set<Int>?
        for (position, candidate) in candidates.enumerated() where taken.count < seats {
            if let full = attributes.first(where: { attribute in
                let value = candidate.value(attribute.key)
                return attribute.cap(value).map { (counts[attribute.key]?[value] ?? 0) >= $0 } ?? false
            }) {
                skipped.append((candidate.id, .groupFull(attribute: full.key, value: candidate.value(full.key))))
                continue
            }
            if let feasibility {
                if witness?.contains(position) == true {
                    witness?.remove(position)
                } else if let found = feasibility.completion(seats - taken.count - 1, from: position + 1, taken: taken + [position]) {
                    witness = found
                } else {
                    skipped.append((candidate.id, .wouldBreakQuotas))
                    continue
                }
            }
            taken.append(position)
            for attribute in attributes { counts[attribute.key, default: [:]][candidate.value(attribute.key), default: 0] += 1 }
        }
        return QuotaSelection(selected: taken.map { candidates[$0].id }, skipped: skipped, seats: seats)
    }

    /// The selection with the highest total score within the caps (no floors), by minimum-cost
    /// flow: shown beside the rank-order result, never used for it (§4.2's comparison).
    public static func highestTotal(seats: Int, candidates: [QuotaCandidate], attributes: [QuotaAttribute]) -> [Int64] {
        let first = attributes.first ?? QuotaAttribute(key: "")
        let second = attributes.count > 1 ? attributes[1] : QuotaAttribute(key: "")
        let firstValues = Array(Set(candidates.map { $0.value(first.key) })).sorted()
        let secondValues = Array(Set(candidates.map { $0.value(second.key) })).sorted()
        let source = 0, sink = 1, firstBase = 2, candidateBase = 2 + firstValues.count
        let secondBase = candidateBase + candidates.count
        var network = FlowNetwork(nodes: secondBase + secondValues.count)
        for (position, value) in firstValues.enumerated() {
            network.addArc(from: source, to: firstBase + position, capacity: first.cap(value) ?? seats)
        }
        var arcs: [FlowNetwork.Arc] = []
        for (position, candidate) in candidates.enumerated() {
            network.addArc(from: firstBase + firstValues.firstIndex(of: candidate.value(first.key))!, to: candidateBase + position,
                           capacity: 1, cost: -Int((candidate.score * 1000).rounded()))
            arcs.append(network.addArc(from: candidateBase + position, to: secondBase + secondValues.firstIndex(of: candidate.value(second.key))!, capacity: 1))
        }
        for (position, value) in secondValues.enumerated() {
            network.addArc(from: secondBase + position, to: sink, capacity: second.cap(value) ?? seats)
        }
        // Every unit of flow is worth taking while it lowers the cost: stop at the seat count.
        _ = network.minimiseCost(from: source, to: sink, limit: seats)
        return candidates.indices.filter { network.flow(on: arcs[$0]) > 0 }.map { candidates[$0].id }
    }
}
